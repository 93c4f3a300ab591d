import { analyzeFast as analyze } from './engine-analyze.js';
import type { AnalyzedToken } from './analyzer.js';
import type { QueryTerm } from './engine.js';
import type { AliasTable } from './aliases.js';
import type { Related } from '../lexicon/lexicon.js';
import { CHAT_CLOSING, CHAT_OPENING, FRAME_PHRASES, TYPE_WORDS, questionType, type QuestionType } from './question-type.js';
import { questionPeriod, type QuestionPeriod } from './question-period.js';
import { respell, type ReadAs } from './transposed.js';
import { readShorthand } from './shorthand.js';
import { expandByLexicon, RELATED } from './query-expansion.js';
import type { AnalyzedQuery, ConceptTerm } from './query-types.js';
import type { NearWords } from './engine-fuzzy.js';
import { nameSpellings } from './name-spellings.js';

export { questionType, type QuestionType, type QuestionPeriod };

/**
 * Light verbs and vague nouns, as typed: they carry little meaning of their own ("make a trip", "get
 * them out", "come to power", "become president"; "the Attwood thing", "patch things up", "calm things
 * down"), so a sentence holding only them shares little with the question.
 */
const LIGHT_WORDS = new Set(
  'make makes made making get gets got gotten getting take takes took taken taking give gives gave given giving come comes came coming go goes went gone going become becomes became becoming put puts putting keep keeps kept let lets thing things stuff'.split(' '),
);

/** Verbs of speaking and writing, and the nouns of what is said, as typed: a question holding one asks about a saying. */
const SPEECH_WORDS = new Set(
  'say says said saying tell tells told telling speak speaks spoke spoken speaking talk talks talked talking write writes wrote written writing ask asks asked asking reply replies replied answer answered respond responded warn warned declare declared promise promised speech speeches statement statements remark remarks quote quoted address addresses addressed addressing compare compares compared comparing describe describes described describing mention mentions mentioned claim claims claimed insist insists insisted argue argues argued recall recalls recalled urge urges urged joke joked quip quipped'.split(' '),
);

/** The analyzed words a sum of money is written with ("$2.9 million", "20 million dollars"). */
const MONEY_TERMS = ['million', 'billion', 'dollar'];
/** Their weight in the search, against 1 for the question's own words. */
const ANSWER_TERM_WEIGHT = 0.3;

/** The weight in the search of the words stating the question's period, against 1 for its content words. */
const PERIOD_WEIGHT = 0.5;
/** A range of at most this many years is searched by each of its years ("the mid seventies": 1973 … 1977). */
const SEARCHED_YEARS = 12;

/** The years of a period of a few years, as terms ("1973"…"1977"); none for a single year (typed already) or a long range. */
function yearsOf(period: QuestionPeriod | null): string[] {
  if (!period) return [];
  const first = Number(period.first.slice(0, 4));
  const last = Number(period.last.slice(0, 4));
  if (last === first || last - first >= SEARCHED_YEARS) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/** A proper name of several words, as the alias table writes it: each word capitalized but the small ones ("Bay of Pigs", "White House"). */
const PROPER_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:of|the|to|for|and)\s+)*\p{Lu}[\p{L}.'’-]*)+$/u;

/** The weight of a light verb or a vague noun against an ordinary word. */
export const LIGHT_WEIGHT = 0.5;

/** What `analyzeQuery` may consult about the corpus. */
export interface QueryContext {
  /** Is a term in the index? A word whose stem the corpus does not know is also searched as typed ("gonzales" finds "Gonzalez"). */
  known?: (term: string) => boolean;
  /** Corpus terms related to a term (the lexicon); none by default. */
  related?: (term: string) => readonly Related[];
  /** Indexed terms near a term, with their edit distances (at least those one edit away); a name's other spellings are read from them (see `nameSpellings`). None by default. */
  near?: (term: string) => NearWords;
  /** A term's IDF in the corpus (how rare a name's other spelling is beside it); needed with `near`. */
  weight?: (term: string) => number;
}

/**
 * Analyzes a question into content terms, its answer type and period, alias and lexicon expansions,
 * and phrases for the engine. `context` may be the `known` function alone (the older signature).
 * (In stages of their own: as one function of 170 lines, V8 took 200–250 ms to optimize it, on a
 * background thread, five times over a warm-up of a few thousand asks, and asks slowed meanwhile.)
 */
export function analyzeQuery(raw: string, aliases: AliasTable | null, context: QueryContext | ((term: string) => boolean) = {}): AnalyzedQuery {
  const { known, related, near, weight } = typeof context === 'function' ? { known: context, related: undefined, near: undefined, weight: undefined } : context;
  const { typed, text, readAs, reading, type, content } = readQuestion(raw, known, related);
  const typedPeriod = reading.spans.flatMap(([s, e]) => analyze(text.slice(s, e)).map((t) => t.term));
  const periodYears = yearsOf(reading.period).filter((year) => !typedPeriod.includes(year));
  const tokens = analyze(content);
  const concepts = conceptsOf(tokens, text);
  // Arrays filled by push and loops rather than built by `map` and `filter`: an empty one from those is of
  // another kind to V8, and each such array seen for the first time by optimized code cost a recompile.
  const terms: QueryTerm[] = [];
  for (const c of concepts.values()) terms.push({ term: c.term, weight: c.weight });
  for (const c of concepts.values()) if (known && c.surface !== c.term && !known(c.term)) terms.push({ term: c.surface, weight: 1 });
  // A sum of money is written with these words: they help find the passages that state one, below the content words.
  const answerTerms = type === 'money' ? MONEY_TERMS.filter((t) => !concepts.has(t)) : [];
  for (const term of answerTerms) terms.push({ term, weight: ANSWER_TERM_WEIGHT });
  // The period's own words (a year) still help find the passages that state it, below the content words; the
  // years of a decade or range it did not type share the weight of one, as a word's relatives do.
  for (const term of new Set(typedPeriod)) if (!concepts.has(term)) terms.push({ term, weight: PERIOD_WEIGHT });
  for (const term of periodYears) if (!concepts.has(term)) terms.push({ term, weight: PERIOD_WEIGHT / Math.sqrt(periodYears.length) });
  const phrases = phrasesOf(tokens);
  nameSurnames(tokens, concepts, text);
  if (known && near && weight) nameSpellings(concepts, terms, { known, near, weight });
  const { credited, named } = applyAliases(aliases, tokens, concepts, terms, phrases);
  if (related) expandByLexicon({ text, content, tokens, concepts, named, terms }, { known, related, aliases });
  // Marked: what the user asked and its expansions of a relation `marked`, not the period's words or the answer's (the
  // answer is marked as such).
  const periodTokens = [...typedPeriod, ...periodYears];
  const markTerms = new Set<string>();
  for (const t of terms) if (!periodTokens.includes(t.term) && !answerTerms.includes(t.term)) markTerms.add(t.term);
  for (const c of concepts.values()) for (const r of c.related) if (RELATED[r.relation].marked) markTerms.add(r.term);
  for (const term of credited) markTerms.add(term);
  const aboutSpeaking = type === 'speech' || tokens.some((t) => SPEECH_WORDS.has(t.surface));
  const analyzed: AnalyzedQuery = { text: typed, type, aboutSpeaking, period: reading.period, concepts: [...concepts.values()], plan: { terms, phrases }, markTerms };
  if (reading.problem) analyzed.periodProblem = reading.problem;
  if (readAs.length) analyzed.readAs = readAs;
  return analyzed;
}

/**
 * A question as read: as typed (control characters out, whitespace collapsed), its shorthand and typos
 * put right, its period and answer type, and its content (the chat's greetings, the frame, the type's
 * and the period's words blanked, at the same offsets).
 */
function readQuestion(raw: string, known: ((term: string) => boolean) | undefined, related: ((term: string) => readonly Related[]) | undefined) {
  const typed = raw.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  // Read with its shorthand and typos put right, if any (see `readShorthand`, `respell`): what follows reads `text`, and
  // `analyzed.text` stays as typed.
  const short = readShorthand(typed, known ?? (() => false));
  const spelt = known && related ? respell(short.text, known, related) : { text: short.text, readAs: [] };
  const text = spelt.text;
  const readAs = short.readAs.length ? [...short.readAs, ...spelt.readAs] : spelt.readAs;
  const reading = questionPeriod(text);
  const type = questionType(text);
  const blank = (m: string) => ' '.repeat(m.length);
  let content = text.replace(CHAT_OPENING, blank).replace(CHAT_CLOSING, blank).replace(FRAME_PHRASES, blank);
  const typeWords = TYPE_WORDS[type];
  if (typeWords) content = content.replace(typeWords, blank);
  for (const [start, end] of reading.spans) content = content.slice(0, start) + ' '.repeat(end - start) + content.slice(end);
  return { typed, text, readAs, reading, type, content };
}

/** The question's concepts by term, in order, each once: a name when capitalized inside the question, a focus word when not. */
function conceptsOf(tokens: readonly AnalyzedToken[], text: string): Map<string, ConceptTerm> {
  const capitalized = (i: number) => /\p{Lu}/u.test(text[tokens[i]!.start] ?? '');
  const anyCapital = tokens.some((_, i) => capitalized(i));
  const remarkAt = remarkStart(text);
  const concepts = new Map<string, ConceptTerm>();
  tokens.forEach((token, i) => {
    const light = LIGHT_WORDS.has(token.surface) || token.start >= remarkAt;
    const focus = anyCapital && !capitalized(i) && !light;
    const name = capitalized(i) && token.start > 0;
    const seen = concepts.get(token.term);
    if (!seen) concepts.set(token.term, { term: token.term, surface: token.surface, alternatives: [], related: [], focus, name, weight: light ? LIGHT_WEIGHT : 1 });
    else seen.focus &&= focus;
  });
  return concepts;
}

/**
 * Where a remark after the question begins ("where did they shake hands? i keep seeing two different
 * events"): after its last question mark, when words follow it. Its words weigh as a light verb's: they
 * say why the user asks, seldom what the answer holds. The message's length when there is none.
 */
function remarkStart(text: string): number {
  const mark = text.lastIndexOf('?');
  return mark > 0 && /[\p{L}\p{N}]/u.test(text.slice(mark + 1)) ? mark + 1 : text.length;
}

/** Runs of terms standing together in the question (at most one stop word between): the engine's phrases. */
function phrasesOf(tokens: readonly AnalyzedToken[]): string[][] {
  const phrases: string[][] = [];
  let run: string[] = [];
  tokens.forEach((token, i) => {
    if (i > 0 && token.position - tokens[i - 1]!.position > 2) {
      if (run.length > 1) phrases.push(run);
      run = [];
    }
    run.push(token.term);
  });
  if (run.length > 1) phrases.push(run);
  return phrases;
}

/**
 * A name of several words typed together: its first words are found, in a passage naming the whole,
 * wherever its last word is (the last word first, so that each word before it points to it). Words
 * apart in the question as typed are two names: "In his message to Khrushchev, how many Cubans…" (the
 * comma and the blanked "how many" between them) names no "Khrushchev Cubans".
 */
function nameSurnames(tokens: readonly AnalyzedToken[], concepts: Map<string, ConceptTerm>, text: string): void {
  for (let i = tokens.length - 2; i >= 0; i--) {
    const concept = concepts.get(tokens[i]!.term)!;
    const next = tokens[i + 1]!;
    if (!concept.name || !concepts.get(next.term)!.name || next.position - tokens[i]!.position !== 1) continue;
    if (!/^(?:\.? +|-)$/.test(text.slice(tokens[i]!.end, next.start))) continue;
    const last = concepts.get(next.term)!.surname ?? next.term;
    if (last !== concept.term) concept.surname = last;
  }
}

/**
 * The alias table's names in the question: each adds its expansions to the search and the phrases, and
 * as alternatives to the concepts it spans. Returns the names credited but never searched ("Kennedy =>
 * JFK") and the words of a multi-word proper name it knows ("Bay of Pigs", "White House", typed in any
 * case), which are not paraphrased.
 */
function applyAliases(aliases: AliasTable | null, tokens: readonly AnalyzedToken[], concepts: Map<string, ConceptTerm>, terms: QueryTerm[], phrases: string[][]) {
  const credited: string[] = [];
  const named = new Set<ConceptTerm>();
  if (!aliases) return { credited, named };
  const sequence = tokens.map((t) => t.term);
  for (const { start, length, entry } of aliases.find(sequence)) {
    if (length > 1 && PROPER_NAME.test(entry.name)) for (const term of sequence.slice(start, start + length)) named.add(concepts.get(term)!);
    for (const { terms: alternative, weight } of entry.expandsTo) {
      // A name of several words stands for one term of the question: its words share the weight.
      if (weight === 0) credited.push(...alternative);
      else for (const term of alternative) terms.push({ term, weight: weight / alternative.length });
      if (weight > 0 && alternative.length > 1) phrases.push(alternative);
      for (const term of sequence.slice(start, start + length)) concepts.get(term)?.alternatives.push(alternative);
    }
  }
  return { credited, named };
}
