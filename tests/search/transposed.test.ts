import { describe, expect, it } from 'vitest';
import { respell, respellLookups } from '../../src/search/transposed.js';
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
      expect(read('was Castor in Cuba').text).toBe('was Castro in Cuba');
    });
  });

  describe('reads a word a letter off one of the frames as that word', () => {
    it('a letter left out, doubled or mistyped, when no swap reads it', () => {
      expect(read('what hapened in 1977')).toEqual({ text: 'what happened in 1977', readAs: [{ typed: 'hapened', read: 'happened' }] });
      expect(read('anythig since 1990').text).toBe('anything since 1990');
      expect(read('what ocurred betwen 1970 and 1975').text).toBe('what occurred between 1970 and 1975');
      expect(read('anythimg importamt').text).toBe('anything important');
    });

    it('but not a word two frame words are a letter from, nor a name, nor a near spelling of a noun the search finds', () => {
      expect(read('what was interestng or importnt').text).toBe('what was interesting or important');
      // "evens" is a letter from "event" and from "events".
      expect(read('the evens of 1977').readAs).toEqual([]);
      // "cubana" (the airline) is a letter from "cuban", a word of the type rules, not of the frames.
      expect(read('the cubana bombing').readAs).toEqual([]);
      expect(read('what did Betwen say').readAs).toEqual([]);
      expect(read('Betwen 1970 and 1975').text).toBe('Between 1970 and 1975');
      expect(read('the trials of nixon').readAs).toEqual([]);
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

    it('when it is an English word no passage holds, though a swap of it stems to a word the lexicon knows', () => {
      // "quietly" is one swap from "quitely", stemmed "quit".
      const lexiconOnly = (term: string) => (term === cachedStem('quit') ? [{ term: 'leav', relation: 'synonym' as const }] : []);
      expect(respell('they met quietly', known, lexiconOnly).readAs).toEqual([]);
      expect(respell('did he qiut', known, lexiconOnly).readAs).toEqual([]);
      expect(respell('why did he qiuts', known, lexiconOnly).text).toBe('why did he quits');
    });

    it('when it is an English word, unless a name typed for the corpus’s', () => {
      // With "diary", "files" and "file" in the corpus: "dairy" and "flies" are words of their own.
      const withDiary = (term: string) => known(term) || ['diari', 'file'].includes(term);
      expect(respell('what about dairy farms and flies', withDiary, related).readAs).toEqual([]);
      expect(respell('castor oil', known, related).readAs).toEqual([]);
      expect(read('was Castor in Cuba').readAs).toEqual([{ typed: 'Castor', read: 'Castro' }]);
    });

    it('when the swap only stems to a word something reads ("facte" is no form of "fact")', () => {
      const withFact = (term: string) => known(term) || term === 'fact';
      expect(respell('the facte of it', withFact, related).readAs).toEqual([]);
      expect(respell('the fatcs of it', withFact, related).text).toBe('the facts of it');
    });

    it('when it is the first part of a contraction', () => {
      expect(read("why wouldn't he go").readAs).toEqual([]);
      expect(read('why wouldn’t he go').readAs).toEqual([]);
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

    it('reads a period and a frame typed a letter off, though the question read is longer than typed', () => {
      const analyzed = analyzeQuery('what hapened betwen 1968 and 1972', domainAliases, { known, related });
      expect(analyzed.period).toMatchObject({ first: '1968-01-01', last: '1972-12-31', text: 'between 1968 and 1972' });
      expect(analyzed.concepts).toEqual([]);
      expect(analyzed.text).toBe('what hapened betwen 1968 and 1972');
    });

    it('leaves a question with no such word without a reading to report', () => {
      expect(analyzeQuery('when did nixon become president', domainAliases, { known, related }).readAs).toBeUndefined();
    });
  });
});

describe('respellLookups', () => {
  it('lists every stem respell may ask the corpus about: each word and each swap of its letters', () => {
    const lookups = respellLookups('when did Nixon become Presdient?');
    expect(lookups).toEqual(expect.arrayContaining([cachedStem('presdient'), cachedStem('president'), cachedStem('become')]));
    // With those known, respell reads the question as a retriever with the whole vocabulary would.
    const asked = new Set(lookups.filter(known));
    expect(respell('when did Nixon become Presdient?', (t) => asked.has(t), () => [])).toEqual(read('when did Nixon become Presdient?'));
  });

  it('leaves out words too short to be read for a swap, and words of other letters', () => {
    expect(respellLookups('who was he')).toEqual([]);
    expect(respellLookups('Хрущёв')).toEqual([]);
  });
});
