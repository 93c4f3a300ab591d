/**
 * The PostgreSQL backend on the JFK 2025 release (`../shared/scale`, written as a corpus directory by
 * jfk-corpus.ts): the corpus loaded into the database in one transaction (timed), then the archive's
 * questions asked as the bot asks them — `answer()` over `PostgresRetriever`, the replica's core
 * loaded from its saved index (its lexicon expands the questions) — by 1 and by 2 replicas at once,
 * each its own process and pool, p50/p99. `npm run bench` runs it on the largest size it measured
 * when a database answers (see eval-postgres.ts), and says why it skipped it otherwise.
 *
 *   npm run bench:postgres -- [--mb 10|50|all] [--reps 5]   # alone (builds the saved index if need be)
 *
 * Schema `<DATABASE_SCHEMA or backchannel_eval>_jfk`. Last line (alone): one JSON object.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PostgresSearch } from '../adapters/postgres/index.js';
import { PostgresRetriever } from '../adapters/postgres/retriever.js';
import { askThrough } from '../src/answer/ask.js';
import { loadCore } from '../src/core.js';
import { EVAL_SCHEMA, openEvalDatabase } from './eval-postgres.js';
import { writeJfkCorpus } from './jfk-corpus.js';
import { JFK_QUERIES } from './jfk-queries.js';
import { repoRoot } from './repo.js';

const SCHEMA = `${EVAL_SCHEMA}_jfk`;

export interface PostgresBench {
  passages: number;
  words: number;
  /** Writing the corpus into the database, in one transaction, s. */
  load_s: number;
  one: { n: number; p50_ms: number; p99_ms: number };
  two: { n: number; p50_ms: number; p99_ms: number };
}

const pick = (times: number[], q: number) => Number([...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.max(0, Math.ceil(q * times.length) - 1))]!.toFixed(2));

/**
 * Loads the corpus of `corpusDir` (from its saved index in `cacheDir`) into the database, then asks
 * the questions `reps` times by 1 and by 2 replicas. A string when no database answers: why.
 */
export async function benchPostgres(options: { corpusDir: string; cacheDir: string; reps: number }): Promise<PostgresBench | string> {
  const search = await openEvalDatabase({ schema: SCHEMA });
  if (typeof search === 'string') return search;
  let loaded;
  try {
    const core = loadCore({ corpusDir: options.corpusDir, cache: { dir: options.cacheDir } });
    loaded = await search.replaceCorpus(core.corpus);
  } finally {
    await search.close();
  }
  const one = (await replicas(1, options)).flat();
  const two = (await replicas(2, options)).flat();
  const latency = (times: number[]) => ({ n: times.length, p50_ms: pick(times, 0.5), p99_ms: pick(times, 0.99) });
  return { passages: loaded.passages, words: loaded.words, load_s: Number((loaded.ms / 1000).toFixed(1)), one: latency(one), two: latency(two) };
}

/** `n` replica processes at once, each asking every question `reps` times; the latency of each ask. */
function replicas(n: number, options: { corpusDir: string; cacheDir: string; reps: number }): Promise<number[][]> {
  const self = fileURLToPath(import.meta.url);
  const args = ['--replica', '--corpus', options.corpusDir, '--cache', options.cacheDir, '--reps', String(options.reps)];
  return Promise.all(
    Array.from({ length: n }, () => {
      const child = fork(self, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new Promise<number[]>((resolve, reject) => {
        child.once('message', (times) => resolve(times as number[]));
        child.once('exit', (code) => (code ? reject(new Error(`a replica exited with ${code}`)) : undefined));
      });
    }),
  );
}

/** One replica: its core from the saved index, its own pool; every question once untimed, then `reps` times. */
async function replica(corpusDir: string, cacheDir: string, reps: number): Promise<number[]> {
  const core = loadCore({ corpusDir, cache: { dir: cacheDir } });
  const search = (await openEvalDatabase({ schema: SCHEMA, poolSize: 4 })) as PostgresSearch;
  try {
    const retriever = new PostgresRetriever(search, { core: () => core });
    for (const q of JFK_QUERIES) await askThrough(core, retriever, q); // warm
    const times: number[] = [];
    for (let r = 0; r < reps; r += 1)
      for (const q of JFK_QUERIES) {
        const started = performance.now();
        await askThrough(core, retriever, q);
        times.push(performance.now() - started);
      }
    return times;
  } finally {
    await search.close();
  }
}

/** The figures as `npm run bench` prints them. */
export function postgresLines(label: string, figures: PostgresBench): string[] {
  return [
    `PostgreSQL, JFK ${label}: ${figures.passages} passages, ${figures.words} words; load into the database ${figures.load_s} s (one transaction)`,
    `  ask through answer(): 1 replica p50 ${figures.one.p50_ms} ms, p99 ${figures.one.p99_ms} ms (${figures.one.n} asks); 2 replicas at once p50 ${figures.two.p50_ms} ms, p99 ${figures.two.p99_ms} ms (${figures.two.n} asks)`,
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { mb: { type: 'string', default: '10' }, reps: { type: 'string', default: '5' }, replica: { type: 'boolean', default: false }, corpus: { type: 'string' }, cache: { type: 'string' } },
  });
  if (values.replica) {
    process.send?.(await replica(values.corpus!, values.cache!, Number(values.reps)));
    process.disconnect?.();
    return;
  }
  const info = await writeJfkCorpus({ mb: values.mb === 'all' ? Infinity : Number(values.mb) });
  const cacheDir = join(repoRoot(), '.cache', 'bench-index');
  const figures = await benchPostgres({ corpusDir: info.dir, cacheDir, reps: Number(values.reps) });
  if (typeof figures === 'string') {
    console.log(`PostgreSQL: skipped (${figures})`);
    return;
  }
  for (const line of postgresLines(`${(info.bytes / 1e6).toFixed(1)} MB`, figures)) console.log(line);
  console.log(JSON.stringify({ text_mb: Number((info.bytes / 1e6).toFixed(1)), ...figures }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
