import { createInterface } from 'node:readline';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { createCoreHolder } from '../../src/reload.js';
import type { Core } from '../../src/core.js';
import type { Retriever } from '../../src/retrieval/types.js';
import { isBackchannelError } from '../../src/errors.js';
import { renderTerminal, terminalWrap, ANSI, PLAIN } from './render.js';
import { writePicture } from '../pictures.js';
import { chatWords, parseCommandArgs, splitChatLine } from '../cli/parse.js';

export interface ChatOptions {
  corpusDir?: string | undefined;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Watch the corpus and reload it when it changes (a broken change keeps the last good one). Default true. */
  watch?: boolean;
  /** Where /ask retrieves (see `Core.retriever`). Default the in-memory index. */
  retriever?: Retriever | undefined;
  /** Called with the core at start (awaited before the first question) and with each reloaded one. */
  onCore?: (core: Core) => Promise<void>;
}

/**
 * The terminal chat: `/command words…` runs a command, a plain line is a question for /ask, `/quit`
 * or end of input leaves. Errors are shown and the chat goes on.
 */
export async function runChat(options: ChatOptions = {}): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const tty = output === process.stdout && process.stdout.isTTY;
  const style = tty ? ANSI : PLAIN;
  const layout = tty ? await terminalWrap(process.stdout) : undefined;
  const write = (text: string) => output.write(text + '\n');
  const holder = createCoreHolder({
    core: { corpusDir: options.corpusDir, retriever: options.retriever },
    watch: options.watch ?? true,
    onReload: (r) => {
      write(
        r.ok
          ? `(corpus reloaded: ${r.passages} passages from ${r.documents} documents)`
          : `(corpus change not loaded, still answering from the last good corpus: ${r.reason.split('\n')[0]})`,
      );
      if (r.ok) void options.onCore?.(r.core);
    },
  });
  const core = holder.proxy;
  await options.onCore?.(holder.current);
  write(`Backchannel — ${core.corpus.passages.length} passages from ${core.corpus.documents.length} documents. Ask a question, or /help. /quit leaves.`);
  const rl = createInterface({ input, output, terminal: tty, prompt: '> ' });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line) {
      const parsed = splitChatLine(line) ?? { name: 'ask', rest: line };
      const definition = commands.get(parsed.name);
      if (!definition) write(`Unknown command /${parsed.name}. Try /help.`);
      else {
        try {
          const isLine = parsed.name === 'ask' && !splitChatLine(line);
          const args = isLine ? undefined : parseCommandArgs(definition, chatWords(parsed.rest));
          const reply = await runCommand(definition, args?.input ?? { question: line }, core);
          write(renderTerminal(reply, style, layout));
          if (args?.png !== undefined) write(await writePicture(reply, args.png));
        } catch (error) {
          if (isBackchannelError(error)) write(error.userMessage);
          else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) write(error.message);
          else write('Something went wrong; the chat goes on.');
        }
      }
    }
    rl.prompt();
  }
  rl.close();
  holder.close();
  return 0;
}
