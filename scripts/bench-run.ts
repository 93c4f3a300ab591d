/**
 * One measurement of `npm run bench`, in a fresh process so heap and RSS are its own. Prints one JSON
 * line. Not meant to be run by hand (see bench.ts):
 *
 *   node --expose-gc dist/scripts/bench-run.js engine-build --corpus DIR --cache DIR
 *   node --expose-gc dist/scripts/bench-run.js engine --corpus DIR --cache DIR --queries FILE [--reps N] [--warmup N] [--settle N]
 *   node --expose-gc dist/scripts/bench-run.js minisearch --corpus DIR --cache DIR --queries FILE [--reps N] [--warmup N] [--settle N]
 *
 * `engine-build`: builds the core through `loadCore` (ingestion, index, save).
 * `engine`: in a fresh process, as the bot starting again, loads the core from the saved index, then
 * times the full ask path and the engine's search alone on the queries. With
 * `--settle N`, the queries are timed twice: after `--warmup` untimed rounds ("early") and again once N
 * rounds have run in all ("settled", what `full` holds).
 * `minisearch`: minisearch with default options on the same passages (read from the saved index, so
 * ingestion is not counted twice): build, `toJSON` save and `loadJSON` load, and the queries.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadCore } from '../src/core.js';
import { ask } from '../src/answer/ask.js';
import { MemoryRetriever } from '../src/retrieval/memory.js';
import { loadIndex, indexKey, indexPath } from '../src/cache/index-cache.js';
import { passageEngineOptions } from '../src/search/passage-search.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { corpus: { type: 'string' }, cache: { type: 'string' }, queries: { type: 'string' }, reps: { type: 'string', default: '20' }, warmup: { type: 'string', default: '1' }, settle: { type: 'string', default: '0' }, serializers: { type: 'boolean', default: false }, key: { type: 'string' } },
});
const mode = positionals[0];
const corpusDir = values.corpus!;
const cacheDir = values.cache!;
/** The questions the query modes time (`engine-build` times none). */
const queries = mode === 'engine-build' ? [] : (JSON.parse(readFileSync(values.queries!, 'utf8')) as string[]);
const reps = Number(values.reps);
const warmup = Number(values.warmup);
const settle = Number(values.settle);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap_mb: m.heapUsed / 1e6, external_mb: (m.external + m.arrayBuffers) / 1e6, rss_mb: m.rss / 1e6 };
};
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

type Latency = { p50_ms: number; p99_ms: number; max_ms: number; qps: number; n: number };

/** Latency of `run` over the queries, `reps` rounds after `untimed` untimed rounds (V8 compiles the query path over the first rounds). */
function latency(run: (q: string) => unknown, untimed = warmup): Latency {
  for (let r = 0; r < untimed; r++) for (const q of queries) run(q);
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < reps; r++) {
    for (const q of queries) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { p50_ms: quantile(times, 0.5), p99_ms: quantile(times, 0.99), max_ms: times.at(-1) ?? 0, qps: (times.length / total) * 1000, n: times.length };
}

/**
 * Latency early (after `warmup` rounds) and settled (after `settle` rounds in all), when settling is
 * asked for: V8 goes on compiling and recompiling the query path for a few thousand questions.
 */
function latencies(run: (q: string) => unknown): { full: Latency; early?: Latency } {
  if (settle <= warmup + reps) return { full: latency(run) };
  const early = latency(run);
  return { early, full: latency(run, settle - warmup - reps) };
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

if (mode === 'engine-build') {
  rmSync(indexPath(corpusDir, cacheDir), { force: true });
  const base = memory();
  const built = loadCore({ corpusDir, cache: { dir: cacheDir } });
  const afterBuild = memory();
  const info = built.load;
  if (info.source !== 'built' || info.saveMs === 0) throw new Error('the index was not built and saved');
  console.log(
    JSON.stringify({
      mode,
      passages: built.corpus.passages.length,
      text_mb: built.corpus.passages.reduce((s, p) => s + Buffer.byteLength(p.text), 0) / 1e6,
      ingest_s: info.ingestMs / 1000,
      index_s: info.indexMs / 1000,
      build_s: (info.ingestMs + info.indexMs) / 1000,
      save_s: info.saveMs / 1000,
      key: indexKey(corpusDir, passageEngineOptions(), { lexicon: true })?.toString('hex'),
      base_heap_mb: base.heap_mb,
      build_heap_mb: afterBuild.heap_mb,
      build_rss_mb: afterBuild.rss_mb,
    }),
  );
} else if (mode === 'engine') {
  const [core, loadMs] = timed(() => loadCore({ corpusDir, cache: { dir: cacheDir } }));
  if (core.load.source !== 'cache') throw new Error(`the saved index was not used: ${core.load.rebuiltBecause}`);
  const loaded = memory();
  const { full, early } = latencies((q) => ask(core, q));
  const retriever = new MemoryRetriever(core.search, core.aliases);
  const searchOnly = latency((q) => retriever.retrieve(q, 30));
  const answered = queries.filter((q) => ask(core, q).answered).length;
  let serializers: Record<string, number> | undefined;
  if (values.serializers) {
    // The same engine state through v8.serialize, beside the custom layout the cache uses.
    const state = core.search.engine.exportState();
    const [blob, serMs] = timed(() => serialize(state));
    const [, deserMs] = timed(() => deserialize(blob));
    serializers = { v8_save_ms: serMs, v8_load_ms: deserMs, v8_bytes: blob.length };
  }
  console.log(
    JSON.stringify({
      mode,
      key_ms: core.load.keyMs,
      cache_load_s: core.load.cacheLoadMs / 1000,
      start_s: loadMs / 1000,
      cache_mb: core.load.cacheBytes / 1e6,
      heap_mb: loaded.heap_mb,
      external_mb: loaded.external_mb,
      rss_mb: loaded.rss_mb,
      full,
      ...(early ? { early } : {}),
      search: searchOnly,
      answered,
      ...(serializers ? { serializers } : {}),
    }),
  );
} else if (mode === 'minisearch') {
  const engineOptions = passageEngineOptions();
  // The key the engine run saved under (the code may be rebuilt by someone else in between).
  const key = values.key ? Buffer.from(values.key, 'hex') : indexKey(corpusDir, engineOptions, { lexicon: true });
  if (!key) throw new Error('no manifest');
  const { corpus } = loadIndex(indexPath(corpusDir, cacheDir), key, corpusDir, engineOptions);
  const docs = corpus.passages.map((p) => ({ id: p.id, text: p.text }));
  const base = memory();
  const file = join(cacheDir, 'minisearch-bench.json');
  // Built and saved in a function of its own, so that the load below does not have it in memory.
  const { buildMs, built, saveMs, size } = (() => {
    const [mini, buildMs] = timed(() => {
      const m = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
      m.addAll(docs);
      return m;
    });
    const built = memory();
    const [, saveMs] = timed(() => writeFileSync(file, JSON.stringify(mini)));
    return { buildMs, built, saveMs, size: statSync(file).size };
  })();
  gc();
  const [loadedMini, loadMs] = timed(() => MiniSearch.loadJSON<{ id: string; text: string }>(readFileSync(file, 'utf8'), { fields: ['text'] }));
  rmSync(file, { force: true });
  const { full: search, early } = latencies((q) => loadedMini.search(q).slice(0, 30));
  console.log(
    JSON.stringify({
      mode,
      passages: docs.length,
      build_s: buildMs / 1000,
      index_s: buildMs / 1000,
      save_s: saveMs / 1000,
      cache_load_s: loadMs / 1000,
      cache_mb: size / 1e6,
      base_heap_mb: base.heap_mb,
      heap_mb: built.heap_mb,
      index_heap_mb: built.heap_mb - base.heap_mb,
      rss_mb: built.rss_mb,
      full: search,
      ...(early ? { early } : {}),
      search,
    }),
  );
} else {
  throw new Error(`bench-run: unknown mode ${mode}`);
}
