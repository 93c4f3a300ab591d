import { pino, type Logger, type LoggerOptions, type DestinationStream } from 'pino';

/** Paths whose values never reach a log line: tokens, secrets, and any header that may carry them. */
export const REDACT_PATHS = [
  '*.token',
  '*.DISCORD_TOKEN',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.signingSecret',
  '*.authorization',
  '*.headers.authorization',
  'token',
  'config',
];

/**
 * The one logger. Adapters take a child (`logger.child({ adapter: 'discord' })`) and log object first,
 * then message. Logs go to stderr so that stdout stays the CLI's answer.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const settings: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: undefined,
  };
  return pino(settings, options.destination ?? pino.destination(2));
}
