import { analyzeFast as analyze } from './engine-analyze.js';
import type { QueryPlan, QueryTerm } from './engine.js';
import type { AliasTable } from './aliases.js';
import { fold } from '../text/fold.js';

/** What kind of answer a question asks for; extraction favours sentences that hold one. */
export type QuestionType = 'person' | 'date' | 'quantity' | 'place' | 'reason' | 'speech' | 'yesno' | 'definition' | 'other';

/** One of the user's own content terms, with the alternatives that also satisfy it. */
export interface ConceptTerm {
  /** Analyzed term. */
  term: string;
  /** The folded word as typed, before stemming: a typo is nearer to the word than to its stem ("gonzales" → "gonzalez"). */
  surface: string;
  /** Term lists any of which, all present, count as this term being found (from aliases). */
  alternatives: string[][];
  /**
   * Typed in lower case in a question that capitalizes names: a word of what is asked (found, insulted,
   * agree) rather than of whom it is asked. Answer sentences must hold these. False when the question
   * has no capitals at all (then nothing tells names from the rest).
   */
  focus: boolean;
}

/** A question, analyzed. */
export interface AnalyzedQuery {
  /** The question as typed, with control characters removed and whitespace collapsed. */
  text: string;
  type: QuestionType;
  /** The user's content terms, in order, each once. */
  concepts: ConceptTerm[];
  /** What the engine searches: the user's terms at weight 1, alias expansions below. */
  plan: QueryPlan;
  /** Every term whose presence in a sentence should be marked (user terms and expansions). */
  markTerms: Set<string>;
}

const TYPE_RULES: Array<[QuestionType, RegExp]> = [
  ['quantity', /\bhow (many|much)\b/],
  ['date', /^(when)\b|\b(what|which) (year|date|day|month)\b|\bin what year\b|\bhow long ago\b/],
  ['person', /^(who|whom|whose)\b|\b(who|whom) (was|is|were|did|sent|wrote|found)\b/],
  ['place', /^where\b/],
  ['speech', /\bwhat did .{1,60}\b(say|tell|write|ask|reply|answer|respond|warn|report|promise|call)\b/],
  ['reason', /^why\b|\bwhat (was|is) the reason\b/],
  ['yesno', /^(did|does|do|was|were|is|are|has|had|can|could|would|will|should)\b/],
  ['definition', /^what (is|was|were|are)\b/],
];

/**
 * Words that shape a question rather than say what it is about ("how many", "what kind of",
 * "according to", "tell me about"): dropped from the content terms.
 */
const QUESTION_PHRASES = /\b(how (many|much|long|often)|what (kind|sort|type)s? of|according to|tell me (about|of)|do you know|can you|please|explain)\b/gi;

/** A question word anywhere: without one, a short query is a bare name ("lisa howard") and asks what or who it is. */
const QUESTION_WORD = /\b(who|whom|whose|what|when|where|why|how|which|did|does|do|is|are|was|were)\b/;

export function questionType(text: string): QuestionType {
  const folded = fold(text);
  for (const [type, rule] of TYPE_RULES) if (rule.test(folded)) return type;
  if (!QUESTION_WORD.test(folded) && folded.split(' ').length <= 3) return 'definition';
  return 'other';
}

/**
 * Analyzes a question into content terms, alias expansions and phrases for the engine. With `known`
 * (is a term in the index?), a word whose stem the corpus does not know is also searched as typed,
 * so that near spellings are sought for the word itself ("gonzales" finds "Gonzalez").
 */
export function analyzeQuery(raw: string, aliases: AliasTable | null, known?: (term: string) => boolean): AnalyzedQuery {
  const text = raw.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const tokens = analyze(text.replace(QUESTION_PHRASES, (m) => ' '.repeat(m.length)));
  const sequence = tokens.map((t) => t.term);
  const capitalized = (i: number) => /\p{Lu}/u.test(text[tokens[i]!.start] ?? '');
  const anyCapital = tokens.some((_, i) => capitalized(i));
  const concepts = new Map<string, ConceptTerm>();
  tokens.forEach((token, i) => {
    const focus = anyCapital && !capitalized(i);
    const known = concepts.get(token.term);
    if (!known) concepts.set(token.term, { term: token.term, surface: token.surface, alternatives: [], focus });
    else known.focus &&= focus;
  });

  const terms: QueryTerm[] = [...concepts.keys()].map((term) => ({ term, weight: 1 }));
  for (const c of concepts.values()) if (known && c.surface !== c.term && !known(c.term)) terms.push({ term: c.surface, weight: 1 });
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

  for (const { start, length, entry } of aliases?.find(sequence) ?? []) {
    for (const { terms: alternative, weight } of entry.expandsTo) {
      // A name of several words stands for one term of the question: its words share the weight.
      for (const term of alternative) terms.push({ term, weight: weight / alternative.length });
      if (alternative.length > 1) phrases.push(alternative);
      for (const term of sequence.slice(start, start + length)) concepts.get(term)?.alternatives.push(alternative);
    }
  }
  const markTerms = new Set(terms.map((t) => t.term));
  return { text, type: questionType(text), concepts: [...concepts.values()], plan: { terms, phrases }, markTerms };
}
