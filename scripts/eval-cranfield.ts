/**
 * The Cranfield yardstick: nDCG@10 and MAP of the search engine against minisearch with default
 * options and lunr with its default pipeline, all on the same documents in one run.
 *
 *   npm run build && npm run eval:cranfield
 *
 * Beside them the PostgreSQL backend, when a database answers (see eval-postgres.ts). The last line
 * printed is one JSON object: `{ "engine": { "ndcg10", "map" }, "minisearch": …, "lunr": …, "postgres"?: … }`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { SearchEngine, type EngineOptions } from '../src/search/engine.js';
import { Lexicon } from '../src/lexicon/lexicon.js';
import { wordNet } from '../src/lexicon/wordnet.js';
import { expansionOf } from '../src/search/query-expansion.js';
import { cranfieldBackend } from './eval-postgres.js';
import {
  findRepoRoot,
  parseDocuments,
  parseQrels,
  parseQueries,
  scoreRun,
  type CranDocument,
  type CranQuery,
  type Qrels,
  type RunScore,
} from './cranfield.js';

/** Ranking depth for MAP (trec_eval's default). */
const DEPTH = 1000;

/**
 * The engine as evaluated: abstract (main field) and title, the engine's defaults otherwise, plus
 * two general settings: the title at half weight (Cranfield abstracts already start with their
 * title, so a full-weight title counts its words twice: 0.5 gives +0.003 nDCG@10, +0.010 MAP), and
 * pseudo-relevance feedback with its default settings (a collection of 1,400 long abstracts is what
 * it suits; it is off by default for the chat corpus).
 */
export const CRANFIELD_ENGINE_OPTIONS: EngineOptions = {
  fields: ['text', 'title'],
  boosts: { title: 0.5 },
  feedback: true,
};

type Run = Map<string, string[]>;

function runEngine(docs: CranDocument[], queries: CranQuery[], options: EngineOptions): Run {
  const engine = new SearchEngine(options);
  engine.addAll(docs.map((d) => ({ id: d.id, title: d.title, text: d.text })));
  return new Map(queries.map((q) => [q.id, engine.search(engine.plan(q.text), { limit: DEPTH }).map((h) => h.id)]));
}

/** The engine with each query word expanded by the lexicon of the collection's vocabulary (as the chat bot expands a question's words). */
function runEngineLexicon(docs: CranDocument[], queries: CranQuery[], options: EngineOptions): Run {
  const engine = new SearchEngine(options);
  engine.addAll(docs.map((d) => ({ id: d.id, title: d.title, text: d.text })));
  const known = (t: string) => engine.has(t);
  const lexicon = Lexicon.build(wordNet(), known);
  return new Map(
    queries.map((q) => {
      const plan = engine.plan(q.text);
      const own = new Set(plan.terms.map((t) => t.term));
      const expanded = plan.terms.flatMap((t) => expansionOf(t.term, { known, related: (x) => lexicon.related(x), aliases: null }, (x) => own.has(x)).terms);
      return [q.id, engine.search({ ...plan, terms: [...plan.terms, ...expanded] }, { limit: DEPTH }).map((h) => h.id)];
    }),
  );
}

function runMiniSearch(docs: CranDocument[], queries: CranQuery[]): Run {
  const index = new MiniSearch({ fields: ['title', 'text'] });
  index.addAll(docs.map((d) => ({ id: d.id, title: d.title, text: d.text })));
  return new Map(queries.map((q) => [q.id, index.search(q.text).slice(0, DEPTH).map((r) => String(r.id))]));
}

function runLunr(docs: CranDocument[], queries: CranQuery[]): Run {
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const d of docs) this.add({ id: d.id, title: d.title, text: d.text });
  });
  // lunr's query syntax gives meaning to + - : ^ ~ *; keep letters, digits and spaces.
  const clean = (text: string) => text.replace(/[^a-z0-9\s]/gi, ' ');
  return new Map(queries.map((q) => [q.id, index.search(clean(q.text)).slice(0, DEPTH).map((r) => r.ref)]));
}

export interface Collection {
  docs: CranDocument[];
  queries: CranQuery[];
  qrels: Qrels;
}

export function loadCollection(root: string): Collection {
  const dir = join(root, 'data', 'cranfield');
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    docs: parseDocuments(read('cran.all.1400')),
    queries: parseQueries(read('cran.qry')),
    qrels: parseQrels(read('cranqrel')),
  };
}

export function evaluateEngine(collection: Collection, options: EngineOptions = CRANFIELD_ENGINE_OPTIONS): RunScore {
  return scoreRun(runEngine(collection.docs, collection.queries, options), collection.qrels);
}

async function main(): Promise<void> {
  const root = findRepoRoot(fileURLToPath(new URL('.', import.meta.url)));
  const collection = loadCollection(root);
  const { docs, queries, qrels } = collection;
  // The PostgreSQL backend (ts_rank_cd, the same analyzer), when a database answers: see eval-postgres.ts.
  const postgres = await cranfieldBackend(docs, queries, DEPTH);
  const systems: Array<[string, () => Run | Promise<Run>]> = [
    ['engine', () => runEngine(docs, queries, CRANFIELD_ENGINE_OPTIONS)],
    ['minisearch', () => runMiniSearch(docs, queries)],
    ['lunr', () => runLunr(docs, queries)],
    ...('run' in postgres ? [['postgres', postgres.run] as [string, () => Promise<Run>]] : []),
  ];
  // Shown in the table only: the engine as the chat bot runs it, without feedback.
  const extra: Array<[string, () => Run]> = [
    ['engine (no feedback)', () => runEngine(docs, queries, { ...CRANFIELD_ENGINE_OPTIONS, feedback: false })],
    ['engine + lexicon', () => runEngineLexicon(docs, queries, CRANFIELD_ENGINE_OPTIONS)],
    ['… no feedback', () => runEngineLexicon(docs, queries, { ...CRANFIELD_ENGINE_OPTIONS, feedback: false })],
  ];
  const scores: Record<string, RunScore> = {};
  const times: Record<string, number> = {};
  for (const [name, run] of [...systems, ...extra]) {
    const started = performance.now();
    const ranking = await run();
    times[name] = performance.now() - started;
    scores[name] = scoreRun(ranking, qrels);
  }
  const queried = scores['engine']?.queries ?? 0;
  console.log(`Cranfield: ${docs.length} documents, ${queries.length} queries (${queried} with relevant documents).`);
  console.log('nDCG@10 uses graded gain = 5 − grade (grade 1 → 4 … grade 4 → 1; −1 and unjudged → 0).');
  console.log(`MAP counts grades 1–4 as relevant, over the top ${DEPTH} results.`);
  console.log('');
  console.log(`${'system'.padEnd(22)} nDCG@10    MAP  index+search ms`);
  for (const [name] of [...systems, ...extra]) {
    const s = scores[name];
    if (!s) continue;
    const ms = Math.round(times[name] ?? 0).toString();
    console.log(`${name.padEnd(22)} ${s.ndcg10.toFixed(3).padStart(7)} ${s.map.toFixed(3).padStart(6)} ${ms.padStart(16)}`);
  }
  if ('skipped' in postgres) console.log(`PostgreSQL: skipped (${postgres.skipped})`);
  // Written by hand so every figure keeps three decimals (0.350, not 0.35); still valid JSON.
  const figure = (x: number | undefined) => (x ?? 0).toFixed(3);
  const entries = systems.map(([name]) => `"${name}": { "ndcg10": ${figure(scores[name]?.ndcg10)}, "map": ${figure(scores[name]?.map)} }`);
  console.log(`{ ${entries.join(', ')} }`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
