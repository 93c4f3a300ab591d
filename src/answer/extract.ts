import type { Passage } from '../corpus/types.js';
import { analyzeFast } from '../retrieval/analysis.js';
import type { AnalyzedQuery } from '../retrieval/types.js';
import { conceptCredit, conceptFound, lackedWordCredit } from './evidence.js';
import { answerSpan, holdsAnswer, scoredAnswer, TYPED } from './answer-span.js';
import { analysisOf, datesInPeriod, datesOf, narrativeBefore, textTerms, type SentenceAnalysis } from './passage-analysis.js';
import { markTokens } from './quote-marks.js';
import { quoteQuery, type QuoteQuery } from './quote-query.js';
import { antecedentOf } from './antecedent.js';
import { QUOTE_RULES } from './quote-rules.js';
import { sentenceBonus } from './sentence-bonus.js';
import { UNSURE_CAUSE_BONUS } from './sentence-evidence.js';

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

/** Per-sentence, per-concept scratch of `chooseQuote`, reused from call to call (it is not re-entered). */
let found = new Float64Array(256);
let inPeriod = new Uint8Array(64);
let typo = new Float64Array(256);
let bonus = new Float64Array(64);
let onTopic = new Uint8Array(64);
let have = new Float64Array(64);
let typoBest = new Float64Array(64);
/** Per concept: its credit from the context alone, the heading or the passage before (see `QUOTE_RULES.headingCredit`). */
let around = new Float64Array(64);

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
    named[k] = 0;
    if (j < 0) continue;
    // A loop, not `some` with a closure per concept and passage: on the ask path, what it allocated added up.
    for (const s of sentences) {
      if (conceptFound(query.concepts[k]!, s.own) && conceptFound(query.concepts[j]!, s.own)) {
        named[k] = 1;
        break;
      }
    }
  }
  return true;
}

/** Scratch of `chooseQuote`: the related words a sentence's concepts were found by. */
const taken: string[] = [];

/** True when one of the `count` sentences `chooseQuote` scored holds the k-th of `n` concepts whole (its `found` credit 1). */
function heldWhole(k: number, n: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (found[i * n + k] === 1) return true;
  return false;
}

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
  const { query, weights, totalWeight, focusTerms, names, unknown, spansWords, typoCredit, periodWeight, surnameOf, byWeight, kindConcept } = prepared;
  const { attributionStart, headingTerms, sentences } = analysisOf(passage);
  const inContext = prepared.dated?.(passage);
  const whole = namedWhole(sentences, prepared);
  const concepts = query.concepts;
  const n = concepts.length;
  const cells = sentences.length * n;
  if (have.length < n) [have, typoBest, around] = [new Float64Array(n * 2), new Float64Array(n * 2), new Float64Array(n * 2)];
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
      if (credit < 1 && k === kindConcept && prepared.namesOtherCountry(s)) credit = 1;
      if (credit > 0) held++;
      found[i * n + k] = credit;
      typo[i * n + k] = credit < 1 && unknown[k] ? typoCredit[k]!(terms) : 0;
      if (!topic && (terms === s.own ? credit === 1 : conceptFound(c, s.own))) topic = 1;
    }
    onTopic[i] = topic;
    inPeriod[i] = query.period && datesInPeriod(datesOf(s, inContext), query.period, true) ? 1 : 0;
    // An attribution line ("—Raúl Castro to Senators…, April 8, 1977") is quoted only for a question about the
    // saying whose answer it holds (to whom, when).
    const attribution = s.start >= attributionStart;
    // An aside (a picture's credit, a note) counts against a quote as an attribution line does: quoted alone only when
    // nothing else says as much.
    bonus[i] =
      (attribution && !(query.aboutSpeaking && TYPED.has(query.type) && answerSpan(s, query.type, query.markTerms, query.period, inContext?.get(s.start)))) || s.aside
        ? -0.2
        : sentenceBonus(s, prepared, held);
  }
  // The context a sentence sits in: the passage's heading and byline ("what did Kennedy say in his letter": every
  // sentence of the letter is Kennedy's, in a letter), and the passage before it under the same heading, whose
  // narrative it continues ("In retaliation for this setback, Kennedy enacted…" after the Bay of Pigs). Only the
  // question's own words (or aliases): a related word in a heading is too loose a context ("United States" gave
  // "impose" the credit of "stately").
  const byline = prepared.byline?.(passage);
  let lacked = false;
  for (let k = 0; k < n; k++) {
    around[k] = conceptFound(concepts[k]!, headingTerms) || (byline !== undefined && conceptFound(concepts[k]!, byline)) ? QUOTE_RULES.headingCredit : 0;
    if (!around[k] && !unknown[k] && !heldWhole(k, n, sentences.length)) lacked = true;
  }
  // (The passage before is read only for a word of the question the corpus holds that this one lacks.)
  const before = lacked ? narrativeBefore(passage, prepared.previous?.(passage)) : undefined;
  if (before) {
    const narrative = textTerms(analysisOf(before));
    // A passage opening on what that one named ("The tape…" after "…this White House tape recording") or referring back
    // to it ("In retaliation for this setback…"): its first sentence speaks of what that one's sentences say.
    const antecedent = antecedentOf(passage, before);
    for (let k = 0; k < n; k++) {
      if (antecedent.terms.size && found[k]! < antecedent.credit && conceptFound(concepts[k]!, antecedent.terms)) {
        found[k] = antecedent.credit;
        onTopic[0] = 1;
      }
      if (!around[k] && conceptFound(concepts[k]!, narrative)) around[k] = QUOTE_RULES.contextCredit;
    }
  }

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
    let causeBonus = 0;
    for (let to = from; to < sentences.length && to - from < QUOTE_RULES.maxSentences; to++) {
      const s = sentences[to]!;
      if (to > from) {
        const previous = sentences[to - 1]!;
        if (to - from === 2 && !first.question && !first.endsWithColon) break;
        // "…illegal flights. As a result, two planes were shot down": for a "why", the cause is the sentence before.
        const cause = query.type === 'reason' && s.consequence && onTopic[to];
        if (words + s.words > QUOTE_RULES.maxWords + (cause ? QUOTE_RULES.causeWords : 0)) break;
        // A sentence that refers to the one before ("He mentioned…") is clearer with it; one that only links to it ("But then
        // something unexpected happened…") only when that one is on the question's topic too.
        const continues = s.continues === 'refers' || (s.continues === 'links' && onTopic[to - 1]);
        const continuation = (continues && onTopic[to]) || first.question || previous.endsWithColon || s.insideQuotation;
        // …and costs nothing to take along.
        extras += cause && !continuation ? 0 : QUOTE_RULES.extraSentenceCost - (continuation ? QUOTE_RULES.continuationBonus : 0);
        // …which the quote then gives, though the sentence says "because" nowhere.
        if (cause) causeBonus = UNSURE_CAUSE_BONUS;
      }
      words += s.words;
      windowBonus = Math.max(windowBonus, bonus[to]!, causeBonus);
      let score = 0;
      for (let k = 0; k < n; k++) {
        if (found[to * n + k]! > have[k]!) have[k] = found[to * n + k]!;
        typoBest[k] = Math.max(typoBest[k]!, typo[to * n + k]!);
        if (have[k]! < 1 && spansWords[k] && to > from && someInWindow(concepts[k]!.alternatives, sentences, from, to)) have[k] = 1;
        score += weights[k]! * (have[k] === 1 ? 1 : Math.max(have[k]!, around[k]!, unknown[k] ? typoBest[k]! : 0));
      }
      if (inPeriod[to]) dated = 1;
      score += dated * periodWeight;
      const covered = score / totalWeight;
      // A why's evidence of a cause, in a quote holding little of the question, is the cause of something else.
      const evidence = query.type === 'reason' ? windowBonus * Math.min(1, covered / QUOTE_RULES.causeCoverage) : windowBonus;
      const total = covered + evidence - extras - (s.question ? QUOTE_RULES.endsOnQuestionCost : 0) - (words < 5 ? 0.15 : 0) - from * QUOTE_RULES.laterSentenceCost;
      if (total > bestScore) {
        bestFrom = from;
        bestTo = to;
        bestScore = total;
        bestCovered = covered;
      }
    }
  }

  // An attribution line alone says who, to whom and when, not what: it is quoted with the sentence above it, which it
  // attributes (as the timeline quotes it).
  if (bestFrom === bestTo && bestFrom > 0 && sentences[bestFrom]!.start >= attributionStart) bestFrom--;
  return { passage, from: bestFrom, to: bestTo, score: Math.max(0, bestScore), covered: bestCovered };
}

/**
 * The verbatim quote of a choice, with the query terms (and near spellings of unknown ones) marked, and,
 * unless `answers` is false (a passage quoted as not answering), its answer (see `choiceAnswer`).
 */
export function quoteOf(choice: QuoteChoice, prepared: QuoteQuery, answers = true): Quote {
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
  const answer = answers ? choiceAnswer(choice, prepared) : undefined;
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
    const found = scoredAnswer(analyzed[i]!, prepared.answerType, markTerms, period, inContext?.get(analyzed[i]!.start), prepared.countsThings);
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
