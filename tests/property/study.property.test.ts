/**
 * /who, /cite and /quiz under any input: names and ids a little wrong, corpus words, injection strings,
 * any Unicode, forged quiz buttons. They reply, or refuse with a message, within the bound, and every
 * quote is verbatim.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCore, type Core } from '../../src/core.js';
import { peopleOf } from '../../src/people/index.js';
import { bankOf } from '../../src/quiz/reply.js';
import { adversarial, anyUnicode, CALL_BOUND_MS, corpusWords, INJECTIONS, runAndCheck, runs, timing } from './helpers.js';

const CASES = 600;

let core: Core;
let names: string[];
let words: string[];
let passageIds: string[];
let questionIds: string[];
beforeAll(() => {
  core = loadCore();
  names = peopleOf(core).people.flatMap((p) => p.forms.map((f) => f.form));
  words = corpusWords(core, 500);
  passageIds = core.corpus.passages.map((p) => p.id);
  questionIds = bankOf(core).questions.map((q) => q.id);
});

/** A known string, a little changed: case, a letter dropped or doubled, injected. */
const nearly = (known: () => string[]) =>
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('same', 'lower', 'drop', 'double', 'inject'), fc.constantFrom(...INJECTIONS)).map(([i, j, how, injection]) => {
    const all = known();
    const s = all[i % all.length] ?? '';
    const at = s.length ? j % s.length : 0;
    if (how === 'lower') return s.toLowerCase();
    if (how === 'drop') return s.slice(0, at) + s.slice(at + 1);
    if (how === 'double') return s.slice(0, at) + s[at] + s.slice(at);
    if (how === 'inject') return `${s} ${injection}`;
    return s;
  });

const noise = fc.oneof({ weight: 2, arbitrary: anyUnicode }, { weight: 2, arbitrary: adversarial }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '’s', '.', '\u200b') });

describe('/who, /cite and /quiz, under any input', () => {
  it(`reply or refuse with a message within ${CALL_BOUND_MS} ms, for ${CASES} names each`, async () => {
    const time = timing();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: nearly(() => names) }, { weight: 1, arbitrary: fc.constantFrom(...words) }, { weight: 2, arbitrary: noise }), async (name) => {
        await runAndCheck(core, 'who', { name }, time);
      }),
      runs(CASES),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: nearly(() => passageIds) }, { weight: 2, arbitrary: noise }),
        fc.option(fc.oneof(fc.integer({ min: -3, max: 40 }), fc.string({ maxLength: 5 }))),
        fc.constantFrom('chicago', 'bibtex', 'mla', undefined),
        async (id, sentence, format) => {
          await runAndCheck(core, 'cite', { id, ...(sentence === null ? {} : { sentence }), ...(format ? { format } : {}) }, time);
        },
      ),
      runs(CASES),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: nearly(() => questionIds) }, { weight: 1, arbitrary: noise }),
        fc.oneof(fc.integer({ min: -2, max: 6 }), fc.string({ maxLength: 3 })),
        fc.oneof({ weight: 2, arbitrary: fc.constantFrom('', '1963', '1962-10', 'Donovan', '3000', '1960s Attwood') }, { weight: 1, arbitrary: noise }),
        fc.option(fc.integer({ min: -5, max: 2 ** 32 })),
        async (q, choice, about, seed) => {
          await runAndCheck(core, 'quiz', { q, choice }, time);
          await runAndCheck(core, 'quiz', { about, ...(seed === null ? {} : { seed }) }, time);
        },
      ),
      runs(CASES),
    );
    expect(time.calls).toBe(CASES * 4);
    console.info(`/who, /cite, /quiz: ${time.calls} cases, slowest ${time.slowestMs.toFixed(1)} ms on ${time.slowestInput.slice(0, 80)}`);
  });
});
