import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/query.js';
import { SPELLING_WEIGHT } from '../../src/search/name-spellings.js';
import type { NearWords } from '../../src/search/engine-fuzzy.js';

/** A vocabulary and its words one edit apart, as an index would list them. */
const VOCABULARY = ['sorensen', 'sorenson', 'carter', 'cartier', 'bardon', 'baron', 'america', 'american', 'bundi', 'bunda', 'quarantin', 'kornbluh', 'kornblush', 'kornbluth', 'castro', 'caatro', 'cabtro'];
const known = (term: string) => VOCABULARY.includes(term);
/** IDFs: "castro" is common, its scanner's misreadings rare; the rest alike. */
const IDF: Record<string, number> = { castro: 1, caatro: 9, cabtro: 9 };
const weight = (term: string) => IDF[term] ?? 5;
const near = (term: string): NearWords =>
  VOCABULARY.filter((w) => w !== term && oneEdit(w, term)).map((w) => ({ term: w, distance: 1 }));

function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
}

const analyzed = (question: string) => analyzeQuery(question, null, { known, near, weight });
const concept = (question: string, term: string) => analyzed(question).concepts.find((c) => c.term === term)!;

describe("a name's other spellings in the corpus", () => {
  it('reads a name the corpus also spells one letter otherwise inside as either spelling, searched below the one typed', () => {
    const query = analyzed('What did Sorensen say about the quarantine?');
    expect(query.concepts.find((c) => c.term === 'sorensen')!.alternatives).toEqual([['sorenson']]);
    expect(query.plan.terms).toEqual(expect.arrayContaining([{ term: 'sorensen', weight: 1 }, { term: 'sorenson', weight: SPELLING_WEIGHT }]));
    expect(SPELLING_WEIGHT).toBeLessThan(1);
    expect(query.markTerms.has('sorenson')).toBe(true);
  });

  it('takes a letter more inside a name, at most two spellings, in alphabetical order', () => {
    expect(concept('Who is Kornbluh?', 'kornbluh').alternatives).toEqual([['kornblush'], ['kornbluth']]);
  });

  it('never reads an English word as a spelling of a name ("Bardon" is no "baron")', () => {
    expect(concept('When did Bardon write?', 'bardon').alternatives).toEqual([]);
  });

  it('reads no spellings of a name that is an English word ("Carter" never finds "Cartier")', () => {
    expect(concept('When did Carter meet Castro?', 'carter').alternatives).toEqual([]);
  });

  it('never reads words that differ only at their ends, where analyzed words differ ("America" and "American")', () => {
    expect(concept('When did America sign it?', 'america').alternatives).toEqual([]);
  });

  it('reads no spellings of a short name, nor of a word not typed as a name', () => {
    expect(concept('When did Bundy write?', 'bundi').alternatives).toEqual([]);
    expect(concept('what did sorensen say?', 'sorensen').alternatives).toEqual([]);
  });

  it('never reads a spelling far rarer than the name: a scanner misreads a common name many ways once each', () => {
    expect(concept('When did Castro speak?', 'castro').alternatives).toEqual([]);
    expect(concept('When did Sorensen speak?', 'sorensen').alternatives).toEqual([['sorenson']]);
  });

  it("weighs a name's near words once while the index gives the same list of them, and again for a new list", () => {
    const lists = new Map<string, NearWords>();
    const sameList = (term: string) => lists.get(term) ?? lists.set(term, near(term)).get(term)!;
    const weighed: string[] = [];
    const counted = (term: string) => (weighed.push(term), weight(term));
    const misreadings = () => weighed.filter((t) => t === 'caatro' || t === 'cabtro').length;
    const ask = () => analyzeQuery('When did Castro speak?', null, { known, near: sameList, weight: counted });
    ask();
    expect(misreadings()).toBe(2);
    expect(ask().concepts.find((c) => c.term === 'castro')!.alternatives).toEqual([]);
    expect(misreadings()).toBe(2);
    lists.clear();
    ask();
    expect(misreadings()).toBe(4);
  });

  it('reads nothing without the words near each term and their weights (a retriever that gives none)', () => {
    expect(analyzeQuery('What did Sorensen say?', null, { known }).concepts[0]!.alternatives).toEqual([]);
    expect(analyzeQuery('What did Sorensen say?', null, { known, near }).concepts[0]!.alternatives).toEqual([]);
  });
});
