/**
 * What the load test's bot talks to on Slack's side: a minimal Slack Web API (`auth.test`,
 * `chat.postMessage`, `chat.postEphemeral`) and `response_url`s, on 127.0.0.1, counting what
 * arrives. It keeps counts, not bodies, so it stays small however long the run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkCounts {
  /** Posts to response_urls (slash command answers). */
  responses: number;
  /** chat.postMessage and chat.postEphemeral calls. */
  posts: number;
  /** Of those, answers that were a "busy" refusal. */
  busy: number;
  /** Of those, rate-limit notices. */
  rateLimited: number;
  /** Of those, error replies. */
  failed: number;
}

export class SlackSink {
  readonly counts: SinkCounts = { responses: 0, posts: 0, busy: 0, rateLimited: 0, failed: 0 };
  /** chat.postMessage calls per thread_ts (each mention is answered in its own thread): who was answered twice. */
  readonly threads = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    private readonly botToken: string,
  ) {}

  static async start(botToken: string): Promise<SlackSink> {
    let sink: SlackSink | undefined;
    const server = createServer((req, res) => sink!.handle(req, res));
    server.keepAliveTimeout = 60_000;
    sink = new SlackSink(server, botToken);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string | number): string {
    return `${this.url}/respond/${id}`;
  }

  /** Resolves when `check` holds (checked on every arrival), or false after `timeoutMs`. */
  waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const listener = () => {
        if (!check()) return;
        done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(value);
      };
      this.listeners.add(listener);
    });
  }

  private handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const json = (payload: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (path.startsWith('/respond/')) {
        this.counts.responses += 1;
        this.classify(body);
        json({ ok: true });
      } else if (path === '/api/auth.test') {
        const authorized = req.headers.authorization === `Bearer ${this.botToken}`;
        json(authorized ? { ok: true, team_id: 'T0LOAD', user_id: 'ULOADBOT', bot_id: 'BLOADBOT', team: 'Load', user: 'backchannel' } : { ok: false, error: 'invalid_auth' });
      } else if (path === '/api/chat.postMessage' || path === '/api/chat.postEphemeral') {
        this.counts.posts += 1;
        const thread = threadOf(body, req.headers['content-type']);
        if (path === '/api/chat.postMessage' && thread !== undefined) this.threads.set(thread, (this.threads.get(thread) ?? 0) + 1);
        this.classify(body);
        json({ ok: true, channel: 'C0', ts: '1700000000.000001', message_ts: '1700000000.000001' });
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"ok":false,"error":"unknown_method"}');
      }
      for (const listener of [...this.listeners]) listener();
    });
  }

  private classify(body: string): void {
    if (body.includes('answering a great many questions')) this.counts.busy += 1;
    else if (body.includes('going a little fast') || body.includes('asking faster than')) this.counts.rateLimited += 1;
    else if (body.includes('went wrong on our side')) this.counts.failed += 1;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The thread_ts of a Web API call, sent as JSON or as a form. */
function threadOf(body: string, contentType: string | undefined): string | undefined {
  if (contentType?.includes('json')) {
    const thread = (JSON.parse(body) as { thread_ts?: unknown }).thread_ts;
    return typeof thread === 'string' ? thread : undefined;
  }
  return new URLSearchParams(body).get('thread_ts') ?? undefined;
}
