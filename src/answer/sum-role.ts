/**
 * What a sum of money was in a deal: the sum one side asked for, or the sum that was paid. "How much
 * did Castro originally want for the prisoners?" asks for the first; "what was the final price?",
 * "what did the US end up paying?" for the second; a passage may state both, in different sentences
 * ("his demands for $62 million" … "in exchange for $2.9 million").
 */
import { SUM_AT_FIRST, SUM_IN_THE_END } from '../retrieval/analysis.js';

export type SumRole = 'asked' | 'paid';

/** Verbs of asking for a sum, in a question ("how much did Castro want…") and before a sum in a sentence ("his demands for…"). */
const ASKING = 'demand(?:s|ed|ing)?|ask(?:s|ed|ing)?(?: for)?|want(?:s|ed)?|request(?:s|ed)?|sought|seek(?:s|ing)?';
/** Verbs of paying a sum, in a question ("what did the US end up paying?") and before a sum in a sentence ("paid $…"). */
const PAYING = 'paid|pay(?:s|ing)?|settle(?:s|d)? (?:on|for)|agreed (?:on|to)';

/** A question's words asking for the sum demanded: at first, or by a verb of asking. */
const ASKED_IN_QUESTION = new RegExp(`\\b(?:${SUM_AT_FIRST}|${ASKING})\\b`, 'i');
/** A question's words asking for the sum paid: in the end, or by a verb of paying. */
const PAID_IN_QUESTION = new RegExp(`\\b(?:${SUM_IN_THE_END}|${PAYING}|settle(?:s|d)?|agreed)\\b`, 'i');

/**
 * The role of the sum a money question asks for, or null when it says none ("how much did Obama
 * budget…"). Asking words win: "how much did Castro originally want in exchange for…" asks what he wanted.
 */
export function sumRole(question: string): SumRole | null {
  if (ASKED_IN_QUESTION.test(question)) return 'asked';
  return PAID_IN_QUESTION.test(question) ? 'paid' : null;
}

/** A sentence's words before a sum that make it one asked for ("his demands for $62 million") or one paid ("in exchange for $2.9 million"). */
const CUE: Record<SumRole, RegExp> = {
  asked: new RegExp(`\\b(?:${ASKING})\\b[^.;:!?$]{0,60}$`, 'i'),
  paid: new RegExp(`\\b(?:in exchange for|in return for|${PAYING}|for the release of)\\b[^.;:!?$]{0,60}$`, 'i'),
};

/** A sum of money in a sentence: "$2.9 million", "$ 53". */
const SUM = /\$\s?\d/g;

/** True when the sentence states a sum of money with the role's words before it, in the same clause, within a few words. */
export function statesSumAs(sentence: string, role: SumRole): boolean {
  for (const m of sentence.matchAll(SUM)) if (CUE[role].test(sentence.slice(Math.max(0, m.index - 60), m.index))) return true;
  return false;
}
