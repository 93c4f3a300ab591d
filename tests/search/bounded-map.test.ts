import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/search/bounded-map.js';

describe('BoundedMap', () => {
  it('forgets the oldest entry once full, and keeps the rest', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, i);
    expect([...map.keys()]).toEqual(['b', 'c', 'd']);
  });

  it('replaces a known key without forgetting another', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 3);
    expect([...map.entries()]).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('makes a missing value once and remembers it', () => {
    const map = new BoundedMap<string, number>(2);
    let made = 0;
    expect(map.getOr('x', () => ++made)).toBe(1);
    expect(map.getOr('x', () => ++made)).toBe(1);
    expect(made).toBe(1);
  });
});
