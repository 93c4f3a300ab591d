import { describe, expect, it } from 'vitest';
import { MASKED_LEAVES, PostingsIndex, type ScoredLeaf, type TopDoc } from '../../src/search/engine-postings.js';
import type { BM25Params } from '../../src/search/engine-types.js';
import type { AccumulatorKind } from '../../src/search/engine-accumulate.js';
import { random } from './random.js';

const FIELDS = 3;
const VOCABULARY = 300;

/** Documents of Zipf-distributed term ids over three fields, the second often absent. */
function randomIndex(next: () => number, docs: number, kernel: AccumulatorKind): PostingsIndex {
  const index = new PostingsIndex(FIELDS, kernel);
  const zipf = () => Math.min(VOCABULARY - 1, Math.floor(1 / (next() + 1 / VOCABULARY)) - 1);
  for (let d = 0; d < docs; d++) {
    const fields = [40, 6, 4].map((max, f) => (f === 1 && next() < 0.6 ? null : Array.from({ length: 1 + Math.floor(next() * max) }, zipf)));
    index.add(fields);
  }
  index.pack(VOCABULARY);
  return index;
}

/** Per document, its place in the order `tieBreak` puts documents of equal score in: the search's `ranks`. */
function ranksOf(index: PostingsIndex, tieBreak: (a: number, b: number) => number): Uint32Array {
  const docs = Array.from({ length: index.documentCount }, (_, d) => d).sort(tieBreak);
  const ranks = new Uint32Array(docs.length);
  docs.forEach((d, i) => (ranks[d] = i));
  return ranks;
}

/**
 * The scores the search must give, computed the plain way: every posting of every leaf, summed per
 * leaf over fields and then over leaves in order (minisearch's order), the whole result set sorted;
 * each document with the leaves it matched.
 */
function reference(index: PostingsIndex, leaves: readonly ScoredLeaf[], boosts: readonly number[], bm25: BM25Params, count: number, tieBreak: (a: number, b: number) => number, accept?: (doc: number) => boolean): TopDoc[] {
  const { fields, lengths, averages, docCount: N } = index.state();
  const { k, b, d: floor } = bm25;
  const scores = new Map<number, { acc: number; matched: number; mask: number }>();
  for (const [i, leaf] of leaves.entries()) {
    const leafSums = new Map<number, number>();
    for (let f = 0; f < FIELDS; f++) {
      const { offsets, docs, tfs } = fields[f]!;
      const lo = offsets[leaf.id]!;
      const df = offsets[leaf.id + 1]! - lo;
      if (df === 0) continue;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      for (let p = lo; p < lo + df; p++) {
        const doc = docs[p]!;
        const tf = tfs[p]!;
        const norm = k * (1 - b + (b * lengths[f]![doc]!) / averages[f]!);
        const s = leaf.weight * boosts[f]! * (idf * (floor + (tf * (k + 1)) / (tf + norm)));
        leafSums.set(doc, leafSums.has(doc) ? leafSums.get(doc)! + s : s);
      }
    }
    for (const [doc, sum] of leafSums) {
      const prior = scores.get(doc);
      const bit = 2 ** i;
      scores.set(doc, prior ? { acc: prior.acc + sum, matched: prior.matched + 1, mask: prior.mask + bit } : { acc: sum, matched: 1, mask: bit });
    }
  }
  return [...scores]
    .map(([doc, { acc, matched, mask }]) => ({ doc, score: (acc * matched) / matched, matched: leaves.length > MASKED_LEAVES ? -1 : mask }))
    .filter(({ doc }) => !accept || accept(doc))
    .sort((x, y) => y.score - x.score || tieBreak(x.doc, y.doc))
    .slice(0, count);
}

for (const kernel of ['wasm', 'js'] as const) describe(`PostingsIndex.search, its loops in ${kernel === 'wasm' ? 'WebAssembly' : 'JavaScript'}`, () => {
  it('runs them where asked', () => {
    const index = randomIndex(random(3), 50, kernel);
    index.search([{ id: 1, weight: 1 }], [1, 1, 1], { k: 1.2, b: 0.75, d: 0 }, 5, ranksOf(index, (a, b) => a - b));
    expect(index.kernelKind).toBe(kernel);
  });

  describe('against scoring every posting', () => {
    it('returns the same documents with the same scores, to the last bit', () => {
      let pruned = 0;
      for (let seed = 1; seed <= 8; seed++) {
        const next = random(seed * 104729);
        const index = randomIndex(next, 500 + Math.floor(next() * 3000), kernel);
        // A tie-break that is not document order, as the engine's (document ids as strings) is not.
        const tieBreak = (a: number, b: number) => (a % 7) - (b % 7) || a - b;
        for (let q = 0; q < 25; q++) {
          const bm25: BM25Params = next() < 0.5 ? { k: 1.2, b: 0.7, d: 0.5 } : { k: 2, b: 0.3, d: 0 };
          const ids = new Set(Array.from({ length: 1 + Math.floor(next() * 8) }, () => Math.floor(next() ** 2 * (VOCABULARY + 20))));
          const leaves = [...ids].map((id) => ({ id, weight: next() < 0.5 ? 1 : Math.round(next() * 200) / 100 }));
          const boosts = [1, next() < 0.3 ? 0 : Math.round(next() * 300) / 100, Math.round(next() * 300) / 100];
          const count = 1 + Math.floor(next() * 120);
          const accept = next() < 0.3 ? (doc: number) => doc % 3 !== 0 : undefined;
          const expected = reference(index, leaves, boosts, bm25, count, tieBreak, accept);
          expect(index.search(leaves, boosts, bm25, count, ranksOf(index, tieBreak), accept), `seed ${seed}, query ${q}`).toEqual(expected);
          if (expected.length === count) pruned++;
        }
      }
      // Most queries filled their count, so the bounds had a score to beat.
      expect(pruned).toBeGreaterThan(100);
    });

    it('scores queries whose words are in every document, in one field or several', () => {
      const next = random(2);
      const index = new PostingsIndex(FIELDS, kernel);
      // Word 0 is in every document's first field only; word 5 in every document, in all fields.
      const words = (max: number, from: number) => [from, ...Array.from({ length: Math.floor(next() * max) }, () => from + Math.floor(next() * 5))];
      for (let d = 0; d < 300; d++) index.add([words(20, 0).concat(words(5, 5)), words(5, 5), words(4, 5)]);
      index.pack(10);
      const tieBreak = (a: number, b: number) => a - b;
      const bm25: BM25Params = { k: 1.2, b: 0.75, d: 0 };
      for (const ids of [[0], [5], [0, 5], [3, 0, 8, 5], Array.from({ length: 10 }, (_, i) => i)]) {
        const leaves = ids.map((id) => ({ id, weight: 1 }));
        const found = index.search(leaves, [1, 0.6, 0.3], bm25, 300, ranksOf(index, tieBreak));
        expect(found).toHaveLength(300);
        expect(found).toEqual(reference(index, leaves, [1, 0.6, 0.3], bm25, 300, tieBreak));
      }
    });

    it('scores again after documents are added, and with other BM25 parameters', () => {
      const next = random(99);
      const index = randomIndex(next, 800, kernel);
      const leaves = [{ id: 0, weight: 1 }, { id: 5, weight: 0.5 }, { id: 40, weight: 2 }];
      const tieBreak = (a: number, b: number) => a - b;
      const first: BM25Params = { k: 1.2, b: 0.7, d: 0.5 };
      expect(index.search(leaves, [1, 1, 1], first, 10, ranksOf(index, tieBreak))).toEqual(reference(index, leaves, [1, 1, 1], first, 10, tieBreak));
      for (let d = 0; d < 50; d++) index.add([[0, 0, 0, 5], null, [40]]);
      index.pack(VOCABULARY);
      expect(index.search(leaves, [1, 1, 1], first, 10, ranksOf(index, tieBreak))).toEqual(reference(index, leaves, [1, 1, 1], first, 10, tieBreak));
      const other: BM25Params = { k: 0.9, b: 0.4, d: 1 };
      expect(index.search(leaves, [1, 2, 0.5], other, 30, ranksOf(index, tieBreak))).toEqual(reference(index, leaves, [1, 2, 0.5], other, 30, tieBreak));
    });

    it('keeps the best documents when their scores are closer than f32 can tell apart', () => {
      // Documents of eight words against documents of a ninth, whose weight puts their score a few
      // f32 ulps above or below: the approximate sums may order the two groups the wrong way round,
      // and the candidates must still hold the group that is really best.
      const next = random(11);
      const index = new PostingsIndex(FIELDS, kernel);
      for (let d = 0; d < 40; d++) index.add(d % 2 === 0 ? [[1, 2, 3, 4, 5, 6, 7, 8], null, null] : [[9], null, null]);
      index.pack(10);
      const tieBreak = (a: number, b: number) => a - b;
      const bm25: BM25Params = { k: 1.2, b: 0.75, d: 0 };
      const boosts = [1, 1, 1];
      let reversed = 0;
      for (let trial = 0; trial < 400; trial++) {
        const eight = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, weight: 0.5 + next() * 1.5 }));
        const many = reference(index, eight, boosts, bm25, 1, tieBreak)[0]!.score;
        const one = reference(index, [{ id: 9, weight: 1 }], boosts, bm25, 1, tieBreak)[0]!.score;
        const epsilon = (next() - 0.5) * 2 ** -20;
        const leaves = [...eight, { id: 9, weight: (many / one) * (1 + epsilon) }];
        const expected = reference(index, leaves, boosts, bm25, 20, tieBreak);
        expect(index.search(leaves, boosts, bm25, 20, ranksOf(index, tieBreak)), `trial ${trial}`).toEqual(expected);
        // Most trials must really split the groups (the best 20 all of one kind).
        if (new Set(expected.map((hit) => hit.doc % 2)).size === 1) reversed++;
      }
      expect(reversed).toBeGreaterThan(300);
    });

    it('falls back to every document touched for weights the bound does not cover', () => {
      const next = random(5);
      const index = randomIndex(next, 400, kernel);
      const tieBreak = (a: number, b: number) => a - b;
      const bm25: BM25Params = { k: 1.2, b: 0.7, d: 0.5 };
      for (const weights of [[1, 0, 2], [1, -0.5, 2], [1, 1e-30, 1e30], [1, Number.POSITIVE_INFINITY, 1]]) {
        const leaves = weights.map((weight, i) => ({ id: i * 3, weight }));
        expect(index.search(leaves, [1, 1, 1], bm25, 30, ranksOf(index, tieBreak))).toEqual(reference(index, leaves, [1, 1, 1], bm25, 30, tieBreak));
      }
      // Impacts past 2⁶⁰, from a huge BM25+ floor (their f32 sums would overflow).
      const huge: BM25Params = { k: 1.2, b: 0.7, d: 3e38 };
      const two = [{ id: 0, weight: 1 }, { id: 4, weight: 0.5 }];
      expect(index.search(two, [1, 1, 1], huge, 30, ranksOf(index, tieBreak))).toEqual(reference(index, two, [1, 1, 1], huge, 30, tieBreak));
      // More than a heap's room asked for.
      const leaves = [{ id: 0, weight: 1 }, { id: 1, weight: 1 }];
      expect(index.search(leaves, [1, 1, 1], bm25, 5000, ranksOf(index, tieBreak))).toEqual(reference(index, leaves, [1, 1, 1], bm25, 5000, tieBreak));
    });

    it('leaves the matched leaves to be asked for when there are too many for a mask', () => {
      const next = random(7);
      const index = randomIndex(next, 600, kernel);
      const tieBreak = (a: number, b: number) => a - b;
      const bm25: BM25Params = { k: 1.2, b: 0.7, d: 0.5 };
      for (const n of [MASKED_LEAVES, MASKED_LEAVES + 1]) {
        const leaves = Array.from({ length: n }, (_, id) => ({ id, weight: 1 }));
        const found = index.search(leaves, [1, 1, 1], bm25, 50, ranksOf(index, tieBreak));
        expect(found).toEqual(reference(index, leaves, [1, 1, 1], bm25, 50, tieBreak));
        expect(found.every((hit) => (n > MASKED_LEAVES ? hit.matched === -1 : hit.matched > 0))).toBe(true);
      }
    });
  });
});
