import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestFirst } from '../../src/search/engine-top.js';

/** The reference: every place sorted by score desc, then its document's rank asc, the first `count` kept. */
function sortedFirst(n: number, count: number, docs: number[], scores: number[], ranks: Uint32Array): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]! || ranks[docs[a]!]! - ranks[docs[b]!]!);
  return order.slice(0, count);
}

describe('bestFirst', () => {
  it('keeps the first `count` places by score, ties broken by rank, as a full sort would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 120 }),
        (rawScores, count) => {
          const n = rawScores.length;
          // Few distinct scores, so that ties are common; each place its own document, ranked in a shuffled order.
          const scores = rawScores.map((s) => s / 2);
          const docs = Array.from({ length: n }, (_, i) => i);
          const ranks = Uint32Array.from(docs.map((i) => (i * 7919) % (n + 1)));
          const got = bestFirst(n, count, docs, scores, ranks, (i) => i);
          expect(got).toEqual(sortedFirst(n, count, docs, scores, ranks));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('makes nothing for no documents, and hands `make` the places in order', () => {
    expect(bestFirst(0, 5, [], [], new Uint32Array(0), (i) => i)).toEqual([]);
    const ranks = Uint32Array.from([2, 0, 1]);
    expect(bestFirst(3, 2, [0, 1, 2], [1, 3, 3], ranks, (i) => `doc${i}`)).toEqual(['doc1', 'doc2']);
  });
});
