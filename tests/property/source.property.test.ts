/**
 * /source and /passage under any input: real ids, ids a little wrong (case, prefixes, suffixes, digits),
 * titles, cable numbers, injection strings and any Unicode. They reply, or refuse with a message,
 * within the bound, and every quote is verbatim.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCore, type Core } from '../../src/core.js';
import { adversarial, anyUnicode, CALL_BOUND_MS, INJECTIONS, runAndCheck, runs, timing } from './helpers.js';

export const SOURCE_CASES = 2200;
export const PASSAGE_CASES = 1600;

let core: Core;
let sourceIds: string[];
let passageIds: string[];
let titles: string[];
beforeAll(() => {
  core = loadCore();
  sourceIds = core.sources.list().map((entry) => entry.id);
  passageIds = core.corpus.passages.map((p) => p.id);
  titles = core.corpus.documents.map((d) => d.meta.title);
});

/** A known string, changed a little: case, cut, padded, digits added, injected. */
const mutated = (known: () => string[]) =>
  fc.tuple(fc.nat(), fc.constantFrom('same', 'upper', 'lower', 'cut', 'pad', 'digits', 'inject', 'spaces'), fc.string({ maxLength: 6 }), fc.constantFrom(...INJECTIONS)).map(
    ([i, how, extra, injection]) => {
      const all = known();
      const s = all[i % all.length] ?? '';
      switch (how) {
        case 'upper':
          return s.toUpperCase();
        case 'lower':
          return s.toLowerCase();
        case 'cut':
          return s.slice(0, Math.max(1, s.length - 1 - (i % 5)));
        case 'pad':
          return `${extra}${s}${extra}`;
        case 'digits':
          return `${s}${i % 1000}`;
        case 'inject':
          return `${injection} ${s}`;
        case 'spaces':
          return s.split('').join(' ');
        default:
          return s;
      }
    },
  );

describe('/source, under any input', () => {
  it(`replies or refuses with a message, within ${CALL_BOUND_MS} ms, quoting only verbatim, for ${SOURCE_CASES} generated ids`, async () => {
    const time = timing();
    const id = fc.oneof(
      { weight: 4, arbitrary: mutated(() => sourceIds) },
      { weight: 1, arbitrary: mutated(() => titles) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999_999 }).map((n) => `CDNW${n}`) },
      { weight: 2, arbitrary: anyUnicode },
      { weight: 2, arbitrary: adversarial },
      { weight: 1, arbitrary: fc.constant('') },
    );
    await fc.assert(
      fc.asyncProperty(id, async (value) => {
        await runAndCheck(core, 'source', { id: value }, time);
      }),
      runs(SOURCE_CASES),
    );
    expect(time.calls).toBe(SOURCE_CASES);
    console.info(`/source: ${time.calls} cases, slowest ${time.slowestMs.toFixed(1)} ms on ${time.slowestInput}`);
  });
});

describe('/passage, under any input', () => {
  it(`replies or refuses with a message, within ${CALL_BOUND_MS} ms, quoting only verbatim, for ${PASSAGE_CASES} generated ids`, async () => {
    const time = timing();
    const id = fc.oneof(
      { weight: 3, arbitrary: mutated(() => passageIds) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...core.corpus.documents.map((d) => d.meta.id)), fc.integer({ min: -5, max: 1_000_000 })).map(([doc, n]) => `${doc}#p${n}`) },
      { weight: 2, arbitrary: anyUnicode },
      { weight: 2, arbitrary: adversarial },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '#', '#p', '#p1', 'p1', '\u200b') },
    );
    await fc.assert(
      fc.asyncProperty(id, async (value) => {
        const reply = await runAndCheck(core, 'passage', { id: value }, time);
        if (reply) expect(reply.ok).toBe(true);
      }),
      runs(PASSAGE_CASES),
    );
    expect(time.calls).toBe(PASSAGE_CASES);
    console.info(`/passage: ${time.calls} cases, slowest ${time.slowestMs.toFixed(1)} ms on ${time.slowestInput}`);
  });

  it('shows every passage of the corpus, whole and verbatim, by its id', async () => {
    const time = timing();
    for (const id of passageIds) {
      const reply = await runAndCheck(core, 'passage', { id }, time);
      const quote = reply?.blocks.find((b) => b.type === 'quote');
      expect(quote?.type === 'quote' && quote.runs.map((r) => r.text).join('')).toBe(core.corpus.passageById.get(id)!.text);
    }
  });
});
