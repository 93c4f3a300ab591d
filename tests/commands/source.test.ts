import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../adapters/cli/parse.js';
import { sourceCommand } from '../../src/commands/source.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import { loadCore, type Core } from '../../src/core.js';
import type { Block, Reply } from '../../src/reply/model.js';

let core: Core;

beforeAll(() => {
  core = loadCore();
});

const run = async (id: string): Promise<Reply> => sourceCommand.run({ id }, core);
const blocksOf = <T extends Block['type']>(reply: Reply, type: T) => reply.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);
const textOf = (b: { runs: Array<{ text: string }> }) => b.runs.map((r) => r.text).join('');

interface SourceJson {
  id: string | null;
  found: boolean;
  kind: string | null;
  date: string | null;
  rawDate?: string | null;
  from: string | null;
  to: string | null;
  number: string | null;
  title: string | null;
  mentions: Array<{ docId: string; passageId: string; text: string }>;
  suggestions: string[];
  sources?: Array<{ id: string; kind: string }>;
}
const dataOf = (reply: Reply) => reply.data as SourceJson;

describe('/source', () => {
  describe('definition', () => {
    it('takes the id as its positional option and completes it', () => {
      expect(sourceCommand.name).toBe('source');
      expect(sourceCommand.positional).toBe('id');
      expect(sourceCommand.description.length).toBeLessThanOrEqual(100);
      expect(sourceCommand.options.shape.id.description!.length).toBeLessThanOrEqual(100);
      expect(sourceCommand.complete!.id!('cdnw 1263', core).map((c) => c.value)).toEqual(['CDNW12636']);
    });

    it('derives its CLI: `source CDNW12636 --json`', () => {
      expect(parseCommandArgs(sourceCommand as unknown as CommandDefinition, ['CDNW12636', '--json'])).toMatchObject({ input: { id: 'CDNW12636' }, json: true });
    });
  });

  describe('a cable', () => {
    it('gives CDNW12636: 7-Nov-62, HAVANA → EXTERNAL, number 232, and both passages citing it', async () => {
      const reply = await run('CDNW12636');
      expect(reply.ok).toBe(true);
      const data = dataOf(reply);
      expect(data).toMatchObject({ id: 'CDNW12636', found: true, kind: 'cable', date: '1962-11-07', rawDate: '7-Nov-62', from: 'HAVANA', to: 'EXTERNAL', number: '232', suggestions: [] });
      expect(data.mentions.map((m) => m.passageId)).toEqual(['canadian-cables-1962-11-07#p3', 'canadian-cables-1962-11-07#p6']);
      expect(textOf(blocksOf(reply, 'text')[0]!)).toContain('7-Nov-62 (1962-11-07): HAVANA → EXTERNAL, number 232');
      const quotes = blocksOf(reply, 'quote');
      expect(quotes.map(textOf)).toEqual(data.mentions.map((m) => m.text));
      expect(quotes[0]!.runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['CDNW12636']);
      expect(blocksOf(reply, 'citations')[0]!.items.map((c) => c.passageId)).toEqual(data.mentions.map((m) => m.passageId));
    });

    it('is tolerant of case and spacing', async () => {
      expect(dataOf((await run('cdnw 12636'))).id).toBe('CDNW12636');
    });

    it('gives CDNW12384 its own date, 2-Nov-62', async () => {
      expect(dataOf((await run('CDNW12384')))).toMatchObject({ rawDate: '2-Nov-62', date: '1962-11-02', number: '3253' });
    });
  });

  describe('an unknown id', () => {
    it('says it is not in the corpus, offers the nearest ids and reports not ok', async () => {
      const reply = await run('CDNW12637');
      expect(reply.ok).toBe(false);
      expect(blocksOf(reply, 'notice')[0]!.text).toBe('“CDNW12637” is not in the corpus.');
      const data = dataOf(reply);
      expect(data).toMatchObject({ id: 'CDNW12637', found: false, kind: null, date: null, from: null, to: null, number: null, title: null, mentions: [] });
      expect(data.suggestions[0]).toBe('CDNW12636');
      expect(blocksOf(reply, 'list')[0]!.items[0]![0]!.text).toBe('CDNW12636');
    });

    it('points to the full list when nothing is near', async () => {
      const reply = await run('zzzzzzzzzzzz');
      expect(dataOf(reply).suggestions).toEqual([]);
      expect(blocksOf(reply, 'text').map(textOf)).toContain('Type /source alone to list every source.');
    });
  });

  describe('a document', () => {
    it('shows a card: title, kind, date, author, passages, opening lines and the sources it cites', async () => {
      const reply = await run('kennedy-khrushchev-1961-04-18');
      const meta = core.corpus.documentById.get('kennedy-khrushchev-1961-04-18')!.meta;
      expect(reply.ok).toBe(true);
      expect(blocksOf(reply, 'heading')[0]!.text).toBe(meta.title);
      expect(textOf(blocksOf(reply, 'text')[0]!)).toMatch(/^presidential letter, April 18, 1961, by John F\. Kennedy, .*; 10 passages/);
      expect(textOf(blocksOf(reply, 'quote')[0]!)).toMatch(/^MR\. CHAIRMAN: You are under a serious misapprehension/);
      const cited = blocksOf(reply, 'list')[0]!.items.map((item) => item.map((r) => r.text).join(''));
      expect(cited.some((line) => line.includes('Foreign Relations of the United States, 1961-63, Volume 11, No. 10'))).toBe(true);
      expect(cited.some((line) => line.includes('Public Papers of the Presidents of the United States, 1961'))).toBe(true);
      expect(dataOf(reply)).toMatchObject({ id: 'kennedy-khrushchev-1961-04-18', found: true, kind: 'document', date: '1961-04-18', from: null });
    });

    it('lists the digest’s seven cables on its card', async () => {
      const data = (await run('canadian-cables-1962-11-07')).data as { cites: string[] };
      expect(data.cites).toHaveLength(7);
    });
  });

  describe('alone', () => {
    it('lists every document, cable and publication', async () => {
      const reply = await run('');
      expect(reply.ok).toBe(true);
      const data = dataOf(reply);
      expect(data.sources!.filter((s) => s.kind === 'document')).toHaveLength(core.corpus.documents.length);
      expect(data.sources!.filter((s) => s.kind === 'cable').map((s) => s.id)).toEqual(['CDNW12597', 'CDNW12598', 'CDNW12636', 'CDNW12414', 'CDNW12626', 'CDNW12621', 'CDNW12384']);
      expect(data.sources!.some((s) => s.kind === 'publication')).toBe(true);
      expect(blocksOf(reply, 'list')).toHaveLength(3);
    });
  });

});
