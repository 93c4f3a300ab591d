/**
 * What replicas of the bot must share: which Slack events (and messages) have been answered, and the
 * per-user and per-channel rate limits. In one process both live in memory (`MemoryState`); with
 * `REDIS_URL` they live in Redis (`RedisState`, loaded only then), so a retry landing on another
 * replica is still answered once and a person gets one rate however many replicas there are.
 */
import type { Logger } from 'pino';
import { RecentKeys } from '../slack/dedupe.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits, type Verdict } from '../ratelimit.js';

export interface SharedState {
  /** Where the state lives: this process, or Redis (shared by every replica using the same URL). */
  readonly kind: 'memory' | 'redis';
  /** True the first time `key` is offered (for an hour), across every replica sharing this state. */
  firstTime(key: string): Promise<boolean>;
  /** The rate limiter's verdict for a request by `user` in `channel`, taking a token when allowed. */
  take(user: string | undefined, channel: string | undefined): Promise<Verdict>;
  /** Releases timers and connections. Safe to call twice. */
  close(): Promise<void>;
}

export interface SharedStateOptions {
  /** `redis://` or `rediss://` URL; unset: in-process state. */
  redisUrl?: string | undefined;
  /** Per-user and per-channel limits. Default `DEFAULT_RATE_LIMITS`. */
  limits?: RateLimits;
  logger: Logger;
  /** Keeps one adapter's keys apart from another's in Redis, e.g. `slack`. */
  namespace: string;
}

/** How long a key given to `firstTime` is remembered: Slack retries within about five minutes. */
export const SEEN_TTL_MS = 60 * 60 * 1000;

/** Today's single-process state: bounded maps in this process. */
export class MemoryState implements SharedState {
  readonly kind = 'memory';
  readonly keys = new RecentKeys({ ttlMs: SEEN_TTL_MS });
  readonly limiter: RateLimiter;

  constructor(limits: RateLimits = DEFAULT_RATE_LIMITS) {
    this.limiter = new RateLimiter(limits);
  }

  async firstTime(key: string): Promise<boolean> {
    return this.keys.firstTime(key);
  }

  async take(user: string | undefined, channel: string | undefined): Promise<Verdict> {
    return this.limiter.take(user, channel);
  }

  async close(): Promise<void> {
    this.limiter.close();
  }
}

/** The state an adapter should use: Redis when `redisUrl` is set (its client loaded only then), else memory. */
export async function openSharedState(options: SharedStateOptions): Promise<SharedState> {
  const limits = options.limits ?? DEFAULT_RATE_LIMITS;
  if (!options.redisUrl) return new MemoryState(limits);
  const { RedisState } = await import('./redis.js');
  return RedisState.open({ url: options.redisUrl, limits, logger: options.logger, prefix: `backchannel:${options.namespace}:` });
}
