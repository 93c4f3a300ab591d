/**
 * Remembers keys (Slack `event_id`s, message timestamps) for a while, in bounded memory: entries
 * expire after `ttlMs`, and beyond `max` entries the oldest go first. Slack retries an event up to
 * three times within about five minutes, so an hour is ample.
 */
export interface RecentKeysOptions {
  max?: number;
  ttlMs?: number;
  now?: () => number;
}

export class RecentKeys {
  private readonly seen = new Map<string, number>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: RecentKeysOptions = {}) {
    this.max = options.max ?? 10_000;
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** True the first time a key is offered (within its time to live); false for every repeat. */
  firstTime(key: string): boolean {
    const now = this.now();
    this.evict(now);
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + this.ttlMs);
    while (this.seen.size > this.max) {
      const oldest = this.seen.keys().next();
      if (oldest.done) break;
      this.seen.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Entries are kept in insertion order, which is expiry order: drop expired ones from the front. */
  private evict(now: number): void {
    for (const [key, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(key);
    }
  }
}
