import { describe, expect, it } from 'vitest';
import { antecedentOf } from '../../src/answer/antecedent.js';
import { QUOTE_RULES } from '../../src/answer/quote-rules.js';
import { CONTINUED_SHARE, withContinuations } from '../../src/answer/answer-rerank.js';
import { chooseQuote } from '../../src/answer/extract.js';
import { quoteQuery } from '../../src/answer/quote-query.js';
import type { Passage } from '../../src/corpus/types.js';
import { domainAliases } from '../../src/search/aliases.js';
import { analyzeQuery } from '../../src/search/query.js';
import { sentenceRanges } from '../../src/text/sentences.js';

function passage(n: number, text: string, heading: string | null = null): Passage {
  const sentences = sentenceRanges(text).map(([s, e]): [number, number] => [s, e]);
  return { id: `doc#p${n}`, docId: 'doc', n, heading, text, sentences, paragraph: n, line: n, comment: null };
}

const recording = passage(1, 'The mayor spoke about the bridge in May. You can hear him on this city hall tape recording, talking with aides.');
const found = passage(2, 'The tape, first made public in 2003, was found by Jane Roe, a local historian.');

describe('antecedentOf', () => {
  const terms = (p: Passage, before: Passage | undefined) => antecedentOf(p, before).terms;

  it('gives the words of the sentences before that name what a passage opens on ("The tape…"), credited whole', () => {
    const antecedent = antecedentOf(found, recording);
    expect([...antecedent.terms]).toEqual(expect.arrayContaining(['record', 'citi', 'hall', 'aid']));
    expect(antecedent.terms.has('bridg')).toBe(false);
    expect(antecedent.credit).toBe(QUOTE_RULES.antecedentCredit);
  });

  describe('for a first sentence referring back without naming what it refers to', () => {
    const before = passage(1, 'The mayor opened the bridge in May. Within a week it was closed for repairs. The council blamed the builders.');
    it('gives the words of the last two sentences before, credited less than a noun named again', () => {
      const openings = ['In answer to this setback, the council met in June.', 'At that point, the council met.', 'This ultimately led to a vote.', 'These delays cost the mayor the election.'];
      for (const text of [...openings, 'That was May 5, 1963. Nine days later the mayor resigned.', 'That night the council met.']) {
        const antecedent = antecedentOf(passage(2, text), before);
        expect([...antecedent.terms].sort()).toEqual(['blame', 'builder', 'close', 'council', 'repair', 'week', 'within']);
        expect(antecedent.credit).toBe(QUOTE_RULES.referenceCredit);
        expect(antecedent.credit).toBeLessThan(QUOTE_RULES.antecedentCredit);
      }
    });

    it('reads no "that" opening a clause, nor a reference past the sentence’s first six words, as one', () => {
      expect(terms(passage(2, 'I believe, Mr. Mayor, that you should reopen it.'), before).size).toBe(0);
      expect(terms(passage(2, 'Its members reported that builders were to blame.'), before).size).toBe(0);
      expect(terms(passage(2, 'That Roe found the tape surprised no one.'), before).size).toBe(0);
      expect(terms(passage(2, 'Members met in June and in July to discuss this matter.'), before).size).toBe(0);
    });
  });

  it('gives nothing for a passage that opens otherwise, or on a word the passage before does not use', () => {
    expect(terms(passage(2, 'Jane Roe found the tape in 2003.'), recording).size).toBe(0);
    expect(terms(passage(2, 'The council met again in June.'), recording).size).toBe(0);
  });

  it('gives nothing across a heading, after a reader comment, or for a first passage', () => {
    expect(terms(passage(2, found.text, 'Reactions'), recording).size).toBe(0);
    expect(terms(found, { ...recording, comment: { author: 'A reader' } }).size).toBe(0);
    expect(terms(found, undefined).size).toBe(0);
  });
});

describe('chooseQuote with the passage before', () => {
  const question = analyzeQuery('Who found the city hall recording?', domainAliases);

  it('credits a question’s words the opening noun stands for as the passage’s own', () => {
    const alone = chooseQuote(found, quoteQuery(question, () => 1));
    const continued = chooseQuote(found, quoteQuery(question, () => 1, () => true, undefined, { previous: () => recording }));
    expect(continued.covered).toBeGreaterThan(alone.covered);
    expect(continued.covered).toBe(1);
  });

  it('credits, less, the words of the closing sentences before to a first sentence referring back to them ("this setback")', () => {
    const collapse = passage(1, 'The mayor opened the bridge in May. Within a week the bridge had collapsed.');
    const setback = passage(2, 'In answer to this setback, the council cut the budget.');
    const why = analyzeQuery('Why did the council cut the budget after the bridge collapsed?', domainAliases);
    const after = (p: Passage) => chooseQuote(p, quoteQuery(why, () => 1, () => true, undefined, { previous: () => collapse }));
    const referring = after(setback);
    expect(referring.covered).toBeGreaterThan(after(passage(2, 'In June, the council cut the budget.')).covered);
    expect(referring.covered).toBeLessThan(1);
  });
});

describe('withContinuations', () => {
  const other = (n: number) => passage(n, `Passage ${n} says something else entirely.`);
  const hit = (p: Passage, score: number) => ({ passage: p, score, matched: [] });
  const next = (p: Passage) => (p === recording ? found : undefined);

  it('brings into the reranked head the passage that continues one of the best hits, with its own score when that is more', () => {
    const hits = [hit(recording, 5), hit(other(3), 4), hit(other(4), 3), hit(found, 3)];
    const pool = withContinuations(hits, 2, next);
    expect(pool.count).toBe(3);
    expect(pool.hits.map((h) => h.passage.id)).toEqual(['doc#p1', 'doc#p3', 'doc#p2', 'doc#p4']);
    expect(pool.hits[2]!.score).toBe(3);
  });

  it('scores a continuation at least the given share of the hit it continues, found by the search or not', () => {
    expect(withContinuations([hit(recording, 5), hit(other(3), 4), hit(found, 1)], 2, next).hits.map((h) => [h.passage.id, h.score])).toEqual([
      ['doc#p1', 5],
      ['doc#p3', 4],
      ['doc#p2', 5 * CONTINUED_SHARE],
    ]);
    const missing = withContinuations([hit(recording, 5), hit(other(3), 4)], 1, next);
    expect(missing.hits.map((h) => [h.passage.id, h.score])).toEqual([['doc#p1', 5], ['doc#p2', 5 * CONTINUED_SHARE], ['doc#p3', 4]]);
    expect(missing.count).toBe(2);
  });

  it('raises a continuation already in the head where it stands, and leaves a head of high enough scores as it is', () => {
    const low = withContinuations([hit(recording, 5), hit(found, 1)], 2, next);
    expect(low).toEqual({ hits: [hit(recording, 5), hit(found, 5 * CONTINUED_SHARE)], count: 2 });
    const held = [hit(recording, 5), hit(found, 4)];
    expect(withContinuations(held, 2, next)).toEqual({ hits: held, count: 2 });
  });

  it('knows a passage by its id, not its object: a database hands over copies of the corpus’s passages', () => {
    const copy = { ...found };
    const pool = withContinuations([hit(recording, 5), hit(copy, 1), hit(other(3), 4)], 2, next);
    expect(pool.hits.map((h) => [h.passage.id, h.score])).toEqual([['doc#p1', 5], ['doc#p2', 5 * CONTINUED_SHARE], ['doc#p3', 4]]);
    expect(pool.count).toBe(2);
  });

  it('brings nothing for a passage that does not go on from the hit before it', () => {
    const hits = [hit(recording, 5), hit(other(3), 4)];
    expect(withContinuations(hits, 1, (p) => (p === recording ? other(2) : undefined))).toEqual({ hits, count: 1 });
  });
});
