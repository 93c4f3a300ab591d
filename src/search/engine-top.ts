/**
 * The best k of many scored documents without sorting them all: a bounded min-heap, O(n log k).
 */

/** A document with its score and the leaf terms it matched. */
export interface Scored {
  id: string;
  /** Its ordinal in the index (see `Hit.ordinal`). */
  ordinal: number;
  score: number;
  terms: string[];
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
