import * as z from 'zod';
import { BackchannelError } from './errors.js';

/** Empty strings count as unset, so `DISCORD_TOKEN=` in `.env` means "no Discord". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

export const configSchema = z
  .object({
    /** Directory of the corpus and its manifest.json. */
    CORPUS_DIR: optional(z.string()),
    LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
    /** `0` turns the saved index off (always rebuild); read by loadCore from the environment. */
    BACKCHANNEL_CACHE: optional(z.enum(['0', '1'], { error: 'must be 0 (off) or 1 (on)' })),
    /** Where saved indexes live; default `.cache/index` in the repository. */
    BACKCHANNEL_CACHE_DIR: optional(z.string()),
    DISCORD_TOKEN: optional(z.string().min(50, 'looks too short to be a bot token')),
    DISCORD_APP_ID: optional(snowflake),
    DISCORD_GUILD_ID: optional(snowflake),
    SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must start with xoxb-')),
    SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must start with xapp-')),
    SLACK_SIGNING_SECRET: optional(z.string().min(8, 'looks too short to be a signing secret')),
    SLACK_PORT: optional(z.coerce.number().int().min(1).max(65535)),
    /** Redis for state shared by replicas (Slack retries, rate limits); unset: in-process state. */
    REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
    /** Where passages are searched: `memory` (default, the index in this process) or `postgres` (DATABASE_URL). */
    SEARCH_BACKEND: optional(z.enum(['memory', 'postgres'], { error: 'must be memory or postgres' })),
    /** PostgreSQL for SEARCH_BACKEND=postgres. */
    DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })),
    /** Schema of the bot's tables in that database (created when missing); default `public`. */
    DATABASE_SCHEMA: optional(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL name (letters, digits, _)')),
    /** Connections in the PostgreSQL pool; default 10. */
    DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1, 'must be 1 to 100').max(100, 'must be 1 to 100')),
  })
  .superRefine((env, ctx) => {
    if (env.DISCORD_TOKEN && !env.DISCORD_APP_ID)
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APP_ID'], message: 'is required when DISCORD_TOKEN is set' });
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (HTTP mode)',
      });
    if (env.SEARCH_BACKEND === 'postgres' && !env.DATABASE_URL)
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when SEARCH_BACKEND is postgres' });
    if ((env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) && !env.SLACK_BOT_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when other SLACK_ keys are set' });
  });

export type Config = z.infer<typeof configSchema>;

/**
 * Parses the environment once, at start-up. Fails with every problem listed, each naming its key;
 * values are never echoed, since some are secrets.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`);
  throw new BackchannelError('CONFIG_INVALID', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
    details: { problems },
  });
}
