import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearDuplicates } from '../../src/search/near-duplicates.js';

/** Distinct ids, ascending, as a passage's term ranks are; drawn from few ids so that sets overlap. */
const idSet = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }).map((ids) => Uint32Array.from(ids).sort());

function jaccard(a: Uint32Array, b: Uint32Array): number {
  const set = new Set(a);
  const common = Array.from(b).filter((id) => set.has(id)).length;
  const union = a.length + b.length - common;
  return union === 0 ? 0 : common / union;
}

describe('NearDuplicates', () => {
  it('matches a set exactly when a kept set overlaps it by at least the threshold', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.2, 0.5, 0.6, 0.75, 0.9, 1),
        fc.array(fc.array(idSet, { maxLength: 12 }), { minLength: 1, maxLength: 3 }),
        (threshold, searches) => {
          const kept = new NearDuplicates(threshold);
          // Several searches in a row: each starts from clear, as PassageSearch.search does.
          for (const sets of searches) {
            kept.clear();
            const so: Uint32Array[] = [];
            for (const ids of sets) {
              const expected = so.some((other) => jaccard(ids, other) >= threshold);
              expect(kept.matches(ids)).toBe(expected);
              if (!expected) {
                kept.add(ids);
                so.push(ids);
              }
            }
            expect(kept.size).toBe(so.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells a near-duplicate from a set that shares less', () => {
    const kept = new NearDuplicates(0.6);
    kept.add(Uint32Array.of(1, 2, 3, 4, 5));
    // 4 ids shared of 6 (Jaccard 0.67), then 3 of 8 (0.375).
    expect(kept.matches(Uint32Array.of(2, 3, 4, 5, 8))).toBe(true);
    expect(kept.matches(Uint32Array.of(3, 4, 5, 8, 9, 10))).toBe(false);
    expect(kept.matches(new Uint32Array(0))).toBe(false);
  });

  it('refuses a threshold outside (0, 1]', () => {
    expect(() => new NearDuplicates(0)).toThrow(RangeError);
    expect(() => new NearDuplicates(1.5)).toThrow(RangeError);
  });
});
