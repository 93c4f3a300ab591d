/** Bolt's logger interface, backed by the app's pino logger, so Bolt's own lines land in the same log. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

const FROM_PINO: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

function emit(logger: Logger, level: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]): void {
  const err = parts.find((part): part is Error => part instanceof Error);
  const msg = parts
    .filter((part) => !(part instanceof Error))
    .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
    .join(' ');
  if (err) logger[level]({ err }, msg || err.message);
  else logger[level](msg);
}

export function toBoltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  let level = FROM_PINO[logger.level] ?? LogLevel.INFO;
  return {
    debug: (...parts: unknown[]) => emit(log, 'debug', parts),
    info: (...parts: unknown[]) => emit(log, 'info', parts),
    warn: (...parts: unknown[]) => emit(log, 'warn', parts),
    error: (...parts: unknown[]) => emit(log, 'error', parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
