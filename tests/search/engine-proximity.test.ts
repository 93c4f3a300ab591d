import { describe, expect, it } from 'vitest';
import { pairIndex, proximityBonus, type PhrasePair } from '../../src/search/engine-proximity.js';

const options = { weight: 2, maxGap: 2, k: 1 };
/** The saturated worth of `tf` occurrences of a pair of weight `w` (k = 1: tf·2/(tf + 1)). */
const worth = (w: number, tf: number) => (w * tf * 2) / (tf + 1);

describe('the phrase proximity bonus', () => {
  // Three documents end to end: ids 7 8 are a pair, 8 9 another.
  const ids = Uint32Array.from([7, 8, 1, 7, 8, 9, /* doc 1 */ 8, 9, 7, /* doc 2 */ 8, 5]);
  const positions = Uint32Array.from([0, 1, 2, 3, 4, 7, 0, 1, 2, 0, 1]);
  const starts = [0, 6, 9, 11];
  const pairs: PhrasePair[] = [
    { first: 7, second: 8, weight: 1.5 },
    { first: 8, second: 9, weight: 0.25 },
  ];

  describe('over one document', () => {
    it('counts each pair’s adjacent, in-order occurrences and saturates them', () => {
      const index = pairIndex(pairs);
      // Doc 0: 7 8 twice; 8 9 once but 3 words apart (past maxGap).
      expect(proximityBonus(ids, positions, starts[0]!, starts[1]!, index, options)).toBe(2 * worth(1.5, 2));
      // Doc 1: 8 9 once; its last word 7 is followed by the next document's 8, which does not count.
      expect(proximityBonus(ids, positions, starts[1]!, starts[2]!, index, options)).toBe(2 * worth(0.25, 1));
      expect(proximityBonus(ids, positions, starts[2]!, starts[3]!, index, options)).toBe(0);
    });

    it('counts every gap as 1 without positions', () => {
      const index = pairIndex(pairs);
      expect(proximityBonus(ids, null, starts[0]!, starts[1]!, index, options)).toBe(2 * (worth(1.5, 2) + worth(0.25, 1)));
    });
  });

  describe('over many documents with one index', () => {
    it('starts each document from nothing', () => {
      const index = pairIndex(pairs);
      const first = [0, 1, 2].map((d) => proximityBonus(ids, positions, starts[d]!, starts[d + 1]!, index, options));
      const again = [0, 1, 2].map((d) => proximityBonus(ids, positions, starts[d]!, starts[d + 1]!, index, options));
      expect(again).toEqual(first);
    });

    it('sums the pairs in the order the document first shows them', () => {
      // Parts whose sum depends on the order: the big pair is last in the index but first in the document.
      const order: PhrasePair[] = [
        { first: 1, second: 2, weight: 1 },
        { first: 5, second: 6, weight: 1 },
        { first: 3, second: 4, weight: 1e16 },
      ];
      const doc = Uint32Array.from([3, 4, 1, 2, 5, 6]);
      const unit = { weight: 1, maxGap: 1, k: 1 };
      expect(1e16 + 1 + 1).not.toBe(1 + 1 + 1e16);
      expect(proximityBonus(doc, null, 0, doc.length, pairIndex(order), unit)).toBe(1e16 + 1 + 1);
    });
  });

  it('is 0 with no pairs or no weight', () => {
    expect(proximityBonus(ids, positions, 0, 6, pairIndex([]), options)).toBe(0);
    expect(proximityBonus(ids, positions, 0, 6, pairIndex(pairs), { ...options, weight: 0 })).toBe(0);
  });
});
