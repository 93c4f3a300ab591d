/**
 * `npm run eval:backends`: retrieval alone (no answer layer, no abstention) on the development
 * questions, the in-memory search beside the PostgreSQL backend, in the same run: for each answerable
 * question, the rank of the first passage holding an expected phrase among the top 10. Shows by how
 * much PostgreSQL's ranking differs from ours before the answer layer reranks either.
 *
 * DATABASE_URL (default: the test database .ci/run creates on 127.0.0.1) and DATABASE_SCHEMA (default
 * `backchannel_eval`, written by this run). `--questions FILE` scores another set; `--verbose` lists misses.
 * Last line: one JSON object { memory: {r1, r3, mrr, ms}, postgres: {r1, r3, mrr, ms} }.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { PostgresSearch } from '../src/retrieval/postgres/index.js';
import { analyzeQuery } from '../src/search/query.js';
import { containsPhrase, readQuestions } from './eval-questions.js';
import { repoRoot } from './repo.js';

const { values } = parseArgs({ options: { questions: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const questions = readQuestions(values.questions ?? join(repoRoot(), 'data/eval/questions.jsonl')).filter((q): q is Extract<typeof q, { expect: string[] }> => 'expect' in q);
const url = process.env.DATABASE_URL || 'postgres://backchannel:backchannel@127.0.0.1:5432/backchannel_test';

interface Figures {
  r1: number;
  r3: number;
  mrr: number;
  /** Mean time per question, ms. */
  ms: number;
  misses: string[];
}

function figures(ranks: Array<{ id: string; rank: number }>, ms: number): Figures {
  const n = ranks.length;
  const share = (x: number) => Number((x / n).toFixed(3));
  return {
    r1: share(ranks.filter((r) => r.rank === 0).length),
    r3: share(ranks.filter((r) => r.rank >= 0 && r.rank < 3).length),
    mrr: share(ranks.reduce((sum, r) => sum + (r.rank >= 0 ? 1 / (r.rank + 1) : 0), 0)),
    ms: Number((ms / n).toFixed(2)),
    misses: ranks.filter((r) => r.rank !== 0).map((r) => `${r.id} rank ${r.rank < 0 ? '>10' : r.rank + 1}`),
  };
}

async function main(): Promise<void> {
  const core = loadCore();
  let started = performance.now();
  const memory = questions.map(({ id, q, expect }) => {
    const hits = core.search.search(analyzeQuery(q, core.aliases, (term) => core.search.engine.has(term)), 10);
    return { id, rank: hits.findIndex((h) => containsPhrase(h.passage.text, expect)) };
  });
  const memoryFigures = figures(memory, performance.now() - started);

  const search = await PostgresSearch.open({ url, schema: process.env.DATABASE_SCHEMA || 'backchannel_eval', logger: createLogger({ level: 'warn' }) });
  try {
    await search.ensureCorpus(core.corpus);
    await search.retrieve(questions[0]!.q, 10); // warm the connection
    started = performance.now();
    const postgres: Array<{ id: string; rank: number }> = [];
    for (const { id, q, expect } of questions) {
      const { hits } = await search.retrieve(q, 10);
      postgres.push({ id, rank: hits.findIndex((h) => containsPhrase(h.passage.text, expect)) });
    }
    const pgFigures = figures(postgres, performance.now() - started);
    const row = (name: string, f: Figures) => `${name.padEnd(22)}${String(f.r1).padEnd(11)}${String(f.r3).padEnd(11)}${String(f.mrr).padEnd(8)}${f.ms} ms`;
    console.log(`retrieval only, ${questions.length} answerable questions, top 10 passages`);
    console.log(`${'backend'.padEnd(22)}${'Recall@1'.padEnd(11)}${'Recall@3'.padEnd(11)}${'MRR'.padEnd(8)}per question`);
    console.log(row('in-memory (ours)', memoryFigures));
    console.log(row('PostgreSQL', pgFigures));
    console.log(`difference (PostgreSQL − ours): Recall@1 ${(pgFigures.r1 - memoryFigures.r1).toFixed(3)}, Recall@3 ${(pgFigures.r3 - memoryFigures.r3).toFixed(3)}, MRR ${(pgFigures.mrr - memoryFigures.mrr).toFixed(3)}`);
    if (values.verbose) {
      console.log(`in-memory misses: ${memoryFigures.misses.join(', ') || 'none'}`);
      console.log(`PostgreSQL misses: ${pgFigures.misses.join(', ') || 'none'}`);
    }
    const { misses: _m, ...memoryJson } = memoryFigures;
    const { misses: _p, ...pgJson } = pgFigures;
    console.log(JSON.stringify({ memory: memoryJson, postgres: pgJson }));
  } finally {
    await search.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
