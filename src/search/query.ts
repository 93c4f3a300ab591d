import { analyzeFast as analyze, cachedStem } from './engine-analyze.js';
import type { QueryPlan, QueryTerm } from './engine.js';
import type { AliasTable } from './aliases.js';
import { PARTICLES, type Related, type Relation } from '../lexicon/lexicon.js';
import { CHAT_CLOSING, CHAT_OPENING, FRAME_PHRASES, TYPE_WORDS, questionType, type QuestionType } from './question-type.js';
import { questionPeriod, type QuestionPeriod } from './question-period.js';
import { respell, type ReadAs } from './transposed.js';
import { readShorthand } from './shorthand.js';

export { questionType, type QuestionType, type QuestionPeriod };

/** One of the user's own content terms, with the alternatives that also satisfy it. */
export interface ConceptTerm {
  /** Analyzed term. */
  term: string;
  /** The folded word as typed, before stemming: a typo is nearer to the word than to its stem ("gonzales" → "gonzalez"). */
  surface: string;
  /** Term lists any of which, all present, count as this term being found (from aliases). */
  alternatives: string[][];
  /**
   * Corpus terms related to this one in the lexicon ("captives" → "prison"): they count as the concept
   * found, for less than the word itself (see `RELATED`).
   */
  related: Related[];
  /**
   * Typed in lower case in a question that capitalizes names: a word of what is asked (found, insulted,
   * agree) rather than of whom it is asked. Answer sentences must hold these. False when the question
   * has no capitals at all (then nothing tells names from the rest).
   */
  focus: boolean;
  /** Typed with a capital inside a question (not its first word): a name. */
  name: boolean;
  /**
   * For a word of a name typed whole, before its last word ("Richard" of "Richard Goodwin"): that last
   * word's term, by which a passage naming the whole goes on to call the person ("Guevara presented
   * Goodwin with…", "Guevara" after "Che Guevara"). Absent for any other word.
   */
  surname?: string;
  /**
   * How much the word says of what is asked: 1, or `LIGHT_WEIGHT` for a light verb ("make", "get",
   * "take", "come", "become"), which the question's other words give its meaning. Multiplies the
   * term's weight in the search, in quote choice and in coverage.
   */
  weight: number;
}

/** A question, analyzed. */
export interface AnalyzedQuery {
  /** The question as typed, with control characters removed and whitespace collapsed. */
  text: string;
  type: QuestionType;
  /** The period the question asks about ("in 1977", "the seventies"), or null. */
  period: QuestionPeriod | null;
  /** Set when the question names a period that cannot be (a reversed range, a year out of the calendar): what to tell the user. */
  periodProblem?: string;
  /** The user's content terms, in order, each once (the period's words are not among them). */
  concepts: ConceptTerm[];
  /** The question asks about an act of speaking or writing ("what did … say", "which senators did Castro speak with"). */
  aboutSpeaking: boolean;
  /** What the engine searches: the user's terms at weight 1, alias and lexicon expansions below. */
  plan: QueryPlan;
  /** Every term whose presence in a sentence should be marked (user terms and expansions). */
  markTerms: Set<string>;
  /**
   * Words of the question read as another: a chat's shorthand ("abt" as "about": see `readShorthand`)
   * or a typo put right ("presdient" as "president", "hapened" as "happened": see `respell`), as typed
   * and as read; absent when none. `text` stays as typed.
   */
  readAs?: ReadAs[];
}

/**
 * How much a lexicon relation counts: `search` is the related term's weight in the engine's query
 * (the question's own words weigh 1; 0: not searched), `credit` the share of the concept it earns in
 * a quote and in coverage, `marked` whether a quote marks it as a word of the question, `capped`
 * whether it counts toward a word's `MAX_RELATED` relatives and their share of its weight. Expansions never weigh as much as the word itself, so an exact match always
 * wins. A word's class or kind (hypernym, hyponym) is credited where a passage holds it but never
 * searched: searched, it brought in passages sharing only a general word ("point" for "start"), which
 * cost refusals of near-topic questions and time, and found no answer the question's own words and
 * their synonyms did not. A word used alike (`similar`) is credited least and not searched either
 * (searched at 0.2 or 0.35, it found no answer more, lost the variants one and cost the students' set
 * a refusal; credited at 0.6, two of its refusals; at 0.3, answers on three blind sets); nor marked,
 * as it may mean otherwise ("refused" for "agree"); nor capped: the lexicon keeps a few a word, and
 * capped with the rest, "meant" lost "intended" behind nine WordNet relatives (students' R@1 0.872 →
 * 0.890).
 */
export const RELATED: Record<Relation, { search: number; credit: number; marked: boolean; capped: boolean }> = {
  synonym: { search: 0.45, credit: 0.8, marked: true, capped: true },
  derivation: { search: 0.45, credit: 0.8, marked: true, capped: true },
  hypernym: { search: 0, credit: 0.6, marked: true, capped: true },
  hyponym: { search: 0, credit: 0.6, marked: true, capped: true },
  similar: { search: 0, credit: 0.4, marked: false, capped: false },
} as const;
/** At most this many related terms per concept of the relations `capped`, closest relations first. */
const MAX_RELATED = 6;

/**
 * A term's lexicon expansion: its related corpus terms (closest first, at most `MAX_RELATED`, with the
 * forms of each that the stemmer cannot relate, "find" → "found", from the alias table's verb forms)
 * and the query terms that search those of them a relation searches (`RELATED`). The related words
 * share the expansion's weight (as a name's words share an alias's), so a word with many relatives
 * weighs no more than one with few (all of them count, searched or not: shared among the searched
 * alone, the students' R@1 fell 0.006); a word the corpus holds itself expands at half weight.
 * Relatives of a relation not `capped` are kept beyond the cap and left out of the share. `exclude`
 * drops terms the question already searches.
 */
export function expansionOf(
  term: string,
  context: { known?: (term: string) => boolean; related: (term: string) => readonly Related[]; aliases: AliasTable | null },
  exclude: (term: string) => boolean = () => false,
): { related: Related[]; terms: QueryTerm[] } {
  const out: Related[] = [];
  const has = (t: string) => exclude(t) || out.some((x) => x.term === t);
  let capped = 0;
  const add = (r: Related) => {
    out.push(r);
    if (RELATED[r.relation].capped) capped++;
  };
  for (const r of context.related(term)) {
    if ((RELATED[r.relation].capped && capped >= MAX_RELATED) || has(r.term)) continue;
    add(r);
    const entry = context.aliases?.entryOf(r.term);
    if (entry) for (const { terms: form } of entry.expandsTo) if (form.length === 1 && !has(form[0]!)) add({ term: form[0]!, relation: r.relation });
  }
  const share = (context.known?.(term) ? 0.5 : 1) / Math.sqrt(Math.max(1, capped));
  return { related: out, terms: out.filter((r) => RELATED[r.relation].search > 0).map((r) => ({ term: r.term, weight: RELATED[r.relation].search * share })) };
}

/**
 * Light verbs, as typed: they carry little meaning of their own ("make a trip", "get them out", "come
 * to power", "become president"), so a sentence holding only them shares little with the question.
 */
const LIGHT_VERBS = new Set(
  'make makes made making get gets got gotten getting take takes took taken taking give gives gave given giving come comes came coming go goes went gone going become becomes became becoming put puts putting keep keeps kept let lets'.split(' '),
);

/** Verbs of speaking and writing, and the nouns of what is said, as typed: a question holding one asks about a saying. */
const SPEECH_WORDS = new Set(
  'say says said tell tells told speak speaks spoke spoken talk talks talked write writes wrote written ask asks asked reply replies replied answer answered respond responded warn warned declare declared promise promised speech speeches statement statements remark remarks quote quoted'.split(' '),
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

/** A word of hyphenated parts, as typed ("go-between", "co-author"). */
const HYPHENATED = /\b\p{L}+(?:-\p{L}+)+\b/gu;

/** The word right after a token, as typed: a verb's particle, when it is one of `PARTICLES` ("set up", "step down"). */
const PARTICLE = /^\s+([A-Za-z]+)\b/;

/** The weight of a light verb against an ordinary word. */
export const LIGHT_WEIGHT = 0.5;

/** What `analyzeQuery` may consult about the corpus. */
export interface QueryContext {
  /** Is a term in the index? A word whose stem the corpus does not know is also searched as typed ("gonzales" finds "Gonzalez"). */
  known?: (term: string) => boolean;
  /** Corpus terms related to a term (the lexicon); none by default. */
  related?: (term: string) => readonly Related[];
}

/**
 * Analyzes a question into content terms, its answer type and period, alias and lexicon expansions,
 * and phrases for the engine. `context` may be the `known` function alone (the older signature).
 */
export function analyzeQuery(raw: string, aliases: AliasTable | null, context: QueryContext | ((term: string) => boolean) = {}): AnalyzedQuery {
  const { known, related } = typeof context === 'function' ? { known: context, related: undefined } : context;
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
  const typedPeriod = reading.spans.flatMap(([s, e]) => analyze(text.slice(s, e)).map((t) => t.term));
  const periodYears = yearsOf(reading.period).filter((year) => !typedPeriod.includes(year));
  const periodTokens = [...typedPeriod, ...periodYears];
  const tokens = analyze(content);
  const sequence = tokens.map((t) => t.term);
  const capitalized = (i: number) => /\p{Lu}/u.test(text[tokens[i]!.start] ?? '');
  const anyCapital = tokens.some((_, i) => capitalized(i));
  const concepts = new Map<string, ConceptTerm>();
  tokens.forEach((token, i) => {
    const light = LIGHT_VERBS.has(token.surface);
    const focus = anyCapital && !capitalized(i) && !light;
    const name = capitalized(i) && token.start > 0;
    const seen = concepts.get(token.term);
    if (!seen) concepts.set(token.term, { term: token.term, surface: token.surface, alternatives: [], related: [], focus, name, weight: light ? LIGHT_WEIGHT : 1 });
    else seen.focus &&= focus;
  });

  const terms: QueryTerm[] = [...concepts.values()].map((c) => ({ term: c.term, weight: c.weight }));
  for (const c of concepts.values()) if (known && c.surface !== c.term && !known(c.term)) terms.push({ term: c.surface, weight: 1 });
  // A sum of money is written with these words: they help find the passages that state one, below the content words.
  const answerTerms = type === 'money' ? MONEY_TERMS.filter((t) => !concepts.has(t)) : [];
  for (const term of answerTerms) terms.push({ term, weight: ANSWER_TERM_WEIGHT });
  // The period's own words (a year) still help find the passages that state it, below the content words; the
  // years of a decade or range it did not type share the weight of one, as a word's relatives do.
  for (const term of new Set(typedPeriod)) if (!concepts.has(term)) terms.push({ term, weight: PERIOD_WEIGHT });
  for (const term of periodYears) if (!concepts.has(term)) terms.push({ term, weight: PERIOD_WEIGHT / Math.sqrt(periodYears.length) });
  const phrases: string[][] = [];
  // Runs of terms standing together in the question (at most one stop word between) are phrases.
  let run: string[] = [];
  tokens.forEach((token, i) => {
    if (i > 0 && token.position - tokens[i - 1]!.position > 2) {
      if (run.length > 1) phrases.push(run);
      run = [];
    }
    run.push(token.term);
  });
  if (run.length > 1) phrases.push(run);

  // A name of several words typed together: its first words are found, in a passage naming the whole,
  // wherever its last word is (the last word first, so that each word before it points to it).
  for (let i = tokens.length - 2; i >= 0; i--) {
    const concept = concepts.get(tokens[i]!.term)!;
    const next = tokens[i + 1]!;
    if (!concept.name || !concepts.get(next.term)!.name || next.position - tokens[i]!.position !== 1) continue;
    const last = concepts.get(next.term)!.surname ?? next.term;
    if (last !== concept.term) concept.surname = last;
  }
  /** Names that stand for the question's where a passage holds them, never searched ("Kennedy => JFK"). */
  const credited: string[] = [];
  /** The words of a proper name of several words the alias table knows ("Bay of Pigs", "White House"), typed in any case: a name is not paraphrased. */
  const named = new Set<ConceptTerm>();
  for (const { start, length, entry } of aliases?.find(sequence) ?? []) {
    if (length > 1 && PROPER_NAME.test(entry.name)) for (const term of sequence.slice(start, start + length)) named.add(concepts.get(term)!);
    for (const { terms: alternative, weight } of entry.expandsTo) {
      // A name of several words stands for one term of the question: its words share the weight.
      if (weight === 0) credited.push(...alternative);
      else for (const term of alternative) terms.push({ term, weight: weight / alternative.length });
      if (weight > 0 && alternative.length > 1) phrases.push(alternative);
      for (const term of sequence.slice(start, start + length)) concepts.get(term)?.alternatives.push(alternative);
    }
  }
  if (related) {
    // A word of hyphenated parts the lexicon knows whole ("go-between" → "intermediary") means that, not what its parts do.
    const compounds = [...content.matchAll(HYPHENATED)]
      .map((m) => ({ key: cachedStem(m[0].toLowerCase()), start: m.index, end: m.index + m[0].length }))
      .filter((c) => related(c.key).length > 0)
      .map((c) => ({ key: c.key, parts: tokens.filter((t) => t.start >= c.start && t.end <= c.end).map((t) => concepts.get(t.term)!) }))
      .filter((c) => c.parts.length > 0);
    const parts = new Set(compounds.flatMap((c) => c.parts));
    for (const c of concepts.values()) {
      // Names are who they are: "Howard" has no synonyms worth searching.
      if (c.name || parts.has(c) || named.has(c)) continue;
      const exclude = (t: string) => concepts.has(t) || c.alternatives.some((alt) => alt.includes(t));
      const expansion = expansionOf(c.term, { known, related, aliases }, exclude);
      c.related.push(...expansion.related);
      terms.push(...expansion.terms);
    }
    // Neighbouring words the lexicon knows together ("shake hands" → "handshake", "set up" → "establish"):
    // what they mean as one is related to each.
    // A verb and its particle, which the analysis drops ("set up" → "establish"), count as such a pair.
    const together = (key: string, pair: ConceptTerm[]) => {
      if (pair.some((c) => c.name || named.has(c))) return;
      const exclude = (t: string) => concepts.has(t) || pair.some((c) => c.alternatives.some((alt) => alt.includes(t)));
      const expansion = expansionOf(key, { known, related, aliases }, exclude);
      // To each word of the pair that its own meanings did not relate it to already ("shake" is "handshake" alone).
      for (const c of pair) c.related.push(...expansion.related.filter((r) => !c.related.some((o) => o.term === r.term)));
      terms.push(...expansion.terms.filter((t) => !terms.some((o) => o.term === t.term)));
    };
    for (const c of compounds) together(c.key, c.parts);
    tokens.forEach((token, i) => {
      const concept = concepts.get(token.term)!;
      const particle = PARTICLE.exec(text.slice(token.end))?.[1]?.toLowerCase();
      if (particle && PARTICLES.has(particle)) together(`${token.term} ${particle}`, [concept]);
      const next = tokens[i + 1];
      const other = next && concepts.get(next.term)!;
      if (next && other !== concept && next.position - token.position <= 2) together(`${token.term} ${next.term}`, [concept, other!]);
    });
  }
  // Marked: what the user asked and its expansions of a relation `marked`, not the period's words or the answer's (the
  // answer is marked as such).
  const markTerms = new Set([
    ...terms.filter((t) => !periodTokens.includes(t.term) && !answerTerms.includes(t.term)).map((t) => t.term),
    ...[...concepts.values()].flatMap((c) => c.related.filter((r) => RELATED[r.relation].marked).map((r) => r.term)),
    ...credited,
  ]);
  const aboutSpeaking = type === 'speech' || tokens.some((t) => SPEECH_WORDS.has(t.surface));
  const analyzed: AnalyzedQuery = { text: typed, type, aboutSpeaking, period: reading.period, concepts: [...concepts.values()], plan: { terms, phrases }, markTerms };
  if (reading.problem) analyzed.periodProblem = reading.problem;
  if (readAs.length) analyzed.readAs = readAs;
  return analyzed;
}
