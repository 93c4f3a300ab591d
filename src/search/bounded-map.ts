/**
 * A Map that keeps at most `max` entries, forgetting the oldest first: the caches of ingestion and of
 * the query path (analyses of passages, their term sets, near spellings) stay bounded however long
 * the bot runs over however large a corpus.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) this.delete(this.keys().next().value as K);
    return super.set(key, value);
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
