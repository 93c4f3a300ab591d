import * as z from 'zod';
import { answerReply, MAX_SEED, questionReply } from '../quiz/reply.js';
import { cleanInput, INPUT_LIMITS } from './limits.js';
import type { CommandDefinition } from './types.js';

const options = z.object({
  about: z
    .string()
    .transform(cleanInput)
    .pipe(z.string().max(INPUT_LIMITS.idChars, `is too long: at most ${INPUT_LIMITS.idChars} characters, please`))
    .default('')
    .describe('A period (1963, 1962-10) or a topic (Donovan); leave empty for any question'),
  seed: z.coerce.number({ error: `is a whole number from 0 to ${MAX_SEED - 1}` }).int(`is a whole number from 0 to ${MAX_SEED - 1}`).min(0, `is a whole number from 0 to ${MAX_SEED - 1}`).max(MAX_SEED - 1, `is a whole number from 0 to ${MAX_SEED - 1}`).optional().describe('The same seed gives the same question; default a new one each time'),
  q: z.string().max(INPUT_LIMITS.idChars, `is too long: at most ${INPUT_LIMITS.idChars} characters, please`).optional().describe('A question id, as an answer button carries it'),
  choice: z.coerce.number({ error: 'is a number from 1 to 4' }).int('is a number from 1 to 4').min(1, 'is a number from 1 to 4').max(4, 'is a number from 1 to 4').optional().describe('Your answer to question q: 1 to 4'),
});

/** /quiz: a study question built from one sentence, with four choices; answering shows the sentence and its source. */
export const quizCommand: CommandDefinition<typeof options> = {
  name: 'quiz',
  description: 'A study question from one sentence of the documents: fill the blank, then see the quote',
  options,
  positional: 'about',
  run({ about, seed, q, choice }, core) {
    if (q !== undefined || choice !== undefined) return answerReply(core, q ?? '', choice ?? 0);
    return questionReply(core, about, seed ?? Math.floor(Math.random() * MAX_SEED));
  },
};
