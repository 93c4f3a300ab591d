import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedTerms } from '../../src/search/shared-terms.js';

/** Distinct ids, as a passage's term ids are. */
const idSet = fc.uniqueArray(fc.integer({ min: 0, max: 600 }), { maxLength: 80 }).map((ids) => Uint32Array.from(ids));

describe('SharedTerms', () => {
  it('counts, for a new set, the ids it shares with each kept set', () => {
    fc.assert(
      fc.property(fc.array(fc.array(idSet, { maxLength: 12 }), { minLength: 1, maxLength: 3 }), (searches) => {
        const shared = new SharedTerms();
        // Several searches in a row: each starts from clear, as PassageSearch.search does.
        for (const sets of searches) {
          shared.clear();
          for (const ids of sets) {
            const counts = shared.count(ids);
            for (let k = 0; k < shared.size; k++) {
              const kept = new Set(shared.set(k));
              expect(counts[k]).toBe(ids.filter((id) => kept.has(id)).length);
            }
            shared.add(ids);
          }
          expect(shared.size).toBe(sets.length);
        }
      }),
    );
  });

  it('counts nothing shared with ids no kept set has seen', () => {
    const shared = new SharedTerms();
    shared.add(Uint32Array.of(1, 2, 3));
    expect(Array.from(shared.count(Uint32Array.of(4, 5000))).slice(0, 1)).toEqual([0]);
    expect(shared.count(Uint32Array.of(3, 1))[0]).toBe(2);
  });
});
