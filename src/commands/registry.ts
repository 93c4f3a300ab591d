import type { CommandDefinition } from './types.js';

/**
 * The command Map that deploy (registration) and dispatch both read, in the order help lists them.
 * Filled by `commands/index.ts`; kept in its own module so that commands (like help) can read it
 * without an import cycle.
 */
export const commands = new Map<string, CommandDefinition>();

export function register(...definitions: CommandDefinition[]): void {
  for (const d of definitions) {
    if (commands.has(d.name)) throw new Error(`command /${d.name} is defined twice`);
    commands.set(d.name, d);
  }
}
