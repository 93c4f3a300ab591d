import type { Corpus, Passage } from '../corpus/types.js';
import type { Citation } from '../reply/model.js';
import type { AliasTable } from '../search/aliases.js';
import type { PassageSearch, PassageHit } from '../search/passage-search.js';
import { analyzeQuery, type AnalyzedQuery } from '../search/query.js';
import { citationFor } from './citation.js';
import { coverage } from './evidence.js';
import { chooseQuote, choiceTerms, forEachChoiceTerm, quoteOf, quoteQuery, type Quote, type QuoteChoice, type QuoteQuery } from './extract.js';

/** Options of `ask`. */
export interface AskOptions {
  /** Results per page. Default 3. */
  limit?: number;
  /** 1-based page of results. Default 1. */
  page?: number;
  /** Least IDF-weighted coverage of the question by one of the first page's passages for an answer; below it, abstain. Default 0.5. */
  minCoverage?: number;
  /** Least content-word overlap (Jaccard) between two quotes for "also in". Default 0.1. */
  alsoOverlap?: number;
  /**
   * Weight of answer evidence in the final ranking: a passage's score is its search score (relative to
   * the best) plus this times how well its best quote answers the question. Default 0.5.
   */
  answerWeight?: number;
  /** How many of the best search hits are reranked by answer evidence. Default 30. */
  rerank?: number;
}

export const DEFAULT_ASK = { limit: 3, page: 1, minCoverage: 0.5, alsoOverlap: 0.1, answerWeight: 1.5, rerank: 30 } as const;

export interface AskItem {
  /** 1-based rank over all pages. */
  rank: number;
  passage: Passage;
  score: number;
  quote: Quote;
  citation: Citation;
  /** Other documents that say the same thing (only on the first result). */
  also: Citation[];
}

export interface AskResult {
  query: string;
  analyzed: AnalyzedQuery;
  /** False when the corpus does not answer: then `results` is empty and `reason` says why. */
  answered: boolean;
  reason: 'answered' | 'no-terms' | 'no-match' | 'weak-match';
  /** Coverage of the question by the best-covering passage of the first page (0–1). */
  coverage: number;
  results: AskItem[];
  page: number;
  hasMore: boolean;
}

/** What ask needs from the core. */
export interface AskDeps {
  corpus: Corpus;
  search: PassageSearch;
  aliases: AliasTable | null;
}

/**
 * Answers a question by quoting the corpus: ranked passages, the answering sentence of each, numbered
 * citations, and other documents that say the same. Abstains, with `answered: false`, when the best
 * passage covers too little of the question.
 */
export function ask(deps: AskDeps, question: string, options: AskOptions = {}): AskResult {
  const { limit, page, minCoverage, alsoOverlap, answerWeight, rerank } = { ...DEFAULT_ASK, ...options };
  const analyzed = analyzeQuery(question, deps.aliases, (term) => deps.search.engine.has(term));
  if (!analyzed.concepts.length) return abstained(analyzed, page, 'no-terms', 0);

  const idf = (term: string) => deps.search.termWeight(term);
  const known = (term: string) => deps.search.engine.has(term);
  const found = deps.search.search(analyzed, Math.max(limit * page + 1, rerank));
  if (!found[0]) return abstained(analyzed, page, 'no-match', 0);
  const prepared = quoteQuery(analyzed, idf, known, (term) => deps.search.nearWords(term));
  const typoOf = (k: number, terms: ReadonlySet<string>) => prepared.typoCredit[k]?.(terms) ?? 0;
  const hits = rerankByAnswer(found, prepared, answerWeight, rerank, deps.search.commentWeight);
  // The corpus answers when one of the best passages holds enough of the question.
  const covered = Math.max(...hits.slice(0, limit).map((h) => coverage(analyzed, deps.search.termsOf(h.passage.id), idf, known, typoOf)));
  if (covered < minCoverage) return abstained(analyzed, page, 'weak-match', covered);

  const pageHits = hits.slice((page - 1) * limit, page * limit);
  const results = pageHits.map((hit, i): AskItem => ({
    rank: (page - 1) * limit + i + 1,
    passage: hit.passage,
    score: hit.score,
    quote: quoteOf(hit.choice ?? chooseQuote(hit.passage, prepared), prepared),
    citation: citationFor(deps.corpus, hit.passage, i + 1),
    also: [],
  }));
  const first = results[0];
  if (first && page === 1) first.also = alsoIn(deps, prepared, hits[0]!, hits, alsoOverlap, results.length);
  return { query: analyzed.text, analyzed, answered: true, reason: 'answered', coverage: covered, results, page, hasMore: hits.length > page * limit };
}

/**
 * The result of a question the corpus does not answer. (Objects on the ask path are written out field
 * by field, not spread: spread results kept what they point to alive through young-generation
 * collections, ~0.1 MB promoted per collection for these alone.)
 */
function abstained(analyzed: AnalyzedQuery, page: number, reason: AskResult['reason'], coverage: number): AskResult {
  return { query: analyzed.text, analyzed, answered: false, reason, coverage, results: [], page, hasMore: false };
}

/**
 * Reorders the best hits by search score (relative to the best, square-rooted so that one lucky term
 * does not dominate) plus answer evidence: the score of the best quote each passage offers. Reader
 * comments keep their lower weight. Hits below the reranked head keep their order, after it.
 */
/** A hit with the quote choice the answer rerank made for it, when it was in the reranked head. */
type ChosenHit = PassageHit & { choice?: QuoteChoice };

function rerankByAnswer(
  hits: PassageHit[],
  prepared: QuoteQuery,
  weight: number,
  count: number,
  commentWeight: number,
): ChosenHit[] {
  const topScore = hits[0]!.score || 1;
  const head = hits.slice(0, count).map((hit) => {
    const choice = chooseQuote(hit.passage, prepared);
    const final = Math.sqrt(hit.score / topScore) + weight * choice.score;
    // Fields spelled out, not spread from `hit`: spread objects kept the hits and quotes alive through
    // young-generation collections (~0.6 MB promoted per collection, 2–5 ms pauses).
    return { passage: hit.passage, score: hit.score, matched: hit.matched, choice, final: hit.passage.comment ? final * commentWeight : final };
  });
  head.sort((a, b) => b.final - a.final);
  return [...head, ...hits.slice(count)];
}

/** Words two quotes must share beyond the question's own before they count as saying the same thing. */
const ALSO_SHARED_TERMS = 3;

/**
 * Passages of other documents, among the hits, whose best quote says what the first quote says: they
 * share at least `ALSO_SHARED_TERMS` words that the question did not bring (the same people, places,
 * dates), and overlap by at least `minOverlap`.
 */
function alsoIn(
  deps: AskDeps,
  prepared: QuoteQuery,
  first: ChosenHit,
  hits: ChosenHit[],
  minOverlap: number,
  citationsSoFar: number,
): Citation[] {
  const quoteTerms = choiceTerms(first.choice ?? chooseQuote(first.passage, prepared));
  const asked = new Set(prepared.query.plan.terms.map((t) => t.term));
  const out: Citation[] = [];
  const seenDocs = new Set([first.passage.docId]);
  for (const hit of hits.slice(1)) {
    if (seenDocs.has(hit.passage.docId) || hit.score < first.score * 0.3) continue;
    // The quote the answer rerank already chose, when the hit was in its head (chooseQuote is pure).
    let size = 0;
    let shared = 0;
    let sharedBeyondQuestion = 0;
    forEachChoiceTerm(hit.choice ?? chooseQuote(hit.passage, prepared), (t) => {
      size++;
      if (!quoteTerms.has(t)) return;
      shared++;
      if (!asked.has(t)) sharedBeyondQuestion++;
    });
    const jaccard = shared / (quoteTerms.size + size - shared || 1);
    if (sharedBeyondQuestion >= ALSO_SHARED_TERMS && jaccard >= minOverlap) {
      seenDocs.add(hit.passage.docId);
      out.push(citationFor(deps.corpus, hit.passage, citationsSoFar + out.length + 1));
    }
  }
  return out;
}
