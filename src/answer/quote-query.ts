import type { Passage } from '../corpus/types.js';
import type { AnalyzedQuery, NearWords, QuestionType } from '../retrieval/types.js';
import { conceptTypoCreditOf, conceptWeight, heaviestFirst, TOPIC_IDF } from './evidence.js';
import type { NarrativeDates, SentenceAnalysis } from './passage-analysis.js';
import { countriesIn } from './span-words.js';
import { QUOTE_RULES } from './quote-rules.js';
import { unwrapped } from '../retrieval/analysis.js';
import { sumRole, type SumRole } from './sum-role.js';

/** What choosing quotes needs of a question, worked out once for all the passages it is asked of. */
export interface QuoteQuery {
  query: AnalyzedQuery;
  /** Per concept: its weight (IDF, `QUOTE_RULES.focusWeight` times that for a focus term). */
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
  /** The passage before a passage in its document, whose words are the context it continues (see `QUOTE_RULES.contextCredit`); absent: none. */
  previous?: (passage: Passage) => Passage | undefined;
  /**
   * The terms of a passage's byline: its document's kind and author ("presidential letter John F.
   * Kennedy"), a context of every sentence as its heading is (see `QUOTE_RULES.headingCredit`); absent: none.
   */
  byline?: (passage: Passage) => ReadonlySet<string>;
  /**
   * The kind of answer the quote's answer span is: the question's type, except that "who was Lisa
   * Howard?" asks what a name is, so only a role beside it answers, never another name.
   */
  answerType: QuestionType;
  /** For a question asking how much money: whether the sum asked for or the sum paid (see `sumRole`); else null. */
  sumRole: SumRole | null;
  /**
   * A "how many" of things, not of a currency: its answer is a count, never a sum of money ("how many
   * signatures…"), while "how big was the trade deal" is answered by "$100 million". Read for the mark only.
   */
  countsThings: boolean;
  /** Each term that stands for a concept (its word, a one-word alias, a related word): the concept's index. */
  conceptOf: Map<string, number>;
  /** Per concept: the index of the concept its name's last word is (see `ConceptTerm.surname`), else −1. */
  surnameOf: number[];
  /** Some concept has a `surnameOf`: the question types a name of several words. */
  namesWhole: boolean;
  /** The concepts' indexes, heaviest first: a related word standing for two of them stands for the heavier. */
  byWeight: number[];
  /**
   * For "which country…" (a *where* whose words hold "country" or "nation"): that concept's index, which
   * a sentence naming another country holds as it holds the word ("…a back channel with Brazil" says
   * which country; see `namesOtherCountry`); else −1.
   */
  kindConcept: number;
  /** True when a sentence names a country the question does not, nor the corpus everywhere (its words' weight at least `TOPIC_IDF`: not "Cuba", "US"). */
  namesOtherCountry: (sentence: SentenceAnalysis) => boolean;
}

/** A question asking a count. */
const HOW_MANY = /\bhow\s+many\b/i;
/** The analyzed currencies a "how many" may count ("how many dollars"). */
const CURRENCY_TERMS: ReadonlySet<string> = new Set(['dollar', 'peso', 'rubl']);

/** The analyzed words that make a *where* ask for a country. */
const COUNTRY_KINDS: ReadonlySet<string> = new Set(['countri', 'nation']);

/**
 * "Who was Lisa Howard?", "Who is William LeoGrande": a person asked about by name; not "who was Cuba's
 * ambassador…", a person asked for by what the name's owner had.
 */
const WHO_IS_NAME = /^\s*[Ww]ho\s+(is|was|were|are)\s+(?!(?:\p{Lu}[\p{L}.-]*\s+)*\p{Lu}[\p{L}.-]*['’]s\b)\p{Lu}/u;
/** "who was william atwood": typed in lower case, a name of a few words and nothing else (not "who was the diplomat…"). */
const WHO_IS_LOWER = /^\s*who\s+(is|was)\s+(?!(?:the|a|an|in|at|on|from|with|president|behind)\b)[a-z][a-z'’.-]*(\s+[a-z][a-z'’.-]*){1,2}\s*\??\s*$/u;

/**
 * "Who was Mikoyan negotiating with", "who was castro talking to": after the name, a verb's "-ing" or
 * "-ed" form, which asks for someone the named did something with (typed in lower case, followed by a word,
 * as "who was bradley manning" is not).
 */
const NAME_DOING = /^\s*[Ww]ho\s+(?:is|was|were|are)\s+(?:\p{Lu}[\p{L}.'’-]*\s+)+\p{Ll}+(?:ing|ed)\b|^\s*who\s+(?:is|was)\s+[a-z'’.-]+(?:\s+[a-z'’.-]+)?\s+[a-z]{2,}(?:ing|ed)\s+\S/u;

/**
 * "Who was Lisa Howard?", "who was william atwood", "whos lisa howard 🤔": a name asked about (read as
 * `unwrapped` reads it, without what ends it past the words); not "who was Mikoyan negotiating with".
 */
function whoIsName(question: string): boolean {
  const asked = unwrapped(question).replace(/[\s\p{P}\p{S}]+$/u, '');
  return (WHO_IS_NAME.test(asked) || WHO_IS_LOWER.test(asked)) && !NAME_DOING.test(asked);
}

/**
 * Prepares a question for `chooseQuote` and `quoteOf`, with the corpus's IDF and vocabulary; `near`,
 * when given, lists the words of the corpus within two edits of a word (see `typoCreditOf`); `dated`,
 * `previous` and `byline`, what a passage's place in its document tells: its sentences' dates in their
 * narrative (see `narrativeDates`; kept only for a question with a period), the passage before it, and
 * its document's kind and author.
 */
export function quoteQuery(
  query: AnalyzedQuery,
  idf: (term: string) => number,
  knownTerm: (term: string) => boolean = () => true,
  near?: (term: string) => NearWords,
  {
    dated,
    previous,
    byline,
  }: { dated?: NarrativeDates | undefined; previous?: ((passage: Passage) => Passage | undefined) | undefined; byline?: ((passage: Passage) => ReadonlySet<string>) | undefined } = {},
): QuoteQuery {
  const concepts = query.concepts;
  const unknown = concepts.map((c) => !knownTerm(c.term));
  const weights = concepts.map((c, k) => conceptWeight(c, idf, !unknown[k]) * (c.focus ? QUOTE_RULES.focusWeight : 1));
  const typoCredit = concepts.map((c, k) => (unknown[k] ? conceptTypoCreditOf(c, near) : null));
  const conceptsWeight = weights.reduce((sum, w) => sum + w, 0);
  // The period counts as much as an average concept of the question (all of it when it asks nothing else).
  const periodWeight = query.period ? (concepts.length ? conceptsWeight / concepts.length : 1) : 0;
  const asked = new Set(concepts.map((c) => c.term));
  return {
    query,
    weights,
    periodWeight,
    // Present, if undefined, whether given or not: every QuoteQuery has one shape, for `chooseQuote` reads it for each
    // passage (spread in when given, its shapes were four).
    dated: dated && query.period ? dated : undefined,
    previous,
    byline,
    totalWeight: conceptsWeight + periodWeight || 1,
    focusTerms: new Set(concepts.filter((c) => c.focus).map((c) => c.term)),
    names: asked,
    unknown,
    spansWords: concepts.map((c) => c.alternatives.some((alt) => alt.length > 1)),
    typoCredit,
    typos: typoCredit.filter((credit) => credit !== null),
    answerType: query.type === 'person' && whoIsName(query.text) ? 'definition' : query.type,
    sumRole: query.type === 'money' ? sumRole(unwrapped(query.text)) : null,
    countsThings: query.type === 'quantity' && HOW_MANY.test(unwrapped(query.text)) && !concepts.some((c) => CURRENCY_TERMS.has(c.term)),
    conceptOf: conceptIndex(concepts),
    surnameOf: concepts.map((c) => (c.surname === undefined ? -1 : concepts.findIndex((other) => other.term === c.surname))),
    namesWhole: concepts.some((c) => c.surname !== undefined),
    byWeight: heaviestFirst(weights),
    kindConcept: query.type === 'place' ? concepts.findIndex((c) => COUNTRY_KINDS.has(c.term)) : -1,
    namesOtherCountry: (sentence) => countriesIn(sentence).some((c) => c.terms.length > 0 && !c.terms.every((t) => asked.has(t)) && c.terms.every((t) => idf(t) >= TOPIC_IDF)),
  };
}

/** `QuoteQuery.conceptOf`: the first concept a term stands for. */
function conceptIndex(concepts: AnalyzedQuery['concepts']): Map<string, number> {
  const index = new Map<string, number>();
  const add = (t: string, k: number) => {
    if (!index.has(t)) index.set(t, k);
  };
  concepts.forEach((c, k) => {
    add(c.term, k);
    for (const a of c.alternatives) if (a.length === 1) add(a[0]!, k);
    for (const r of c.related) add(r.term, k);
  });
  return index;
}

