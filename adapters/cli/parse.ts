import { parseArgs } from 'node:util';
import type { CommandDefinition } from '../../src/commands/types.js';

/** Flags every CLI command takes, beside its own options. */
export const COMMON_FLAGS = {
  json: { type: 'boolean', default: false },
  jsonl: { type: 'boolean', default: false },
  corpus: { type: 'string' },
  png: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface ParsedCli {
  input: Record<string, unknown>;
  json: boolean;
  jsonl: boolean;
  corpus: string | undefined;
  /** Where to write the reply's picture as PNG (`--png FILE`), if asked. */
  png: string | undefined;
  help: boolean;
}

/**
 * Derives a command's CLI from its definition: each option becomes `--name value`, and the words
 * after the command name fill the positional option.
 */
export function parseCommandArgs(definition: CommandDefinition, args: string[]): ParsedCli {
  const own = Object.fromEntries(Object.keys(definition.options.shape).map((name) => [name, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({ args, options: { ...own, ...COMMON_FLAGS }, allowPositionals: true, strict: true });
  const input: Record<string, unknown> = {};
  const given = values as Record<string, unknown>;
  for (const name of Object.keys(own)) if (given[name] !== undefined) input[name] = given[name];
  if (positionals.length) {
    if (!definition.positional) throw new Error(`/${definition.name} takes no ${positionals.length > 1 ? 'words' : 'word'} after it: ${positionals.join(' ')}`);
    input[definition.positional] = positionals.join(' ');
  }
  return {
    input,
    json: values.json === true,
    jsonl: values.jsonl === true,
    corpus: typeof values.corpus === 'string' ? values.corpus : undefined,
    png: typeof values.png === 'string' ? values.png : undefined,
    help: values.help === true,
  };
}

/** Splits a chat line "/name rest of line" into the command name and the text after it. */
export function splitChatLine(line: string): { name: string; rest: string } | null {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line.trim());
  return m ? { name: m[1]!.toLowerCase(), rest: m[2]!.trim() } : null;
}

/**
 * Splits the text after a chat command into words as a shell would for simple cases: "quoted words"
 * stay together, `--flags` are kept, an apostrophe inside a word ("Kennedy's") is just a letter.
 */
export function chatWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}
