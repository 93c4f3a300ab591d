/**
 * Shared pieces of the property tests: input generators (any Unicode, long runs, nested quotes,
 * mention and markup injection, corpus words), the invariants every reply must keep, and a runner
 * that times every call against a fixed bound.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';
import { runCommand } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import type { Core } from '../../src/core.js';
import { isBackchannelError } from '../../src/errors.js';
import type { Block, Citation, Reply } from '../../src/reply/model.js';

/** No single call may take longer than this: a correctness bound for pathological regular expressions, not a benchmark. */
export const CALL_BOUND_MS = 1000;

/** The longest input the properties generate, in characters. */
export const MAX_INPUT = 5000;

/** fast-check settings: a seed from FC_SEED replays a failure; otherwise fast-check picks one and prints it on failure. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  return { numRuns, ...(seed !== undefined ? { seed } : {}), endOnFailure: true };
}

/** Strings that try to ping, mention, link or format on Discord or Slack. */
export const INJECTIONS = [
  '@everyone',
  '@here',
  '<@123>',
  '<@!123>',
  '<@&456>',
  '<#789>',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S123>',
  '<https://evil.example|click>',
  '<https://evil.example>',
  '[click](https://evil.example)',
  'https://evil.example/x',
  '*bold*',
  '_italic_',
  '~strike~',
  '~~strike~~',
  '`code`',
  '```block```',
  '||spoiler||',
  '> quote',
  '# heading',
  '-# small',
  '&amp;',
  '&lt;',
  '\\',
];

/** Characters and pieces that stress regular expressions when repeated. */
const RUN_UNITS = ['.', '"', '“', '”', "'", '‘', '(', ')', '[', '*', '_', '-', '–', 'a', 'A', '1', '9', ' ', '\t', '\n', '?', '!', ',', '…', 'é', '\u200b', '\u0301', '#', '@', ':', '/', '1963', '1963-', 'to ', 'Nov ', '. ', 'Mr. ', 'a. ', '"a ', '(a '];

/** A long run of one unit, possibly wrapped in nested quotes or brackets. */
export const adversarial: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...RUN_UNITS), fc.integer({ min: 1, max: MAX_INPUT })).map(([unit, n]) => unit.repeat(Math.max(1, Math.floor(n / unit.length)))),
  fc.tuple(fc.constantFrom('"', '“', '‘', "'", '(', '[', '«'), fc.integer({ min: 1, max: 2400 }), fc.string({ maxLength: 20 })).map(
    ([open, n, inner]) => `${open.repeat(n)}${inner}${(open === '(' ? ')' : open === '[' ? ']' : open === '«' ? '»' : open).repeat(n)}`,
  ),
  fc.tuple(fc.integer({ min: 1, max: 1200 }), fc.constantFrom('a.', 'A. ', '1.', '..', '. . ', 'Mr. ', 'e.g. ')).map(([n, unit]) => unit.repeat(n)),
  fc.tuple(fc.constantFrom(...RUN_UNITS), fc.constantFrom(...RUN_UNITS), fc.integer({ min: 1, max: 2400 })).map(([a, b, n]) => (a + b).repeat(n).slice(0, MAX_INPUT)),
);

/** Any Unicode: whole code points (astral ones too), lone surrogates, controls and invisibles. */
export const anyUnicode: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: MAX_INPUT, size: 'max' }),
  fc.string({ unit: 'binary', maxLength: 600 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc
    .array(fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.constantFrom(0x200b, 0x200d, 0x202e, 0x2066, 0xfeff, 0xad, 0x2028, 0x3164, 0x7f), fc.integer({ min: 0x20, max: 0x7e })), { maxLength: 800 })
    .map((codes) => String.fromCharCode(...codes)),
);

/** Words of the corpus, so that questions reach deep into search and quoting. */
export function corpusWords(core: Core, max = 3000): string[] {
  const words = new Set<string>();
  for (const passage of core.corpus.passages) {
    for (const word of passage.text.split(/\s+/)) {
      if (word.length > 0 && word.length < 30) words.add(word);
      if (words.size >= max) return [...words];
    }
  }
  return [...words];
}

/** Questions made of corpus words, question words, injections and noise, up to the full input length. */
export function wordSoup(words: readonly string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...words) },
    { weight: 3, arbitrary: fc.constantFrom('who', 'what', 'when', 'where', 'why', 'how', 'many', 'did', 'was', 'the', 'said', 'Castro', 'Kennedy', 'Havana', 'Cuba', '1963', '?') },
    { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  );
  return fc.oneof(
    fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' ')),
    fc.array(piece, { minLength: 1, maxLength: 90 }).map((parts) => parts.join(' ')),
    fc.array(piece, { minLength: 1, maxLength: 900 }).map((parts) => parts.join(' ').slice(0, MAX_INPUT)),
  );
}

/** What every run recorded, for the summary and the bound. */
export interface Timing {
  calls: number;
  slowestMs: number;
  slowestInput: string;
}

export function timing(): Timing {
  return { calls: 0, slowestMs: 0, slowestInput: '' };
}

const textOf = (runs: ReadonlyArray<{ text: string }>) => runs.map((r) => r.text).join('');

/**
 * Runs a command as an adapter would and checks what comes back. It must return a reply or refuse
 * with a `BackchannelError` carrying a message for people; any other throw fails the property. Every
 * quote must be a verbatim substring of the passage its citation names; both platforms must render
 * the reply. The call is timed (command and both renderings) against `CALL_BOUND_MS`.
 */
export async function runAndCheck(core: Core, name: string, input: Record<string, unknown>, time: Timing): Promise<Reply | null> {
  const definition = commands.get(name)!;
  const started = performance.now();
  let reply: Reply | null = null;
  try {
    reply = await runCommand(definition, input, core);
  } catch (error) {
    if (!isBackchannelError(error) || !['BAD_INPUT', 'NOT_FOUND'].includes(error.code)) throw error;
    expect(error.userMessage.length).toBeGreaterThan(0);
  }
  if (reply) {
    renderDiscord(reply);
    renderSlack(reply);
  }
  const elapsed = performance.now() - started;
  time.calls += 1;
  if (elapsed > time.slowestMs) {
    time.slowestMs = elapsed;
    time.slowestInput = JSON.stringify(input).slice(0, 200);
  }
  if (elapsed > CALL_BOUND_MS) throw new Error(`/${name} took ${Math.round(elapsed)} ms (bound ${CALL_BOUND_MS} ms) on ${JSON.stringify(input).slice(0, 300)}`);
  if (reply) checkReply(core, reply);
  return reply;
}

/** The reply's invariants: well-formed blocks, numbered citations, and verbatim quotes. */
export function checkReply(core: Core, reply: Reply): void {
  expect(Array.isArray(reply.blocks)).toBe(true);
  expect(typeof reply.ok).toBe('boolean');
  const citations = new Map<number, Citation>();
  for (const block of reply.blocks) if (block.type === 'citations') for (const c of block.items) citations.set(c.n, c);
  for (const block of reply.blocks) {
    if (block.type !== 'quote') continue;
    const quote = textOf(block.runs);
    const citation = citations.get(block.citation);
    if (!citation) throw new Error(`quote [${block.citation}] has no citation`);
    const passage = core.corpus.passageById.get(citation.passageId);
    if (!passage) throw new Error(`citation [${citation.n}] names no passage: ${citation.passageId}`);
    if (!passage.text.includes(quote)) throw new Error(`quote [${block.citation}] is not verbatim from ${citation.passageId}: ${JSON.stringify(quote.slice(0, 120))}`);
    expect(quote.length).toBeGreaterThan(0);
  }
  for (const block of reply.blocks as Block[]) {
    if (block.type === 'also') for (const c of block.items) expect(core.corpus.passageById.has(c.passageId)).toBe(true);
  }
  // The `--json` data must serialise.
  JSON.stringify(reply.data);
}
