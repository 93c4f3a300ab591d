/**
 * Input limits, enforced in the core so every adapter inherits them: a length cap with a clear
 * message, control and zero-width characters stripped, empty input answered with help, typed
 * addresses never live, over-long raw input refused before it is cleaned, and non-option input refused.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { cleanInput, INPUT_LIMITS, LINK_BREAK, maxLengthOf } from '../../src/commands/limits.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import { anyUnicode, runs } from '../property/helpers.js';

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const run = (name: string, input: Record<string, unknown>) => runCommand(commands.get(name)!, input, core);
const refusal = async (name: string, input: unknown): Promise<BackchannelError> => {
  try {
    await runCommand(commands.get(name)!, input as Record<string, unknown>, core);
  } catch (error) {
    if (error instanceof BackchannelError) return error;
    throw error;
  }
  throw new Error(`/${name} accepted ${JSON.stringify(input).slice(0, 80)}`);
};

describe('input limits in the core', () => {
  describe('cleanInput', () => {
    it('strips control, zero-width, bidi and other invisible characters, and collapses white space', () => {
      expect(cleanInput('\u0000who\tWAS\n\n Lisa\u200b Ho\u00adward\u202e\u2066?\ufeff\u3164')).toBe('who WAS Lisa Howard?');
      expect(cleanInput('Ha\u200bva\u200dna')).toBe('Havana');
      expect(cleanInput('\ud800lone\udfffsurrogates')).toBe('lonesurrogates');
    });

    it('cuts stacks of combining marks back to three', () => {
      expect(cleanInput(`a${'\u0301'.repeat(50)}b`)).toBe(`a${'\u0301'.repeat(3)}b`);
      expect(cleanInput('café')).toBe('café');
    });

    it('breaks every typed scheme:// so that no reply can show it as a live link', () => {
      expect(cleanInput('see https://evil.example/x and HTTP://a.b')).toBe(`see https:${LINK_BREAK}//evil.example/x and HTTP:${LINK_BREAK}//a.b`);
    });

    it('leaves no control, format or unpaired surrogate character, never grows but for link breaks, and is idempotent, for any Unicode', () => {
      fc.assert(
        fc.property(anyUnicode, (text) => {
          const cleaned = cleanInput(text);
          const withoutBreaks = cleaned.replaceAll(LINK_BREAK, '');
          expect(withoutBreaks).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\u2028\u2029]/u);
          expect(cleaned).not.toMatch(/^\s|\s$|\s\s/);
          expect(withoutBreaks.length).toBeLessThanOrEqual(text.length);
          expect(cleanInput(cleaned)).toBe(cleaned);
        }),
        runs(1000),
      );
    });
  });

  describe('length caps', () => {
    it('reads each option’s cap from its own schema', () => {
      expect(maxLengthOf(commands.get('ask')!.options.shape.question)).toBe(INPUT_LIMITS.questionChars);
      expect(maxLengthOf(commands.get('timeline')!.options.shape.period)).toBe(INPUT_LIMITS.idChars);
      expect(maxLengthOf(commands.get('source')!.options.shape.id)).toBe(INPUT_LIMITS.idChars);
      expect(maxLengthOf(commands.get('passage')!.options.shape.id)).toBe(INPUT_LIMITS.idChars);
    });

    it('refuses a question over the cap, naming the option and the cap', async () => {
      const error = await refusal('ask', { question: 'Castro '.repeat(80) });
      expect(error.code).toBe('BAD_INPUT');
      expect(error.userMessage).toBe('That input to /ask could not be used — question: is too long: at most 500 characters, please.');
    });

    it('counts the cleaned text, so invisible padding does not count against the cap', async () => {
      const reply = await run('ask', { question: `${'\u200b'.repeat(3000)}who was Lisa Howard` });
      expect(reply.ok).toBe(true);
    });

    it('refuses raw text over the raw cap at once, with the same clear message, however it would clean', async () => {
      for (const question of ['\u200b'.repeat(INPUT_LIMITS.rawChars + 1), 'a'.repeat(1_000_000)]) {
        const started = performance.now();
        const error = await refusal('ask', { question });
        // Refused before any cleaning: a pass over a million characters with a pathological pattern would take minutes.
        expect(performance.now() - started).toBeLessThan(500);
        expect(error.userMessage).toMatch(/question: is too long: at most 500 characters, please/);
      }
      expect((await refusal('timeline', { period: ' '.repeat(10_000) })).userMessage).toMatch(/period: is too long: at most 100 characters/);
      expect((await refusal('source', { id: 'x'.repeat(10_000) })).userMessage).toMatch(/id: is too long: at most 100 characters/);
      expect((await refusal('passage', { id: 'x'.repeat(10_000) })).userMessage).toMatch(/id: is too long: at most 100 characters/);
    });

    it('refuses ids and periods over 100 characters', async () => {
      expect((await refusal('source', { id: 'C'.repeat(101) })).userMessage).toMatch(/id: is too long/);
      expect((await refusal('passage', { id: 'p'.repeat(101) })).userMessage).toMatch(/id: is/);
      expect((await refusal('timeline', { period: '1'.repeat(101) })).userMessage).toMatch(/period: is too long/);
    });
  });

  describe('empty and odd input', () => {
    it('answers an empty or blank question, or one of only invisible characters, with the help text', async () => {
      for (const question of ['', '   ', '\n\t', '\u200b\u200d\ufeff', '\u0000\u0007']) {
        const reply = await run('ask', { question });
        expect(reply.ok).toBe(false);
        expect(reply.blocks[0]).toMatchObject({ type: 'notice', text: expect.stringContaining('Ask a question after /ask') });
        expect(reply.blocks.some((b) => b.type === 'heading' && b.text.startsWith('Backchannel answers only by quoting'))).toBe(true);
      }
    });

    it('refuses a missing question with a message saying how to ask', async () => {
      expect((await refusal('ask', {})).userMessage).toMatch(/question: is missing: ask a question/);
    });

    it('refuses an empty passage id as required', async () => {
      expect((await refusal('passage', { id: ' \u200b ' })).userMessage).toMatch(/id: is required/);
    });

    it('refuses pages that are not whole numbers from 1 to 50', async () => {
      for (const page of [0, -1, 51, 2.5, 'two', Number.NaN, Number.POSITIVE_INFINITY, {}, []]) {
        expect((await refusal('ask', { question: 'Castro', page })).userMessage).toMatch(/page: /);
        expect((await refusal('timeline', { period: '1963', page })).userMessage).toMatch(/page: /);
      }
    });

    it('refuses input that is not a set of options, and options of the wrong type', async () => {
      for (const input of [null, 'who was Lisa Howard', 42, ['question']]) expect((await refusal('ask', input)).userMessage).toMatch(/input: is not a set of options/);
      expect((await refusal('ask', { question: ['who'] })).code).toBe('BAD_INPUT');
      expect((await refusal('source', { id: { toString: () => 'x' } })).code).toBe('BAD_INPUT');
    });

    it('ignores options a command does not have, including prototype keys', async () => {
      const input = JSON.parse('{"question":"who was Lisa Howard","__proto__":{"admin":true},"constructor":1,"extra":"x"}') as Record<string, unknown>;
      expect((await run('ask', input)).ok).toBe(true);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  });

  describe('what a refusal says', () => {
    it('never echoes the refused text back', async () => {
      const secret = 'hunter2-the-refused-text';
      const error = await refusal('ask', { question: `${secret} `.repeat(40) });
      expect(error.userMessage).not.toContain(secret);
    });
  });
});
