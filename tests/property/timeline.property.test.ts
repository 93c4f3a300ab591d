/**
 * /timeline under any input: periods well and badly formed (years of any length, months by name and
 * number, days, decades, ranges forwards and backwards, every separator), topics, and any Unicode.
 * It replies or refuses with a message, within the bound, and every quoted event is verbatim.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import { adversarial, anyUnicode, CALL_BOUND_MS, corpusWords, INJECTIONS, runAndCheck, runs, timing } from './helpers.js';

export const TIMELINE_CASES = 3000;

let core: Core;
let words: string[];
beforeAll(() => {
  core = loadCore();
  words = corpusWords(core, 800);
});

const year = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1955, max: 2020 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')) },
  { weight: 1, arbitrary: fc.constantFrom('0000', '9999', '1e3', '-1963', '19633', '196', '1963.5') },
);
const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const monthName = fc.constantFrom('January', 'Feb', 'Feb.', 'march', 'APRIL', 'Sept', 'Sep.', 'Nov', 'November', 'Dec', 'Ja', 'Movember', 'Juneteenth');
const point = fc.oneof(
  year,
  fc.tuple(year, two).map(([y, m]) => `${y}-${m}`),
  fc.tuple(year, two, two).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(monthName, year).map(([m, y]) => `${m} ${y}`),
  fc.tuple(monthName, fc.integer({ min: 0, max: 40 }), year).map(([m, d, y]) => `${m} ${d}, ${y}`),
  fc.integer({ min: 0, max: 999 }).map((d) => `${d}0s`),
  fc.constantFrom('all', 'ALL', 'the 1960s', 'sixties'),
);
const separator = fc.constantFrom('-', '–', '—', '..', ' to ', ' through ', ' until ', '/', ' ', '--', ' - ', '');
const topic = fc.oneof(fc.constant(''), fc.constantFrom(...INJECTIONS), fc.array(fc.constantFrom('Attwood', 'Castro', 'Howard', 'talks', 'Havana'), { maxLength: 4 }).map((w) => w.join(' ')));

const periods = () =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(point, fc.option(fc.tuple(separator, point)), topic).map(([a, range, t]) => `${a}${range ? range[0] + range[1] : ''}${t ? ` ${t}` : ''}`) },
    { weight: 2, arbitrary: anyUnicode },
    { weight: 2, arbitrary: adversarial },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((w) => w.join(' ')) },
  );

describe('/timeline, under any input', () => {
  it(`replies or refuses with a message, within ${CALL_BOUND_MS} ms, quoting only verbatim, for ${TIMELINE_CASES} generated periods`, async () => {
    const time = timing();
    const page = fc.option(fc.oneof(fc.integer({ min: -2, max: 60 }), fc.constantFrom<unknown>('2', 'x', null, 1.5)), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(periods(), page, async (p, pg) => {
        await runAndCheck(core, 'timeline', pg === undefined ? { period: p } : { period: p, page: pg }, time);
      }),
      runs(TIMELINE_CASES),
    );
    expect(time.calls).toBe(TIMELINE_CASES);
    console.info(`/timeline: ${time.calls} cases, slowest ${time.slowestMs.toFixed(1)} ms on ${time.slowestInput}`);
  });

  describe('validates ranges in the core', () => {
    const refusal = async (period: string): Promise<string> => {
      const reply = await runAndCheck(core, 'timeline', { period }, timing());
      const notice = reply?.blocks.find((b) => b.type === 'notice');
      return reply?.ok === false && notice?.type === 'notice' ? notice.text : '';
    };

    it('refuses a range that runs backwards, saying which way it should run', async () => {
      expect((await refusal('2015-1959'))).toMatch(/runs backwards: did you mean 1959–2015\?/);
    });

    it('refuses an impossible month or day', async () => {
      expect((await refusal('1963-13'))).toMatch(/no month 13/);
      expect((await refusal('1963-02-30'))).toMatch(/not a day of the calendar/);
    });

    it('refuses a year not written with four digits', async () => {
      expect((await refusal('63'))).toMatch(/not a year/);
    });

    it('refuses a period longer than the limit before parsing it', async () => {
      await expect(runCommand(commands.get('timeline')!, { period: '1963 '.repeat(30) }, core)).rejects.toThrow(/period: is too long: at most 100 characters/);
      await expect(runCommand(commands.get('timeline')!, { period: '1963 '.repeat(2000) }, core)).rejects.toThrow(BackchannelError);
    });
  });
});
