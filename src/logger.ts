import { pino, type Logger, type LoggerOptions, type DestinationStream } from 'pino';

/**
 * Paths whose values never reach a log line: tokens, secrets, and any header or URL that may carry
 * them. pino's wildcards reach one level down; deeper copies (an HTTP client's error holding its
 * request headers, say) are caught by `scrubSecrets`, which every line goes through as well.
 */
export const REDACT_PATHS = [
  '*.token',
  '*.DISCORD_TOKEN',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.signingSecret',
  '*.appToken',
  '*.botToken',
  '*.clientSecret',
  '*.password',
  '*.authorization',
  '*.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.headers["x-slack-signature"]',
  '*.response_url',
  '*.responseUrl',
  'token',
  'authorization',
  'headers',
  'response_url',
  'config',
];

/** What a secret is replaced with. */
export const CENSOR = '[redacted]';

/**
 * Secrets recognised by their shape, wherever they appear in a line (a message, a stack, a URL):
 * Slack tokens, Discord bot tokens, credentials after `Bot`/`Bearer`/`Basic`, Discord interaction and
 * webhook tokens in API paths, the secret tail of Slack `response_url`s and webhooks, and Slack
 * request signatures.
 */
const SECRET_SHAPES =
  /\bxox[abposre]-[A-Za-z0-9-]+|\bxapp-[A-Za-z0-9-]+|\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}|\b(?:Bot|Bearer|Basic) [A-Za-z0-9._~+/=-]{20,}|(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9_.-]{16,}|(hooks\.slack\.com\/(?:commands|actions|services|workflows|triggers)\/)[^\s"'\\]+|\bv0=[0-9a-f]{64}\b/g;

/** Exact secret values to scrub, as registered by `createLogger({ secrets })` (each as it appears in JSON too). */
function exactPattern(secrets: readonly string[]): RegExp | null {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 6) continue;
    values.add(secret);
    values.add(JSON.stringify(secret).slice(1, -1));
  }
  if (values.size === 0) return null;
  const escaped = [...values].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'g');
}

/**
 * Replaces every secret in `text`: the exact values given, then anything shaped like a token, a
 * credential or a secret URL tail. Used on every log line, and usable on any text bound for a person.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  const exact = exactPattern(secrets);
  return scrubWith(text, exact);
}

function scrubWith(text: string, exact: RegExp | null): string {
  let out = exact ? text.replace(exact, CENSOR) : text;
  out = out.replace(SECRET_SHAPES, (_match, apiPath?: string, slackPath?: string) => `${apiPath ?? slackPath ?? ''}${CENSOR}`);
  return out;
}

export interface CreateLoggerOptions {
  level?: string;
  destination?: DestinationStream;
  /** Values that must never be written (the configured tokens and signing secret), scrubbed from every line. */
  secrets?: readonly string[];
}

/**
 * The one logger. Adapters take a child (`logger.child({ adapter: 'discord' })`) and log object first,
 * then message. Logs go to stderr so that stdout stays the CLI's answer. Secrets never reach a line:
 * known keys are redacted by path, and every line is scrubbed of the configured secret values and of
 * anything shaped like a token (see `scrubSecrets`).
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const exact = exactPattern(options.secrets ?? []);
  const settings: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    base: undefined,
    hooks: { streamWrite: (line: string) => scrubWith(line, exact) },
  };
  return pino(settings, options.destination ?? pino.destination(2));
}

/** The secret values of a configuration, for `createLogger({ secrets })`. */
export function secretsOf(config: Record<string, unknown>): string[] {
  return ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']
    .map((key) => config[key])
    .filter((value): value is string => typeof value === 'string' && value !== '');
}
