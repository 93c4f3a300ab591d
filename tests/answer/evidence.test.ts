import { describe, expect, it } from 'vitest';
import { coverage, typoCredit } from '../../src/answer/evidence.js';
import { analyzeQuery } from '../../src/search/query.js';

const idf = (t: string) => ({ castro: 1, eisenhow: 3, golf: 4 })[t] ?? 5;

describe('coverage', () => {
  it('is the IDF-weighted share of the question’s terms the passage holds', () => {
    const q = analyzeQuery('Castro Eisenhower golf', null);
    expect(coverage(q, new Set(['castro', 'eisenhow', 'golf']), [], idf)).toBe(1);
    expect(coverage(q, new Set(['castro']), [], idf)).toBeCloseTo(1 / 8);
    expect(coverage(q, new Set(['eisenhow', 'golf']), [], idf)).toBeCloseTo(7 / 8);
  });

  it('gives a typo found by the engine part credit, and none to a short near-word', () => {
    const q = analyzeQuery('Atwood', null);
    expect(coverage(q, new Set(['attwood']), ['atwood'], idf)).toBeCloseTo(0.8);
    const short = analyzeQuery('bake', null);
    expect(coverage(short, new Set(['make']), ['bake'], idf)).toBe(0);
  });

  it('is 0 for a question with no terms', () => {
    expect(coverage(analyzeQuery('who is it?', null), new Set(['castro']), [], idf)).toBe(0);
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
