import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import { choicesOf } from '../../src/quiz/questions.js';
import { bankOf, BLANK } from '../../src/quiz/reply.js';
import type { Reply } from '../../src/reply/model.js';
import { fold } from '../../src/text/fold.js';

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const quiz = (input: Record<string, unknown>): Promise<Reply> => runCommand(commands.get('quiz')!, input, core);
const refusal = async (input: Record<string, unknown>): Promise<string> => {
  try {
    await quiz(input);
  } catch (error) {
    return (error as BackchannelError).userMessage;
  }
  throw new Error('no refusal');
};

describe('/quiz', () => {
  describe('every question the bundled corpus gives', () => {
    it('is answerable from its sentence, with four different choices, exactly one of them right', async () => {
      const bank = bankOf(core);
      expect(bank.questions.length).toBeGreaterThan(50);
      const kinds = new Set<string>();
      for (const q of bank.questions) {
        kinds.add(q.kind);
        const passage = core.corpus.passageById.get(q.passageId)!;
        const sentence = passage.text.slice(q.sentence[0], q.sentence[1]);
        // The answer is what the sentence says at the blank, and the blank is inside the sentence.
        expect(passage.text.slice(q.blank[0], q.blank[1]), q.id).toBe(q.answer.text);
        expect(q.sentence[0] <= q.blank[0] && q.blank[1] <= q.sentence[1], q.id).toBe(true);
        expect(passage.sentences.some(([s, e]) => s === q.sentence[0] && e === q.sentence[1]), q.id).toBe(true);
        const choices = choicesOf(q, bank, core.corpus);
        expect(choices, q.id).toHaveLength(4);
        expect(new Set(choices.map(fold)).size, q.id).toBe(4);
        expect(choices.filter((c) => c === q.answer.text), q.id).toHaveLength(1);
        // No distractor is written in the sentence, nor is it another way of writing the answer.
        for (const c of choices.filter((c) => c !== q.answer.text)) {
          expect(fold(sentence).includes(fold(c)), `${q.id}: ${c}`).toBe(false);
          const same = bank.fillers[q.kind].filter((f) => f.text === c);
          expect(same.some((f) => f.key === q.answer.key), `${q.id}: ${c} means the answer`).toBe(false);
        }
        // Revealing each choice says right for the answer only.
        for (const [i, c] of choices.entries()) expect(((await quiz({ q: q.id, choice: i + 1 })).data as { right: boolean }).right).toBe(c === q.answer.text);
      }
      expect([...kinds].sort()).toEqual(['amount', 'date', 'name', 'place']);
    });
  });

  describe('asking', () => {
    it('gives the same question for the same seed, blanked, with four answer buttons that keep their state', async () => {
      const one = await quiz({ about: '1963', seed: 42 });
      expect((await quiz({ about: '1963', seed: '42' }))).toEqual(one);
      const data = one.data as { id: string; sentence: string; choices: string[] };
      expect(data.sentence.split(BLANK)).toHaveLength(2);
      expect(one.actions.map((a) => a.args)).toEqual([1, 2, 3, 4].map((choice) => ({ q: data.id, choice })));
      expect(one.actions.every((a) => a.command === 'quiz' && a.private)).toBe(true);
      const seeds = new Set(await Promise.all(Array.from({ length: 20 }, async (_, seed) => ((await quiz({ seed })).data as { id: string }).id)));
      expect(seeds.size).toBeGreaterThan(10);
    });

    it('keeps to a period or a topic', async () => {
      for (let seed = 0; seed < 10; seed++) {
        const about = await quiz({ about: 'Donovan', seed });
        const passageId = (about.data as { id: string }).id.split('~')[0]!;
        expect(core.corpus.passageById.get(passageId)!.text).toMatch(/Donovan/);
      }
    });

    it('reveals right or wrong with the whole sentence quoted and cited, and offers another question', async () => {
      const asked = await quiz({ seed: 3 });
      const { id, choices } = asked.data as { id: string; choices: string[] };
      const q = bankOf(core).byId.get(id)!;
      const right = choices.indexOf(q.answer.text) + 1;
      const wrong = right === 1 ? 2 : 1;
      const yes = await quiz({ q: id, choice: right });
      expect(yes.blocks[0]).toEqual({ type: 'notice', tone: 'info', text: `Right: “${q.answer.text}”.` });
      const no = await quiz({ q: id, choice: wrong });
      expect(no.blocks[0]).toEqual({ type: 'notice', tone: 'warning', text: `Not quite: you chose “${choices[wrong - 1]}”; the document says “${q.answer.text}”.` });
      const quote = no.blocks[1] as Extract<Reply['blocks'][number], { type: 'quote' }>;
      const passage = core.corpus.passageById.get(q.passageId)!;
      expect(quote.runs.map((r) => r.text).join('')).toBe(passage.text.slice(q.sentence[0], q.sentence[1]));
      expect(quote.runs.find((r) => r.marked)!.text).toBe(q.answer.text);
      expect(no.actions[0]).toMatchObject({ label: 'Another question', command: 'quiz' });
      expect((await quiz(no.actions[0]!.args)).ok).toBe(true);
    });
  });

  describe('bad input', () => {
    it('answers /quiz 3000 and an unknown topic with a clear message', async () => {
      const reply = await quiz({ about: '3000' });
      expect(reply.ok).toBe(false);
      expect(reply.blocks[0]).toMatchObject({ type: 'notice', text: expect.stringMatching(/^No quiz question is about “3000”\. The corpus gives \d+ questions in all/) });
      expect((await quiz({ about: 'zebulon' })).ok).toBe(false);
      expect((await refusal({ about: '12' }))).toMatch(/^“12” is not a year/);
      expect((await refusal({ about: 'x'.repeat(500) }))).toBe('That input to /quiz could not be used — about: is too long: at most 100 characters, please.');
    });

    it('refuses a forged or stale button with a clear message', async () => {
      const { id } = (await quiz({ seed: 1 })).data as { id: string };
      expect((await refusal({ q: 'jfkfacts-secret-talks#p3~0~5', choice: 1 }))).toBe('That quiz question is not one the corpus gives (the corpus may have changed since). Ask /quiz for a new one.');
      expect((await refusal({ q: '__proto__', choice: 1 }))).toMatch(/^That quiz question is not one/);
      expect((await refusal({ q: id, choice: 9 }))).toBe('That input to /quiz could not be used — choice: is a number from 1 to 4.');
      expect((await refusal({ q: id, choice: 'one' }))).toBe('That input to /quiz could not be used — choice: is a number from 1 to 4.');
      expect((await refusal({ q: id }))).toBe('Answer a quiz question with one of its choices, 1 to 4.');
      expect((await refusal({ seed: -1 }))).toMatch(/seed: is a whole number from 0 to/);
    });
  });
});
