/**
 * A fake Discord for tests: the REST routes the bot uses and a JSON WebSocket gateway, on 127.0.0.1
 * and a free port. The real discord.js client talks to it (`rest: { api: fake.api }`); nothing of
 * the library is mocked. It records every request and gateway frame, checks message bodies against
 * Discord's limits (answering 400 as Discord would), and answers unknown routes with 404 (a 5xx would
 * make the REST client retry).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Decoded path, without the `/api/v10` prefix: `/interactions/1/tok/callback`. */
  path: string;
  query: Record<string, string>;
  body: any;
  authorization: string | undefined;
}

export interface Identify {
  shard: [number, number];
  token: string;
  intents: number;
}

/** What the bot did in answer to one interaction. */
export interface InteractionOutcome {
  /** The interaction callback (`type` 4 reply, 5 deferred, 6 deferred update, 7 update, 8 autocomplete). */
  callback?: any;
  /** Bodies of `PATCH …/messages/@original`, in order. */
  edits: any[];
  /** Bodies of follow-up messages. */
  followUps: any[];
  /** Files uploaded with the edits (multipart), in order. */
  files: UploadedFile[];
}

/** A file part of a multipart message upload. */
export interface UploadedFile {
  /** The form field: `files[0]`… */
  field: string;
  filename: string;
  contentType: string | undefined;
  data: Buffer;
}

/** Splits a multipart/form-data body into its JSON payload (`payload_json`) and its files. */
export function parseMultipart(raw: Buffer, boundary: string): { body: any; files: UploadedFile[] } {
  const files: UploadedFile[] = [];
  let body: any = undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(at + delimiter.length + 2, next - 2); // past CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const field = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (filename !== undefined) files.push({ field, filename, contentType: /content-type:\s*(\S+)/i.exec(headers)?.[1], data: Buffer.from(data) });
    else if (field === 'payload_json') body = JSON.parse(data.toString('utf8'));
    at = next;
  }
  return { body, files };
}

let nextSnowflake = 1_200_000_000_000_000_000n;
/** A fresh, increasing snowflake. */
export const snowflake = (): string => String((nextSnowflake += 1n << 22n));

export interface FakeDiscordOptions {
  appId?: string;
  /** The shard count `GET /gateway/bot` recommends. */
  shards?: number;
  /** Tokens the gateway and REST accept (`Bot <token>`); default: any. */
  token?: string;
}

export class FakeDiscord {
  readonly appId: string;
  readonly botUserId: string;
  readonly requests: RecordedRequest[] = [];
  readonly identifies: Identify[] = [];
  /** Frames received from clients, with the shard they came in on (null before IDENTIFY). */
  readonly frames: Array<{ shard: number | null; op: number; d: any }> = [];
  /** Problems found in message bodies (each answered with a 400). */
  readonly violations: string[] = [];
  /** Commands as last registered, per scope (`global` or a guild id). */
  readonly registered = new Map<string, any[]>();
  private readonly shardSockets = new Map<number, WebSocket>();
  private readonly sequence = new Map<WebSocket, number>();
  private readonly outcomes = new Map<string, InteractionOutcome>();
  private readonly tokenToInteraction = new Map<string, string>();
  private shardCount: number;
  private readonly token: string | undefined;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
    options: FakeDiscordOptions,
  ) {
    this.appId = options.appId ?? '1100000000000000001';
    this.botUserId = this.appId;
    this.shardCount = options.shards ?? 1;
    this.token = options.token;
  }

  /** The REST base to give discord.js: no trailing slash. */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ noServer: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeDiscord(server, wss, (server.address() as AddressInfo).port, options);
    server.on('request', (req, res) => void fake.handleHttp(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      wss.handleUpgrade(req, socket, head, (ws) => fake.handleSocket(ws));
    });
    return fake;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // -------------------------------------------------------------------------------------------------
  // Waiting

  /** Polls `check` every 10 ms until it returns something other than undefined, for at most `timeoutMs`. */
  async waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline) {
        const seen = this.requests.map((r) => `${r.method} ${r.path}`).join('\n  ');
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Requests so far:\n  ${seen || '(none)'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** What the bot has done for an interaction so far. */
  outcome(interactionId: string): InteractionOutcome {
    let outcome = this.outcomes.get(interactionId);
    if (!outcome) this.outcomes.set(interactionId, (outcome = { edits: [], followUps: [], files: [] }));
    return outcome;
  }

  /** Waits for the interaction's callback and, unless it is a direct reply or autocomplete, its first edit. */
  async settled(interactionId: string, timeoutMs = 5000): Promise<InteractionOutcome> {
    return this.waitFor(`the answer to interaction ${interactionId}`, () => {
      const outcome = this.outcomes.get(interactionId);
      if (!outcome?.callback) return undefined;
      const direct = [4, 7, 8].includes(outcome.callback.type);
      return direct || outcome.edits.length > 0 ? outcome : undefined;
    }, timeoutMs);
  }

  // -------------------------------------------------------------------------------------------------
  // Gateway

  /** Waits until `count` shards have identified and been sent READY. */
  async shardsReady(count: number, timeoutMs = 10_000): Promise<void> {
    await this.waitFor(`${count} shard(s) to identify`, () => this.shardSockets.size >= count || undefined, timeoutMs);
  }

  /** The shard Discord would send a guild's events to (DMs go to shard 0). */
  shardFor(guildId: string | undefined): number {
    return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(this.shardCount)) : 0;
  }

  /** A guild id that Discord would route to `shard` of `count`. */
  static guildOnShard(shard: number, count: number): string {
    for (;;) {
      const id = snowflake();
      if (Number((BigInt(id) >> 22n) % BigInt(count)) === shard) return id;
    }
  }

  /** Dispatches INTERACTION_CREATE on the shard its guild belongs to; returns the interaction id. */
  sendInteraction(payload: any): string {
    const shard = this.shardFor(payload.guild_id);
    const ws = this.shardSockets.get(shard);
    if (!ws) throw new Error(`No client is connected for shard ${shard}`);
    this.tokenToInteraction.set(payload.token, payload.id);
    this.outcome(payload.id);
    this.dispatch(ws, 'INTERACTION_CREATE', payload);
    return payload.id;
  }

  private dispatch(ws: WebSocket, t: string, d: unknown): void {
    const s = (this.sequence.get(ws) ?? 0) + 1;
    this.sequence.set(ws, s);
    ws.send(JSON.stringify({ op: 0, t, s, d }));
  }

  private handleSocket(ws: WebSocket): void {
    let shard: number | null = null;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      this.frames.push({ shard, op: frame.op, d: frame.d });
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        const [id, count] = (frame.d.shard ?? [0, 1]) as [number, number];
        if (this.token !== undefined && frame.d.token !== this.token) return ws.close(4004, 'Authentication failed.');
        shard = id;
        this.shardCount = count;
        this.identifies.push({ shard: [id, count], token: frame.d.token, intents: frame.d.intents });
        this.shardSockets.set(id, ws);
        this.dispatch(ws, 'READY', {
          v: 10,
          user: { id: this.botUserId, username: 'Backchannel', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
          guilds: [],
          session_id: randomBytes(8).toString('hex'),
          resume_gateway_url: this.gatewayUrl,
          shard: [id, count],
          application: { id: this.appId, flags: 0 },
        });
      }
    });
    ws.on('close', () => {
      if (shard !== null && this.shardSockets.get(shard) === ws) this.shardSockets.delete(shard);
    });
  }

  /** Shards with an open gateway connection. */
  get connectedShards(): number[] {
    return [...this.shardSockets.keys()].sort();
  }

  // -------------------------------------------------------------------------------------------------
  // REST

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    let body: any = undefined;
    const boundary = /^multipart\/form-data;\s*boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
    let files: UploadedFile[] = [];
    if (boundary) ({ body, files } = parseMultipart(raw, boundary.replace(/^"|"$/g, '')));
    else if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
    };
    this.requests.push(recorded);
    const send = (status: number, payload?: unknown) => {
      if (payload === undefined) {
        res.writeHead(status).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      }
    };
    const authorized = this.token === undefined || req.headers.authorization === `Bot ${this.token}`;
    let match: RegExpMatchArray | null;

    if (recorded.method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      if (path === '/gateway/bot' && !authorized) return send(401, { message: '401: Unauthorized', code: 0 });
      return send(200, {
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }

    if (recorded.method === 'POST' && (match = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const problems = body?.data ? this.checkMessage(body.data, body.type === 8) : [];
      if (problems.length > 0) return send(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
      const outcome = this.outcome(match[1]!);
      if (outcome.callback) return send(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      outcome.callback = body;
      if (recorded.query.with_response === 'true') return send(200, { interaction: { id: match[1], type: 2 }, resource: { type: body.type } });
      return send(204);
    }

    if ((match = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(.+))?$/))) {
      const [, appId, token, message] = match;
      const interactionId = this.tokenToInteraction.get(token!);
      if (appId !== this.appId || !interactionId) return send(404, { message: 'Unknown Webhook', code: 10015 });
      const outcome = this.outcome(interactionId);
      if (recorded.method === 'PATCH' && message === '@original') {
        const problems = this.checkMessage(body, false);
        if (problems.length > 0) return send(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
        const attachmentProblems = this.checkAttachments(body, files);
        if (attachmentProblems.length > 0) return send(400, { message: 'Invalid Form Body', code: 50035, errors: attachmentProblems });
        outcome.edits.push(body);
        outcome.files.push(...files);
        return send(200, this.messageObject(body, outcome.callback?.data?.flags ?? 0));
      }
      if (recorded.method === 'POST' && !message) {
        const problems = this.checkMessage(body, false);
        if (problems.length > 0) return send(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
        outcome.followUps.push(body);
        return send(200, this.messageObject(body, body?.flags ?? 0));
      }
    }

    if (recorded.method === 'PUT' && (match = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (!authorized) return send(401, { message: '401: Unauthorized', code: 0 });
      if (match[1] !== this.appId) return send(404, { message: 'Unknown Application', code: 10002 });
      const scope = match[2] ?? 'global';
      const previous = this.registered.get(scope) ?? [];
      const saved = (body as any[]).map((command) => ({
        ...command,
        id: previous.find((old) => old.name === command.name)?.id ?? snowflake(),
        application_id: this.appId,
        ...(match![2] ? { guild_id: match![2] } : {}),
        version: snowflake(),
      }));
      this.registered.set(scope, saved);
      return send(200, saved);
    }

    return send(404, { message: '404: Not Found', code: 0 });
  }

  private messageObject(body: any, flags: number): unknown {
    return {
      id: snowflake(),
      type: 20,
      channel_id: '1',
      author: { id: this.botUserId, username: 'Backchannel', discriminator: '0', global_name: null, avatar: null, bot: true },
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? flags,
      application_id: this.appId,
    };
  }

  /** Checks uploaded files against the message's `attachments`, as Discord does: each file's index listed there, within 10 MiB. */
  private checkAttachments(body: any, files: UploadedFile[]): string[] {
    const problems: string[] = [];
    const listed: Array<{ id: string | number }> = body?.attachments ?? [];
    for (const [i, file] of files.entries()) {
      if (file.field !== `files[${i}]`) problems.push(`file field ${file.field} is not files[${i}]`);
      if (!listed.some((a) => String(a.id) === String(i))) problems.push(`file ${file.filename} (files[${i}]) is not listed in attachments`);
      if (file.data.length > 10 * 1024 * 1024) problems.push(`file ${file.filename} is over 10 MiB`);
    }
    this.violations.push(...problems);
    return problems;
  }

  /** Checks a message body (or autocomplete choices) against Discord's limits, as Discord would. */
  private checkMessage(body: any, autocomplete: boolean): string[] {
    const problems: string[] = [];
    if (autocomplete) {
      const choices = body?.choices ?? [];
      if (choices.length > 25) problems.push('choices: more than 25');
      for (const choice of choices) {
        if (String(choice.name).length < 1 || String(choice.name).length > 100) problems.push(`choice name length ${choice.name}`);
        if (String(choice.value).length > 100) problems.push(`choice value length ${choice.value}`);
      }
    } else {
      if (typeof body?.content === 'string' && body.content.length > 2000) problems.push('content: over 2000');
      const embeds: any[] = body?.embeds ?? [];
      if (embeds.length > 10) problems.push('embeds: more than 10');
      let total = 0;
      for (const embed of embeds) {
        const fields: any[] = embed.fields ?? [];
        if ((embed.title ?? '').length > 256) problems.push('embed title: over 256');
        if ((embed.description ?? '').length > 4096) problems.push('embed description: over 4096');
        if (fields.length > 25) problems.push('embed fields: more than 25');
        for (const field of fields) {
          if (!field.name || field.name.length > 256) problems.push(`field name: ${field.name}`);
          if (!field.value || field.value.length > 1024) problems.push(`field value: length ${field.value?.length}`);
        }
        if ((embed.footer?.text ?? '').length > 2048) problems.push('footer: over 2048');
        total +=
          (embed.title ?? '').length +
          (embed.description ?? '').length +
          (embed.footer?.text ?? '').length +
          (embed.author?.name ?? '').length +
          fields.reduce((sum, field) => sum + (field.name ?? '').length + (field.value ?? '').length, 0);
      }
      if (total > 6000) problems.push(`embeds: ${total} characters in all, over 6000`);
      const rows: any[] = body?.components ?? [];
      if (rows.length > 5) problems.push('components: more than 5 rows');
      const ids = new Set<string>();
      for (const row of rows) {
        if (row.type !== 1 || (row.components ?? []).length > 5) problems.push('components: bad action row');
        for (const component of row.components ?? []) {
          if (component.type === 2 && component.style !== 5) {
            if (!component.custom_id || component.custom_id.length > 100) problems.push(`custom_id: ${component.custom_id}`);
            if (ids.has(component.custom_id)) problems.push(`custom_id: duplicate ${component.custom_id}`);
            ids.add(component.custom_id);
          }
          if ((component.label ?? '').length > 80) problems.push('button label: over 80');
        }
      }
    }
    this.violations.push(...problems);
    return problems;
  }
}

// ---------------------------------------------------------------------------------------------------
// Interaction payloads, as Discord sends them

export interface Who {
  userId?: string;
  guildId?: string | null;
}

function context(app: string, who: Who) {
  const user = { id: who.userId ?? '1300000000000000001', username: 'tester', discriminator: '0', global_name: 'Tester', avatar: null };
  const guildId = who.guildId === undefined ? '1400000000000000001' : who.guildId;
  const base = {
    id: snowflake(),
    application_id: app,
    token: `itoken-${randomBytes(12).toString('hex')}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': guildId ?? user.id },
    attachment_size_limit: 10_485_760,
  };
  if (guildId) {
    return {
      ...base,
      guild_id: guildId,
      guild_locale: 'en-US',
      channel_id: '1500000000000000001',
      channel: { id: '1500000000000000001', type: 0, guild_id: guildId, name: 'general' },
      member: { user, roles: [], permissions: '0', joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      context: 0,
    };
  }
  return { ...base, channel_id: '1500000000000000002', channel: { id: '1500000000000000002', type: 1 }, user, context: 1 };
}

const OPTION_TYPES = { string: 3, number: 10, boolean: 5 } as const;

function optionList(options: Record<string, string | number | boolean>, focused?: string) {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : OPTION_TYPES[typeof value as 'string' | 'boolean'],
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

export function slashCommand(app: string, name: string, options: Record<string, string | number | boolean> = {}, who: Who = {}) {
  return { ...context(app, who), type: 2, data: { id: snowflake(), name, type: 1, options: optionList(options) } };
}

export function autocomplete(app: string, name: string, options: Record<string, string | number | boolean>, focused: string, who: Who = {}) {
  return { ...context(app, who), type: 4, data: { id: snowflake(), name, type: 1, options: optionList(options, focused) } };
}

/** A press of a button on `message` (a message body the bot sent: embeds, components, flags). */
export function buttonPress(app: string, customId: string, message: any, who: Who = {}) {
  const base = context(app, who);
  return {
    ...base,
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: snowflake(),
      type: 20,
      channel_id: base.channel_id,
      author: { id: app, username: 'Backchannel', discriminator: '0', global_name: null, avatar: null, bot: true },
      content: message?.content ?? '',
      embeds: message?.embeds ?? [],
      components: message?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: message?.flags ?? 0,
    },
  };
}

/** Every custom_id on a message body. */
export function customIds(message: any): string[] {
  return (message?.components ?? []).flatMap((row: any) => (row.components ?? []).map((c: any) => c.custom_id));
}
