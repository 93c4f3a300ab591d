/**
 * Writes a corpus into the database in ONE transaction: the old passages and vocabulary are replaced
 * together, and readers see the last good corpus until the commit. A failure anywhere (a bad row, the
 * database going away) rolls everything back, so the last good corpus keeps serving.
 */
import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig, QueryResult } from 'pg';
import type { Corpus } from '../../src/corpus/types.js';
import { analyzeTermsFast } from '../../src/search/engine-analyze.js';
import { indexedPassage } from '../../src/search/passage-search.js';
import { codeVersion } from '../../src/cache/code-version.js';

/** Passages per INSERT. */
const BATCH = 500;

export interface LoadedCorpus {
  /** Passages now in the database. */
  passages: number;
  /** Distinct indexed words (the vocabulary); 0 when `unchanged`. */
  words: number;
  ms: number;
  /** True when the database already held this very corpus and nothing was written (`ensureCorpus`). */
  unchanged: boolean;
}

/**
 * A hash of everything the database stores about the corpus: the passages, the fields they are indexed
 * under, and the version of the code that analyzed their words (a stemming change reloads them: terms
 * stemmed one way are never found by a question stemmed another).
 */
export function corpusFingerprint(corpus: Corpus, code: string = codeVersion()): string {
  const hash = createHash('sha256').update('backchannel-postgres-1\0').update(code).update('\0');
  for (const passage of corpus.passages) {
    const fields = indexedPassage(passage, corpus.documentById.get(passage.docId)?.meta);
    hash.update(JSON.stringify(passage)).update('\0').update(fields.heading).update('\0').update(fields.title).update('\0');
  }
  return hash.digest('hex');
}

/** Writes the corpus unless the database already holds it (same fingerprint): what a start or a reload calls. */
export async function ensureCorpus(client: PoolClient, corpus: Corpus, timeoutMs: number): Promise<LoadedCorpus> {
  const started = performance.now();
  const fingerprint = corpusFingerprint(corpus);
  const { rows } = await client.query<{ fingerprint: string; passages: number }>('select fingerprint, passages from corpus_state');
  if (rows[0]?.fingerprint === fingerprint) return { passages: rows[0].passages, words: 0, ms: Math.round(performance.now() - started), unchanged: true };
  return replaceCorpus(client, corpus, timeoutMs, fingerprint);
}

/**
 * Replaces the corpus in one transaction. Its statements may run up to `timeoutMs` each (a search's
 * few seconds are far too short for a large archive's vocabulary or index), on the server and the client.
 */
export async function replaceCorpus(client: PoolClient, corpus: Corpus, timeoutMs: number, fingerprint = corpusFingerprint(corpus)): Promise<LoadedCorpus> {
  const started = performance.now();
  // node-postgres reads a per-query `query_timeout` (client.js) that its types do not declare.
  const query = (text: string, values?: unknown[]): Promise<QueryResult> =>
    client.query({ text, ...(values ? { values } : {}), query_timeout: timeoutMs + 1000 } as QueryConfig);
  await query('begin');
  try {
    await query(`set local statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
    // One writer at a time; readers go on reading the committed corpus meanwhile.
    await query('lock table passages in exclusive mode');
    await query('delete from passages');
    await query('delete from vocabulary');
    const lengths = { text: 0, heading: 0, title: 0 };
    for (let from = 0; from < corpus.passages.length; from += BATCH) {
      const columns: [number[], string[], string[], string[], boolean[], string[], string[], string[], string[]] = [[], [], [], [], [], [], [], [], []];
      corpus.passages.slice(from, from + BATCH).forEach((passage, i) => {
        const fields = indexedPassage(passage, corpus.documentById.get(passage.docId)?.meta);
        const text = analyzeTermsFast(fields.text);
        const heading = analyzeTermsFast(fields.heading);
        const title = analyzeTermsFast(fields.title);
        lengths.text += text.length;
        lengths.heading += heading.length;
        lengths.title += title.length;
        const row = [from + i, passage.id, passage.docId, JSON.stringify(passage), passage.comment !== null, text.join(' '), heading.join(' '), title.join(' '), [...new Set([...text, ...heading, ...title])].join(' ')] as const;
        row.forEach((value, k) => (columns[k] as unknown[]).push(value));
      });
      await query(
        `insert into passages (ordinal, id, doc_id, passage, is_comment, text_terms, heading_terms, title_terms, terms)
         select o, i, d, p::jsonb, c, tt, ht, ti, string_to_array(t, ' ') from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::text[], $9::text[]) as r(o, i, d, p, c, tt, ht, ti, t)`,
        columns,
      );
    }
    const words = await query("insert into vocabulary (word, df) select t, count(*) from passages, unnest(terms) as t where t <> '' group by t");
    const mean = (total: number) => (corpus.passages.length ? total / corpus.passages.length : 0);
    await query(
      `insert into corpus_state (one, passages, fingerprint, loaded_at, text_length, heading_length, title_length) values (true, $1, $2, now(), $3, $4, $5)
       on conflict (one) do update set passages = excluded.passages, fingerprint = excluded.fingerprint, loaded_at = excluded.loaded_at,
         text_length = excluded.text_length, heading_length = excluded.heading_length, title_length = excluded.title_length`,
      [corpus.passages.length, fingerprint, mean(lengths.text), mean(lengths.heading), mean(lengths.title)],
    );
    await query('commit');
    return { passages: corpus.passages.length, words: words.rowCount ?? 0, ms: Math.round(performance.now() - started), unchanged: false };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
