/** Every command, in the order help lists them. Deploy (registration) and dispatch both read this Map. */
import type { CommandDefinition } from './types.js';

export const commands = new Map<string, CommandDefinition>();
