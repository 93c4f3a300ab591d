/**
 * `npm run bench:postgres -- [--mb 10|50|all] [--reps 5]`: the PostgreSQL backend on the JFK 2025
 * release (`../shared/scale`, written as a corpus directory by jfk-corpus.ts): the corpus loaded into
 * the database in one transaction (timed), then the archive's questions through `retrieve` (the
 * backend's part of an ask: two round trips, analysis and typo handling included) by 1 and by 2
 * replicas at once (each its own process and pool), p50/p99. DATABASE_URL (default the test database
 * .ci/run creates); schema `backchannel_bench`. Last line: one JSON object.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.js';
import { createLogger } from '../src/logger.js';
import { PostgresSearch } from '../adapters/postgres/index.js';
import { writeJfkCorpus } from './jfk-corpus.js';
import { JFK_QUERIES } from './jfk-queries.js';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '10' }, reps: { type: 'string', default: '5' }, replica: { type: 'boolean', default: false } } });
const url = process.env.DATABASE_URL || 'postgres://backchannel:backchannel@127.0.0.1:5432/backchannel_test';
const schema = 'backchannel_bench';
const reps = Number(values.reps);
const logger = createLogger({ level: 'warn' });

const pick = (times: number[], q: number) => Number([...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2));

/** One replica: every question `reps` times, in turn; the latency of each. */
async function replica(): Promise<number[]> {
  const search = await PostgresSearch.open({ url, schema, poolSize: 4, logger });
  try {
    for (const q of JFK_QUERIES) await search.retrieve(q, 10); // warm
    const times: number[] = [];
    for (let r = 0; r < reps; r += 1)
      for (const q of JFK_QUERIES) {
        const started = performance.now();
        await search.retrieve(q, 10);
        times.push(performance.now() - started);
      }
    return times;
  } finally {
    await search.close();
  }
}

function replicas(n: number): Promise<number[][]> {
  const self = fileURLToPath(import.meta.url);
  return Promise.all(
    Array.from({ length: n }, () => {
      const child = fork(self, ['--replica', '--reps', String(reps)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new Promise<number[]>((resolve, reject) => {
        child.once('message', (times) => resolve(times as number[]));
        child.once('exit', (code) => (code ? reject(new Error(`a replica exited with ${code}`)) : undefined));
      });
    }),
  );
}

async function main(): Promise<void> {
  if (values.replica) {
    process.send?.(await replica());
    return;
  }
  const mb = values.mb === 'all' ? Infinity : Number(values.mb);
  const info = await writeJfkCorpus({ mb });
  let started = performance.now();
  const corpus = loadCorpus(info.dir);
  const ingestS = (performance.now() - started) / 1000;
  const search = await PostgresSearch.open({ url, schema, logger });
  started = performance.now();
  const loaded = await search.replaceCorpus(corpus);
  const loadS = (performance.now() - started) / 1000;
  await search.close();
  const one = (await replicas(1)).flat();
  const two = (await replicas(2)).flat();
  const figures = {
    text_mb: Number((info.bytes / 1e6).toFixed(1)),
    passages: loaded.passages,
    words: loaded.words,
    ingest_s: Number(ingestS.toFixed(1)),
    load_s: Number(loadS.toFixed(1)),
    one: { n: one.length, p50_ms: pick(one, 0.5), p99_ms: pick(one, 0.99) },
    two: { n: two.length, p50_ms: pick(two, 0.5), p99_ms: pick(two, 0.99) },
  };
  console.log(`JFK ${figures.text_mb} MB: ${figures.passages} passages, ${figures.words} words; ingest ${figures.ingest_s} s, load into PostgreSQL ${figures.load_s} s (one transaction)`);
  console.log(`retrieve, 1 replica:  p50 ${figures.one.p50_ms} ms, p99 ${figures.one.p99_ms} ms (${figures.one.n} questions)`);
  console.log(`retrieve, 2 replicas: p50 ${figures.two.p50_ms} ms, p99 ${figures.two.p99_ms} ms (${figures.two.n} questions, both at once)`);
  console.log(JSON.stringify(figures));
}

main().then(
  () => {
    if (values.replica) process.disconnect?.();
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
