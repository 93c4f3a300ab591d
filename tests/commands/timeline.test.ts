import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs, splitChatLine } from '../../adapters/cli/parse.js';
import { timelineCommand } from '../../src/commands/timeline.js';
import { runCommand } from '../../src/commands/run.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import { loadCore, type Core } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import type { Block, Reply } from '../../src/reply/model.js';

let core: Core;

beforeAll(() => {
  core = loadCore();
});

const run = async (period: string, page = 1): Promise<Reply> => timelineCommand.run({ period, page }, core);
const blocksOf = <T extends Block['type']>(reply: Reply, type: T) => reply.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

interface EventJson {
  date: string;
  precision: string;
  qualifier?: string;
  text: string;
  comment: boolean;
  citations: Array<{ docId: string; passageId: string; title: string; text: string }>;
}
interface TimelineJson {
  query: string;
  from: string | null;
  to: string | null;
  events: EventJson[];
  nearest: { before?: string; after?: string };
  error?: string;
}
const dataOf = (reply: Reply) => reply.data as TimelineJson;

describe('/timeline', () => {
  describe('definition', () => {
    it('takes the rest of the line as its period, with short descriptions', () => {
      expect(timelineCommand.name).toBe('timeline');
      expect(timelineCommand.positional).toBe('period');
      expect(timelineCommand.description.length).toBeLessThanOrEqual(100);
      for (const schema of Object.values(timelineCommand.options.shape)) expect(schema.description!.length).toBeLessThanOrEqual(100);
    });

    it('derives its CLI: `timeline 1977 --json`', async () => {
      const parsed = parseCommandArgs(timelineCommand as unknown as CommandDefinition, ['1977', '--json']);
      expect(parsed).toMatchObject({ input: { period: '1977' }, json: true });
      expect(dataOf((await runCommand(timelineCommand as unknown as CommandDefinition, parsed.input, core))).from).toBe('1977');
    });

    it('runs from a chat line: `/timeline 1963 Attwood`', async () => {
      const line = splitChatLine('/timeline 1963 Attwood')!;
      const reply = await runCommand(timelineCommand as unknown as CommandDefinition, { [timelineCommand.positional!]: line.rest }, core);
      expect(dataOf(reply).events.map((e) => e.date)).toContain('1963-05-10');
    });

    it('refuses an over-long period before running', async () => {
      await expect(runCommand(timelineCommand as unknown as CommandDefinition, { period: '1'.repeat(200) }, core)).rejects.toThrow(BackchannelError);
    });
  });

  describe('JSON', () => {
    it('has the shape { query, from, to, events: [{ date, precision, text, citations: [{ docId, passageId, title }] }] }', async () => {
      const data = dataOf((await run('1977')));
      expect(data).toMatchObject({ query: '1977', from: '1977', to: '1977' });
      expect(data.events.map((e) => [e.date, e.precision])).toEqual([
        ['1977', 'year'],
        ['1977', 'year'],
        ['1977-04-08', 'day'],
      ]);
      for (const e of data.events)
        for (const c of e.citations) {
          expect(Object.keys(c)).toEqual(expect.arrayContaining(['docId', 'passageId', 'title']));
          expect(core.corpus.passageById.get(c.passageId)!.text).toContain(c.text);
        }
    });

    it('keeps every event text verbatim from its passage', async () => {
      for (const e of dataOf((await run(''))).events) expect(core.corpus.passageById.get(e.citations[0]!.passageId)!.text).toContain(e.text);
    });

    it('shows the qualifier and marks reader comments', async () => {
      const events = dataOf((await run('1963'))).events;
      expect(events.find((e) => e.text.startsWith('In early April of 1963'))).toMatchObject({ date: '1963-04', precision: 'month', qualifier: 'early' });
      expect(events.find((e) => e.text.includes('11/18/63'))!.comment).toBe(true);
    });

    it('lists every citation of a merged event', async () => {
      const nov22 = dataOf((await run('1963-11'))).events.find((e) => e.date === '1963-11-22' && !e.comment)!;
      expect(nov22.citations.map((c) => c.docId).sort()).toEqual(['back-channel-summary', 'jfkfacts-secret-talks']);
    });
  });

  describe('reply', () => {
    it('shows each event’s date, then its sentence quoted with a citation', async () => {
      const reply = await run('1963-11');
      expect(reply.ok).toBe(true);
      expect(blocksOf(reply, 'heading')[0]!.text).toBe('Timeline: November 1963');
      const labels = blocksOf(reply, 'text').map((b) => b.runs.map((r) => r.text).join(''));
      expect(labels[0]).toBe('1. 1963-11-05 · day');
      const quotes = blocksOf(reply, 'quote');
      expect(quotes[0]!.runs.map((r) => r.text).join('')).toBe('On November 5, 1963, President Kennedy was exploring the idea.');
      expect(quotes[0]!.runs.find((r) => r.marked)!.text).toBe('November 5, 1963');
      const numbers = blocksOf(reply, 'citations')[0]!.items.map((c) => c.n);
      for (const q of quotes) expect(numbers).toContain(q.citation);
    });

    it('quotes an attribution line with the sentence above it, which it attributes, the date still marked', async () => {
      const reply = await run('1977');
      const quote = blocksOf(reply, 'quote').find((q) => q.runs.some((r) => r.text.includes('Abourezk')))!;
      expect(quote.runs.map((r) => r.text).join('')).toBe(
        'If both parties reconstruct their part of the bridge, we can shake hands without winners or losers.\n—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977',
      );
      expect(quote.runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['April 8, 1977']);
      expect(dataOf(reply).events.find((e) => e.date === '1977-04-08')!.text).toBe('—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977');
    });

    it('names the other documents telling the same event', async () => {
      const reply = await run('1963-11');
      const also = blocksOf(reply, 'also');
      expect(also.length).toBeGreaterThan(0);
      const citations = blocksOf(reply, 'citations')[0]!.items;
      const nov22 = also.find((a) => citations.find((c) => c.n === a.of)!.docId === 'back-channel-summary')!;
      expect(nov22.items.map((c) => c.docId)).toEqual(['jfkfacts-secret-talks']);
    });

    it('says a period is empty, names the nearest years, and reports not ok', async () => {
      const reply = await run('1850');
      expect(reply.ok).toBe(false);
      expect(blocksOf(reply, 'notice')[0]!.text).toBe('No events in 1850; the nearest year with events is 1914.');
      expect(dataOf(reply)).toMatchObject({ events: [], nearest: { after: '1914' } });
      expect(blocksOf((await run('1966')), 'notice')[0]!.text).toBe('No events in 1966; the nearest years with events are 1965 and 1968.');
    });

    it('explains nonsense ranges without throwing', async () => {
      const reply = await run('2015-1959');
      expect(reply.ok).toBe(false);
      expect(blocksOf(reply, 'notice')[0]).toMatchObject({ tone: 'error' });
      expect(dataOf(reply).error).toContain('did you mean 1959–2015');
      expect((await run('abc')).ok).toBe(false);
    });

    it('pages long timelines and offers the next page', async () => {
      const first = await run('');
      expect(blocksOf(first, 'quote')).toHaveLength(20);
      expect(first.actions[0]).toMatchObject({ id: 'more', command: 'timeline', args: { period: '', page: 2 } });
      const second = await run('', 2);
      expect(blocksOf(second, 'quote')[0]!.runs).not.toEqual(blocksOf(first, 'quote')[0]!.runs);
      expect(dataOf(second).events).toHaveLength(dataOf(first).events.length);
    });

    it('reads the timeline the core carries', async () => {
      const corpus = core.corpus;
      const only = core.timeline.events.filter((e) => e.date === '1973');
      const reply = await timelineCommand.run({ period: '1970s', page: 1 }, { corpus, timeline: { events: only, years: [1973] } } as unknown as Core);
      expect(dataOf(reply).events.map((e) => e.date)).toEqual(['1973']);
    });
  });
});
