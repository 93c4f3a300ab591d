/**
 * PostgreSQL full-text search, the second retrieval backend (`SEARCH_BACKEND=postgres`): the corpus's
 * passages in a table that every replica queries. `open` connects (node-postgres, loaded only now) and
 * creates or migrates the schema; `replaceCorpus` writes a corpus in one transaction; `retrieve`
 * answers one question with everything the answer code reads (see `Retrieved`). A database that is
 * down or does not answer in time makes each call fail with `SEARCH_UNAVAILABLE` ("Search is
 * unavailable, try again shortly."), never a hang; the next call after it returns succeeds.
 */
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Corpus } from '../../src/corpus/types.js';
import { domainAliases, type AliasTable } from '../../src/search/aliases.js';
import { DEFAULT_PASSAGE_SEARCH } from '../../src/search/passage-search.js';
import { ensureCorpus, replaceCorpus, type LoadedCorpus } from './load.js';
import { openPool, quoteIdent, withClient } from './pool.js';
import { retrieve, type RelatedWords, type Retrieved } from './retrieve.js';
import { migrate } from './schema.js';

export type { LoadedCorpus } from './load.js';
export type { Retrieved, TermStats } from './retrieve.js';

/** Options of `PostgresSearch.open`, with their defaults. */
export interface PostgresSearchOptions {
  /** `postgres://user:password@host:5432/database` (DATABASE_URL). Required. */
  url: string;
  logger: Logger;
  /** Connections in the pool (DATABASE_POOL_SIZE). Default 10. */
  poolSize?: number;
  /** Schema holding the tables, created when missing. Default `public`. */
  schema?: string;
  /** Alias table applied to questions. Default the domain aliases (as the in-memory search); null: none. */
  aliases?: AliasTable | null;
  /** Score multiplier of reader comments. Default 0.7 (as the in-memory search). */
  commentWeight?: number;
  /** A connection not made within this long fails. Default 2,000 ms. */
  connectTimeoutMs?: number;
  /** A statement not done within this long is cancelled. Default 5,000 ms. */
  statementTimeoutMs?: number;
  /** The same for each statement of a corpus load (the vocabulary of a large archive takes a while). Default 600,000 ms. */
  loadTimeoutMs?: number;
}

export class PostgresSearch {
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly aliases: AliasTable | null,
    private readonly commentWeight: number,
    private readonly loadTimeoutMs: number,
    /** The schema version the database is at. */
    readonly schemaVersion: number,
  ) {}

  /** Connects and brings the schema up to date. Throws `SEARCH_UNAVAILABLE` when the database cannot be reached. */
  static async open(options: PostgresSearchOptions): Promise<PostgresSearch> {
    const logger = options.logger.child({ search: 'postgres' });
    const schema = options.schema ?? 'public';
    let lastLogged = 0;
    const pool = await openPool({
      url: options.url,
      size: options.poolSize ?? 10,
      schema,
      connectTimeoutMs: options.connectTimeoutMs ?? 2000,
      statementTimeoutMs: options.statementTimeoutMs ?? 5000,
      onIdleError: (error) => {
        // An idle connection broke (the database restarted): at most one line a minute.
        if (Date.now() - lastLogged < 60_000) return;
        lastLogged = Date.now();
        logger.warn({ err: error }, 'a PostgreSQL connection was lost; new ones are made as needed');
      },
    });
    try {
      const version = await withClient(pool, 'schema migration', async (client) => {
        if (schema !== 'public') await client.query(`create schema if not exists ${quoteIdent(schema)}`);
        return migrate(client);
      });
      logger.info({ schemaVersion: version, poolSize: options.poolSize ?? 10 }, 'PostgreSQL search ready');
      return new PostgresSearch(pool, options.aliases === undefined ? domainAliases : options.aliases, options.commentWeight ?? DEFAULT_PASSAGE_SEARCH.commentWeight, options.loadTimeoutMs ?? 600_000, version);
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
  }

  /**
   * The best `limit` passages for a question, with the statistics of its terms (see `Retrieved`);
   * `related`, a lexicon of the corpus's words, expands the question's words as in memory.
   */
  retrieve(question: string, limit = 10, related?: RelatedWords): Promise<Retrieved> {
    return withClient(this.pool, 'a search', (client) => retrieve(client, question, limit, this.aliases, this.commentWeight, related), { retry: true });
  }

  /** Replaces the corpus in one transaction; on any failure the last good corpus keeps serving. */
  replaceCorpus(corpus: Corpus): Promise<LoadedCorpus> {
    return withClient(this.pool, 'a corpus load', (client) => replaceCorpus(client, corpus, this.loadTimeoutMs));
  }

  /** Writes the corpus unless the database already holds this very one (compared by fingerprint): for a start or a reload. */
  ensureCorpus(corpus: Corpus): Promise<LoadedCorpus> {
    return withClient(this.pool, 'a corpus load', (client) => ensureCorpus(client, corpus, this.loadTimeoutMs));
  }

  /** Passages in the database now (0 before the first load). */
  async passageCount(): Promise<number> {
    return withClient(this.pool, 'a count', async (client) => (await client.query<{ n: number }>('select coalesce((select passages from corpus_state), 0) as n')).rows[0]!.n, {
      retry: true,
    });
  }

  /** Closes the pool. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
