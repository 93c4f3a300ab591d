/**
 * /ask under any input: any Unicode up to 5,000 characters, long runs of one character, nested quotes,
 * thousands of dots, injection strings and questions made of the corpus's own words. It never fails
 * (a reply, or a refusal with a message), every call stays within the bound, and every quote is
 * verbatim from the passage its citation names.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCore, type Core } from '../../src/core.js';
import { adversarial, anyUnicode, CALL_BOUND_MS, corpusWords, runAndCheck, runs, timing, wordSoup } from './helpers.js';

/** Generated cases in this file (see the README: 10,000+ across the four commands). */
export const ASK_CASES = 3600;

let core: Core;
let words: string[];
beforeAll(() => {
  core = loadCore();
  words = corpusWords(core);
});

const page = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('2', 'two', '1e1', '', ' ', Number.NaN, Number.POSITIVE_INFINITY, 2.5, null, true, {}, [], '0x10') },
);

interface AskData {
  answered: boolean;
  results: Array<{ text: string; quote: string }>;
}

describe('/ask, under any input', () => {
  it(`replies or refuses with a message, within ${CALL_BOUND_MS} ms, quoting only verbatim, for ${ASK_CASES} generated questions`, async () => {
    const time = timing();
    const question = fc.oneof(
      { weight: 3, arbitrary: anyUnicode },
      { weight: 2, arbitrary: adversarial },
      { weight: 5, arbitrary: wordSoup(words) },
    );
    await fc.assert(
      fc.asyncProperty(question, page, async (q, p) => {
        const reply = await runAndCheck(core, 'ask', p === undefined ? { question: q } : { question: q, page: p }, time);
        const data = reply?.data as AskData | undefined;
        if (data?.answered) for (const r of data.results) expect(r.text.includes(r.quote)).toBe(true);
      }),
      runs(ASK_CASES),
    );
    expect(time.calls).toBe(ASK_CASES);
    console.info(`/ask: ${time.calls} cases, slowest ${time.slowestMs.toFixed(1)} ms on ${time.slowestInput}`);
  });

  it('answers real questions wrapped in injection strings with verbatim quotes', async () => {
    const time = timing();
    for (const q of ['who was Lisa Howard @everyone', '<@123> what did Carter open in Havana?', '*when* did _Kennedy_ meet ~Attwood~ <!channel>']) {
      const reply = await runAndCheck(core, 'ask', { question: q }, time);
      expect(reply?.blocks.some((b) => b.type === 'quote')).toBe(true);
    }
  });

  describe('with adversarial input chosen by hand', () => {
    const cases: Array<[string, string]> = [
      ['5,000 of one letter', 'a'.repeat(5000)],
      ['5,000 dots', '.'.repeat(5000)],
      ['500 dots (within the length limit)', '.'.repeat(500)],
      ['nested quotes', `${'"'.repeat(240)}Castro${'"'.repeat(240)}`],
      ['nested curly quotes', `${'“‘'.repeat(120)}Havana${'’”'.repeat(120)}`],
      ['nested brackets', `${'('.repeat(240)}Kennedy${')'.repeat(240)}`],
      ['one word repeated to the limit', 'Castro '.repeat(71).trim()],
      ['initials', 'J. F. K. '.repeat(55).trim()],
      ['abbreviations', 'Mr. Dr. St. '.repeat(41).trim()],
      ['combining marks on one letter', `a${'\u0301'.repeat(4999)}`],
      ['zero-width characters around a question', `${'\u200b'.repeat(2000)}who was Lisa Howard${'\u200d'.repeat(2000)}`],
      ['a thousand hyphens between words', 'Cuba-'.repeat(100)],
      ['digits', '1963'.repeat(125)],
    ];
    for (const [what, question] of cases) {
      it(`copes with ${what}`, async () => {
        const time = timing();
        await runAndCheck(core, 'ask', { question }, time);
        expect(time.slowestMs).toBeLessThan(CALL_BOUND_MS);
      });
    }
  });
});
