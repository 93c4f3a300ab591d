/**
 * BM25 over the candidates the database found, as the in-memory engine ranks passages: each field a
 * term of the question is in, at the field's boost, against the field's mean length over the corpus.
 */
import { bm25Impact, bm25Norm, DEFAULT_BM25 } from '../../src/search/engine-bm25.js';
import { DEFAULT_PASSAGE_SEARCH } from '../../src/search/passage-search.js';

/** The fields a passage is indexed under, as the in-memory search's (`indexedPassage`). */
export type Field = 'text' | 'heading' | 'title';
export type FieldLengths = Record<Field, number>;
export interface WeightedTerm {
  term: string;
  /** The term's weight in the query times its IDF. */
  weight: number;
}
const FIELDS: readonly Field[] = ['text', 'heading', 'title'];

/**
 * Each row's BM25 score (the in-memory engine's parameters and formula, `engine-bm25.ts`) summed over
 * its fields, each field at its boost (`DEFAULT_PASSAGE_SEARCH.boosts`) against the corpus's mean
 * length of that field (`corpus_state`; the rows' own mean when a database written before it was kept
 * says 0).
 */
export function fieldBm25(terms: readonly WeightedTerm[], lengths: FieldLengths | null, rows: ReadonlyArray<Record<`${Field}_terms`, string>>): number[] {
  const words = rows.map((row) => FIELDS.map((field) => row[`${field}_terms`].split(' ').filter(Boolean)));
  const mean = FIELDS.map((field, f) => lengths?.[field] || words.reduce((sum, w) => sum + w[f]!.length, 0) / (words.length || 1) || 1);
  return words.map((fields) => {
    let score = 0;
    fields.forEach((field, f) => {
      const counts = new Map<string, number>();
      for (const word of field) counts.set(word, (counts.get(word) ?? 0) + 1);
      const norm = bm25Norm(DEFAULT_BM25, field.length, mean[f]!);
      let sum = 0;
      for (const t of terms) {
        const tf = counts.get(t.term);
        if (tf) sum += t.weight * bm25Impact(DEFAULT_BM25, tf, norm);
      }
      score += DEFAULT_PASSAGE_SEARCH.boosts[FIELDS[f]!] * sum;
    });
    return score;
  });
}
