/**
 * Sets of term ids kept one by one, and whether a new set overlaps one of them by at least a Jaccard
 * threshold t: how PassageSearch tells near-duplicate passages apart.
 *
 * Prefix filtering (Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", WWW 2007):
 * with every set's ids in one order, two sets whose Jaccard reaches t share an id among the first
 * |x| − ⌈t·|x|⌉ + 1 of each. Only those prefixes are indexed (addressed directly by id) and probed;
 * a kept set found that way is verified by merging the two sets. The answer is exact in any order;
 * with ids ordered rarest word first, the words most passages share are never looked at — counting
 * every shared id cost up to 0.3 ms a search on the 269k-passage JFK index, common words being in
 * every passage kept. Reused from search to search: `clear` walks only the ids it holds. Not re-entrant.
 */
export class NearDuplicates {
  /** Per id: the last entry holding it, −1 for none. */
  private head = new Int32Array(0);
  /** Per entry: the entry before it for the same id, and the kept set it belongs to. */
  private next = new Int32Array(256);
  private owner = new Int32Array(256);
  private entries = 0;
  private readonly kept: Uint32Array[] = [];
  /** Per kept set: the probe that last verified it, so that a probe verifies a set once. */
  private verified = new Int32Array(16);
  private probes = 0;

  /** `threshold`: the least Jaccard overlap that makes two sets near-duplicates (0 < t ≤ 1). */
  constructor(private readonly threshold: number) {
    if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`NearDuplicates: threshold must be in (0, 1], not ${threshold}`);
  }

  /** Number of sets kept. */
  get size(): number {
    return this.kept.length;
  }

  /**
   * How many of a set's first ids must be indexed and probed: |x| − ⌈t·|x|⌉ + 1, the product taken a
   * hair low so that rounding can only lengthen the prefix (a longer prefix finds the same sets).
   */
  private prefix(size: number): number {
    return Math.min(size, size - Math.ceil(this.threshold * size - 1e-9) + 1);
  }

  /** True when `ids` (distinct, ascending) overlaps some kept set by at least the threshold. */
  matches(ids: Uint32Array): boolean {
    const probe = ++this.probes;
    if (this.verified.length < this.kept.length) this.verified = grown(this.verified, this.kept.length * 2);
    const { head, next, owner, verified, threshold } = this;
    const end = this.prefix(ids.length);
    // A set overlapping by t has between t·|x| and |x|/t ids (its union is at least the larger).
    const least = threshold * ids.length - 1e-9;
    const most = ids.length / threshold + 1e-9;
    for (let i = 0; i < end; i++) {
      const id = ids[i]!;
      if (id >= head.length) continue;
      for (let e = head[id]!; e >= 0; e = next[e]!) {
        const k = owner[e]!;
        if (verified[k] === probe) continue;
        verified[k] = probe;
        const other = this.kept[k]!;
        if (other.length < least || other.length > most) continue;
        // Overlapping by t takes at least t·(|x| + |y|)/(1 + t) shared ids.
        const common = sharedCount(ids, other, (threshold * (ids.length + other.length)) / (1 + threshold) - 1e-9);
        if (common / (ids.length + other.length - common) >= threshold) return true;
      }
    }
    return false;
  }

  /** Keeps a set of distinct ids, ascending. */
  add(ids: Uint32Array): void {
    const k = this.kept.length;
    this.kept.push(ids);
    const end = this.prefix(ids.length);
    if (this.entries + end > this.next.length) {
      const size = Math.max(this.next.length * 2, this.entries + end);
      this.next = grown(this.next, size);
      this.owner = grown(this.owner, size);
    }
    for (let i = 0; i < end; i++) {
      const id = ids[i]!;
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
    for (const ids of this.kept) {
      const end = this.prefix(ids.length);
      for (let i = 0; i < end; i++) this.head[ids[i]!] = -1;
    }
    this.kept.length = 0;
    this.entries = 0;
  }
}

/** How many ids two ascending sets share (a merge), or fewer once they cannot share `needed`. */
function sharedCount(a: Uint32Array, b: Uint32Array, needed: number): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (common + Math.min(a.length - i, b.length - j) < needed) return common;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}
