/**
 * The connection pool (node-postgres, loaded only when this backend is configured), with every wait
 * bounded: a connection not made within `connectTimeoutMs`, a statement not done within
 * `statementTimeoutMs` (enforced by the server, and by the client a second later in case the server
 * cannot say so), so a database that is down or hung turns into `SEARCH_UNAVAILABLE` quickly instead of
 * a hang. Broken connections are dropped by the pool and new ones made on demand, so service returns
 * as soon as the database does.
 */
import type { Pool, PoolClient } from 'pg';
import { BackchannelError } from '../../src/errors.js';

export interface PoolOptions {
  /** `postgres://user:password@host:5432/database`. */
  url: string;
  /** Connections at most. */
  size: number;
  /** Schema of the tables (created when missing); `public` unless given. */
  schema: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  /** Told about errors on idle connections (the database went away); they never throw. */
  onIdleError: (error: Error) => void;
}

export async function openPool(options: PoolOptions): Promise<Pool> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.size,
    connectionTimeoutMillis: options.connectTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    query_timeout: options.statementTimeoutMs + 1000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    options: `-c search_path=${quoteIdent(options.schema)},public -c pg_trgm.similarity_threshold=0.25`,
  });
  pool.on('error', options.onIdleError);
  // A connection that dies while checked out also emits 'error' besides failing its query: heard here, never thrown.
  pool.on('connect', (client) => client.on('error', options.onIdleError));
  return pool;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Errors that mean the database cannot be reached or did not answer in time (connection refused or
 * reset, the server shutting down, a timeout), as against a fault of ours (a bad statement).
 */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (/^(08|57P0[1-3]|53)/.test(code) || code === '57014') return true; // connection, shutdown, resources, statement timeout
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN'].includes(code)) return true;
  }
  return typeof message === 'string' && /timeout|terminated|Connection ended|not queryable|connect/i.test(message);
}

/**
 * Runs `work` with a client of the pool; an unreachable database becomes `SEARCH_UNAVAILABLE`. A
 * read (`retry`) that fails on a connection is tried once more on a fresh one: a pooled connection
 * may have died while idle (the database restarted) without the pool having heard yet.
 */
export async function withClient<T>(pool: Pool, what: string, work: (client: PoolClient) => Promise<T>, options: { retry?: boolean } = {}): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    let client: PoolClient | undefined;
    let broken: Error | undefined;
    try {
      client = await pool.connect();
      return await work(client);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      broken = error as Error;
      // Retried only when the connection itself broke, not when none could be made (then the database is down).
      if (options.retry && attempt === 1 && client !== undefined) continue;
      throw new BackchannelError('SEARCH_UNAVAILABLE', `PostgreSQL unavailable during ${what}: ${(error as Error).message}`, {
        cause: error,
        details: { what, code: (error as { code?: string }).code },
      });
    } finally {
      // A connection that failed is closed rather than returned, so the next request opens a fresh one.
      client?.release(broken);
    }
  }
}
