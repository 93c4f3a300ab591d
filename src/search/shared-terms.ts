/**
 * Sets of term ids kept one by one, and for a new set how many ids it shares with each kept set: an
 * inverted index over the kept sets, addressed directly by term id. Telling near-duplicate passages
 * apart this way costs one step per (id, kept set holding it), where comparing the new set with every
 * kept one costs a merge of both per pair. Reused from search to search: `clear` walks only the ids
 * it holds. Not re-entrant.
 */
export class SharedTerms {
  /** Per term id: the last entry holding it, -1 for none. */
  private head = new Int32Array(0).fill(-1);
  /** Per entry: the entry before it for the same term, and the kept set it belongs to. */
  private next = new Int32Array(256);
  private owner = new Int32Array(256);
  private entries = 0;
  private readonly kept: Uint32Array[] = [];
  private counts = new Int32Array(16);

  /** Number of sets kept. */
  get size(): number {
    return this.kept.length;
  }

  /** The k-th kept set. */
  set(k: number): Uint32Array {
    return this.kept[k]!;
  }

  /**
   * How many ids of `ids` (distinct) each kept set holds: entry k is the count for the k-th set. The
   * array is reused by the next call.
   */
  count(ids: Uint32Array): Int32Array {
    const n = this.kept.length;
    if (this.counts.length < n) this.counts = new Int32Array(n * 2);
    const counts = this.counts;
    counts.fill(0, 0, n);
    const { head, next, owner } = this;
    for (const id of ids) {
      if (id >= head.length) continue;
      for (let e = head[id]!; e >= 0; e = next[e]!) counts[owner[e]!]!++;
    }
    return counts;
  }

  /** Keeps a set of distinct ids. */
  add(ids: Uint32Array): void {
    const k = this.kept.length;
    this.kept.push(ids);
    if (this.entries + ids.length > this.next.length) {
      const size = Math.max(this.next.length * 2, this.entries + ids.length);
      this.next = grown(this.next, size);
      this.owner = grown(this.owner, size);
    }
    for (const id of ids) {
      if (id >= this.head.length) {
        const head = new Int32Array(Math.max(id + 1, this.head.length * 2)).fill(-1);
        head.set(this.head);
        this.head = head;
      }
      const e = this.entries++;
      this.owner[e] = k;
      this.next[e] = this.head[id]!;
      this.head[id] = e;
    }
  }

  /** Forgets every kept set. */
  clear(): void {
    for (const ids of this.kept) for (const id of ids) this.head[id] = -1;
    this.kept.length = 0;
    this.entries = 0;
  }
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}
