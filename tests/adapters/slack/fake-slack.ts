/**
 * A fake Slack on 127.0.0.1 for end-to-end tests of the real Bolt app: the Web API methods the app
 * calls, `response_url`s, the Socket Mode connection (`apps.connections.open` + a WebSocket), and
 * helpers that sign and send requests to the app the way Slack does. Everything it receives is
 * recorded; tests wait on the records (event-driven, with a deadline) rather than sleeping.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  kind: 'api';
  method: string;
  token: string | undefined;
  /** Form or JSON fields, with `blocks` parsed when it came as a JSON string. */
  params: Record<string, any>;
}
export interface ResponseUrlPost {
  kind: 'respond';
  id: string;
  body: Record<string, any>;
}
export interface SocketAck {
  kind: 'ack';
  envelope_id: string;
  payload: unknown;
}
export interface SocketConnection {
  kind: 'socket-open' | 'socket-close';
}
/** File bytes posted to an upload URL that `files.getUploadURLExternal` handed out. */
export interface FileUpload {
  kind: 'upload';
  fileId: string;
  contentType: string | undefined;
  /** The request body as sent (the web API client sends the file as a multipart form). */
  body: Buffer;
}
export type FakeRecord = ApiCall | ResponseUrlPost | SocketAck | SocketConnection | FileUpload;

export interface FakeSlackOptions {
  botToken: string;
  appToken?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

export interface SentRequest {
  status: number;
  body: string;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseFields(contentType: string | undefined, raw: string): Record<string, any> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, any>;
  const fields: Record<string, any> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments']) {
    if (typeof fields[key] === 'string') fields[key] = JSON.parse(fields[key] as string);
  }
  return fields;
}

export class FakeSlack {
  readonly records: FakeRecord[] = [];
  /** Upload URLs handed out by `files.getUploadURLExternal`, by file id. */
  readonly uploads = new Map<string, { filename: string; length: number }>();
  /** When true, every response_url answers 404 (as an expired one does). */
  failResponseUrls = false;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  private readonly listeners = new Set<() => void>();
  private readonly sockets = new Set<WebSocket>();
  private readonly wss: WebSocketServer;
  private tsCounter = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeSlackOptions,
  ) {
    this.botUserId = options.botUserId ?? 'UBOT';
    this.botId = options.botId ?? 'BBOT';
    this.teamId = options.teamId ?? 'T0001';
    this.wss = new WebSocketServer({ server, path: '/link' });
    this.wss.on('connection', (socket) => {
      this.sockets.add(socket);
      this.record({ kind: 'socket-open' });
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { envelope_id: string; payload?: unknown };
        this.record({ kind: 'ack', envelope_id: message.envelope_id, payload: message.payload });
      });
      socket.on('close', () => {
        this.sockets.delete(socket);
        this.record({ kind: 'socket-close' });
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' }, debug_info: { host: 'fake' } }));
    });
  }

  static async start(options: FakeSlackOptions): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      void fake?.handle(req, res);
    });
    fake = new FakeSlack(server, options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What the app's Web API client is pointed at. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A fresh response_url that records what is posted to it. */
  responseUrl(id: string = randomUUID()): string {
    return `${this.url}/respond/${id}`;
  }

  /** Files posted to upload URLs, in order. */
  fileUploads(): FileUpload[] {
    return this.records.filter((r): r is FileUpload => r.kind === 'upload');
  }

  calls(method: string): ApiCall[] {
    return this.records.filter((r): r is ApiCall => r.kind === 'api' && r.method === method);
  }

  responses(id?: string): ResponseUrlPost[] {
    return this.records.filter((r): r is ResponseUrlPost => r.kind === 'respond' && (id === undefined || r.id === id));
  }

  acks(envelopeId?: string): SocketAck[] {
    return this.records.filter((r): r is SocketAck => r.kind === 'ack' && (envelopeId === undefined || r.envelope_id === envelopeId));
  }

  /** Resolves with the first truthy value of `find`, checked now and on every new record; rejects after `timeoutMs`. */
  waitFor<T>(find: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = find();
        if (!value) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.records.map((r) => (r.kind === 'api' ? `api:${r.method}` : r.kind)).join(', ');
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; fake Slack saw: ${seen || 'nothing'}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  private record(entry: FakeRecord): void {
    this.records.push(entry);
    for (const listener of [...this.listeners]) listener();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', this.url).pathname;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/respond/')) {
      this.record({ kind: 'respond', id: path.slice('/respond/'.length), body: JSON.parse(raw) as Record<string, any> });
      if (this.failResponseUrls) json(404, { ok: false, error: 'expired_url' });
      else json(200, { ok: true });
      return;
    }
    if (path.startsWith('/upload/')) {
      const fileId = path.slice('/upload/'.length);
      if (!this.uploads.has(fileId)) return json(404, { ok: false, error: 'unknown_upload' });
      this.record({ kind: 'upload', fileId, contentType: req.headers['content-type'], body: bytes });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
      return;
    }
    if (!path.startsWith('/api/')) return json(404, { ok: false, error: 'not_found' });
    const method = path.slice('/api/'.length);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const params = parseFields(req.headers['content-type'], raw);
    this.record({ kind: 'api', method, token, params });

    if (method === 'apps.connections.open') {
      if (!this.options.appToken || token !== this.options.appToken) return json(200, { ok: false, error: 'invalid_auth' });
      return json(200, { ok: true, url: `${this.url.replace(/^http/, 'ws')}/link` });
    }
    if (token !== this.options.botToken) return json(200, { ok: false, error: 'invalid_auth' });
    switch (method) {
      case 'auth.test':
        return json(200, { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'backchannel', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId });
      case 'chat.postMessage':
      case 'chat.update': {
        this.tsCounter += 1;
        const ts = method === 'chat.update' ? params.ts : `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
        return json(200, { ok: true, channel: params.channel, ts, message: { text: params.text, ts } });
      }
      case 'files.getUploadURLExternal': {
        if (!params.filename || !(Number(params.length) > 0)) return json(200, { ok: false, error: 'invalid_arguments' });
        const fileId = `F${String(this.uploads.size + 1).padStart(8, '0')}`;
        this.uploads.set(fileId, { filename: params.filename, length: Number(params.length) });
        return json(200, { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId });
      }
      case 'files.completeUploadExternal': {
        const files = (typeof params.files === 'string' ? JSON.parse(params.files) : params.files) as Array<{ id: string; title?: string }>;
        if (!Array.isArray(files) || files.some((f) => !this.uploads.has(f.id))) return json(200, { ok: false, error: 'file_not_found' });
        return json(200, { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? this.uploads.get(f.id)!.filename })) });
      }
      case 'chat.postEphemeral':
        return json(200, { ok: true, message_ts: '1700000000.999999' });
      default:
        return json(200, { ok: false, error: 'unknown_method' });
    }
  }

  // ---- Slack → app, HTTP mode -------------------------------------------------------------------

  /** Posts a body to the app's /slack/events, signed with `secret` (or with what `sign` overrides). */
  async sendSigned(
    appUrl: string,
    body: string,
    contentType: string,
    secret: string,
    overrides: { timestamp?: number; signature?: string; headers?: Record<string, string> } = {},
  ): Promise<SentRequest> {
    const timestamp = overrides.timestamp ?? Math.floor(Date.now() / 1000);
    const response = await fetch(`${appUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': overrides.signature ?? signature(secret, timestamp, body),
        ...overrides.headers,
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  slashCommandBody(fields: { command: string; text: string; response_url: string; user_id?: string; channel_id?: string }): string {
    return new URLSearchParams({
      token: 'verification-token',
      team_id: this.teamId,
      team_domain: 'fake',
      channel_id: fields.channel_id ?? 'C0001',
      channel_name: 'general',
      user_id: fields.user_id ?? 'U0001',
      user_name: 'student',
      command: fields.command,
      text: fields.text,
      api_app_id: 'A0001',
      response_url: fields.response_url,
      trigger_id: '1.2.3',
    }).toString();
  }

  eventBody(eventId: string, event: Record<string, unknown>): string {
    return JSON.stringify(this.eventPayload(eventId, event));
  }

  eventPayload(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
    return {
      token: 'verification-token',
      team_id: this.teamId,
      api_app_id: 'A0001',
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: this.teamId, user_id: this.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    };
  }

  /** A block_actions payload for pressing `button` on a message. */
  actionPayload(fields: {
    button: { action_id: string; value: string };
    response_url: string;
    channel_id?: string;
    message_ts?: string;
    is_ephemeral?: boolean;
  }): Record<string, unknown> {
    const channel = fields.channel_id ?? 'C0001';
    const ts = fields.message_ts ?? '1700000000.000001';
    return {
      type: 'block_actions',
      user: { id: 'U0001', username: 'student', team_id: this.teamId },
      api_app_id: 'A0001',
      token: 'verification-token',
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: fields.is_ephemeral ?? false },
      trigger_id: '1.2.3',
      team: { id: this.teamId, domain: 'fake' },
      channel: { id: channel, name: 'general' },
      message: { type: 'message', ts, text: 'previous answer', user: this.botUserId, bot_id: this.botId },
      response_url: fields.response_url,
      actions: [{ type: 'button', action_id: fields.button.action_id, block_id: 'b1', value: fields.button.value, text: { type: 'plain_text', text: 'More results' }, action_ts: '1700000001.000000' }],
    };
  }

  actionBody(payload: Record<string, unknown>): string {
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }

  // ---- Slack → app, Socket Mode ------------------------------------------------------------------

  get socketCount(): number {
    return this.sockets.size;
  }

  /** Sends an envelope over the (single) Socket Mode connection; returns its envelope_id. */
  sendEnvelope(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown, extra: Record<string, unknown> = {}): string {
    const socket = [...this.sockets][0];
    if (!socket) throw new Error('no Socket Mode connection');
    const envelopeId = randomUUID();
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
    return envelopeId;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
