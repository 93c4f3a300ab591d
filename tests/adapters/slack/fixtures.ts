/**
 * Small command definitions and a log capture for the Slack adapter's tests. The commands are shaped
 * like the real ones (`ask` with a positional question and a `page`, `help`, `timeline`, `source`)
 * and return fixed replies, including corpus text that tries to ping a channel.
 */
import * as z from 'zod';
import type { CommandDefinition } from '../../../src/commands/types.js';
import type { Core } from '../../../src/core.js';
import { BackchannelError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import type { Citation, Reply } from '../../../src/reply/model.js';

export const CITATION: Citation = {
  n: 1,
  docId: 'jfk-secret-talks',
  passageId: 'jfk-secret-talks#p3',
  title: 'JFK’s secret talks with Castro',
  kind: 'article',
  date: 'November 5, 1963',
  paragraph: 3,
  comment: false,
};

/** Corpus text that would ping a channel, mention a user and link out if it were not escaped. */
export const HOSTILE_PASSAGE = 'Memo to <!channel>: ask <@U123> & see <https://evil.example|click> *now*.';

function defineCommand<S extends z.ZodObject>(definition: CommandDefinition<S>): CommandDefinition {
  return definition as unknown as CommandDefinition;
}

const ask = defineCommand({
  name: 'ask',
  description: 'Ask a question; get quotes from the documents, with citations.',
  options: z.object({
    question: z.string().min(1, 'Ask a question').describe('Your question'),
    page: z.number().int().min(1).default(1).describe('Page of results'),
  }),
  positional: 'question',
  run({ question, page }): Reply {
    if (/hostile/i.test(question)) {
      return {
        blocks: [
          { type: 'quote', runs: [{ text: HOSTILE_PASSAGE }], citation: 1 },
          { type: 'citations', items: [CITATION] },
        ],
        actions: [],
        data: { question },
        ok: true,
      };
    }
    return {
      blocks: [
        { type: 'text', runs: [{ text: `Page ${page} for: ${question}` }] },
        {
          type: 'quote',
          runs: [{ text: 'Kennedy wanted to explore an ' }, { text: 'accommodation', marked: true }, { text: ' with Castro.' }],
          citation: 1,
        },
        { type: 'citations', items: [CITATION] },
      ],
      actions: [{ id: 'more', label: 'More results', command: 'ask', args: { question, page: page + 1 } }],
      data: { question, page },
      ok: true,
    };
  },
});

const help = defineCommand({
  name: 'help',
  description: 'What Backchannel can do.',
  options: z.object({}),
  run(): Reply {
    return { blocks: [{ type: 'heading', text: 'Backchannel' }, { type: 'text', runs: [{ text: 'Ask about the back channel.' }] }], actions: [], data: null, ok: true };
  },
});

const timeline = defineCommand({
  name: 'timeline',
  description: 'Events of a period, in order.',
  options: z.object({
    period: z.string().min(1).describe('A year, month or range'),
    topic: z.string().optional().describe('Only events about this'),
  }),
  positional: 'period',
  run({ period, topic }): Reply {
    return { blocks: [{ type: 'text', runs: [{ text: `Timeline ${period}${topic ? ` about ${topic}` : ''}` }] }], actions: [], data: { period, topic }, ok: true };
  },
});

const source = defineCommand({
  name: 'source',
  description: 'Show a document or passage by id.',
  options: z.object({ id: z.string().min(1).describe('Document or passage id') }),
  positional: 'id',
  run({ id }): Reply {
    throw new BackchannelError('NOT_FOUND', `no document ${id}`, { details: { id } });
  },
});

/** Throws something that is not a BackchannelError: a bug. */
const boom = defineCommand({
  name: 'boom',
  description: 'Fails.',
  options: z.object({}),
  run(): Reply {
    throw new TypeError('secret internal detail');
  },
});

export function testCommands(extra: CommandDefinition[] = []): Map<string, CommandDefinition> {
  return new Map([ask, help, timeline, source, ...extra].map((c) => [c.name, c]));
}

export const BOOM = boom;

/** The test commands never read the core. */
export const FAKE_CORE = {} as Core;

export interface CapturedLog {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger whose lines are kept (parsed) in `lines`, with a way to wait for one. */
export function captureLogger(level = 'info') {
  const lines: CapturedLog[] = [];
  const waiters = new Set<() => void>();
  const stream = {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line.trim()) lines.push(JSON.parse(line) as CapturedLog);
      for (const waiter of [...waiters]) waiter();
    },
  };
  const logger = createLogger({ level, destination: stream });
  const waitFor = (find: (line: CapturedLog) => boolean, what: string, timeoutMs = 5000) =>
    new Promise<CapturedLog>((resolve, reject) => {
      const check = () => {
        const line = lines.find(find);
        if (!line) return false;
        clearTimeout(timer);
        waiters.delete(waiterFn);
        resolve(line);
        return true;
      };
      const waiterFn = () => void check();
      const timer = setTimeout(() => {
        waiters.delete(waiterFn);
        reject(new Error(`timed out waiting for log line: ${what}; saw: ${lines.map((l) => l.msg).join(' | ')}`));
      }, timeoutMs);
      if (!check()) waiters.add(waiterFn);
    });
  return { logger, lines, waitFor };
}
