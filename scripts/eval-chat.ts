/**
 * The `chatted` line of `npm run eval`: every question of sets already written (the unanswerable ones
 * too), typed as a chat message carries it — after a greeting, a filler or a request, before thanks —
 * and, for one in three, with a word of its frame in a chat's shorthand. A question wrapped so asks
 * what it asked alone: the line should read as those sets do together. Made from the sets, never
 * tuned on apart from them.
 */
import type { EvalQuestion } from './eval-questions.js';

/** The sets the chatted questions are made from (file names in `data/eval/`, without `.jsonl`). */
export const CHATTED_FROM = ['questions', 'variants', 'students'] as const;

/** What a message opens with, in turn (the last: nothing). */
const OPENINGS = ['hi! ', 'hey, quick question - ', 'ok so ', 'sorry, one more question: ', 'Hello, ', 'thanks! and ', 'can you tell me ', 'do you know ', ''] as const;

/** What a message closes with, in turn (coprime to the openings' count, so that every pair comes). */
const CLOSINGS = ['', ' thanks!', ' pls', ' thx', ' :)'] as const;

/** A frame word and its shorthand, as a chat types it. */
const SHORTENED: ReadonlyArray<[RegExp, string]> = [
  [/^why\b/i, 'y'],
  [/^what\b/i, 'wat'],
  [/^when\b/i, 'wen'],
  [/\babout\b/, 'abt'],
  [/\bbefore\b/, 'b4'],
  [/\bbecause\b/, 'bc'],
  [/\bwith\b/, 'w/'],
  [/\bthrough\b/, 'thru'],
];

/** A question's first word that only asks: "Who", "What", "Did"… */
const QUESTION_WORD = /^(?:Who|Whom|Whose|What|When|Where|Why|How|Which|Did|Does|Do|Was|Were|Is|Are|Has|Had|In|On|At|From|To)\b/;

/**
 * Each question of `questions` once, wrapped: the k-th in the k-th opening and closing (in turn), and
 * every third with the first frame word `SHORTENED` knows in its shorthand. A question opened by a
 * request ("can you tell me", "do you know") keeps its own words after it, as people type it. Ids are
 * the question's with "~chat".
 */
export function chattedQuestions(questions: readonly EvalQuestion[]): EvalQuestion[] {
  return questions.map((question, k) => {
    let q = question.q;
    if (k % 3 === 0) {
      const rule = SHORTENED.find(([word]) => word.test(q));
      if (rule) q = q.replace(rule[0], rule[1]);
    }
    const opening = OPENINGS[k % OPENINGS.length]!;
    // After a greeting or request, a question word is typed in lower case, as a chat types it (names keep their capitals).
    if (opening && QUESTION_WORD.test(q)) q = q[0]!.toLowerCase() + q.slice(1);
    return { ...question, id: `${question.id}~chat`, q: `${opening}${q}${CLOSINGS[k % CLOSINGS.length]!}` };
  });
}
