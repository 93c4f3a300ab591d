/**
 * `npm run bench`: start-up, build, saved index and query latency of the bot, beside bare node and
 * minisearch with default options, all in one run; then the same on the JFK 2025 release at ~10 MB,
 * ~50 MB and all of it (`../shared/scale/jfk-2025-release.jsonl.gz`, written as corpus directories
 * under `.cache/` by jfk-corpus.ts and served through `loadCore({ corpusDir })`, the path of
 * `backchannel ask --corpus DIR`).
 *
 *   npm run bench                 # everything
 *   npm run bench -- --quick      # the seed corpus only
 *   npm run bench -- --sizes 10,50
 *
 * Each measurement runs in a fresh process (bench-run.ts) so heap and RSS are its own. Prints a table,
 * then one JSON object on the last line: { seed: {p50_ms, p99_ms, cold_ms, node_ms, early_p50_ms,
 * early_p99_ms}, jfk: {...}, minisearch_jfk: {...}, postgres_jfk?: {...} } (jfk figures for the largest
 * size measured; postgres_jfk when a PostgreSQL answers: see bench-postgres.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './repo.js';
import { readQuestions } from './eval-questions.js';
import { writeJfkCorpus } from './jfk-corpus.js';
import { JFK_QUERIES } from './jfk-queries.js';
import { benchPostgres, postgresLines } from './bench-postgres.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '10,50,all' },
    reps: { type: 'string', default: '25' },
    cold: { type: 'string', default: '10' },
  },
});
const benchStarted = performance.now();
const root = repoRoot();
const dist = join(root, 'dist');
const cacheDir = join(root, '.cache', 'bench-index');
mkdirSync(cacheDir, { recursive: true });
/** The `backchannel` command as installed: package.json's bin (the bundle `npm run build` writes). */
const cli = join(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['backchannel']!);


interface Latency {
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  qps: number;
  n: number;
}
type Figure = 'passages' | 'text_mb' | 'ingest_s' | 'index_s' | 'build_s' | 'save_s' | 'key_ms' | 'cache_load_s' | 'start_s' | 'cache_mb' | 'heap_mb' | 'external_mb' | 'rss_mb' | 'build_heap_mb' | 'build_rss_mb';
type Run = Record<Figure, number> & { full: Latency; early?: Latency; search: Latency; key?: string; serializers?: Record<'v8_save_ms' | 'v8_load_ms' | 'v8_bytes', number> };

/** The engine: built and saved in one process, then loaded and queried in a fresh one, as a restart would. */
function runEngine(corpusDir: string, queriesFile: string, reps: number, extra: string[] = []): Run {
  const built = run('engine-build', corpusDir, queriesFile, reps);
  return { ...built, ...run('engine', corpusDir, queriesFile, reps, extra) };
}

function run(mode: 'engine-build' | 'engine' | 'minisearch', corpusDir: string, queriesFile: string, reps: number, extra: string[] = []): Run {
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      join(dist, 'scripts/bench-run.js'),
      mode,
      '--corpus',
      corpusDir,
      '--cache',
      cacheDir,
      // The build times no questions.
      ...(mode === 'engine-build' ? [] : ['--queries', queriesFile, '--reps', String(reps)]),
      ...extra,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (result.status !== 0) throw new Error(`bench-run ${mode} ${corpusDir} failed:\n${result.stderr}`);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Run;
}

/** Median wall time of a fresh process, in ms. */
function coldStart(args: string[], n: number): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const f = (x: number | undefined, digits = 2) => (x === undefined ? '–' : x.toFixed(digits));
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

// 1–3: the seed corpus.
const questionsFile = join(cacheDir, 'dev-questions.json');
writeFileSync(questionsFile, JSON.stringify(readQuestions(join(root, 'data/eval/questions.jsonl')).map((q) => q.q)));
const seedDir = join(root, 'corpus');
const reps = Number(values.reps);
// The seed questions take a millisecond or less: untimed rounds first, so that what is timed is the
// running bot rather than V8 compiling the query path (the same for both systems). Timed early (after
// 10 rounds, while V8 still recompiles parts of the path) and settled (after 100 rounds, 4,200 asks).
const SEED_WARMUP = ['--warmup', '10', '--settle', '100'];
const seed = runEngine(seedDir, questionsFile, reps, SEED_WARMUP);
const seedMini = run('minisearch', seedDir, questionsFile, reps, [...SEED_WARMUP, ...(seed.key ? ['--key', seed.key] : [])]);
// Cold start through the real CLI and its real saved index (warmed once).
spawnSync(process.execPath, [cli, 'ask', 'who was Lisa Howard'], { encoding: 'utf8' });
const coldN = Number(values.cold);
const nodeMs = coldStart(['-e', '0'], coldN);
const coldMs = coldStart([cli, 'ask', 'who was Lisa Howard'], coldN);

console.log(`Seed corpus: ${seed.passages} passages, ${f(seed.text_mb * 1000, 0)} KB; ${seed.full.n} timed asks (${reps} rounds of the dev questions), early (after 10 rounds) and settled (after 100)\n`);
console.log(`cold start   node -e 0: ${f(nodeMs, 0)} ms   backchannel ask: ${f(coldMs, 0)} ms   (+${f(coldMs - nodeMs, 0)} ms)`);
console.log(`build        ingest ${f(seed.ingest_s * 1000, 1)} ms, index ${f(seed.index_s * 1000, 1)} ms; saved index ${f(seed.cache_mb * 1000, 0)} KB, save ${f(seed.save_s * 1000, 1)} ms, load ${f(seed.cache_load_s * 1000, 1)} ms (key ${f(seed.key_ms, 1)} ms)`);
const early = (run: Run) => (run.early ? ` (early: p50 ${f(run.early.p50_ms, 3)} ms, p99 ${f(run.early.p99_ms, 3)} ms)` : '');
console.log(`queries      full ask p50 ${f(seed.full.p50_ms, 3)} ms, p99 ${f(seed.full.p99_ms, 3)} ms, ${f(seed.full.qps, 0)}/s${early(seed)}; engine search p50 ${f(seed.search.p50_ms, 3)} ms, p99 ${f(seed.search.p99_ms, 3)} ms`);
console.log(`minisearch   defaults p50 ${f(seedMini.full.p50_ms, 3)} ms, p99 ${f(seedMini.full.p99_ms, 3)} ms, ${f(seedMini.full.qps, 0)}/s${early(seedMini)}; build ${f(seedMini.build_s * 1000, 1)} ms; loadJSON ${f(seedMini.cache_load_s * 1000, 1)} ms`);

// The /timeline picture (answer, SVG and PNG) in a process of its own.
const pictureRun = spawnSync(process.execPath, [join(root, 'dist/scripts/bench-picture.js')], { encoding: 'utf8' });
if (pictureRun.status !== 0) throw new Error(`bench-picture failed: ${pictureRun.stderr}`);
const picture = JSON.parse(pictureRun.stdout.trim().split('\n').pop()!) as Record<string, { p50_ms: number; max_ms: number; bytes: number }> & { first_ms: number };
const pictureLine = (period: string) => `${period} p50 ${f(picture[period]!.p50_ms, 1)} ms, max ${f(picture[period]!.max_ms, 1)} ms, ${f(picture[period]!.bytes / 1000, 0)} KB`;
console.log(`picture      /timeline PNG: ${pictureLine('1963')}; ${pictureLine('1959-2015')}; the first in a process ${f(picture.first_ms, 0)} ms (loads resvg and the font)`);

// 4: the scale curve.
const output: Record<string, unknown> = {
  seed: {
    p50_ms: round(seed.full.p50_ms),
    p99_ms: round(seed.full.p99_ms),
    cold_ms: round(coldMs),
    node_ms: round(nodeMs),
    ...(seed.early ? { early_p50_ms: round(seed.early.p50_ms), early_p99_ms: round(seed.early.p99_ms) } : {}),
  },
  picture: { first_ms: round(picture.first_ms), year_p50_ms: round(picture['1963']!.p50_ms), all_p50_ms: round(picture['1959-2015']!.p50_ms) },
};
if (!values.quick) {
  const jfkQueries = join(cacheDir, 'jfk-queries.json');
  writeFileSync(jfkQueries, JSON.stringify(JFK_QUERIES));
  const sizes = values.sizes.split(',').map((s) => (s === 'all' ? Infinity : Number(s)));
  console.log(`\nJFK 2025 release (${JFK_QUERIES.length} queries × ${Math.max(5, Math.round(reps / 2))} rounds, minisearch × ${Math.max(3, Math.round(reps / 8))}); engine = full ask path (search = engine search alone); minisearch = defaults on the same passages`);
  row('size', 'system', 'passages', 'ingest s', 'index s', 'build s', 'heap MB', 'rss MB', 'file MB', 'save s', 'load s', 'p50 ms', 'p99 ms', 'search p50', 'search p99');
  let last: { ours: Run; mini: Run; mb: number; dir: string } | undefined;
  for (const [i, mb] of sizes.entries()) {
    const info = await writeJfkCorpus({ mb });
    const serializers = i === sizes.length - 1 ? ['--serializers'] : [];
    const ours = runEngine(info.dir, jfkQueries, Math.max(5, Math.round(reps / 2)), [...serializers, '--warmup', '3']);
    // Fewer rounds for minisearch: at full size one of its queries takes about a second.
    const mini = run('minisearch', info.dir, jfkQueries, Math.max(3, Math.round(reps / 8)), ours.key ? ['--key', ours.key] : []);
    const label = `${f(info.bytes / 1e6, 0)} MB`;
    const first = rows.length;
    row(label, 'engine', String(ours.passages), f(ours.ingest_s, 1), f(ours.index_s, 1), f(ours.build_s, 1), f(ours.heap_mb, 0), f(ours.rss_mb, 0), f(ours.cache_mb, 0), f(ours.save_s, 2), f(ours.cache_load_s, 2), f(ours.full.p50_ms, 2), f(ours.full.p99_ms, 2), f(ours.search.p50_ms, 2), f(ours.search.p99_ms, 2));
    row('', 'minisearch', String(mini.passages), '–', f(mini.index_s, 1), f(mini.build_s, 1), f(mini.heap_mb, 0), f(mini.rss_mb, 0), f(mini.cache_mb, 0), f(mini.save_s, 2), f(mini.cache_load_s, 2), f(mini.full.p50_ms, 2), f(mini.full.p99_ms, 2), f(mini.search.p50_ms, 2), f(mini.search.p99_ms, 2));
    const s = ours.serializers;
    if (s) rows.push([label, 'v8.serialize', '', '', '', '', '', '', f(s.v8_bytes / 1e6, 0), f(s.v8_save_ms / 1000), f(s.v8_load_ms / 1000), '', '', '', '']);
    last = { ours, mini, mb: info.bytes / 1e6, dir: info.dir };
    // Each size as it completes (stderr), since the whole curve takes minutes.
    console.error(rows.slice(first).map((r) => r.join(' | ')).join('\n'));
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) console.log(r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  if (last) {
    output['jfk'] = {
      mb: round(last.mb),
      passages: last.ours.passages,
      build_s: round(last.ours.build_s),
      index_s: round(last.ours.index_s),
      heap_mb: round(last.ours.heap_mb),
      rss_mb: round(last.ours.rss_mb),
      cache_load_s: round(last.ours.cache_load_s),
      p50_ms: round(last.ours.full.p50_ms),
      p99_ms: round(last.ours.full.p99_ms),
      search_p50_ms: round(last.ours.search.p50_ms),
      search_p99_ms: round(last.ours.search.p99_ms),
    };
    output['minisearch_jfk'] = {
      mb: round(last.mb),
      passages: last.mini.passages,
      build_s: round(last.mini.build_s),
      heap_mb: round(last.mini.heap_mb),
      rss_mb: round(last.mini.rss_mb),
      cache_load_s: round(last.mini.cache_load_s),
      p50_ms: round(last.mini.full.p50_ms),
      p99_ms: round(last.mini.full.p99_ms),
    };
    // The PostgreSQL backend on the largest size: loaded, then asked through the same answer code (see bench-postgres.ts).
    const postgres = await benchPostgres({ corpusDir: last.dir, cacheDir, reps: 5 });
    if (typeof postgres === 'string') console.log(`\nPostgreSQL: skipped (${postgres})`);
    else {
      console.log(`\n${postgresLines(`${f(last.mb, 0)} MB`, postgres).join('\n')}`);
      output['postgres_jfk'] = { mb: round(last.mb), ...postgres };
    }
  }
} else console.log('\nPostgreSQL: skipped (--quick measures the seed corpus only; the backend is measured on the JFK release)');
console.log(`\nbench: ${f((performance.now() - benchStarted) / 1000, 0)} s in all`);
console.log(JSON.stringify(output));

function round(x: number): number {
  return Number(x.toFixed(x >= 100 ? 0 : 3));
}
