import type { z } from 'zod';
import { BackchannelError } from '../errors.js';
import type { Core } from '../core.js';
import type { Reply } from '../reply/model.js';
import type { CommandDefinition } from './types.js';
import { commands } from './index.js';

/**
 * Validates raw input against a command's options and runs it. Bad input becomes a `BAD_INPUT` error
 * whose user message lists each problem by option name, so every adapter shows the same clear text.
 */
export function runCommand(definition: CommandDefinition, input: Record<string, unknown>, core: Core): Reply {
  const parsed = definition.options.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
    throw new BackchannelError('BAD_INPUT', `invalid input for /${definition.name}: ${problems.join('; ')}`, {
      userMessage: `That input to /${definition.name} could not be used — ${problems.join('; ')}.`,
      details: { command: definition.name, problems },
    });
  }
  return definition.run(parsed.data as z.infer<typeof definition.options>, core);
}

/** Looks a command up by name (case-insensitive, a leading slash allowed). */
export function findCommand(name: string): CommandDefinition | undefined {
  return commands.get(name.replace(/^\//, '').toLowerCase());
}
