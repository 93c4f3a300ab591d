import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conceptWeight, coverage, heaviestFirst, LACKED_WORD, typoCredit, typoCreditOf } from '../../src/answer/evidence.js';
import { analysisOf } from '../../src/answer/passage-analysis.js';
import { loadCore } from '../../src/core.js';
import { analyzeQuery } from '../../src/search/query.js';

const idf = (t: string) => ({ castro: 1, eisenhow: 3, golf: 4 })[t] ?? 5;
const known = () => true;

describe('coverage', () => {
  it('is the IDF-weighted share of the question’s terms the passage holds', () => {
    const q = analyzeQuery('Castro Eisenhower golf', null);
    expect(coverage(q, new Set(['castro', 'eisenhow', 'golf']), idf, known)).toBe(1);
    expect(coverage(q, new Set(['castro']), idf, known)).toBeCloseTo(1 / 8);
    expect(coverage(q, new Set(['eisenhow', 'golf']), idf, known)).toBeCloseTo(7 / 8);
  });

  it('gives a word the corpus does not know part credit for a near spelling, and none to a short near-word', () => {
    const q = analyzeQuery('Atwood', null);
    expect(coverage(q, new Set(['attwood']), idf, (t) => t !== 'atwood')).toBeCloseTo(0.8);
    const short = analyzeQuery('bake', null);
    expect(coverage(short, new Set(['make']), idf, (t) => t !== 'bake')).toBe(0);
  });

  it('reads a typo against the word as typed when its stem is far off ("gonzales" for "Gonzalez")', () => {
    const q = analyzeQuery('gonzales', null);
    expect(q.concepts[0]).toMatchObject({ term: 'gonzal', surface: 'gonzales' });
    expect(coverage(q, new Set(['gonzalez']), idf, (t) => t === 'gonzalez')).toBeCloseTo(0.8);
  });

  it('lets a related word stand more fully for a word the corpus lacks (a synonym whole), which weighs a little less', () => {
    const q = analyzeQuery('Castro threat', null);
    const lacks = (t: string) => t !== 'threat';
    q.concepts[1]!.related = [{ term: 'danger', relation: 'hypernym' }];
    expect(coverage(q, new Set(['castro', 'danger']), idf, lacks)).toBeCloseTo((1 + 4 * 0.75) / 5);
    q.concepts[1]!.related = [{ term: 'danger', relation: 'synonym' }];
    expect(coverage(q, new Set(['castro', 'danger']), idf, lacks)).toBe(1);
    // Held by the corpus, the same word's synonym is part of it.
    expect(coverage(q, new Set(['castro', 'danger']), idf, known)).toBeCloseTo((1 + 5 * 0.8) / 6);
  });

  it('lets one related word stand for one of the question’s words only, the heaviest', () => {
    const q = analyzeQuery('property seize', null);
    q.concepts[0]!.related = [{ term: 'hold', relation: 'synonym' }];
    q.concepts[1]!.related = [{ term: 'hold', relation: 'hypernym' }];
    const weight = (t: string) => (t === 'seiz' ? 2 : 1);
    expect(coverage(q, new Set(['hold']), weight, known)).toBeCloseTo((2 * 0.6) / 3);
    q.concepts[0]!.related.push({ term: 'estat', relation: 'synonym' });
    expect(coverage(q, new Set(['hold', 'estat']), weight, known)).toBeCloseTo((2 * 0.6 + 0.8) / 3);
  });

  it('never reads a term the corpus knows as a typo of another', () => {
    expect(coverage(analyzeQuery('Gonzalez', null), new Set(['gonzales']), idf, () => true)).toBe(0);
  });

  it('is 0 for a question with no terms', () => {
    expect(coverage(analyzeQuery('who is it?', null), new Set(['castro']), idf, known)).toBe(0);
  });
});

describe('conceptWeight', () => {
  const forms = (t: string) => ({ sai: 4, said: 1, kennedi: 3, jfk: 1, stall: 6, impass: 2, unit: 0.5, state: 0.4 })[t] ?? 5;

  it('weighs a word the corpus holds as its commonest form', () => {
    const q = analyzeQuery('what did he say', null);
    q.concepts[0]!.alternatives = [['said']];
    expect(conceptWeight(q.concepts[0]!, forms, true)).toBe(1);
  });

  it('counts a form of several words as common as its rarest word', () => {
    const q = analyzeQuery('what did he say', null);
    q.concepts[0]!.alternatives = [['unit', 'state']];
    expect(conceptWeight(q.concepts[0]!, forms, true)).toBe(0.5);
  });

  it('keeps a lacked word’s own weight, whatever its forms', () => {
    const q = analyzeQuery('why did talks stall', null);
    const stall = q.concepts.find((c) => c.term === 'stall')!;
    stall.alternatives = [['impass']];
    expect(conceptWeight(stall, forms, false)).toBeCloseTo(6 / LACKED_WORD);
  });

  it('keeps a name’s own weight, whatever its aliases', () => {
    const q = analyzeQuery('what did Kennedy say', null);
    const kennedy = q.concepts.find((c) => c.term === 'kennedi')!;
    kennedy.alternatives = [['jfk']];
    kennedy.name = true;
    expect(conceptWeight(kennedy, forms, true)).toBe(3);
  });
});

describe('typoCredit', () => {
  it('trusts one edit in a long word, two only in a very long one', () => {
    expect(typoCredit('kornblu', new Set(['kornbluh']))).toBe(0.8);
    expect(typoCredit('kornblue', new Set(['kornbluh']))).toBe(0.8);
    expect(typoCredit('mankiewic', new Set(['mankiewicz']))).toBe(0.8);
    expect(typoCredit('mankiwiecz', new Set(['mankiewicz']))).toBe(0.5);
    expect(typoCredit('pope', new Set(['hope']))).toBe(0);
  });
});

describe('typoCreditOf with the index’s near words', () => {
  const core = loadCore();
  const sentences = core.corpus.passages.flatMap((p) => analysisOf(p).sentences);

  it('rests on every word of every sentence being indexed', () => {
    const unindexed = new Set(sentences.flatMap((s) => [...s.terms].filter((t) => !core.search.engine.has(t))));
    expect([...unindexed]).toEqual([]);
  });

  it('gives every sentence the credit that measuring each of its words gives', () => {
    // Misspellings of corpus words at one and two edits, typed forms, and words far from any.
    const words = ['atwood', 'kenedy', 'gonzales', 'kruschev', 'advice', 'castros', 'sourdough', 'missle', 'diplomatc', 'havana'];
    let credited = 0;
    for (const word of words) {
      const viaIndex = typoCreditOf(word, core.search.nearWords(word));
      for (const s of sentences) {
        const expected = typoCredit(word, s.terms);
        expect(viaIndex(s.terms), `${word} in “${s.text.slice(0, 40)}”`).toBe(expected);
        expect(viaIndex([...s.terms])).toBe(expected);
        if (expected > 0) credited++;
      }
    }
    expect(credited).toBeGreaterThan(20);
  });
});

describe('heaviestFirst', () => {
  it('orders the indexes by weight, heaviest first, equal weights in their own order', () => {
    expect(heaviestFirst([1, 3, 2, 3, 0])).toEqual([1, 3, 2, 0, 4]);
    expect(heaviestFirst([])).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 12 }), (weights) => {
        expect(heaviestFirst(weights)).toEqual(weights.map((_, k) => k).sort((a, b) => weights[b]! - weights[a]! || a - b));
      }),
    );
  });
});
