/**
 * A per-user cooldown: one command or button press per user per `ms`. In memory, per process (per
 * shard), which is enough to stop a burst; it is not a quota.
 */
export class Cooldown {
  private readonly last = new Map<string, number>();

  constructor(
    readonly ms: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the user must still wait, or 0 when they may go ahead (and the use is recorded). */
  take(userId: string): number {
    if (this.ms <= 0) return 0;
    const now = this.now();
    const previous = this.last.get(userId);
    if (previous !== undefined && now - previous < this.ms) return this.ms - (now - previous);
    this.last.set(userId, now);
    if (this.last.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [userId, at] of this.last) if (now - at >= this.ms) this.last.delete(userId);
  }
}

/** The polite reply to someone who is going too fast. */
export function cooldownMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `You're going a little fast. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
}
