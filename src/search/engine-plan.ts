/**
 * Free text → query plan, with no domain knowledge: the analyzed terms, and the runs of terms that
 * stand together in the text as phrases.
 */
import { analyzeFast as analyze } from './engine-analyze.js';
import type { QueryPlan, QueryTerm } from './engine-types.js';

/** Largest position difference inside a phrase: at most one stop word between ("bay of pigs"). */
export const PHRASE_GAP = 2;

/**
 * Each distinct analyzed term once, weight 1 (repeating a word does not weigh it more: on
 * Cranfield, counting repeats cost 0.003 nDCG@10), and as phrases the runs of at least two terms
 * separated by at most one stop word.
 */
export function planQuery(text: string): QueryPlan {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const phrases: string[][] = [];
  let run: string[] = [];
  let last = -Infinity;
  for (const token of analyze(text)) {
    if (!seen.has(token.term)) {
      seen.add(token.term);
      terms.push({ term: token.term, weight: 1 });
    }
    if (token.position - last > PHRASE_GAP) {
      if (run.length > 1) phrases.push(run);
      run = [];
    }
    run.push(token.term);
    last = token.position;
  }
  if (run.length > 1) phrases.push(run);
  return { terms, phrases };
}
