/**
 * What `analyzeQuery` (query.ts) makes of a question: its concepts and the rest of the analysis that
 * search, ranking and quoting read. Types only, so that the analysis's parts (query-expansion.ts) and
 * its readers share them without importing one another.
 */
import type { QueryPlan } from './engine.js';
import type { Related } from '../lexicon/lexicon.js';
import type { QuestionType } from './question-type.js';
import type { QuestionPeriod } from './question-period.js';
import type { ReadAs } from './transposed.js';

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
   * "take", "come", "become") or a vague noun ("thing", "stuff"), which the question's other words
   * give its meaning. Multiplies the term's weight in the search, in quote choice and in coverage.
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

