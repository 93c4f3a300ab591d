/**
 * A passage that opens by naming again what the passage before it spoke of: "The tape, first made
 * public in 2003, was found by Peter Kornbluh…" after "…You can hear JFK talking about it on this
 * White House tape recording." Its opening noun stands for that passage's sentence, whose words a
 * question may use instead ("who found the recording of Kennedy…"): the antecedent.
 */
import type { Passage } from '../corpus/types.js';
import { analysisOf, narrativeBefore, type SentenceAnalysis } from './passage-analysis.js';

/** A passage's opening definite noun phrase: "The tape", "These talks", "This memo" (a lower-case word after the article). */
const DEFINITE_OPENING = /^[“"‘(]?(?:the|this|that|these|those)\s+\p{Ll}/iu;

const NONE: ReadonlySet<string> = new Set();

/**
 * The terms of the sentences of `before` that name the noun `passage` opens on ("The tape…"), when
 * `before` is the passage it continues (the one before it under the same heading, neither a reader
 * comment); empty otherwise. The noun is the word right after the article, when the analysis keeps
 * it ("The non-profit group…" opens on "non-profit").
 */
export function antecedentTerms(passage: Passage, before: Passage | undefined): ReadonlySet<string> {
  const narrative = narrativeBefore(passage, before);
  if (!narrative) return NONE;
  const analysis = analysisOf(passage);
  return (analysis.antecedent ??= findAntecedent(analysis.sentences[0], narrative));
}

function findAntecedent(first: SentenceAnalysis | undefined, before: Passage): ReadonlySet<string> {
  const opening = first && DEFINITE_OPENING.exec(first.text);
  const noun = opening ? first.tokens[0] : undefined;
  // Only the word right after the article: past a word the analysis drops ("These are…"), nothing is read as a reference.
  if (!opening || !noun || noun.start !== opening[0].length - 1) return NONE;
  const named = analysisOf(before).sentences.filter((s) => s.own.has(noun.term));
  if (!named.length) return NONE;
  const terms = new Set<string>();
  for (const s of named) for (const t of s.own) terms.add(t);
  return terms;
}
