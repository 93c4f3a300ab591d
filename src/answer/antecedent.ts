/**
 * What a passage's first sentence speaks of from the passage before it (its antecedent), whose words a
 * question may use instead of the passage's own:
 * - a passage that opens by naming again what the passage before spoke of: "The tape, first made
 *   public in 2003, was found by Peter Kornbluh…" after "…You can hear JFK talking about it on this
 *   White House tape recording." Its opening noun stands for that passage's sentences that name it;
 * - one that refers back in its opening words without naming it: "In retaliation for this setback,
 *   Kennedy enacted a full economic embargo" after the Bay of Pigs, "At that point, the White House
 *   instructed him…". It speaks of what the passage before last told, its closing sentences, less surely.
 */
import type { Passage } from '../corpus/types.js';
import { analysisOf, narrativeBefore, type Antecedent, type SentenceAnalysis } from './passage-analysis.js';
import { QUOTE_RULES } from './quote-rules.js';

/** A passage's opening definite noun phrase: "The tape", "These talks", "This memo" (a lower-case word after the article). */
const DEFINITE_OPENING = /^[“"‘(]?(?:the|this|that|these|those)\s+\p{Ll}/iu;

/**
 * A reference back in a sentence's first six words: "this" or "these" before a word ("this setback",
 * "these backroom efforts", "This ultimately led…"), or "that" / "those" after a preposition ("At that
 * point", "To that end") or opening the sentence ("That was Nov. 5, 1963.", "That night"), never
 * "that" opening a clause inside it ("I believe that you…").
 */
const REFERS_BACK = /^(?:(?:That|Those)\s+\p{Ll}|(?:\S+\s+){0,5}?(?:(?:[Tt]his|[Tt]hese)\s+\p{Ll}|(?:[Aa]t|[Tt]o|[Bb]y|[Ff]rom|[Ff]or|[Ii]n|[Oo]n|[Aa]fter|[Ff]ollowing|[Dd]espite|[Ww]ith|[Oo]f|[Bb]efore)\s+(?:that|those)\s+\p{Ll}))/u;

/** How many closing sentences of the passage before a reference back speaks of (the event told and what came of it). */
const REFERRED_SENTENCES = 2;

const NONE: Antecedent = { terms: new Set(), credit: 0 };

/**
 * The antecedent of `passage`'s first sentence in `before`, when `before` is the passage it continues
 * (the one before it under the same heading, neither a reader comment); no terms otherwise. A noun
 * named again is the word right after the article, when the analysis keeps it ("The non-profit
 * group…" opens on "non-profit").
 */
export function antecedentOf(passage: Passage, before: Passage | undefined): Antecedent {
  const narrative = narrativeBefore(passage, before);
  if (!narrative) return NONE;
  const analysis = analysisOf(passage);
  return (analysis.antecedent ??= findAntecedent(analysis.sentences[0], narrative));
}

function findAntecedent(first: SentenceAnalysis | undefined, before: Passage): Antecedent {
  if (!first) return NONE;
  return namedAgain(first, before) ?? referredTo(first, before) ?? NONE;
}

function namedAgain(first: SentenceAnalysis, before: Passage): Antecedent | null {
  const opening = DEFINITE_OPENING.exec(first.text);
  const noun = opening ? first.tokens[0] : undefined;
  // Only the word right after the article: past a word the analysis drops ("These are…"), nothing is read as a reference.
  if (!opening || !noun || noun.start !== opening[0].length - 1) return null;
  const named = analysisOf(before).sentences.filter((s) => s.own.has(noun.term));
  if (!named.length) return null;
  const terms = new Set<string>();
  for (const s of named) for (const t of s.own) terms.add(t);
  return { terms, credit: QUOTE_RULES.antecedentCredit };
}

function referredTo(first: SentenceAnalysis, before: Passage): Antecedent | null {
  if (!REFERS_BACK.test(first.text)) return null;
  const terms = new Set<string>();
  for (const s of analysisOf(before).sentences.slice(-REFERRED_SENTENCES)) for (const t of s.own) terms.add(t);
  return terms.size ? { terms, credit: QUOTE_RULES.referenceCredit } : null;
}
