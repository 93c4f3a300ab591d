/**
 * The PostgreSQL backend in the evaluations (`npm run eval`, `eval:cranfield`, `eval:backends`), beside
 * the in-memory engine in the same run. The database: DATABASE_URL, else BACKCHANNEL_TEST_DATABASE_URL,
 * else the test database `.ci/run` creates on 127.0.0.1; where none answers, the evaluations print
 * "PostgreSQL: skipped (…why…)" and go on. Each writes its corpus into a schema of its own
 * (DATABASE_SCHEMA, default `backchannel_eval`; Cranfield's with `_cranfield` after it, the benchmark's
 * with `_jfk`), and questions
 * are answered through the retrieval seam by the same `answer()` as in memory.
 */
import { PostgresSearch } from '../adapters/postgres/index.js';
import { PostgresRetriever } from '../adapters/postgres/retriever.js';
import { answer, retrievalDepth, type AskOptions, type AskResult } from '../src/answer/ask.js';
import type { Core } from '../src/core.js';
import type { Corpus, CorpusDocument, DocumentMeta, Passage } from '../src/corpus/types.js';
import { createLogger } from '../src/logger.js';
import type { CranDocument, CranQuery } from './cranfield.js';
import type { Answer } from './eval-questions.js';

export const EVAL_DATABASE_URL = process.env.DATABASE_URL || process.env.BACKCHANNEL_TEST_DATABASE_URL || 'postgres://backchannel:backchannel@127.0.0.1:5432/backchannel_test';
/** The evaluations' schema; Cranfield's and the benchmark's are named after it. */
export const EVAL_SCHEMA = process.env.DATABASE_SCHEMA || 'backchannel_eval';

/** The database of the evaluations, or why there is none (a sentence for "PostgreSQL: skipped (…)"). */
export async function openEvalDatabase(options: { schema?: string; aliases?: null; poolSize?: number } = {}): Promise<PostgresSearch | string> {
  try {
    return await PostgresSearch.open({ url: EVAL_DATABASE_URL, schema: options.schema ?? EVAL_SCHEMA, logger: createLogger({ level: 'error' }), ...options });
  } catch (error) {
    const where = EVAL_DATABASE_URL.replace(/\/\/[^@]*@/, '//');
    const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    return `no PostgreSQL at ${where}: ${cause}; set DATABASE_URL or BACKCHANNEL_TEST_DATABASE_URL, or run .ci/run`;
  }
}

/** An answer as the question sets score it: the passages' texts and the first quote. */
export const toAnswer = (result: AskResult): Answer => ({ passages: result.results.map((r) => r.passage.text), quote: result.results[0]?.quote.text ?? null });

/** Answers questions from PostgreSQL through the seam, one after another, as the bot answers them. */
export async function answerFrom(search: PostgresSearch, core: Core, questions: readonly string[], options: AskOptions = { limit: 10 }): Promise<AskResult[]> {
  const retriever = new PostgresRetriever(search, { core: () => core });
  const out: AskResult[] = [];
  for (const q of questions) out.push(answer(core, await retriever.retrieve(q, retrievalDepth(options)), options));
  return out;
}

/** `npm run eval`'s PostgreSQL rows: the core's corpus in the database, then every set's answers from it. */
export interface EvalBackend {
  answers(questions: ReadonlyArray<{ q: string }>): Promise<Answer[]>;
  close(): Promise<void>;
}

export async function evalBackend(core: Core): Promise<EvalBackend | { skipped: string }> {
  const search = await openEvalDatabase();
  if (typeof search === 'string') return { skipped: search };
  await search.ensureCorpus(core.corpus);
  return {
    answers: async (questions) => (await answerFrom(search, core, questions.map((q) => q.q))).map(toAnswer),
    close: () => search.close(),
  };
}

/**
 * `npm run eval:cranfield`'s PostgreSQL row: the collection written as a corpus (a document each, its
 * abstract one passage, its title the document's), ranked by `ts_rank_cd` with the same analyzer and no
 * alias table, the best `depth` of each query. The load is part of the time, as the engine's indexing is.
 */
export async function cranfieldBackend(docs: readonly CranDocument[], queries: readonly CranQuery[], depth: number): Promise<{ run(): Promise<Map<string, string[]>> } | { skipped: string }> {
  const search = await openEvalDatabase({ schema: `${EVAL_SCHEMA}_cranfield`, aliases: null });
  if (typeof search === 'string') return { skipped: search };
  return {
    async run() {
      try {
        await search.ensureCorpus(cranfieldCorpus(docs));
        const run = new Map<string, string[]>();
        for (const q of queries) run.set(q.id, (await search.retrieve(q.text, depth)).hits.map((h) => h.passage.docId));
        return run;
      } finally {
        await search.close();
      }
    },
  };
}

/** The Cranfield abstracts as a corpus: what the database's loader reads (ids, text, the title line). */
function cranfieldCorpus(docs: readonly CranDocument[]): Corpus {
  const documents = docs.map((d): CorpusDocument => {
    const meta = { id: d.id, file: `${d.id}.txt`, format: 'txt', title: d.title, kind: '', author: null, publisher: null, date: { iso: null, precision: 'undated' } } as unknown as DocumentMeta;
    const passage: Passage = { id: `${d.id}#p1`, docId: d.id, n: 1, heading: null, text: d.text, sentences: [[0, d.text.length]], paragraph: 1, line: 1, comment: null };
    return { meta, passages: [passage], cables: [] };
  });
  const passages = documents.flatMap((d) => d.passages);
  return { dir: 'cranfield', documents, passages, passageById: new Map(passages.map((p) => [p.id, p])), documentById: new Map(documents.map((d) => [d.meta.id, d])) };
}
