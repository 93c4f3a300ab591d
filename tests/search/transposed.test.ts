import { describe, expect, it } from 'vitest';
import { respell } from '../../src/search/transposed.js';
import { cachedStem } from '../../src/search/engine-analyze.js';
import { analyzeQuery } from '../../src/search/query.js';
import { domainAliases } from '../../src/search/aliases.js';

/** A corpus that holds these terms, and a lexicon that knows these words. */
const corpus = new Set(['presid', 'insult', 'form', 'nixon', 'mani', 'trial', 'castro', 'cuba']);
const known = (term: string) => corpus.has(term);
const lexicon = new Set(['main', 'ambassador']);
const related = (term: string) => (lexicon.has(term) ? [{ term: 'chief', relation: 'synonym' as const }] : []);

const read = (text: string) => respell(text, known, related);

describe('respell', () => {
  describe('swaps two neighbouring letters back', () => {
    it('when one swap gives a word the corpus holds, even one the typo had stemmed apart', () => {
      expect(read('when did nixon become presdient')).toEqual({ text: 'when did nixon become president', readAs: [{ typed: 'presdient', read: 'president' }] });
      expect(read('why was he insluted')).toEqual({ text: 'why was he insulted', readAs: [{ typed: 'insluted', read: 'insulted' }] });
    });

    it('when one swap gives a word the lexicon relates to the corpus, though the corpus lacks it', () => {
      expect(read('who was the ambassdaor').text).toBe('who was the ambassador');
    });

    it('when one swap gives a word the question is framed with, or a stop word', () => {
      expect(read('what hapepned bewteen 1968 and 1972').text).toBe('what happened between 1968 and 1972');
      expect(read('anyhting improtant in the eigthies').text).toBe('anything important in the eighties');
    });

    it('keeps the case it was typed in, and so every offset into the question', () => {
      expect(read('was Nixon ever Presdient')).toEqual({ text: 'was Nixon ever President', readAs: [{ typed: 'Presdient', read: 'President' }] });
      expect(read('WAS NIXON EVER PRESDIENT').text).toBe('WAS NIXON EVER PRESIDENT');
      expect(read('Castor and Cuba').text).toBe('Castro and Cuba');
    });
  });

  describe('leaves the word as typed', () => {
    it('when the corpus holds it, or it frames the question', () => {
      expect(read('was nixon ever president, what happened')).toEqual({ text: 'was nixon ever president, what happened', readAs: [] });
    });

    it('when the lexicon knows it as a word ("main" is no typo of "mani")', () => {
      expect(read('the mains and the main').readAs).toEqual([]);
    });

    it('when it is shorter than five letters', () => {
      expect(read('fomr').readAs).toEqual([]);
    });

    it('when two swaps give two different words', () => {
      // "tiral" is a swap from "trial" and from "tirla": no telling which was meant.
      const both = new Set([cachedStem('trial'), cachedStem('tirla')]);
      expect(respell('tiral', (term) => both.has(term), () => []).readAs).toEqual([]);
      expect(read('tiral').text).toBe('trial');
    });

    it('when no swap gives a word anything knows', () => {
      expect(read('xyzzyq').readAs).toEqual([]);
    });
  });

  describe('in a question analyzed against the corpus', () => {
    it('searches the word read, reports the reading and keeps the question as typed', () => {
      const analyzed = analyzeQuery('when did nixon become presdient', domainAliases, { known, related });
      expect(analyzed.concepts.map((c) => c.term)).toContain('presid');
      expect(analyzed.concepts.map((c) => c.term)).not.toContain('presdient');
      expect(analyzed.readAs).toEqual([{ typed: 'presdient', read: 'president' }]);
      expect(analyzed.text).toBe('when did nixon become presdient');
    });

    it('reads a period and a frame typed with a slip', () => {
      const analyzed = analyzeQuery('what hapepned bewteen 1968 and 1972', domainAliases, { known, related });
      expect(analyzed.period).toMatchObject({ first: '1968-01-01', last: '1972-12-31' });
      expect(analyzed.concepts).toEqual([]);
    });

    it('leaves a question with no such word without a reading to report', () => {
      expect(analyzeQuery('when did nixon become president', domainAliases, { known, related }).readAs).toBeUndefined();
    });
  });
});
