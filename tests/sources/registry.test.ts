import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildSourceRegistry } from '../../src/sources/registry.js';
import type { SourceRegistry } from '../../src/sources/types.js';

let corpus: Corpus;
let registry: SourceRegistry;

beforeAll(() => {
  corpus = loadCorpus('corpus');
  registry = buildSourceRegistry(corpus);
});

const DIGEST = 'canadian-cables-1962-11-07';

/** Every cable the digest's tables list: id, date, from, to, number. */
const CABLES = [
  ['CDNW12597', '1962-11-07', '7-Nov-62', 'LDN', 'EXTERNAL', '3969'],
  ['CDNW12598', '1962-11-07', '7-Nov-62', 'LDN', 'EXTERNAL', '3968'],
  ['CDNW12636', '1962-11-07', '7-Nov-62', 'HAVANA', 'EXTERNAL', '232'],
  ['CDNW12414', '1962-11-07', '7-Nov-62', 'WASHDC', 'EXTERNAL', '3304'],
  ['CDNW12626', '1962-11-07', '7-Nov-62', 'NATOPARIS', 'EXTERNAL', '2605'],
  ['CDNW12621', '1962-11-07', '7-Nov-62', 'WASHDC', 'EXTERNAL', '3305'],
  ['CDNW12384', '1962-11-02', '2-Nov-62', 'WASHDC', 'EXTERNAL', '3253'],
] as const;

describe('buildSourceRegistry', () => {
  describe('cables', () => {
    it.each(CABLES)('gives %s its row: %s, %s, from %s to %s, number %s', (id, date, rawDate, from, to, number) => {
      const entry = registry.lookup(id)!;
      expect(entry).toMatchObject({ id, kind: 'cable', date, rawDate, from, to, number, listedIn: { docId: DIGEST } });
      expect(entry.mentions.length).toBeGreaterThan(0);
    });

    it('dates CDNW12384 2-Nov-62 and every other cable 7-Nov-62', () => {
      const cables = registry.list().filter((e) => e.kind === 'cable');
      expect(cables.map((c) => c.id).sort()).toEqual(CABLES.map((c) => c[0]).sort());
      expect(cables.filter((c) => c.rawDate !== '7-Nov-62').map((c) => c.id)).toEqual(['CDNW12384']);
    });

    it('finds both passages citing CDNW12636, quoted verbatim', () => {
      const { mentions } = registry.lookup('CDNW12636')!;
      expect(mentions.map((m) => m.passageId)).toEqual([`${DIGEST}#p3`, `${DIGEST}#p6`]);
      expect(mentions[0]!.text).toContain('“that small pyrrhic victory of Napoleon” (CDNW12636)');
      expect(mentions[1]!.text).toContain('A report from Havana noted that by November 7th');
    });

    it('quotes every mention verbatim from its passage and never counts a table row', () => {
      for (const entry of registry.list())
        for (const m of entry.mentions) {
          const passage = corpus.passageById.get(m.passageId)!;
          expect(passage.text.slice(m.start, m.end)).toBe(m.text);
          expect(m.text).not.toMatch(/\.pdf\s/);
        }
    });

    it('finds the cable a sentence cites among others (CDNW12598 beside CDNW12597)', () => {
      expect(registry.lookup('CDNW12598')!.mentions.map((m) => m.passageId)).toEqual([`${DIGEST}#p3`, `${DIGEST}#p4`]);
    });
  });

  describe('lookup', () => {
    it('ignores case, spaces and hyphens, and knows the table’s file name', () => {
      for (const typed of ['cdnw 12636', 'CDNW12636', ' Cdnw-12636 ', 'CDNW12636.pdf']) expect(registry.lookup(typed)?.id, typed).toBe('CDNW12636');
    });

    it('finds documents by id and by title', () => {
      for (const doc of corpus.documents) {
        expect(registry.lookup(doc.meta.id)).toMatchObject({ kind: 'document', title: doc.meta.title, documentKind: doc.meta.kind, passages: doc.passages.length });
        expect(registry.lookup(doc.meta.title.toUpperCase())?.id).toBe(doc.meta.id);
      }
    });

    it('lists the sources a document cites', () => {
      expect(registry.lookup(DIGEST)!.cites).toEqual(['CDNW12597', 'CDNW12598', 'CDNW12636', 'CDNW12414', 'CDNW12626', 'CDNW12621', 'CDNW12384']);
      expect(registry.lookup('back-channel-summary')!.cites).toEqual([]);
    });

    it('opens a document’s card with its first sentences, verbatim', () => {
      const entry = registry.lookup('kennedy-khrushchev-1961-04-18')!;
      expect(entry.opening!.text).toMatch(/^MR\. CHAIRMAN: You are under a serious misapprehension/);
      expect(corpus.passageById.get(entry.opening!.passageId)!.text.startsWith(entry.opening!.text)).toBe(true);
    });

    it('returns undefined for an id not in the corpus', () => {
      expect(registry.lookup('CDNW99999')).toBeUndefined();
      expect(registry.lookup('')).toBeUndefined();
    });
  });

  describe('publications in the letter’s source note', () => {
    it('registers Foreign Relations of the United States, 1961-63, Volume 11, No. 10', () => {
      const letter = registry.lookup('kennedy-khrushchev-1961-04-18')!;
      const frus = letter.cites.map((id) => registry.lookup(id)!).find((e) => e.title.startsWith('Foreign Relations of the United States'))!;
      expect(frus).toMatchObject({ kind: 'publication', title: 'Foreign Relations of the United States, 1961-63, Volume 11, No. 10', date: '1961' });
      expect(frus.mentions[0]!.passageId).toMatch(/^kennedy-khrushchev-1961-04-18#p/);
    });

    it('registers the Public Papers of the Presidents, 1961', () => {
      const papers = registry.list().find((e) => e.kind === 'publication' && e.title.startsWith('Public Papers of the Presidents'))!;
      expect(papers).toMatchObject({ date: '1961', reference: 'Public Papers of the Presidents of the United States: John F. Kennedy, 1961, pp. 286-287' });
      expect(registry.lookup(papers.id.toLowerCase())).toBe(papers);
    });
  });

  describe('suggest', () => {
    it('offers the nearest ids for a mistyped cable', () => {
      expect(registry.suggest('CDNW12637')[0]).toBe('CDNW12636');
      expect(registry.suggest('cdnw 1263')).toContain('CDNW12636');
    });

    it('offers the cable whose number was typed alone', () => {
      expect(registry.suggest('12636')).toEqual(['CDNW12636']);
    });

    it('offers documents whose id starts with what was typed', () => {
      expect(registry.suggest('jfkfacts')).toEqual(['jfkfacts-secret-talks']);
    });

    it('offers nothing for text like no id', () => {
      expect(registry.suggest('zzzzzzzzzzzz')).toEqual([]);
    });
  });

  describe('complete', () => {
    it('completes id prefixes in any case and spacing', () => {
      expect(registry.complete('cdnw 126').map((c) => c.value).sort()).toEqual(['CDNW12621', 'CDNW12626', 'CDNW12636']);
    });

    it('completes titles, and words of titles', () => {
      expect(registry.complete('back').map((c) => c.value)).toEqual(['back-channel-description', 'back-channel-summary']);
      expect(registry.complete('foreign').map((c) => c.value)).toHaveLength(2);
      expect(registry.complete('Foreign Relations')[0]!.name).toContain('Foreign Relations of the United States');
    });

    it('offers everything for an empty prefix, within the limit and Discord’s lengths', () => {
      expect(registry.complete('')).toHaveLength(registry.list().length);
      expect(registry.complete('', 3)).toHaveLength(3);
      for (const c of registry.complete('')) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    });
  });
});
