/**
 * Bolt's receiver for HTTP mode, acknowledging first. A request to /slack/events is read (up to
 * `bodyLimit`), its signature and timestamp checked as Bolt's own HTTPReceiver checks them (its
 * HTTPModuleFunctions: 401 when they fail, 413 when too large, 400 when unreadable; and 401 for a
 * timestamp more than five minutes ahead, which Bolt lets through), `ssl_check`
 * and `url_verification` are answered, and every other request is acknowledged at once with an empty
 * 200 — before Bolt's middleware and listeners run. They run after, paced (`Pacer`, high priority),
 * so no amount of work already queued can delay an acknowledgement past Slack's 3-second deadline;
 * the listeners' own `ack()` is then a no-op. This app never answers in the acknowledgement's body
 * (it replies through response_url and the Web API), so nothing is lost by acknowledging first.
 *
 * When more requests are waiting than `maxQueued`, a new one is refused with 503 (Slack shows the
 * person an error, and retries events), rather than being taken and dropped.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HTTPModuleFunctions as http, type App, type Logger as BoltLogger, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Pacer } from './pace.js';

export interface AckFirstReceiverOptions {
  signingSecret: string;
  logger: BoltLogger;
  pacer: Pacer;
  /** Largest body accepted, in bytes. Default 1 MB (Slack's payloads are a few kB). */
  bodyLimit?: number;
  /** Most requests waiting to be processed before new ones are refused with 503. Default 50,000. */
  maxQueued?: number;
  /** Called with any error Bolt's processing throws. */
  onError?: (error: unknown) => void;
}

export const EVENTS_PATH = '/slack/events';

export class AckFirstReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  /** Requests refused with 503 because too many were waiting. */
  refused = 0;

  constructor(private readonly options: AckFirstReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(listen: { port?: number; host?: string } = {}): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen.port ?? 3000, listen.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || path !== EVENTS_PATH) {
      res.writeHead(404).end();
      return;
    }
    void this.receive(req, res);
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger, pacer } = this.options;
    let buffered: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await http.parseAndVerifyHTTPRequest({ enabled: true, signingSecret: this.options.signingSecret, bodyLimit: this.options.bodyLimit ?? 1024 * 1024 }, req);
    } catch (error) {
      if (http.isRawBodyError(error) && ((error as { type?: string }).type === 'entity.too.large' || (error as { statusCode?: number }).statusCode === 413)) {
        logger.warn('Slack request refused: body too large');
        http.buildNoBodyResponse(res, 413);
        return;
      }
      logger.warn(`Slack request refused: ${(error as Error).message}`);
      http.buildNoBodyResponse(res, 401);
      return;
    }
    // Bolt refuses timestamps over five minutes old; one over five minutes ahead is refused too.
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(timestamp) && timestamp > Date.now() / 1000 + 5 * 60) {
      logger.warn('Slack request refused: x-slack-request-timestamp is in the future');
      http.buildNoBodyResponse(res, 401);
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = http.parseHTTPRequestBody(buffered) as Record<string, unknown>;
    } catch (error) {
      logger.warn(`Slack request refused: malformed body (${(error as Error).message})`);
      http.buildNoBodyResponse(res, 400);
      return;
    }
    if (body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    if (pacer.pending('high') >= (this.options.maxQueued ?? 50_000)) {
      this.refused += 1;
      logger.error('Slack request refused with 503: too many requests are waiting');
      http.buildNoBodyResponse(res, 503);
      return;
    }

    // The acknowledgement, at once; Bolt's processing follows, paced.
    res.writeHead(200).end();
    this.enqueue({ body, ack: async () => {}, retryNum: http.extractRetryNumFromHTTPRequest(req), retryReason: http.extractRetryReasonFromHTTPRequest(req) });
  }

  /**
   * Queues Bolt's processing of an acknowledged request. Kept apart from `receive` so that the queued
   * closure holds the parsed event alone, not the request, its raw body and its response.
   */
  private enqueue(event: ReceiverEvent): void {
    const app = this.app;
    if (!app) return;
    this.options.pacer.run(() => app.processEvent(event), 'high').catch((error: unknown) => this.options.onError?.(error));
  }
}
