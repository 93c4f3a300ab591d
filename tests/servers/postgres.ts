/**
 * PostgreSQL for the tests that need a real one: BACKCHANNEL_TEST_DATABASE_URL (set by .ci/run), else
 * the database .ci/run creates, on 127.0.0.1:5432. Each test file works in a schema of its own, dropped
 * at the end. Where no server answers, those tests are skipped and `POSTGRES_SKIP_REASON` says why.
 */
import { createServer, Socket, type Server } from 'node:net';

export const TEST_DATABASE_URL = process.env.BACKCHANNEL_TEST_DATABASE_URL || 'postgres://backchannel:backchannel@127.0.0.1:5432/backchannel_test';

async function probe(): Promise<string | undefined> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    const where = TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//');
    return `skipped: no PostgreSQL at ${where} (${(error as Error).message}) — run .ci/run, or set BACKCHANNEL_TEST_DATABASE_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}

export const POSTGRES_SKIP_REASON: string | undefined = await probe();

/** A schema name of this test file's own. */
export function testSchema(name: string): string {
  return `bc_test_${name}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
}

/**
 * A TCP relay to the test database on a port of its own, which the test can take down (every
 * connection cut, the port closed, as when the server dies), hang (connections accepted, nothing
 * relayed) and bring back on the same port.
 */
export class DatabaseRelay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private hung = false;
  port = 0;

  private constructor(private readonly target: { host: string; port: number }) {}

  static async start(): Promise<DatabaseRelay> {
    const url = new URL(TEST_DATABASE_URL);
    const relay = new DatabaseRelay({ host: url.hostname, port: Number(url.port || 5432) });
    await relay.up();
    return relay;
  }

  /** TEST_DATABASE_URL through this relay. */
  get url(): string {
    const url = new URL(TEST_DATABASE_URL);
    url.host = `127.0.0.1:${this.port}`;
    return url.toString();
  }

  async up(): Promise<void> {
    this.hung = false;
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {});
      if (this.hung) return;
      const upstream = new Socket();
      this.sockets.add(upstream);
      upstream.on('close', () => (this.sockets.delete(upstream), socket.destroy()));
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
      upstream.connect(this.target.port, this.target.host, () => {
        socket.pipe(upstream);
        upstream.pipe(socket);
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** As a crash: every connection cut, nothing listening. */
  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** As a hung server: connections are accepted and cut off from the database. */
  async hang(): Promise<void> {
    await this.down();
    await this.up();
    this.hung = true;
  }
}
