/**
 * Per-user and per-channel rate limits, shared by the Discord and Slack adapters. Each user and each
 * channel has a token bucket: `burst` requests at once, then one more every `everyMs`. A request goes
 * ahead only when both its user's and its channel's buckets have a token (and then takes one from
 * each). A refused request is answered politely once — the first time a person is refused in a
 * stretch of refusals — and silently after that, until one of that person's requests goes through
 * again. Memory is bounded: idle buckets are dropped, and beyond `maxKeys` the oldest go.
 */

export interface Rate {
  /** Requests allowed at once. */
  burst: number;
  /** One more request is allowed every this many milliseconds. */
  everyMs: number;
}

export interface RateLimits {
  /** Per user (across channels); null: no per-user limit. */
  user: Rate | null;
  /** Per channel (across users); null: no per-channel limit. */
  channel: Rate | null;
}

/**
 * A person may ask 5 questions at once, then one every 3 s (20 a minute); a channel 30 at once, then
 * one a second. Generous for people, tight enough that a script or a flood is slowed to a trickle.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({
  user: Object.freeze({ burst: 5, everyMs: 3000 }),
  channel: Object.freeze({ burst: 30, everyMs: 1000 }),
});

/** No limits at all (tests, and load tests that want the bare throughput). */
export const NO_RATE_LIMITS: RateLimits = Object.freeze({ user: null, channel: null });

export type Verdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Which limit refused it. */
      scope: 'user' | 'channel';
      /** How long until a request from here would go ahead, in ms. */
      retryMs: number;
      /** True the first time this person is refused in this stretch: tell them, politely. */
      notify: boolean;
    };

interface Bucket {
  tokens: number;
  at: number;
  /** People already told, in this stretch of refusals. */
  told?: Set<string>;
}

export interface RateLimiterOptions {
  now?: () => number;
  /** Most buckets kept per scope. Default 20,000. */
  maxKeys?: number;
  /** How often idle (refilled) buckets are dropped, in ms; 0: only when `maxKeys` is reached. Default 30 s. */
  sweepEveryMs?: number;
}

/** Users told at most per bucket, so the set stays small under a flood of distinct users. */
const MAX_TOLD = 1000;

class Buckets {
  private readonly map = new Map<string, Bucket>();

  constructor(
    private readonly rate: Rate,
    private readonly maxKeys: number,
  ) {}

  /** The bucket of `key`, refilled up to now (created full). */
  get(key: string, now: number): Bucket {
    let bucket = this.map.get(key);
    if (!bucket) {
      if (this.map.size >= this.maxKeys) this.prune(now);
      bucket = { tokens: this.rate.burst, at: now };
      this.map.set(key, bucket);
      return bucket;
    }
    const refill = (now - bucket.at) / this.rate.everyMs;
    if (refill > 0) {
      bucket.tokens = Math.min(this.rate.burst, bucket.tokens + refill);
      bucket.at = now;
    }
    return bucket;
  }

  retryMs(bucket: Bucket): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) * this.rate.everyMs));
  }

  get size(): number {
    return this.map.size;
  }

  /** Drops buckets that have refilled: they would be created full anyway. */
  sweep(now: number): void {
    for (const [key, bucket] of this.map) {
      if (bucket.tokens + (now - bucket.at) / this.rate.everyMs >= this.rate.burst) this.map.delete(key);
    }
  }

  /** Drops buckets that have refilled, then the oldest if still too many. */
  private prune(now: number): void {
    this.sweep(now);
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.map.keys()) {
      if (this.map.size <= target) break;
      this.map.delete(key);
    }
  }
}

export class RateLimiter {
  private readonly users: Buckets | null;
  private readonly channels: Buckets | null;
  private readonly now: () => number;
  private readonly sweepEveryMs: number;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    options: RateLimiterOptions = {},
  ) {
    const maxKeys = options.maxKeys ?? 20_000;
    for (const rate of [limits.user, limits.channel]) {
      if (rate && !(rate.burst >= 1 && rate.everyMs > 0)) throw new RangeError('a rate limit needs burst >= 1 and everyMs > 0');
    }
    this.users = limits.user ? new Buckets(limits.user, maxKeys) : null;
    this.channels = limits.channel ? new Buckets(limits.channel, maxKeys) : null;
    this.now = options.now ?? Date.now;
    this.sweepEveryMs = options.sweepEveryMs ?? 30_000;
  }

  /** Drops every idle bucket now (those refilled to their burst). */
  sweep(): void {
    const now = this.now();
    this.users?.sweep(now);
    this.channels?.sweep(now);
  }

  /** Stops the periodic sweep. The limiter still works (and sweeps when full). */
  close(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  /**
   * Decides whether a request by `user` in `channel` may go ahead, and takes a token from each bucket
   * when it may. A missing user or channel is not limited on that side.
   */
  take(user: string | undefined, channel: string | undefined): Verdict {
    // Idle buckets are dropped in the background (the timer never keeps the process alive).
    if (this.sweeper === undefined && this.sweepEveryMs > 0 && (this.users || this.channels)) {
      this.sweeper = setInterval(() => this.sweep(), this.sweepEveryMs);
      this.sweeper.unref();
    }
    const now = this.now();
    const userBucket = this.users && user ? this.users.get(user, now) : null;
    const channelBucket = this.channels && channel ? this.channels.get(`c:${channel}`, now) : null;
    const refusedBy: Array<['user' | 'channel', Bucket, Buckets]> = [];
    if (userBucket && userBucket.tokens < 1) refusedBy.push(['user', userBucket, this.users!]);
    if (channelBucket && channelBucket.tokens < 1) refusedBy.push(['channel', channelBucket, this.channels!]);
    const who = user ?? '';
    if (refusedBy.length === 0) {
      // A request that goes through ends this person's stretch of refusals: next time, tell them again.
      for (const bucket of [userBucket, channelBucket]) {
        if (!bucket) continue;
        bucket.tokens -= 1;
        bucket.told?.delete(who);
      }
      return { allowed: true };
    }
    // The limit that keeps them waiting longest is the one to tell them about.
    const [scope, bucket, buckets] = refusedBy.reduce((a, b) => (b[2].retryMs(b[1]) > a[2].retryMs(a[1]) ? b : a));
    const told = (bucket.told ??= new Set());
    const notify = !told.has(who) && told.size < MAX_TOLD;
    if (notify) told.add(who);
    return { allowed: false, scope, retryMs: buckets.retryMs(bucket), notify };
  }

  /** Buckets held (users, channels): for tests of the memory bound. */
  get size(): { users: number; channels: number } {
    return { users: this.users?.size ?? 0, channels: this.channels?.size ?? 0 };
  }
}

/** The polite message for a refused request. */
export function rateLimitMessage(verdict: Extract<Verdict, { allowed: false }>): string {
  const seconds = Math.max(1, Math.ceil(verdict.retryMs / 1000));
  const wait = `${seconds} second${seconds === 1 ? '' : 's'}`;
  return verdict.scope === 'user'
    ? `You're going a little fast. Please wait ${wait} and try again.`
    : `This channel is asking faster than I can answer. Please wait ${wait} and try again.`;
}
