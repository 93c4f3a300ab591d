/**
 * The `swapped` line of `npm run eval`: answerable questions typed with two neighbouring letters
 * swapped, the commonest typing slip. Made from sets already written, not tuned on apart from them.
 */
import type { EvalQuestion } from './eval-questions.js';

/** The sets the swapped questions are made from (file names in `data/eval/`, without `.jsonl`). */
export const SWAPPED_FROM = ['questions', 'variants', 'students'] as const;

/** Shortest word given a swap: shorter ones are mostly names or words a swap turns into another word. */
const SHORTEST = 6;

/**
 * Each answerable question once for each of its lower-case words of `SHORTEST` letters or more, that
 * word's two middle letters swapped ("negotiations" → "negotaitions"), the rest as written; a word
 * whose middle letters are the same is left out. Ids are the question's with the word's index.
 */
export function swappedQuestions(questions: readonly EvalQuestion[]): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  for (const question of questions) {
    if (!('expect' in question)) continue;
    const words = question.q.split(' ');
    words.forEach((word, i) => {
      if (word.length < SHORTEST || !/^[a-z]+$/.test(word)) return;
      const k = (word.length >> 1) - 1;
      if (word[k] === word[k + 1]) return;
      const typo = word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2);
      out.push({ ...question, id: `${question.id}~${i}`, q: [...words.slice(0, i), typo, ...words.slice(i + 1)].join(' ') });
    });
  }
  return out;
}
