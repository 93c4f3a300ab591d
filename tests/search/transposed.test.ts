import { describe, expect, it } from 'vitest';
import { untransposed } from '../../src/search/transposed.js';
import { analyzeFast, cachedStem } from '../../src/search/engine-analyze.js';
import { analyzeQuery } from '../../src/search/query.js';
import { domainAliases } from '../../src/search/aliases.js';

/** A corpus that holds these terms, and a lexicon that knows these words. */
const corpus = new Set(['presid', 'insult', 'form', 'nixon', 'mani', 'trial']);
const known = (term: string) => corpus.has(term);
const lexicon = new Set(['main']);
const related = (term: string) => (lexicon.has(term) ? [{ term: 'chief', relation: 'synonym' as const }] : []);

const token = (word: string) => analyzeFast(word)[0]!;

describe('untransposed', () => {
  describe('swaps two neighbouring letters back', () => {
    it('when one swap gives a word the corpus holds, even one the typo had stemmed apart', () => {
      expect(untransposed(token('presdient'), known, related)).toMatchObject({ surface: 'president', term: 'presid' });
      expect(untransposed(token('insluted'), known, related)).toMatchObject({ surface: 'insulted', term: 'insult' });
    });

    it('keeps where the word stands in the question', () => {
      const [, typo] = analyzeFast('nixon presdient');
      expect(untransposed(typo!, known, related)).toMatchObject({ start: typo!.start, end: typo!.end, position: typo!.position });
    });
  });

  describe('leaves the word as typed', () => {
    it('when the corpus holds it', () => {
      expect(untransposed(token('nixon'), known, related).surface).toBe('nixon');
    });

    it('when the lexicon knows it as a word ("main" is no typo of "mani")', () => {
      expect(untransposed(token('main'), known, related).surface).toBe('main');
      expect(untransposed(token('mains'), known, related).surface).toBe('mains');
    });

    it('when it is shorter than five letters', () => {
      expect(untransposed(token('fomr'), known, related).surface).toBe('fomr');
    });

    it('when two swaps give two different words', () => {
      // "tiral" is a swap from "trial" and from "tirla": no telling which was meant.
      const both = new Set([cachedStem('trial'), cachedStem('tirla')]);
      expect(untransposed(token('tiral'), (term) => both.has(term), () => []).surface).toBe('tiral');
      expect(untransposed(token('tiral'), known, related)).toMatchObject({ surface: 'trial' });
    });

    it('when no swap gives a word the corpus holds', () => {
      expect(untransposed(token('xyzzyq'), known, related).surface).toBe('xyzzyq');
    });
  });

  it('corrects a question as it is analyzed against the corpus', () => {
    const analyzed = analyzeQuery('when did nixon become presdient', domainAliases, { known, related });
    expect(analyzed.concepts.map((c) => c.term)).toContain('presid');
    expect(analyzed.concepts.map((c) => c.term)).not.toContain('presdient');
    expect(analyzed.readAs).toEqual([{ typed: 'presdient', read: 'president' }]);
  });

  it('reports the word read in the case it was typed in', () => {
    const read = (q: string) => analyzeQuery(q, domainAliases, { known, related }).readAs?.[0]?.read;
    expect(read('was Nixon ever Presdient')).toBe('President');
    expect(read('WAS NIXON EVER PRESDIENT')).toBe('PRESIDENT');
  });

  it('leaves a question with no such word without a reading to report', () => {
    expect(analyzeQuery('when did nixon become president', domainAliases, { known, related }).readAs).toBeUndefined();
  });
});
