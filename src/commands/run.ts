import type * as z from 'zod';
import { BackchannelError } from '../errors.js';
import type { Core } from '../core.js';
import type { Reply } from '../reply/model.js';
import type { CommandDefinition } from './types.js';
import { commands } from './index.js';
import { INPUT_LIMITS, maxLengthOf } from './limits.js';

function badInput(definition: CommandDefinition, problems: string[]): BackchannelError {
  return new BackchannelError('BAD_INPUT', `invalid input for /${definition.name}: ${problems.join('; ')}`, {
    userMessage: `That input to /${definition.name} could not be used — ${problems.join('; ')}.`,
    details: { command: definition.name, problems },
  });
}

/**
 * Refuses, before any parsing, input that is not a plain object of options, and any text longer
 * than `INPUT_LIMITS.rawChars`: such text is refused as too long (naming the option's own limit)
 * without being cleaned, so huge input costs next to nothing.
 */
function precheck(definition: CommandDefinition, input: unknown): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badInput(definition, ['input: is not a set of options']);
  const shape = definition.options.shape as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (typeof value !== 'string' || value.length <= INPUT_LIMITS.rawChars) continue;
    const max = Object.hasOwn(shape, key) ? (maxLengthOf(shape[key]) ?? INPUT_LIMITS.rawChars) : INPUT_LIMITS.rawChars;
    problems.push(`${key}: is too long: at most ${max} characters, please`);
  }
  if (problems.length > 0) throw badInput(definition, problems);
}

/**
 * Validates raw input against a command's options and runs it. Bad input becomes a `BAD_INPUT` error
 * whose user message lists each problem by option name, so every adapter shows the same clear text.
 * Every string option is cleaned by its schema (`cleanInput`: control and invisible characters out)
 * and capped in length; over-long raw text is refused before it is even cleaned. Asynchronous, since a
 * command may retrieve from a server; every failure, bad input included, is a rejection.
 */
export async function runCommand(definition: CommandDefinition, input: Record<string, unknown>, core: Core): Promise<Reply> {
  precheck(definition, input);
  const parsed = definition.options.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
    throw badInput(definition, problems);
  }
  return definition.run(parsed.data as z.infer<typeof definition.options>, core);
}

/** Looks a command up by name (case-insensitive, a leading slash allowed). */
export function findCommand(name: string): CommandDefinition | undefined {
  return commands.get(name.replace(/^\//, '').toLowerCase());
}
