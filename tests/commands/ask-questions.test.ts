import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import type { Block } from '../../src/reply/model.js';

const core = loadCore();
const run = (question: string) => runCommand(commands.get('ask')!, { question }, core);
const noticeOf = (blocks: Block[]) => blocks.find((b) => b.type === 'notice') as { text: string } | undefined;

describe('/ask reads the question', () => {
  describe('its answer type and period, in --json', () => {
    it('gives question { type, period } and the answer’s offsets in the quote', async () => {
      const data = (await run('When did Castro open the port at Mariel Harbor?')).data as {
        question: { type: string; period: unknown };
        results: Array<{ quote: string; answer: { start: number; end: number; text: string } | null }>;
      };
      expect(data.question).toEqual({ type: 'date', period: null });
      const first = data.results[0]!;
      expect(first.answer).toEqual({ start: first.quote.indexOf('April 1980'), end: first.quote.indexOf('April 1980') + 10, text: 'April 1980' });
    });

    it('gives the period as days and the words that asked for it', async () => {
      const data = (await run('what did Kissinger do in 1976?')).data as { question: { period: unknown } };
      expect(data.question.period).toEqual({ from: '1976-01-01', to: '1976-12-31', text: '1976' });
    });
  });

  describe('answers a stray word and a frame without refusing', () => {
    it('answers "who was Lisa Howard really bold" as it answers "who was Lisa Howard"', async () => {
      const stray = await run('who was Lisa Howard really bold');
      expect(stray.ok).toBe(true);
      expect((stray.data as { results: Array<{ quote: string }> }).results[0]!.quote).toContain('Lisa Howard');
    });
  });

  describe('bad input gets a clear reply, never a crash', () => {
    it('says a question of stop words has nothing to search for', async () => {
      const reply = await run('what is the of and?');
      expect(reply.ok).toBe(false);
      expect(noticeOf(reply.blocks)?.text).toMatch(/no words to search for/);
    });

    it('answers a greeting or thanks alone with what it can be asked, not as a question of no words', async () => {
      for (const message of ['hi', 'thanks!', 'Hello :)', 'ok thx']) {
        const reply = await run(message);
        expect(reply.ok, message).toBe(false);
        expect(noticeOf(reply.blocks)?.text, message).toBe('Ask about a person, an event or a date of US–Cuba back-channel diplomacy, 1959–2015, such as “who was Lisa Howard?”, and the documents are quoted in answer.');
      }
    });

    it('asks for the name when the question only points back to an earlier one', async () => {
      for (const [message, word] of [['who was he', 'he'], ['What did They do?', 'they'], ['tell me more about that', 'that']] as const) {
        const reply = await run(message);
        expect(reply.ok, message).toBe(false);
        expect(noticeOf(reply.blocks)?.text, message).toBe(`Each question is read on its own, so “${word}” names no one here. Ask again with the name, such as “who was William Attwood?”.`);
      }
    });

    it('says punctuation alone has nothing to search for', async () => {
      const reply = await run('?!?... ,;');
      expect(reply.ok).toBe(false);
      expect(noticeOf(reply.blocks)?.text).toMatch(/no words to search for/);
    });

    it('says a year outside any document cannot be told of', async () => {
      const reply = await run('what happened in 3000');
      expect(reply.ok).toBe(false);
      expect(noticeOf(reply.blocks)?.text).toMatch(/^3000 is not a year any document can tell of/);
    });

    it('says a reversed range runs backwards, and what was meant', async () => {
      expect(noticeOf((await run('what happened from 1980 to 1970')).blocks)?.text).toMatch(/runs backwards: did you mean 1970–1980\?/);
    });

    it('says when no document dates anything in the period', async () => {
      expect(noticeOf((await run('what happened in 1985')).blocks)?.text).toMatch(/doesn't say what happened in 1985/);
    });

    it('refuses a 5,000-character question with the length limit, naming it', async () => {
      await expect(run('who was Lisa Howard '.repeat(250))).rejects.toThrow(BackchannelError);
      try {
        await run('x'.repeat(5_000));
      } catch (error) {
        expect((error as BackchannelError).userMessage).toMatch(/too long/);
      }
    });
  });

  describe('near the topic but not answered', () => {
    it('says the corpus doesn’t say and quotes the nearest passages as not answering', async () => {
      const reply = await run('how much sugar did Cuba sell to the Soviet Union each year?');
      expect(reply.ok).toBe(false);
      expect(noticeOf(reply.blocks)?.text).toMatch(/doesn't say/);
      expect(reply.blocks).toContainEqual({ type: 'text', runs: [{ text: 'Nearest passages, which do not answer it:' }] });
      expect(reply.blocks.filter((b) => b.type === 'quote')).toHaveLength(3);
      expect((reply.data as { nearest: unknown[] }).nearest).toHaveLength(3);
    });

    it('quotes nothing for a question far from the topic', async () => {
      const reply = await run('how do I bake sourdough bread');
      expect(reply.blocks.some((b) => b.type === 'quote')).toBe(false);
    });
  });
});
