import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import { peopleOf } from '../../src/people/index.js';
import type { Block, Reply } from '../../src/reply/model.js';
import { put, tempDir, writeManifest, entry } from '../corpus/temp.js';

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const who = (name?: string): Promise<Reply> => runCommand(commands.get('who')!, name === undefined ? {} : { name }, core);
const textOf = (b: { runs: Array<{ text: string }> }) => b.runs.map((r) => r.text).join('');
const quotes = (reply: Reply) => reply.blocks.filter((b): b is Extract<Block, { type: 'quote' }> => b.type === 'quote').map(textOf);
const notices = (reply: Reply) => reply.blocks.filter((b): b is Extract<Block, { type: 'notice' }> => b.type === 'notice').map((b) => b.text);

/** Every quote on a card is a verbatim substring of the passage its citation names. */
function expectVerbatim(reply: Reply): void {
  const citations = reply.blocks.flatMap((b) => (b.type === 'citations' ? b.items : []));
  for (const block of reply.blocks) {
    if (block.type !== 'quote') continue;
    const citation = citations.find((c) => c.n === block.citation)!;
    expect(core.corpus.passageById.get(citation.passageId)!.text).toContain(textOf(block));
  }
}

describe('/who', () => {
  describe('person cards', () => {
    it('gives the role sentence first, in the corpus’s own words', async () => {
      const cases: Array<[string, string, RegExp]> = [
        ['Attwood', 'William Attwood', /a senior U\.S\. diplomat, William Attwood, to Havana/],
        ['Kornbluh', 'Peter Kornbluh', /was found by Peter Kornbluh, a Cuba scholar/],
        ['Lisa Howard', 'Lisa Howard', /Castro told correspondent Lisa Howard that/],
        ['Donovan', 'James Donovan', /Castro asked U\.S\. negotiator James Donovan,/],
      ];
      for (const [asked, name, role] of cases) {
        const reply = await who(asked);
        expect(reply.ok).toBe(true);
        expect(reply.blocks[0]).toEqual({ type: 'heading', text: name });
        expect(reply.blocks[1]!.type).toBe('quote');
        expect(quotes(reply)[0]).toMatch(role);
        expectVerbatim(reply);
      }
    });

    it('flags the other spellings the corpus uses for the same person, with counts', async () => {
      expect(notices((await who('Kornbluh')))).toContain('The corpus spells this name more than one way: “Kornbluh” (9), “Kornblush” (1).');
      expect(notices((await who('Sorensen')))).toContain('The corpus spells this name more than one way: “Sorensen” (1), “Sorenson” (1).');
      expect((await who('Kornblush')).blocks[0]).toEqual({ type: 'heading', text: 'Peter Kornbluh' });
      expect(notices((await who('Lisa Howard'))).some((n) => n.includes('more than one way'))).toBe(false);
    });

    it('counts mentions, passages and documents, and lists every document with its passages', async () => {
      const reply = await who('Donovan');
      const data = reply.data as { mentions: number; documents: Array<{ docId: string; mentions: number; passages: string[] }> };
      expect(data.documents.reduce((sum, d) => sum + d.mentions, 0)).toBe(data.mentions);
      const passages = new Set(data.documents.flatMap((d) => d.passages));
      expect(reply.blocks.some((b) => b.type === 'text' && textOf(b) === `${data.mentions} mentions in ${passages.size} passages of ${data.documents.length} documents.`)).toBe(true);
      for (const d of data.documents) for (const id of d.passages) expect(core.corpus.passageById.get(id)!.text).toMatch(/Donovan/);
    });

    it('quotes the first and last dated mentions, in date order', async () => {
      const data = (await who('Lisa Howard')).data as { firstDated: { date: string }; lastDated: { date: string } };
      expect(data.firstDated.date).toBe('1963-05');
      expect(data.lastDated.date).toBe('1963-05-10');
      const texts = (await who('Donovan')).blocks.filter((b) => b.type === 'text').map((b) => textOf(b as Extract<Block, { type: 'text' }>));
      expect(texts).toContain('First dated mention: 1962 (fall) · season');
      expect(texts).toContain('Last dated mention: 1963-04 · month');
    });

    it('finds Attwood from “Atwood”, saying that is the nearest name', async () => {
      const reply = await who('Atwood');
      expect(reply.blocks[0]).toEqual({ type: 'heading', text: 'William Attwood' });
      expect(notices(reply)).toContain('No one in the corpus is named “Atwood”; the nearest name is William Attwood.');
    });

    it('answers a name the corpus lacks with the nearest names', async () => {
      const reply = await who('Kornfeld');
      expect(reply.ok).toBe(false);
      expect(notices(reply)[0]).toBe('No one named “Kornfeld” is in the corpus. The nearest names:');
      expect((reply.data as { suggestions: string[] }).suggestions[0]).toBe('Peter Kornbluh');
      const none = await who('Zebulon Quartz');
      expect(notices(none)[0]).toBe('No one named “Zebulon Quartz” is in the corpus. The people it names most:');
    });

    it('lists everyone by mentions when no name is given', async () => {
      const reply = await who();
      const list = reply.blocks.find((b): b is Extract<Block, { type: 'list' }> => b.type === 'list')!;
      expect(list.items[0]!.map((r) => r.text).join('')).toMatch(/^Fidel Castro — \d+ mentions in \d+ documents$/);
      const counts = (reply.data as { people: Array<{ mentions: number }> }).people.map((p) => p.mentions);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it('refuses a 500-character name with a clear message, and survives odd input', async () => {
      let error: BackchannelError | undefined;
      try {
        await who('x'.repeat(500));
      } catch (e) {
        error = e as BackchannelError;
      }
      expect(error?.userMessage).toBe('That input to /who could not be used — name: is too long: at most 100 characters, please.');
      for (const odd of ['’s', '.', '?!', 'M.', '#p1', 'Castro’s', '\u200b']) await expect(who(odd)).resolves.toBeDefined();
      expect((await who('Castro’s')).blocks[0]).toEqual({ type: 'heading', text: 'Fidel Castro' });
    });
  });

  describe('people found by code', () => {
    it('keeps different people who share a surname apart, and groups one person’s spellings', () => {
      const names = peopleOf(core).people.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['Fidel Castro', 'Raúl Castro', 'Lisa Howard', 'Margaret Howard', 'William M. LeoGrande']));
      expect(names).not.toContain('William LeoGrande');
      for (const name of names) expect(name).not.toMatch(/^(?:When|From|After|President|Cuban)\b/);
    });

    it('completes names as they are typed, by any of their words', () => {
      const complete = commands.get('who')!.complete!['name']!;
      expect(complete('lis', core)[0]).toEqual({ name: expect.stringMatching(/^Lisa Howard \(\d+\)$/), value: 'Lisa Howard' });
      expect(complete('attw', core).map((c) => c.value)).toEqual(['William Attwood']);
      expect(complete('', core).length).toBeLessThanOrEqual(25);
    });

    it('works for a corpus it has never seen', async () => {
      const dir = tempDir();
      put(
        dir,
        'memo.txt',
        'Memo on the talks\n\nIn March 1975 the veteran negotiator Helen Marquardt met Cuban officials in Havana. Marquardt reported that the talks went well.\n\nLater, Helen Marquart returned to Washington.\n',
      );
      writeManifest(dir, [entry('memo', 'memo.txt', { kind: 'note', date: { iso: '1975', precision: 'year' } })]);
      const other = loadCore({ corpusDir: dir, cache: false });
      const reply = await runCommand(commands.get('who')!, { name: 'Marquardt' }, other);
      expect(reply.blocks[0]).toEqual({ type: 'heading', text: 'Helen Marquardt' });
      expect(quotes(reply)[0]).toContain('the veteran negotiator Helen Marquardt met Cuban officials');
      expect(notices(reply)).toContain('The corpus spells this name more than one way: “Marquardt” (2), “Marquart” (1).');
      expect((reply.data as { firstDated: { date: string } }).firstDated.date).toBe('1975-03');
    });
  });
});
