import type { Passage } from '../corpus/types.js';
import type { AnalyzedToken } from '../retrieval/analysis.js';
import { analyzeFast } from '../retrieval/analysis.js';
import type { AnalyzedQuery, QuestionType } from '../retrieval/types.js';
import { conceptCredit, conceptFound, conceptTypoCreditOf, conceptWeight, heaviestFirst, lackedWordCredit, typoCreditOf } from './evidence.js';
import type { NearWords } from '../retrieval/types.js';
import { answerSpan, holdsAnswer, IS_A, scoredAnswer, TYPED } from './answer-span.js';
import { analysisOf, answerPositions, datesInPeriod, saidThatEnd, sentenceDates, sentenceTypeBonus, type NarrativeDates, type SentenceAnalysis } from './passage-analysis.js';

/** A verbatim quote: `text` is exactly `passage.text.slice(start, end)`. */
export interface Quote {
  passageId: string;
  start: number;
  end: number;
  text: string;
  /** Query terms inside the quote, as [start, end) offsets into `text`; adjacent marks are merged. */
  marks: Array<[number, number]>;
  /** How well the quote answers the question (coverage plus answer-type evidence); comparable within one question. */
  score: number;
  /**
   * The words that answer: the date of a "when", the amount of a "how much", the name of a "who", the
   * place of a "where", the reason of a "why", as [start, end) offsets into `text`; absent when the
   * quote holds none or the question asks for no such thing.
   */
  answer?: [number, number];
}

/** How quotes are chosen. */
export const QUOTE_RULES = {
  /** A quote is one sentence, or two when the second adds to the answer; three only after a question or a colon. */
  maxSentences: 3,
  /** No quote of several sentences grows past this many words. */
  maxWords: 70,
  /**
   * …except, for a "why", by this many more to take along the cause of a sentence stating its
   * consequence ("…left without a policy on how to return them. | With no other option, the two
   * countries finally had to enter formal talks"); 40 quoted no more causes than 20.
   */
  causeWords: 20,
  /**
   * Weight of a focus term (a lower-case word of the question: what is asked) against a name. (2 let
   * "start" and "president" outweigh "Reagan" in a sentence about no Reagan at all; 1.5 lost a
   * development question.)
   */
  focusWeight: 1.75,
  /** Cost of each sentence beyond the first, so a longer quote must earn its place. */
  extraSentenceCost: 0.06,
  /** Bonus for taking along a sentence that continues the one before on the question's topic ("This ultimately led to… Gross…"). */
  continuationBonus: 0.08,
  /** Cost of a quote that ends on a question: it asks rather than answers. */
  endsOnQuestionCost: 0.25,
  /** Cost per sentence of starting the quote later in the passage: between equals, the earlier one. */
  laterSentenceCost: 0.01,
  /**
   * Credit for a question term found only in the passage's heading, the context the sentence sits in:
   * its word or an alias, never a related word.
   */
  headingCredit: 0.5,
  /** Extra evidence when the answer (a date, a number, an agent) stands within this many words of a focus term. */
  nearFocusWords: 8,
  /**
   * Bonus for an answer standing that near a focus term, a role beside a name the question asks about,
   * or, for "what did … say", words of the question opening what was said ("reported that Castro…").
   */
  nearFocusBonus: 0.2,
  /** Bonus, for "who is" and "what is" questions, for a sentence saying what a name of the question is ("X is a…"). */
  definitionBonus: 0.3,
  /** Bonus for a sentence whose words of the question stand side by side, less as they stand apart (see `closeTogether`). */
  proximityBonus: 0.05,
} as const;

/** For "who" and "what is" questions, a role standing right beside a name of the question ("correspondent Lisa Howard"). */
const ROLE_NEAR_WORDS = 3;

/**
 * Extra evidence when the answer a question type looks for stands near a focus term: "his demands for
 * $62 million" answers "how much did he demand" better than a number elsewhere in the sentence.
 */
function nearFocus(type: QuestionType, sentence: SentenceAnalysis, focus: ReadonlySet<string>): number {
  if (!focus.size) return 0;
  const answers = answerPositions(sentence, type);
  if (!answers.length) return 0;
  for (const t of sentence.tokens) {
    if (!focus.has(t.term)) continue;
    for (const at of answers) if (Math.abs(t.position - at) <= QUOTE_RULES.nearFocusWords) return QUOTE_RULES.nearFocusBonus;
  }
  return 0;
}

/**
 * Bonus, for a question about what someone said, for a sentence reporting it of the question's topic:
 * a verb of saying, "that", and a word of the question right after ("Thant reported that Castro was…";
 * not "he said that “we should start…”").
 */
function saidOfTopic(sentence: SentenceAnalysis, prepared: QuoteQuery): number {
  if (prepared.query.type !== 'speech') return 0;
  const end = saidThatEnd(sentence);
  if (end < 0) return 0;
  let after = 0;
  for (const t of sentence.tokens) {
    if (t.start < end) continue;
    if (prepared.names.has(t.term)) return QUOTE_RULES.nearFocusBonus;
    if (++after >= 3) break;
  }
  return 0;
}

/** Scratch of `closeTogether`: the sentence's words that stand for a concept (position, concept), and a count per concept. */
let closePositions = new Int32Array(64);
let closeConcepts = new Int32Array(64);
let closeCount = new Int32Array(16);

/**
 * Bonus for a sentence whose words of the question stand close together ("Thant reported that Castro
 * was…" over "Thant used … to report on his trip"): `QUOTE_RULES.proximityBonus` times the distinct
 * concepts, less one, per word of the shortest run of words holding every concept the sentence has
 * (the whole bonus for neighbours).
 */
function closeTogether(sentence: SentenceAnalysis, prepared: QuoteQuery): number {
  const { conceptOf } = prepared;
  const tokens = sentence.tokens;
  const n = prepared.weights.length;
  if (closePositions.length < tokens.length) [closePositions, closeConcepts] = [new Int32Array(tokens.length * 2), new Int32Array(tokens.length * 2)];
  if (closeCount.length < n) closeCount = new Int32Array(n * 2);
  closeCount.fill(0, 0, n);
  let hits = 0;
  let kinds = 0;
  for (const t of tokens) {
    const k = conceptOf.get(t.term);
    if (k === undefined) continue;
    closePositions[hits] = t.position;
    closeConcepts[hits++] = k;
    if (closeCount[k]!++ === 0) kinds++;
  }
  if (kinds < 2) return 0;
  // The shortest window holding all `kinds` concepts (two pointers over the hits, in word order).
  closeCount.fill(0, 0, n);
  let have = 0;
  let shortest = Infinity;
  for (let lo = 0, hi = 0; hi < hits; hi++) {
    if (closeCount[closeConcepts[hi]!]!++ === 0) have++;
    for (; have === kinds; lo++) {
      shortest = Math.min(shortest, closePositions[hi]! - closePositions[lo]!);
      if (--closeCount[closeConcepts[lo]!]! === 0) have--;
    }
  }
  return QUOTE_RULES.proximityBonus * Math.min(1, (kinds - 1) / Math.max(1, shortest));
}

/**
 * Bonus, for "who" and "what is" questions, when a role names a question term: the role just before
 * the name ("correspondent Lisa Howard", "diplomat, William Attwood") or in apposition after it
 * ("Peter Kornbluh, a Cuba scholar").
 */
function roleBeside(type: QuestionType, sentence: SentenceAnalysis, names: ReadonlySet<string>): number {
  if ((type !== 'person' && type !== 'definition') || !sentence.roles.length) return 0;
  const { tokens, text } = sentence;
  for (const r of sentence.roles) {
    const role = tokens[r]!;
    for (const name of tokens) {
      if (!names.has(name.term)) continue;
      const before = name.position > role.position && name.position - role.position <= ROLE_NEAR_WORDS;
      const apposition =
        role.position > name.position && role.position - name.position <= ROLE_NEAR_WORDS + 2 && text[name.end] === ',' && /\s/.test(text[name.end + 1] ?? '');
      // "LeoGrande is a renowned author": the name said to be what the role is.
      const predicate = role.position > name.position && role.position - name.position <= ROLE_NEAR_WORDS + 2 && IS_A.test(text.slice(name.end, role.start));
      // The definition itself ("X is a renowned author") says more than a label beside the name.
      if (predicate) return QUOTE_RULES.definitionBonus;
      if (before || apposition) return QUOTE_RULES.nearFocusBonus;
    }
  }
  return 0;
}

/** The sentences a quote spans in its passage, chosen before its text and marks are cut (see `quoteOf`). */
export interface QuoteChoice {
  passage: Passage;
  /** First and last sentence, indexes into `passage.sentences`. */
  from: number;
  to: number;
  /** As `Quote.score`. */
  score: number;
  /**
   * The share of the question the quote holds (0–1), without the answer-type evidence: each concept
   * by its word, an alias, a related word or a near spelling, the period by a date within it.
   */
  covered: number;
}

/**
 * Picks the sentence, or the few consecutive sentences, of `passage` that best answer `query`: the
 * weighted share of the question's terms they hold (names count once, the words of what is asked
 * twice), plus evidence of the kind of answer asked for (a date for "when", a number for "how many",
 * a role or an agent for "who", a quotation for "what did … say"). A question in the text is quoted
 * with what follows it. The quote is verbatim, with the query terms marked.
 */
export function pickQuote(
  passage: Passage,
  query: AnalyzedQuery,
  idf: (term: string) => number,
  knownTerm: (term: string) => boolean = () => true,
): Quote {
  const prepared = quoteQuery(query, idf, knownTerm);
  return quoteOf(chooseQuote(passage, prepared), prepared);
}

/** What choosing quotes needs of a question, worked out once for all the passages it is asked of. */
export interface QuoteQuery {
  query: AnalyzedQuery;
  /** Per concept: its weight (IDF, doubled for a focus term). */
  weights: number[];
  totalWeight: number;
  focusTerms: Set<string>;
  names: Set<string>;
  /** Per concept: the corpus does not know its term (so a near spelling earns typo credit). */
  unknown: boolean[];
  /** Per concept: it has an alias of several words, which two sentences may hold between them. */
  spansWords: boolean[];
  /** Per concept the corpus does not know: its typo credit in a set of words (see `conceptTypoCredit`); null for known ones. */
  typoCredit: Array<((terms: Iterable<string>) => number) | null>;
  /** The non-null `typoCredit`s: a word earning credit from one is a near spelling, and marked. */
  typos: Array<(terms: Iterable<string>) => number>;
  /** Weight of the question's period, a concept of its own that a sentence dated within it holds (0 without a period). */
  periodWeight: number;
  /** For a question with a period: the dates a passage's sentences hold in their narrative, which the period and a "when"'s answer are read from; absent: each sentence's own. */
  dated?: NarrativeDates;
  /**
   * The kind of answer the quote's answer span is: the question's type, except that "who was Lisa
   * Howard?" asks what a name is, so only a role beside it answers, never another name.
   */
  answerType: QuestionType;
  /** Each term that stands for a concept (its word, a one-word alias, a related word): the concept's index. */
  conceptOf: Map<string, number>;
  /** Per concept: the index of the concept its name's last word is (see `ConceptTerm.surname`), else −1. */
  surnameOf: number[];
  /** Some concept has a `surnameOf`: the question types a name of several words. */
  namesWhole: boolean;
  /** The concepts' indexes, heaviest first: a related word standing for two of them stands for the heavier. */
  byWeight: number[];
}

/** "Who was Lisa Howard?", "Who is William LeoGrande": a person asked about by name. */
const WHO_IS_NAME = /^\s*[Ww]ho\s+(is|was|were|are)\s+\p{Lu}/u;
/** "who was william atwood": typed in lower case, a name of a few words and nothing else (not "who was the diplomat…"). */
const WHO_IS_LOWER = /^\s*who\s+(is|was)\s+(?!(?:the|a|an|in|at|on|from|with|president|behind)\b)[a-z][a-z'’.-]*(\s+[a-z][a-z'’.-]*){1,2}\s*\??\s*$/u;

/**
 * Prepares a question for `chooseQuote` and `quoteOf`, with the corpus's IDF and vocabulary; `near`,
 * when given, lists the words of the corpus within two edits of a word (see `typoCreditOf`); `dated`,
 * the dates of a passage's sentences in their narrative (see `narrativeDates`).
 */
export function quoteQuery(
  query: AnalyzedQuery,
  idf: (term: string) => number,
  knownTerm: (term: string) => boolean = () => true,
  near?: (term: string) => NearWords,
  dated?: NarrativeDates,
): QuoteQuery {
  const concepts = query.concepts;
  const unknown = concepts.map((c) => !knownTerm(c.term));
  const weights = concepts.map((c, k) => conceptWeight(c, idf, !unknown[k]) * (c.focus ? QUOTE_RULES.focusWeight : 1));
  const typoCredit = concepts.map((c, k) => (unknown[k] ? conceptTypoCreditOf(c, near) : null));
  const conceptsWeight = weights.reduce((sum, w) => sum + w, 0);
  // The period counts as much as an average concept of the question (all of it when it asks nothing else).
  const periodWeight = query.period ? (concepts.length ? conceptsWeight / concepts.length : 1) : 0;
  return {
    query,
    weights,
    periodWeight,
    ...(dated && query.period ? { dated } : {}),
    totalWeight: conceptsWeight + periodWeight || 1,
    focusTerms: new Set(concepts.filter((c) => c.focus).map((c) => c.term)),
    names: new Set(concepts.map((c) => c.term)),
    unknown,
    spansWords: concepts.map((c) => c.alternatives.some((alt) => alt.length > 1)),
    typoCredit,
    typos: typoCredit.filter((credit) => credit !== null),
    answerType: query.type === 'person' && (WHO_IS_NAME.test(query.text) || WHO_IS_LOWER.test(query.text)) ? 'definition' : query.type,
    conceptOf: conceptIndex(concepts),
    surnameOf: concepts.map((c) => (c.surname === undefined ? -1 : concepts.findIndex((other) => other.term === c.surname))),
    namesWhole: concepts.some((c) => c.surname !== undefined),
    byWeight: heaviestFirst(weights),
  };
}

/** `QuoteQuery.conceptOf`: the first concept a term stands for. */
function conceptIndex(concepts: AnalyzedQuery['concepts']): Map<string, number> {
  const index = new Map<string, number>();
  concepts.forEach((c, k) => {
    for (const t of [c.term, ...c.alternatives.filter((a) => a.length === 1).map((a) => a[0]!), ...c.related.map((r) => r.term)]) if (!index.has(t)) index.set(t, k);
  });
  return index;
}

/** Per-sentence, per-concept scratch of `chooseQuote`, reused from call to call (it is not re-entered). */
let found = new Float64Array(256);
let inPeriod = new Uint8Array(64);
let typo = new Float64Array(256);
let bonus = new Float64Array(64);
let onTopic = new Uint8Array(64);
let have = new Float64Array(64);
let typoBest = new Float64Array(64);
let inHeading = new Float64Array(64);

/** Scratch of `namedWhole`, per concept: 1 when the passage names whole the name it begins. */
let named = new Uint8Array(64);

/**
 * Fills `named`: per concept, whether the passage names in full the name it begins ("Richard
 * Goodwin"), so that its last word alone ("Goodwin") stands for the whole in any of its sentences.
 * False when the question types no such name (`named` is then not read).
 */
function namedWhole(sentences: readonly SentenceAnalysis[], prepared: QuoteQuery): boolean {
  const { surnameOf, query } = prepared;
  if (!prepared.namesWhole) return false;
  if (named.length < surnameOf.length) named = new Uint8Array(surnameOf.length * 2);
  for (let k = 0; k < surnameOf.length; k++) {
    const j = surnameOf[k]!;
    named[k] = j >= 0 && sentences.some((s) => conceptFound(query.concepts[k]!, s.own) && conceptFound(query.concepts[j]!, s.own)) ? 1 : 0;
  }
  return true;
}

/** Scratch of `chooseQuote`: the related words a sentence's concepts were found by. */
const taken: string[] = [];

/** True when every term of one of `alternatives` is in one of sentences `from`…`to`. */
function someInWindow(alternatives: readonly (readonly string[])[], sentences: readonly SentenceAnalysis[], from: number, to: number): boolean {
  next: for (const terms of alternatives) {
    outer: for (const term of terms) {
      for (let i = from; i <= to; i++) if (sentences[i]!.terms.has(term)) continue outer;
      continue next;
    }
    return true;
  }
  return false;
}

/** `pickQuote`'s choice of sentences and its score, without cutting the text: what ranking needs. */
export function chooseQuote(passage: Passage, prepared: QuoteQuery): QuoteChoice {
  const { query, weights, totalWeight, focusTerms, names, unknown, spansWords, typoCredit, periodWeight, surnameOf, byWeight } = prepared;
  const { attributionStart, headingTerms, sentences } = analysisOf(passage);
  const inContext = prepared.dated?.(passage);
  const whole = namedWhole(sentences, prepared);
  const concepts = query.concepts;
  const n = concepts.length;
  const cells = sentences.length * n;
  if (have.length < n) [have, typoBest, inHeading] = [new Float64Array(n * 2), new Float64Array(n * 2), new Float64Array(n * 2)];
  if (found.length < cells) [found, typo] = [new Float64Array(cells * 2), new Float64Array(cells * 2)];
  if (bonus.length < sentences.length) [bonus, onTopic, inPeriod] = [new Float64Array(sentences.length * 2), new Uint8Array(sentences.length * 2), new Uint8Array(sentences.length * 2)];

  // Per sentence: which concepts it holds, its typo credit for unknown ones, its answer evidence.
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const terms = query.aboutSpeaking && s.attributes ? s.attributes : s.terms;
    let topic = 0;
    let held = 0;
    taken.length = 0;
    for (const k of byWeight) {
      const c = concepts[k]!;
      const raw = conceptCredit(c, terms, taken);
      let credit = unknown[k] ? lackedWordCredit(raw) : raw;
      if (credit < 1 && whole && named[k] && conceptFound(concepts[surnameOf[k]!]!, terms)) credit = 1;
      if (credit > 0) held++;
      found[i * n + k] = credit;
      typo[i * n + k] = credit < 1 && unknown[k] ? typoCredit[k]!(terms) : 0;
      if (!topic && (terms === s.own ? credit === 1 : conceptFound(c, s.own))) topic = 1;
    }
    onTopic[i] = topic;
    inPeriod[i] = query.period && datesInPeriod(inContext?.get(s.start) ?? sentenceDates(s), query.period, true) ? 1 : 0;
    // An attribution line ("—Raúl Castro to Senators…, April 8, 1977") is quoted only for a question about the
    // saying whose answer it holds (to whom, when).
    const attribution = s.start >= attributionStart;
    // An aside (a picture's credit, a note) counts against a quote as an attribution line does: quoted alone only when
    // nothing else says as much.
    bonus[i] =
      (attribution && !(query.aboutSpeaking && TYPED.has(query.type) && answerSpan(s, query.type, query.markTerms, query.period, inContext?.get(s.start)))) || s.aside
        ? -0.2
        : sentenceTypeBonus(s, query.type) + nearFocus(query.type, s, focusTerms) + roleBeside(query.type, s, names) + (held > 1 ? closeTogether(s, prepared) : 0) + saidOfTopic(s, prepared);
  }
  // Only the question's own words (or aliases): a related word in a heading is too loose a context ("United
  // States" gave "impose" the credit of "stately").
  for (let k = 0; k < n; k++) inHeading[k] = conceptFound(concepts[k]!, headingTerms) ? QUOTE_RULES.headingCredit : 0;

  let bestFrom = 0;
  let bestTo = 0;
  let bestScore = -Infinity;
  let bestCovered = 0;
  for (let from = 0; from < sentences.length; from++) {
    const first = sentences[from]!;
    have.fill(0, 0, n);
    typoBest.fill(0, 0, n);
    let dated = 0;
    let words = 0;
    let windowBonus = 0;
    let extras = 0;
    for (let to = from; to < sentences.length && to - from < QUOTE_RULES.maxSentences; to++) {
      const s = sentences[to]!;
      if (to > from) {
        const previous = sentences[to - 1]!;
        if (to - from === 2 && !first.question && !first.endsWithColon) break;
        // "…illegal flights. As a result, two planes were shot down": for a "why", the cause is the sentence before.
        const cause = query.type === 'reason' && s.consequence && onTopic[to];
        if (words + s.words > QUOTE_RULES.maxWords + (cause ? QUOTE_RULES.causeWords : 0)) break;
        const continuation = (s.continues && onTopic[to]) || first.question || previous.endsWithColon || s.insideQuotation;
        // …and costs nothing to take along.
        extras += cause && !continuation ? 0 : QUOTE_RULES.extraSentenceCost - (continuation ? QUOTE_RULES.continuationBonus : 0);
      }
      words += s.words;
      windowBonus = Math.max(windowBonus, bonus[to]!);
      let score = 0;
      for (let k = 0; k < n; k++) {
        if (found[to * n + k]! > have[k]!) have[k] = found[to * n + k]!;
        typoBest[k] = Math.max(typoBest[k]!, typo[to * n + k]!);
        if (have[k]! < 1 && spansWords[k] && to > from && someInWindow(concepts[k]!.alternatives, sentences, from, to)) have[k] = 1;
        score += weights[k]! * (have[k] === 1 ? 1 : Math.max(have[k]!, inHeading[k]!, unknown[k] ? typoBest[k]! : 0));
      }
      if (inPeriod[to]) dated = 1;
      score += dated * periodWeight;
      const covered = score / totalWeight;
      const total = covered + windowBonus - extras - (s.question ? QUOTE_RULES.endsOnQuestionCost : 0) - (words < 5 ? 0.15 : 0) - from * QUOTE_RULES.laterSentenceCost;
      if (total > bestScore) {
        bestFrom = from;
        bestTo = to;
        bestScore = total;
        bestCovered = covered;
      }
    }
  }

  return { passage, from: bestFrom, to: bestTo, score: Math.max(0, bestScore), covered: bestCovered };
}

/** The verbatim quote of a choice, with the query terms (and near spellings of unknown ones) marked. */
export function quoteOf(choice: QuoteChoice, prepared: QuoteQuery): Quote {
  const { passage, from, to } = choice;
  const sentences = passage.sentences;
  const start = sentences[from]?.[0] ?? 0;
  const end = sentences[to]?.[1] ?? passage.text.length;
  const text = passage.text.slice(start, end);
  const { markTerms } = prepared.query;
  const marks: Array<[number, number]> = [];
  // The sentences' cached tokens, at their offsets in the quote, rather than analyzing the text again.
  const analyzed = analysisOf(passage).sentences;
  if (from < analyzed.length) for (let i = from; i <= to && i < analyzed.length; i++) markTokens(marks, text, analyzed[i]!.tokens, analyzed[i]!.start - start, markTerms, prepared.typos);
  else markTokens(marks, text, analyzeFast(text), 0, markTerms, prepared.typos);
  const quote: Quote = { passageId: passage.id, start, end, text, marks, score: choice.score };
  const answer = choiceAnswer(choice, prepared);
  if (answer) quote.answer = answer;
  return quote;
}

/**
 * Where a choice's words answer the question (see `answerSpan`), as [start, end) offsets into its
 * quote's text: the surest answer of the asked type its sentences hold (see `scoredAnswer`), the
 * first between equals.
 */
export function choiceAnswer(choice: QuoteChoice, prepared: QuoteQuery): [number, number] | undefined {
  const { passage, from, to } = choice;
  const start = passage.sentences[from]?.[0] ?? 0;
  const analyzed = analysisOf(passage).sentences;
  const { period, markTerms } = prepared.query;
  const inContext = prepared.dated?.(passage);
  const shifted = (i: number, span: [number, number]): [number, number] => [span[0] + analyzed[i]!.start - start, span[1] + analyzed[i]!.start - start];
  // The surest answer of all the sentences ("…Cuba when Gross was sentenced. … released Rene Gonzalez (a member…)"), the first between equals.
  let best: { i: number; span: [number, number]; score: number } | undefined;
  for (let i = from; i <= to && i < analyzed.length; i++) {
    const found = scoredAnswer(analyzed[i]!, prepared.answerType, markTerms, period, inContext?.get(analyzed[i]!.start));
    if (found && (!best || found.score > best.score)) best = { i, ...found };
  }
  return best && shifted(best.i, best.span);
}

/** True when one of a choice's sentences holds an answer of the asked type (`choiceAnswer` without choosing it). */
export function choiceHoldsAnswer(choice: QuoteChoice, prepared: QuoteQuery): boolean {
  const analyzed = analysisOf(choice.passage).sentences;
  const { period, markTerms } = prepared.query;
  const inContext = prepared.dated?.(choice.passage);
  for (let i = choice.from; i <= choice.to && i < analyzed.length; i++) if (holdsAnswer(analyzed[i]!, prepared.answerType, markTerms, period, inContext?.get(analyzed[i]!.start))) return true;
  return false;
}

/** The analyzed terms of a choice's sentences: the words of its quote. */
export function choiceTerms(choice: QuoteChoice): Set<string> {
  const terms = new Set<string>();
  forEachChoiceTerm(choice, (t) => terms.add(t));
  return terms;
}

/** Calls `visit` once for each distinct term of a choice's sentences (`choiceTerms` without the set). */
export function forEachChoiceTerm(choice: QuoteChoice, visit: (term: string) => void): void {
  const sentences = analysisOf(choice.passage).sentences;
  const to = Math.min(choice.to, sentences.length - 1);
  for (let i = choice.from; i <= to; i++) {
    next: for (const t of sentences[i]!.own) {
      for (let j = choice.from; j < i; j++) if (sentences[j]!.own.has(t)) continue next;
      visit(t);
    }
  }
}

/**
 * Offsets of the words of `text` whose analyzed term is one of `terms`, or a near spelling of one of
 * `typos` (query terms the corpus does not know), neighbours merged.
 */
export function markTerms(text: string, terms: ReadonlySet<string>, typos: readonly string[] = []): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  markTokens(marks, text, analyzeFast(text), 0, terms, typos.map((t) => typoCreditOf(t)));
  return marks;
}

/** Adds to `marks` the marks of already analyzed tokens of `text`, whose offsets are `shift` before theirs in it. */
function markTokens(
  marks: Array<[number, number]>,
  text: string,
  tokens: readonly AnalyzedToken[],
  shift: number,
  terms: ReadonlySet<string>,
  typos: ReadonlyArray<(terms: Iterable<string>) => number>,
): void {
  for (const token of tokens) {
    if (!terms.has(token.term) && !(typos.length && nearSpelling(typos, token.term))) continue;
    const start = token.start + shift;
    const end = token.end + shift;
    const last = marks[marks.length - 1];
    if (last && onlySpaceBetween(text, last[1], start)) last[1] = end;
    else marks.push([start, end]);
  }
}

/** True when `word` is a near spelling of one of the typed terms of `typos` (see `typoCreditOf`). */
function nearSpelling(typos: ReadonlyArray<(terms: Iterable<string>) => number>, word: string): boolean {
  const words = [word];
  for (const credit of typos) if (credit(words) > 0) return true;
  return false;
}

const SPACE = /\s/;

/** True when `text[from, to)` is not empty and all white space. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!SPACE.test(text[i]!)) return false;
  return true;
}
