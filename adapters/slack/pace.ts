/**
 * Paces the work of answering so that Slack's requests are always acknowledged at once. Work is
 * queued and run in slices of at most `sliceMs` per turn of the event loop, one job per `setImmediate`
 * callback (so each job's promise continuations run, and are timed, before the next job starts); new
 * requests and finished deliveries are served between slices, so an acknowledgement waits behind at
 * most one slice, never behind a queue of answers. Two priorities: `high` for the cheap work of
 * reading a request (Bolt's middleware, the rate limits), `low` for the costly work of answering (a
 * command run and rendered); low work gets every third turn when both are waiting, so neither starves.
 * When the low queue would keep a new answer waiting longer than `maxWaitMs`, `run` rejects at once
 * with `Busy`, and the caller says so: a clear refusal beats a late answer.
 */
export interface PacerOptions {
  /** Longest run of work between two turns of the event loop, in ms. Default 5. */
  sliceMs?: number;
  /** Longest expected wait for an answer before new answers are refused as busy, in ms. Default 15 s. */
  maxWaitMs?: number;
}

export type Priority = 'high' | 'low';

export class Busy extends Error {
  constructor(readonly expectedWaitMs: number) {
    super(`busy: about ${Math.round(expectedWaitMs)} ms of answers queued`);
    this.name = 'Busy';
  }
}

/** A FIFO queue that does not shift arrays (a long queue stays O(1) per job). */
class Queue<T> {
  private items: Array<T | undefined> = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head += 1;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

interface Job {
  priority: Priority;
  start(): void;
}

/** Callbacks scheduled per turn, at most: one per job, plus one that times the last and schedules the next turn. */
const BATCH = 64;

export class Pacer {
  private readonly sliceMs: number;
  private readonly maxWaitMs: number;
  private readonly queues: Record<Priority, Queue<Job>> = { high: new Queue(), low: new Queue() };
  /** Moving average of one job's run time, per priority, in ms. */
  private readonly averageMs: Record<Priority, number> = { high: 0.5, low: 2 };
  private readonly measured: Record<Priority, boolean> = { high: false, low: false };
  private scheduled = false;
  private turn = 0;
  private idleWaiters: Array<() => void> = [];
  /** Jobs run, and answers refused as busy, since start. */
  readonly counts = { run: 0, busy: 0 };

  constructor(options: PacerOptions = {}) {
    this.sliceMs = options.sliceMs ?? 5;
    this.maxWaitMs = options.maxWaitMs ?? 15_000;
  }

  /** Resolves when no job is waiting (jobs already started may still be finishing their async work). */
  whenIdle(): Promise<void> {
    if (this.pending() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Jobs waiting, per priority. */
  pending(priority?: Priority): number {
    return priority ? this.queues[priority].size : this.queues.high.size + this.queues.low.size;
  }

  /** Expected wait of a low-priority job queued now, in ms. */
  get expectedWaitMs(): number {
    return this.queues.low.size * this.averageMs.low;
  }

  /**
   * Runs `work` in its turn and resolves with its result (awaiting it when it is a promise); rejects
   * with what it throws, or at once with `Busy` when a low-priority job would wait too long.
   */
  run<T>(work: () => T | Promise<T>, priority: Priority = 'low'): Promise<T> {
    if (priority === 'low' && this.queues.low.size > 0 && this.expectedWaitMs > this.maxWaitMs) {
      this.counts.busy += 1;
      return Promise.reject(new Busy(this.expectedWaitMs));
    }
    return new Promise<T>((resolve, reject) => {
      this.queues[priority].push({
        priority,
        start: () => {
          try {
            Promise.resolve(work()).then(resolve, reject);
          } catch (error) {
            reject(error);
          }
        },
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const turn = { started: -1, last: null as { job: Job; at: number } | null, done: false };
    const count = Math.min(this.pending(), BATCH);
    for (let i = 0; i < count; i += 1) setImmediate(() => this.step(turn, false));
    setImmediate(() => this.step(turn, true));
  }

  /** One callback of a turn: time the job before it (its continuations have run), then run the next if the slice allows. */
  private step(turn: { started: number; last: { job: Job; at: number } | null; done: boolean }, closing: boolean): void {
    const now = performance.now();
    if (turn.started < 0) {
      turn.started = now;
      this.scheduled = false;
    }
    if (turn.last) {
      const priority = turn.last.job.priority;
      const ms = now - turn.last.at;
      this.averageMs[priority] = this.measured[priority] ? this.averageMs[priority] * 0.8 + ms * 0.2 : ms;
      this.measured[priority] = true;
      turn.last = null;
    }
    if (turn.done) return;
    const job = closing || now - turn.started >= this.sliceMs ? undefined : this.next();
    if (!job) {
      turn.done = true;
      if (this.pending() > 0) this.schedule();
      else if (this.idleWaiters.length > 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    turn.last = { job, at: now };
    this.counts.run += 1;
    job.start();
  }

  /** High first, but low every third job when both wait. */
  private next(): Job | undefined {
    this.turn += 1;
    const preferLow = this.turn % 3 === 0;
    const first = preferLow ? this.queues.low : this.queues.high;
    const second = preferLow ? this.queues.high : this.queues.low;
    return first.shift() ?? second.shift();
  }
}

/** At most `max` tasks at once; the others wait their turn, in order. */
export class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
