import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../../adapters/slack/dedupe.js';

describe('RecentKeys', () => {
  it('says yes the first time and no for repeats', () => {
    const keys = new RecentKeys();
    expect(keys.firstTime('Ev1')).toBe(true);
    expect(keys.firstTime('Ev1')).toBe(false);
    expect(keys.firstTime('Ev2')).toBe(true);
  });

  it('forgets a key after its time to live', () => {
    let now = 0;
    const keys = new RecentKeys({ ttlMs: 1000, now: () => now });
    keys.firstTime('Ev1');
    now = 999;
    expect(keys.firstTime('Ev1')).toBe(false);
    now = 1000;
    expect(keys.firstTime('Ev1')).toBe(true);
  });

  it('holds at most max keys, dropping the oldest first', () => {
    const keys = new RecentKeys({ max: 3 });
    for (const key of ['a', 'b', 'c', 'd']) keys.firstTime(key);
    expect(keys.size).toBe(3);
    expect(keys.firstTime('d')).toBe(false);
    expect(keys.firstTime('a')).toBe(true);
  });

  it('sheds expired keys as new ones arrive, so memory stays bounded by traffic', () => {
    let now = 0;
    const keys = new RecentKeys({ ttlMs: 10, now: () => now });
    for (let i = 0; i < 100; i += 1) {
      now = i;
      keys.firstTime(`k${i}`);
    }
    expect(keys.size).toBe(10);
  });
});
