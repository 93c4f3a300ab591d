/**
 * The process around the adapters: faults outside any handler are logged, not fatal, and SIGTERM or
 * SIGINT stops taking new work, lets replies in flight finish, then exits. `adapters/start.ts` uses
 * these; so does the fault test's child process, so what is tested is what runs.
 */
import type { Logger } from 'pino';

export interface Running {
  name: string;
  /** Stops taking new work and resolves when replies in flight are delivered (each adapter bounds the wait). */
  stop(): Promise<void>;
}

/**
 * Logs uncaught exceptions and unhandled rejections instead of letting them end the process. Every
 * handler of the adapters catches its own errors, so these come from outside any one request (a
 * library's timer, a stray promise); the core is immutable and requests share no state, so the
 * process keeps serving. Returns a function that removes the handlers.
 */
export function guardProcess(logger: Logger): () => void {
  let uncaught = 0;
  const onException = (error: Error, origin: string) => {
    uncaught += 1;
    logger.error({ err: error, origin, uncaught }, 'uncaught exception: logged, and the process keeps serving');
  };
  const onRejection = (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled rejection: logged, and the process keeps serving');
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}

export interface RunOptions {
  /** Signals that stop the process. Default SIGINT and SIGTERM. */
  signals?: NodeJS.Signals[];
  /** After stopping, how long to wait for the event loop to empty before exiting anyway, in ms. Default 2 s. */
  exitGraceMs?: number;
}

/**
 * Waits for a stop signal, then stops every adapter (each finishes its replies in flight, within its
 * own bound) and resolves with the exit code: 0, or 1 if an adapter failed to stop cleanly. A second
 * signal while stopping exits at once with 1. Once stopped, the process exits when its event loop is
 * empty, or after `exitGraceMs` at the latest (a library's stray handle never keeps it alive).
 */
export async function runUntilSignal(running: readonly Running[], logger: Logger, options: RunOptions = {}): Promise<number> {
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const name of signals) process.once(name, resolve);
  });
  logger.info({ signal, adapters: running.map((r) => r.name) }, 'stopping: finishing replies in flight');
  const again = (second: NodeJS.Signals) => {
    logger.warn({ signal: second }, 'second signal while stopping: exiting now');
    process.exit(1);
  };
  for (const name of signals) process.once(name, again);
  const results = await Promise.allSettled(running.map((r) => r.stop()));
  let code = 0;
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      code = 1;
      logger.error({ err: result.reason, adapter: running[i]!.name }, 'adapter did not stop cleanly');
    }
  });
  for (const name of signals) process.off(name, again);
  logger.info({ code }, 'stopped');
  setTimeout(() => process.exit(code), options.exitGraceMs ?? 2000).unref();
  return code;
}
