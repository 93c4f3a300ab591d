/**
 * `backchannel <command> …`: every command of the core, derived from its definition; `chat` opens the
 * terminal chat. Never loads discord.js or Bolt. `bin.ts` runs it on the process's arguments.
 */
import { createInterface } from 'node:readline';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import { isBackchannelError } from '../../src/errors.js';
import { renderTerminal, terminalWrap, ANSI, PLAIN } from '../terminal/render.js';
import { parseCommandArgs } from './parse.js';

/** Where the CLI reads and writes; the process's own streams unless a test passes others. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** Show query terms in ANSI bold (a terminal) rather than **asterisks**. */
  tty: boolean;
  /** The terminal's width, to which a reply is wrapped (only when `tty`). */
  columns?: number | undefined;
}

export const processIO = (): CliIO => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdin: process.stdin,
  tty: process.stdout.isTTY === true,
  columns: process.stdout.columns,
});

const USAGE = () =>
  [
    'usage: backchannel <command> [words…] [--option value] [--json] [--png FILE] [--corpus DIR]',
    '',
    ...[...commands.values()].map((c) => `  ${(c.name + (c.positional ? ` <${c.positional}>` : '')).padEnd(22)} ${c.description}`),
    `  ${'chat'.padEnd(22)} Open the terminal chat`,
    `  ${'corpus add FILE'.padEnd(22)} Add a document (.txt, .md, .html, .pdf) to the corpus; see corpus --help`,
    `  ${'corpus check [DIR]'.padEnd(22)} Validate the corpus: every problem with file and line`,
    '',
    '  ask --jsonl            Read one question a line on stdin, write one JSON answer a line',
  ].join('\n');

/** Runs the CLI on `argv` (the words after `backchannel`) and returns the exit status. */
export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(USAGE() + '\n');
    return name ? 0 : 1;
  }
  if (name === 'chat') {
    const { runChat } = await import('../terminal/chat.js');
    const corpusFlag = rest.indexOf('--corpus');
    return runChat({ corpusDir: corpusFlag >= 0 ? rest[corpusFlag + 1] : undefined, input: io.stdin, output: { write: (t: string) => (io.stdout(t), true) } as NodeJS.WritableStream });
  }
  if (name === 'corpus') {
    const { runCorpusCommand } = await import('./corpus.js');
    return runCorpusCommand(rest, { out: (line) => io.stdout(line + '\n'), err: (line) => io.stderr(line + '\n') });
  }
  const definition = commands.get(name.replace(/^\//, '').toLowerCase());
  if (!definition) {
    io.stderr(`backchannel: unknown command "${name}"\n\n${USAGE()}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseCommandArgs(definition, rest);
  } catch (error) {
    io.stderr(`backchannel ${definition.name}: ${(error as Error).message}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`/${definition.name}: ${definition.description}\n`);
    for (const [key, schema] of Object.entries(definition.options.shape)) io.stdout(`  --${key.padEnd(10)} ${(schema as { description?: string }).description ?? ''}\n`);
    return 0;
  }
  const core = loadCore({ corpusDir: parsed.corpus });
  if (parsed.jsonl) return jsonLines(core, definition.name, io);
  let reply;
  try {
    reply = await runCommand(definition, parsed.input, core);
  } catch (error) {
    if (!isBackchannelError(error)) throw error;
    io.stderr(`backchannel ${definition.name}: ${error.userMessage}\n`);
    return error.code === 'BAD_INPUT' ? 2 : 1;
  }
  const layout = parsed.json ? undefined : await terminalWrap({ isTTY: io.tty, columns: io.columns });
  io.stdout((parsed.json ? JSON.stringify(reply.data, null, 2) : renderTerminal(reply, io.tty ? ANSI : PLAIN, layout)) + '\n');
  if (parsed.png !== undefined) {
    const { writePicture } = await import('../pictures.js');
    const written = await writePicture(reply, parsed.png);
    io.stderr(`backchannel ${definition.name}: ${written}\n`);
    if (!written.startsWith('wrote')) return 1;
  }
  return reply.ok ? 0 : 1;
}

/** `ask --jsonl`: one question a line in, one JSON object a line out, in order. A bad line gets an error object. */
async function jsonLines(core: Core, name: string, io: CliIO): Promise<number> {
  const definition = commands.get(name)!;
  if (!definition.positional) {
    io.stderr(`backchannel ${name}: --jsonl needs a command that takes words\n`);
    return 2;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let out = '';
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      out += JSON.stringify((await runCommand(definition, { [definition.positional]: line }, core)).data) + '\n';
    } catch (error) {
      out += JSON.stringify({ query: line, error: isBackchannelError(error) ? error.userMessage : 'internal error' }) + '\n';
    }
    if (out.length > 1 << 16) {
      io.stdout(out);
      out = '';
    }
  }
  io.stdout(out);
  return 0;
}
