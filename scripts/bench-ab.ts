/**
 * `npm run bench:ab -- OTHER`: this build's ask latency against another build's, both loaded in one
 * process and asked in turn, so that a busy machine slows both alike (the figures of two `npm run
 * bench` runs differ by more than most changes do). OTHER is a checkout of another commit, built:
 *
 *   git worktree add ../base <commit> && (cd ../base && npm ci && npm run build)
 *   npm run bench:ab -- ../base
 *
 * Times the development questions on each build's own bundled corpus, then the 16 JFK queries on the
 * 107 MB corpus when `npm run bench -- --sizes all` has written it under `.cache/` (both builds read
 * the index saved there; one the other build cannot read is rebuilt, once).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from './repo.js';
import { readQuestions } from './eval-questions.js';
import { JFK_QUERIES } from './jfk-queries.js';

/** One build's `ask`, over a corpus loaded once. */
type Ask = (question: string) => unknown;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '25' } } });
const rounds = Number(values.rounds);
if (positionals.length !== 1 || !(Number.isInteger(rounds) && rounds > 0)) fail('usage: npm run bench:ab -- OTHER_CHECKOUT [--rounds N]');
const root = repoRoot();
const builds = { this: root, other: resolve(positionals[0]!) };
for (const dir of Object.values(builds)) if (!existsSync(join(dir, 'dist', 'src', 'core.js'))) fail(`${dir}: no build there (dist/src/core.js); run npm run build in it`);

const seed = readQuestions(join(root, 'data', 'eval', 'questions.jsonl')).map((q) => q.q);
await compare('seed, development questions', seed, 100, undefined);
const jfk = join(root, '.cache', 'jfk-all');
if (existsSync(join(jfk, '.complete'))) await compare('JFK 107 MB, 16 queries', JFK_QUERIES, 3, jfk);
else console.log(`JFK 107 MB: skipped (no ${jfk}; npm run bench -- --sizes all writes it)`);

async function compare(label: string, questions: readonly string[], warm: number, corpusDir: string | undefined): Promise<void> {
  const a = await loadAsk(builds.this, corpusDir);
  const b = await loadAsk(builds.other, corpusDir);
  for (let r = 0; r < warm; r++) {
    for (const q of questions) {
      a(q);
      b(q);
    }
  }
  const times: [number[], number[]] = [[], []];
  // Which build is asked first alternates from round to round: the first of a pair runs measurably slower.
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      if (r % 2 === 0) {
        times[0].push(timed(a, q));
        times[1].push(timed(b, q));
      } else {
        times[1].push(timed(b, q));
        times[0].push(timed(a, q));
      }
    }
  }
  const [mine, theirs] = times.map((t) => `p50 ${percentile(t, 0.5).toFixed(3)} ms, p99 ${percentile(t, 0.99).toFixed(3)} ms`);
  console.log(`${label} (${rounds} rounds, asked in turn): this build ${mine}; ${builds.other} ${theirs}`);
}

async function loadAsk(dir: string, corpusDir: string | undefined): Promise<Ask> {
  const { loadCore } = (await import(pathToFileURL(join(dir, 'dist', 'src', 'core.js')).href)) as { loadCore: (options?: object) => unknown };
  const { ask } = (await import(pathToFileURL(join(dir, 'dist', 'src', 'answer', 'ask.js')).href)) as { ask: (core: unknown, question: string) => unknown };
  const core = loadCore(corpusDir ? { corpusDir, cache: { dir: join(root, '.cache', 'bench-index') } } : {});
  return (question) => ask(core, question);
}

function timed(ask: Ask, question: string): number {
  const start = process.hrtime.bigint();
  ask(question);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(times: number[], at: number): number {
  const sorted = [...times].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * at))]!;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
