/**
 * A Map that keeps at most `max` entries, forgetting the oldest first: the caches of the query path
 * (analyses of passages, their term sets, near spellings) stay bounded however long the bot runs
 * over however large a corpus.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }

  /** The value for `key`, made by `make` and remembered when missing. */
  getOr(key: K, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      this.set(key, value);
    }
    return value;
  }
}
