/**
 * Shared state in Redis (ioredis, loaded only when REDIS_URL is set). Event ids are remembered with
 * an atomic `SET key 1 PX <ttl> NX`; rate limits are token buckets taken by one script
 * (`token-bucket.ts`). Redis is never allowed to stop an answer: commands time out quickly, nothing
 * is queued while it is unreachable, and then the in-process state (`MemoryState`) answers instead,
 * with one log line a minute. Keys first seen during an outage are written to Redis when it returns,
 * so a retry that arrives afterwards on another replica is still recognised. Every key this process
 * sees is also kept in its own memory, so a replica never answers twice what it has answered itself.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RateLimits, Verdict } from '../ratelimit.js';
import { MemoryState, SEEN_TTL_MS, type SharedState } from './shared-state.js';
import { TOKEN_BUCKET_LUA } from './token-bucket.js';

export interface RedisStateOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`. */
  url: string;
  limits: RateLimits;
  logger: Logger;
  /** Prepended to every key, e.g. `backchannel:slack:`. */
  prefix: string;
  /**
   * A command not answered within this long counts as Redis being unreachable. Default 1,500 ms: long
   * enough that a busy replica's event loop (whose timers run before the reply it has already
   * received is read) never mistakes itself for an outage, short enough for Discord's 3 s. A Redis
   * that is down closes the connection, and commands then fail at once.
   */
  commandTimeoutMs?: number;
  /** While Redis is unreachable, one log line per this many ms. Default 60 s. */
  logEveryMs?: number;
  /** How long `open` waits for the first connection before serving from memory. Default 2 s. */
  connectWaitMs?: number;
  now?: () => number;
}

/** People a bucket remembers telling (as `MAX_TOLD` in ratelimit.ts). */
const MAX_TOLD = 1000;
/** Keys first seen during an outage, kept to be written to Redis on its return. */
const MAX_PENDING = 20_000;
/** After a command fails on a connection that looked ready (a hung Redis), Redis is left alone this long. */
const PAUSE_AFTER_FAILURE_MS = 5000;

type TakeReply = [number, number, number, number];
interface WithTake {
  backchannelTake(userKey: string, channelKey: string, ...args: Array<string | number>): Promise<TakeReply>;
}

export class RedisState implements SharedState {
  readonly kind = 'redis';
  private readonly local: MemoryState;
  private readonly client: Redis;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly logEveryMs: number;
  private pausedUntil = 0;
  private outage: { since: number; loggedAt: number; served: number } | null = null;
  private readonly pending = new Map<string, number>();
  private closed = false;

  private constructor(private readonly options: RedisStateOptions) {
    this.local = new MemoryState(options.limits);
    this.logger = options.logger.child({ redis: options.prefix });
    this.now = options.now ?? Date.now;
    this.logEveryMs = options.logEveryMs ?? 60_000;
    this.client = new Redis(options.url, {
      // Nothing waits for a connection: a command on a closed one fails at once, and memory answers.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 1500,
      connectTimeout: 1000,
      // The commands of one turn of the event loop go out in one write: under load each replica sent
      // ~4 commands an event, one socket write each, which cost more CPU than anything else it did.
      enableAutoPipelining: true,
      // Reconnect forever, at most a second apart, so that shared state returns within a second of Redis.
      retryStrategy: (times) => Math.min(100 * times, 1000),
    });
    this.client.defineCommand('backchannelTake', { numberOfKeys: 2, lua: TOKEN_BUCKET_LUA });
    this.client.on('error', (error: Error) => this.unavailable(error));
    // A connection that closes is an outage even before a request notices it.
    this.client.on('close', () => this.unavailable(new Error('the connection to Redis closed')));
    this.client.on('ready', () => this.available());
  }

  /** Connects (waiting at most `connectWaitMs`); if Redis is not there yet, serves from memory until it is. */
  static async open(options: RedisStateOptions): Promise<RedisState> {
    const state = new RedisState(options);
    if (state.client.status !== 'ready') {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.connectWaitMs ?? 2000);
        state.client.once('ready', () => resolve());
      });
      clearTimeout(timer);
      if ((state.client.status as string) !== 'ready') state.unavailable(new Error(`no connection to Redis at start-up (status ${state.client.status})`));
    }
    return state;
  }

  /** True while requests are served from Redis (not from this process's memory). */
  get shared(): boolean {
    return this.client.status === 'ready' && this.now() >= this.pausedUntil;
  }

  async firstTime(key: string): Promise<boolean> {
    const locally = this.local.keys.firstTime(key);
    if (this.shared) {
      try {
        const set = await this.client.set(this.options.prefix + 'seen:' + key, '1', 'PX', SEEN_TTL_MS, 'NX');
        return set === 'OK' && locally;
      } catch (error) {
        this.failed(error);
      }
    } else this.unavailable();
    if (locally) this.keep(key);
    return locally;
  }

  async take(user: string | undefined, channel: string | undefined): Promise<Verdict> {
    if (this.shared) {
      try {
        return await this.takeShared(user, channel);
      } catch (error) {
        this.failed(error);
      }
    } else this.unavailable();
    return this.local.limiter.take(user, channel);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.local.close();
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }

  private async takeShared(user: string | undefined, channel: string | undefined): Promise<Verdict> {
    const { user: userRate, channel: channelRate } = this.options.limits;
    const limitUser = userRate && user !== undefined;
    const limitChannel = channelRate && channel !== undefined;
    if (!limitUser && !limitChannel) return { allowed: true };
    const prefix = this.options.prefix;
    const [allowed, scope, retryMs, notify] = await (this.client as unknown as WithTake).backchannelTake(
      `${prefix}rl:u:${user ?? ''}`,
      `${prefix}rl:c:${channel ?? ''}`,
      user ?? '',
      limitUser ? userRate.burst : 0,
      userRate?.everyMs ?? 1,
      limitChannel ? channelRate.burst : 0,
      channelRate?.everyMs ?? 1,
      MAX_TOLD,
    );
    if (allowed === 1) return { allowed: true };
    return { allowed: false, scope: scope === 1 ? 'user' : 'channel', retryMs, notify: notify === 1 };
  }

  /** A command failed on a connection that looked ready (a timeout, a reset): leave Redis alone for a moment. */
  private failed(error: unknown): void {
    this.pausedUntil = this.now() + PAUSE_AFTER_FAILURE_MS;
    this.unavailable(error);
  }

  /** Serving from memory: the first time, and then once a minute, say so. */
  private unavailable(error?: unknown): void {
    if (this.closed) return;
    const now = this.now();
    if (!this.outage) {
      this.outage = { since: now, loggedAt: now, served: 1 };
      this.logger.warn({ err: error }, 'Redis is unreachable: answering with in-process state until it returns');
      return;
    }
    if (error === undefined) this.outage.served += 1;
    if (now - this.outage.loggedAt >= this.logEveryMs) {
      this.outage.loggedAt = now;
      this.logger.warn({ err: error, downForMs: now - this.outage.since, servedFromMemory: this.outage.served }, 'Redis is still unreachable: answering with in-process state');
    }
  }

  private available(): void {
    this.pausedUntil = 0;
    if (this.outage) {
      const now = this.now();
      this.logger.info({ downForMs: now - this.outage.since, servedFromMemory: this.outage.served, keysToShare: this.pending.size }, 'Redis is back: shared state again');
      this.outage = null;
    }
    void this.sharePending();
  }

  /** Remembers a key first seen while Redis was unreachable, to write it there on its return. */
  private keep(key: string): void {
    if (this.pending.size >= MAX_PENDING) {
      const oldest = this.pending.keys().next();
      if (!oldest.done) this.pending.delete(oldest.value);
    }
    this.pending.set(key, this.now() + SEEN_TTL_MS);
  }

  private async sharePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const now = this.now();
    const pipeline = this.client.pipeline();
    const keys = [...this.pending];
    for (const [key, expires] of keys) if (expires > now) pipeline.set(this.options.prefix + 'seen:' + key, '1', 'PX', expires - now, 'NX');
    try {
      await pipeline.exec();
      for (const [key] of keys) this.pending.delete(key);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not share the keys seen during the Redis outage; will retry when it returns');
    }
  }
}
