/**
 * The best k of many scored documents without sorting them all: bounded min-heaps, O(n log k) — of
 * scored objects (`topK`), and of documents by ordinal (`TopDocs`, for the compact index).
 */

/** A document with its score and the leaf terms it matched. */
export interface Scored {
  id: string;
  /** Its ordinal in the index (see `Hit.ordinal`). */
  ordinal: number;
  score: number;
  /** The leaf terms it matched (shared, read only: documents that matched the same terms hold one array). */
  terms: readonly string[];
}

/** Descending score, then ascending id, so equal scores rank the same way every time. */
export function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The `k` best items by `byScore`, best first. */
export function topK<T extends Scored>(items: readonly T[], k: number): T[] {
  if (k <= 0) return [];
  if (items.length <= k) return [...items].sort(byScore);
  // heap[0] is the worst of the kept items.
  const heap: T[] = [];
  const worse = (i: number, j: number) => byScore(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (byScore(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < heap.length && worse(l, w)) w = l;
        if (r < heap.length && worse(r, w)) w = r;
        if (w === i) break;
        swap(i, w);
        i = w;
      }
    }
  }
  return heap.sort(byScore);
}

/** A document of the compact index, its score, and the leaves it matched. */
export interface TopDoc {
  doc: number;
  score: number;
  /**
   * The leaves the document matched, as bits (bit k for `leaves[k]`) when there are at most
   * `MASKED_LEAVES` leaves; −1 when there are more (ask `contains`).
   */
  matched: number;
}

/**
 * The best `count` documents offered, by (score desc, rank asc): a bounded min-heap whose root is the
 * worst kept. `ranks` gives per document its place in the tie order.
 */
export class TopDocs {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  /** Per kept document: its matched leaves (see `TopDoc.matched`). */
  private readonly masks: number[] = [];

  constructor(
    private readonly count: number,
    private readonly ranks: Uint32Array,
  ) {}

  private worse(sa: number, da: number, sb: number, db: number): boolean {
    return sa < sb || (sa === sb && this.ranks[da]! > this.ranks[db]!);
  }

  /** The worst score kept once full (a document must reach it to get in); −∞ while there is room. */
  private get threshold(): number {
    return this.docs.length >= this.count ? this.scores[0]! : -Infinity;
  }

  /**
   * Keeps `doc` when it beats the worst kept (or there is room) and `accept` passes it; returns the
   * worst score kept once full (a document must reach it to get in), −∞ while there is room.
   */
  offer(doc: number, score: number, matched: number, accept?: (doc: number) => boolean): number {
    const { docs, scores, masks } = this;
    if (docs.length >= this.count && !this.worse(scores[0]!, docs[0]!, score, doc)) return scores[0]!;
    if (accept && !accept(doc)) return this.threshold;
    if (docs.length < this.count) {
      let at = docs.length;
      docs.push(doc);
      scores.push(score);
      masks.push(matched);
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.worse(scores[at]!, docs[at]!, scores[parent]!, docs[parent]!)) break;
        swap(docs, scores, masks, at, parent);
        at = parent;
      }
      return this.threshold;
    }
    docs[0] = doc;
    scores[0] = score;
    masks[0] = matched;
    for (let at = 0; ; ) {
      const l = 2 * at + 1;
      const r = l + 1;
      let w = at;
      if (l < docs.length && this.worse(scores[l]!, docs[l]!, scores[w]!, docs[w]!)) w = l;
      if (r < docs.length && this.worse(scores[r]!, docs[r]!, scores[w]!, docs[w]!)) w = r;
      if (w === at) break;
      swap(docs, scores, masks, at, w);
      at = w;
    }
    return scores[0]!;
  }

  /** The documents kept, best first, each as `make` makes it (no other object made for each). */
  sorted<T>(make: (doc: number, score: number, matched: number) => T): T[] {
    const { docs, scores, masks } = this;
    return bestFirst(docs.length, docs.length, docs, scores, this.ranks, (i) => make(docs[i]!, scores[i]!, masks[i]!));
  }
}

/** `bestFirst`'s places kept, best first: scratch reused by every search (one runs at a time), grown as needed. */
let kept = new Int32Array(64);

/**
 * The first `count` of `n` documents (`docs[i]`, scoring `scores[i]`) by score desc, then rank asc,
 * each as `make(i)` makes it. Their places are kept in order as they come, in scratch: no object per
 * document, and no sort of all `n` (Array#sort's scratch was 5 % of what a question allocated).
 */
export function bestFirst<T>(n: number, count: number, docs: ArrayLike<number>, scores: ArrayLike<number>, ranks: Uint32Array, make: (i: number) => T): T[] {
  const size = Math.min(n, count);
  if (kept.length < size) kept = new Int32Array(Math.max(size, kept.length * 2));
  /** Whether place `i` comes before place `j`: it scores more, or as much at a lower rank. */
  const before = (i: number, j: number) => scores[i]! > scores[j]! || (scores[i] === scores[j] && ranks[docs[i]!]! < ranks[docs[j]!]!);
  let m = 0;
  for (let i = 0; i < n; i++) {
    // Once `size` are kept, most places come after the last of them.
    if (m === size && !before(i, kept[m - 1]!)) continue;
    // The first place kept that `i` comes before, by halves.
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(i, kept[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    kept.copyWithin(lo + 1, lo, m < size ? m : size - 1);
    kept[lo] = i;
    if (m < size) m++;
  }
  const out: T[] = [];
  for (let i = 0; i < m; i++) out.push(make(kept[i]!));
  return out;
}

function swap(docs: number[], scores: number[], masks: number[], i: number, j: number): void {
  const d = docs[i]!;
  docs[i] = docs[j]!;
  docs[j] = d;
  const s = scores[i]!;
  scores[i] = scores[j]!;
  scores[j] = s;
  const m = masks[i]!;
  masks[i] = masks[j]!;
  masks[j] = m;
}

/** Number of bits set in a 31-bit mask. */
export function bitCount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
