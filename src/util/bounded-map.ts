/**
 * A map that keeps at most `max` entries, forgetting the least recently used first, half its room at
 * a time: the caches of ingestion and of the query path (analyses of passages, their term sets, near
 * spellings) stay bounded however long the bot runs over however large a corpus.
 *
 * Two generations: entries are set in the young one; when it holds half the room it becomes the old
 * one and the previous old one is dropped whole; an entry read from the old one moves to the young.
 * Every operation is O(1). (Forgetting the oldest entry of one Map at each insertion is not: a Map
 * finds its first live entry by stepping over the ones deleted before it, so a full cache of 200,000
 * entries spent milliseconds per insertion.) `undefined` is not a value it can hold.
 */
export class BoundedMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;

  constructor(max: number) {
    this.half = Math.max(1, Math.floor(max / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const older = this.old.get(key);
    if (older !== undefined) {
      this.old.delete(key);
      this.set(key, older);
    }
    return older;
  }

  has(key: K): boolean {
    return this.young.has(key) || this.old.has(key);
  }

  set(key: K, value: V): this {
    this.old.delete(key);
    this.young.set(key, value);
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    return this;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  /**
   * The value for `key`, made by `make(key)` and remembered when missing. Pass a function made once
   * (not a closure per call): this is on hot paths.
   */
  getOr(key: K, make: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make(key);
      this.set(key, value);
    }
    return value;
  }
}

/** `judge`, remembering its answers for the last `max` distinct arguments. */
export function remembered<K, V>(judge: (key: K) => V, max: number): (key: K) => V {
  const memo = new BoundedMap<K, V>(max);
  return (key) => memo.getOr(key, judge);
}
