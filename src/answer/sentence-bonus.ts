import type { QuestionType } from '../retrieval/types.js';
import { IS_A } from './person-answer.js';
import { answerPositions, saidThatEnd, sentenceTypeBonus, type SentenceAnalysis } from './passage-analysis.js';
import type { QuoteQuery } from './quote-query.js';
import { QUOTE_RULES } from './quote-rules.js';
import { statesSumAs } from './sum-role.js';

/**
 * What a sentence earns toward answering beyond holding the question's words: evidence of the kind of
 * answer asked for (`typeBonus`), that answer near a focus term, a role beside a name of the question,
 * the question's words standing together (when it holds more than one of them: `held`), for
 * "what did … say", the saying reported of the question's topic, and for "how much", a sum stated as
 * what the question asks it was (asked for, or paid: see `sumRole`).
 */
export function sentenceBonus(sentence: SentenceAnalysis, prepared: QuoteQuery, held: number): number {
  const type = prepared.query.type;
  return (
    sentenceTypeBonus(sentence, type) +
    nearFocus(type, sentence, prepared.focusTerms) +
    roleBeside(type, sentence, prepared.names) +
    (held > 1 ? closeTogether(sentence, prepared) : 0) +
    saidOfTopic(sentence, prepared) +
    (prepared.sumRole && statesSumAs(sentence.text, prepared.sumRole) ? QUOTE_RULES.nearFocusBonus : 0)
  );
}

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
