#!/usr/bin/env node
/**
 * `backchannel <command> …`: every command of the core, derived from its definition; `chat` opens the
 * terminal chat. Never loads discord.js or Bolt.
 */
import { createInterface } from 'node:readline';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import { isBackchannelError } from '../../src/errors.js';
import { renderTerminal, ANSI, PLAIN } from '../terminal/render.js';
import { parseCommandArgs } from './parse.js';

const USAGE = () =>
  [
    'usage: backchannel <command> [words…] [--option value] [--json] [--corpus DIR]',
    '',
    ...[...commands.values()].map((c) => `  ${(c.name + (c.positional ? ` <${c.positional}>` : '')).padEnd(22)} ${c.description}`),
    `  ${'chat'.padEnd(22)} Open the terminal chat`,
    '',
    '  ask --jsonl            Read one question a line on stdin, write one JSON answer a line',
  ].join('\n');

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE());
    return name ? 0 : 1;
  }
  if (name === 'chat') {
    const { runChat } = await import('../terminal/chat.js');
    const corpusFlag = rest.indexOf('--corpus');
    return runChat({ corpusDir: corpusFlag >= 0 ? rest[corpusFlag + 1] : undefined });
  }
  const definition = commands.get(name.replace(/^\//, '').toLowerCase());
  if (!definition) {
    console.error(`backchannel: unknown command "${name}"\n\n${USAGE()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseCommandArgs(definition, rest);
  } catch (error) {
    console.error(`backchannel ${definition.name}: ${(error as Error).message}`);
    return 2;
  }
  if (parsed.help) {
    console.log(`/${definition.name}: ${definition.description}`);
    for (const [key, schema] of Object.entries(definition.options.shape)) console.log(`  --${key.padEnd(10)} ${(schema as { description?: string }).description ?? ''}`);
    return 0;
  }
  const core = loadCore({ corpusDir: parsed.corpus });
  if (parsed.jsonl) return jsonLines(core, definition.name);
  const reply = runCommand(definition, parsed.input, core);
  if (parsed.json) console.log(JSON.stringify(reply.data, null, 2));
  else console.log(renderTerminal(reply, process.stdout.isTTY ? ANSI : PLAIN));
  return reply.ok ? 0 : 1;
}

/** `ask --jsonl`: one question a line in, one JSON object a line out, in order. A bad line gets an error object. */
async function jsonLines(core: Core, name: string): Promise<number> {
  const definition = commands.get(name)!;
  if (!definition.positional) {
    console.error(`backchannel ${name}: --jsonl needs a command that takes words`);
    return 2;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let out = '';
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      out += JSON.stringify(runCommand(definition, { [definition.positional]: line }, core).data) + '\n';
    } catch (error) {
      out += JSON.stringify({ query: line, error: isBackchannelError(error) ? error.userMessage : 'internal error' }) + '\n';
    }
    if (out.length > 1 << 16) {
      process.stdout.write(out);
      out = '';
    }
  }
  process.stdout.write(out);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(isBackchannelError(error) ? error.message : error);
    process.exitCode = 1;
  },
);
