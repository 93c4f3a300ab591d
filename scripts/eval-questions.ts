import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { fold } from '../src/text/fold.js';

const questionSchema = z.union([
  z.object({ id: z.string(), q: z.string(), expect: z.array(z.string()).min(1), tags: z.array(z.string()).optional() }),
  z.object({ id: z.string(), q: z.string(), abstain: z.literal(true), tags: z.array(z.string()).optional() }),
]);
export type EvalQuestion = z.infer<typeof questionSchema>;

/** Reads a questions.jsonl file: one question a line, validated. */
export function readQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
      return parsed.data;
    });
}

/** Case-, quote-, dash-, accent- and whitespace-insensitive containment. */
export function containsPhrase(text: string, phrases: readonly string[]): boolean {
  const hay = fold(text);
  return phrases.some((p) => hay.includes(fold(p)));
}

/** Ranking figures of one system over a question set. */
export interface Scores {
  r1: number;
  r3: number;
  mrr: number;
  quote1: number;
  /** Share of unanswerable questions abstained on. */
  abstain: number;
  /** Share of answerable questions abstained on. */
  falseAbstain: number;
}

/** What a system returned for one question: ranked passage texts (empty when it abstained) and its top quote. */
export interface Answer {
  passages: string[];
  quote: string | null;
}

export function score(questions: EvalQuestion[], answers: Answer[]): Scores & { misses: string[] } {
  let r1 = 0, r3 = 0, mrr = 0, quote1 = 0, abstained = 0, unanswerable = 0, falseAbstain = 0, answerable = 0;
  const misses: string[] = [];
  questions.forEach((q, i) => {
    const a = answers[i]!;
    if ('abstain' in q) {
      unanswerable++;
      if (a.passages.length === 0) abstained++;
      else misses.push(`${q.id} should abstain`);
      return;
    }
    answerable++;
    if (a.passages.length === 0) {
      falseAbstain++;
      misses.push(`${q.id} abstained`);
      return;
    }
    const rank = a.passages.findIndex((p) => containsPhrase(p, q.expect));
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 3) r3++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (a.quote && containsPhrase(a.quote, q.expect)) quote1++;
    else misses.push(`${q.id} quote`);
    if (rank !== 0) misses.push(`${q.id} rank ${rank < 0 ? '>10' : rank + 1}`);
  });
  const r = (x: number, n: number) => Number((n ? x / n : 0).toFixed(3));
  return {
    r1: r(r1, answerable),
    r3: r(r3, answerable),
    mrr: r(mrr, answerable),
    quote1: r(quote1, answerable),
    abstain: r(abstained, unanswerable),
    falseAbstain: r(falseAbstain, answerable),
    misses,
  };
}
