/**
 * Pseudo-relevance feedback, RM3 style: assume the first few results are relevant, build a term
 * distribution from them (each document's term frequencies, weighted by its share of the score),
 * and mix its strongest terms into the query.
 */
import type { TermSequence } from './engine-store.js';

/** Settings of pseudo-relevance feedback. */
export interface FeedbackOptions {
  /** How many top results feed the expansion. Default 10. */
  docs: number;
  /** How many expansion terms are added. Default 20. */
  terms: number;
  /** λ: share of the expanded query that comes from the feedback model (0..1). Default 0.5. */
  weight: number;
}

export const DEFAULT_FEEDBACK: FeedbackOptions = { docs: 10, terms: 20, weight: 0.5 };

/**
 * New query weights: `(1 − λ)·original + λ·feedback`, each model normalized to sum 1, then
 * rescaled so the weights sum to what the original ones did.
 *
 * @param original  query term → weight
 * @param feedback  the top documents' sequences and scores
 * @param termOf    id → term
 * @param accept    whether a term may be an expansion (e.g. not a number)
 */
export function expandQuery(
  original: ReadonlyMap<string, number>,
  feedback: ReadonlyArray<{ sequence: TermSequence; score: number }>,
  termOf: (id: number) => string,
  options: FeedbackOptions,
  accept: (term: string) => boolean,
): Map<string, number> {
  const totalScore = feedback.reduce((sum, f) => sum + Math.max(f.score, 0), 0);
  const model = new Map<number, number>();
  for (const { sequence, score } of feedback) {
    const length = sequence.ids.length;
    if (length === 0 || totalScore <= 0) continue;
    const share = Math.max(score, 0) / totalScore / length;
    for (const id of sequence.ids) model.set(id, (model.get(id) ?? 0) + share);
  }
  const ranked = [...model]
    .map(([id, p]) => ({ term: termOf(id), p }))
    .filter(({ term }) => accept(term))
    .sort((a, b) => b.p - a.p || (a.term < b.term ? -1 : 1))
    .slice(0, options.terms);
  const feedbackMass = ranked.reduce((sum, t) => sum + t.p, 0);
  const originalMass = [...original.values()].reduce((sum, w) => sum + w, 0);
  const mixed = new Map<string, number>();
  if (originalMass <= 0) return new Map(original);
  const lambda = feedbackMass > 0 ? options.weight : 0;
  for (const [term, w] of original) mixed.set(term, (1 - lambda) * (w / originalMass));
  for (const { term, p } of ranked) mixed.set(term, (mixed.get(term) ?? 0) + (lambda * p) / feedbackMass);
  for (const [term, w] of mixed) mixed.set(term, w * originalMass);
  return mixed;
}
