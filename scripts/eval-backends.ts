/**
 * `npm run eval:backends`: the in-memory search beside the PostgreSQL backend, in the same run. First
 * retrieval alone (no answer layer, no abstention) on the development questions: for each answerable
 * question, the rank of the first passage holding an expected phrase among the top 10. Shows by how
 * much PostgreSQL's ranking differs from ours before the answer layer reranks either. Then the whole
 * answer on every question set, each backend's retrieval through the same `answer()` (the seam).
 *
 * The database as `npm run eval` finds it (eval-postgres.ts: DATABASE_URL, BACKCHANNEL_TEST_DATABASE_URL
 * or the test database .ci/run creates; DATABASE_SCHEMA, default `backchannel_eval`, written by this run). `--questions FILE` scores another set; `--verbose` lists misses.
 * Last line: one JSON object { memory: {r1, r3, mrr, ms}, postgres: {r1, r3, mrr, ms} }.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCore } from '../src/core.js';
import { MemoryRetriever } from '../src/retrieval/memory.js';
import { containsPhrase, readQuestions, score } from './eval-questions.js';
import { ask } from '../src/answer/ask.js';
import { answerFrom, openEvalDatabase, toAnswer } from './eval-postgres.js';
import { PostgresRetriever } from '../adapters/postgres/retriever.js';
import { repoRoot } from './repo.js';

const { values } = parseArgs({ options: { questions: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const questions = readQuestions(values.questions ?? join(repoRoot(), 'data/eval/questions.jsonl')).filter((q): q is Extract<typeof q, { expect: string[] }> => 'expect' in q);

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
  const memoryRetriever = new MemoryRetriever(core.search, core.aliases);
  let started = performance.now();
  const memory = questions.map(({ id, q, expect }) => {
    const { hits } = memoryRetriever.retrieve(q, 10);
    return { id, rank: hits.findIndex((h) => containsPhrase(h.passage.text, expect)) };
  });
  const memoryFigures = figures(memory, performance.now() - started);

  const search = await openEvalDatabase();
  if (typeof search === 'string') throw new Error(`PostgreSQL: skipped (${search})`);
  try {
    await search.ensureCorpus(core.corpus);
    // Through the retriever the bot uses: the question expanded by the core's lexicon, as in memory.
    const retriever = new PostgresRetriever(search, { core: () => core });
    await retriever.retrieve(questions[0]!.q, 10); // warm the connection
    started = performance.now();
    const postgres: Array<{ id: string; rank: number }> = [];
    for (const { id, q, expect } of questions) {
      const { hits } = await retriever.retrieve(q, 10);
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
    // The whole answer (rerank, quotes, abstention) through the one seam, both backends, every set.
    console.log('\nfull answers through the retrieval seam (the same answer code on both backends)');
    console.log(`${'set: backend'.padEnd(26)}${['r1', 'r3', 'quote1', 'abstain', 'falseAbstain'].map((k) => k.padStart(13)).join('')}`);
    const answered: Record<string, unknown> = {};
    for (const set of ['questions', 'variants', 'students']) {
      const all = readQuestions(join(repoRoot(), 'data/eval', `${set}.jsonl`));
      const mem = score(all, all.map((q) => toAnswer(ask(core, q.q, { limit: 10 }))));
      const pgScores = score(all, (await answerFrom(search, core, all.map((q) => q.q))).map(toAnswer));
      for (const [name, f] of [['in-memory', mem], ['PostgreSQL', pgScores]] as const) {
        console.log(`${`${set}: ${name}`.padEnd(26)}${[f.r1, f.r3, f.quote1, f.abstain, f.falseAbstain].map((x) => String(x).padStart(13)).join('')}`);
      }
      answered[set] = { memory: { r1: mem.r1, quote1: mem.quote1, falseAbstain: mem.falseAbstain }, postgres: { r1: pgScores.r1, quote1: pgScores.quote1, falseAbstain: pgScores.falseAbstain } };
    }
    const { misses: _m, ...memoryJson } = memoryFigures;
    const { misses: _p, ...pgJson } = pgFigures;
    console.log(JSON.stringify({ memory: memoryJson, postgres: pgJson, answers: answered }));
  } finally {
    await search.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
