import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/util/bounded-map.js';

describe('BoundedMap', () => {
  it('never holds more than its room, and always holds what was set last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 })), { maxLength: 200 }), (max, steps) => {
        const map = new BoundedMap<number, number>(max);
        for (const [read, key] of steps) {
          if (read) map.get(key);
          else {
            map.set(key, key * 10);
            expect(map.get(key)).toBe(key * 10);
          }
          expect(map.size).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('forgets the least recently used entries first', () => {
    const map = new BoundedMap<string, number>(6);
    map.set('a', 1).set('b', 2).set('c', 3).set('d', 4);
    // Reading a makes it more recent than b and c, set with it.
    expect(map.get('a')).toBe(1);
    map.set('e', 5).set('f', 6);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].filter((key) => map.has(key))).toEqual(['a', 'd', 'e', 'f']);
  });

  it('replaces a known key without forgetting another', () => {
    const map = new BoundedMap<string, number>(4);
    map.set('a', 1).set('b', 2).set('a', 3);
    expect([map.get('a'), map.get('b'), map.size]).toEqual([3, 2, 2]);
  });

  it('makes a missing value once and remembers it', () => {
    const map = new BoundedMap<string, number>(2);
    let made = 0;
    expect(map.getOr('x', () => ++made)).toBe(1);
    expect(map.getOr('x', () => ++made)).toBe(1);
    expect(made).toBe(1);
  });

  it('empties when cleared', () => {
    const map = new BoundedMap<string, number>(4);
    map.set('a', 1).set('b', 2).set('c', 3);
    map.clear();
    expect([map.size, map.has('a'), map.get('c')]).toEqual([0, false, undefined]);
  });
});
