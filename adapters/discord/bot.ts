/**
 * The Discord bot: a discord.js gateway client that answers slash commands, autocomplete and button
 * presses by way of the dispatcher. `adapters/start.ts` calls `startDiscord`; each shard process of
 * `shard.ts` calls it too (the client then reads its shard from the environment ShardingManager sets).
 */
import { Client, Events, GatewayIntentBits, Options, type ClientOptions, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { commands as allCommands } from '../../src/commands/index.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import { DEFAULT_RATE_LIMITS, NO_RATE_LIMITS, type RateLimits } from '../ratelimit.js';
import { openSharedState } from '../state/shared-state.js';
import { dispatch } from './dispatch.js';

export interface StartDiscordOptions {
  core: Core;
  config: Config;
  logger: Logger;
  /** Commands to serve; default: the core's `commands` Map. */
  commands?: ReadonlyMap<string, CommandDefinition>;
  /** Discord's REST API base, without a trailing slash (default: Discord's). Tests point it at a fake. */
  api?: string;
  /** Per-user and per-channel rate limits on commands and presses; default `DEFAULT_RATE_LIMITS`. */
  rateLimits?: RateLimits;
  /**
   * Shorthand kept for older callers when `rateLimits` is not given: 0 turns rate limits off; a
   * positive number allows a user one command or press per that many ms (channels keep the default).
   */
  cooldownMs?: number;
  /** How long to wait for the gateway to be ready before giving up; default 60 s. */
  readyTimeoutMs?: number;
}

export interface DiscordBot {
  client: Client<true>;
  /** Lets interactions in flight finish (up to 5 s), then closes the gateway connection. Idempotent. */
  stop(): Promise<void>;
}

/** The rate limits `startDiscord` options ask for. */
export function rateLimitsOf(options: Pick<StartDiscordOptions, 'rateLimits' | 'cooldownMs'>): RateLimits {
  if (options.rateLimits) return options.rateLimits;
  if (options.cooldownMs === undefined) return DEFAULT_RATE_LIMITS;
  if (options.cooldownMs <= 0) return NO_RATE_LIMITS;
  return { user: { burst: 1, everyMs: options.cooldownMs }, channel: DEFAULT_RATE_LIMITS.channel };
}

export async function startDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  const { core, config } = options;
  const logger = options.logger.child({ adapter: 'discord' });
  const token = config.DISCORD_TOKEN;
  if (!token) throw new BackchannelError('CONFIG_INVALID', 'DISCORD_TOKEN is not set', { userMessage: 'DISCORD_TOKEN is not set.' });

  const clientOptions: ClientOptions = {
    // Slash commands, autocomplete and buttons need no privileged intents; Guilds keeps the guild list.
    intents: [GatewayIntentBits.Guilds],
    // The default for every message this client sends; each reply also sets it explicitly.
    allowedMentions: { parse: [] },
    // Nothing reads users, members or messages from the cache: keeping none means a public server's
    // stream of distinct users (or a flood of them) never grows memory.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user?.id },
    }),
    ...(options.api ? { rest: { api: options.api } } : {}),
  };
  const client = new Client(clientOptions);
  // Rate limits in Redis when REDIS_URL is set (shared by every shard and replica), else in this process.
  const limiter = await openSharedState({ redisUrl: config.REDIS_URL, limits: rateLimitsOf(options), logger, namespace: 'discord' });
  const context = { core, commands: options.commands ?? allCommands, logger, limiter };

  const inFlight = new Set<Promise<void>>();
  const onInteraction = (interaction: Interaction) => {
    const handled = dispatch(interaction, context).finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  };
  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.Error, (err) => logger.error({ err }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn({}, message));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  if (logger.isLevelEnabled('trace')) client.on(Events.Debug, (message) => logger.trace({}, message));

  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The Discord gateway was not ready after ${readyTimeoutMs} ms`)), readyTimeoutMs);
  });
  try {
    await Promise.race([client.login(token).then(() => ready), timeout]);
  } catch (error) {
    await client.destroy();
    await limiter.close();
    const { code, status } = error as { code?: unknown; status?: unknown };
    if (code === 'TokenInvalid' || status === 401)
      throw new BackchannelError('CONFIG_INVALID', 'Discord rejected DISCORD_TOKEN', {
        userMessage: 'Discord rejected DISCORD_TOKEN: check the bot token in .env.',
        cause: error,
      });
    throw error;
  } finally {
    clearTimeout(timer);
  }

  const readyClient = client as Client<true>;
  logger.info({ user: readyClient.user.tag, application: readyClient.application.id, shards: readyClient.ws.shards.map((shard) => shard.id) }, 'Discord bot ready');
  if (config.DISCORD_APP_ID && readyClient.application.id !== config.DISCORD_APP_ID)
    logger.warn(
      { configured: config.DISCORD_APP_ID, actual: readyClient.application.id },
      'DISCORD_APP_ID is not the application of DISCORD_TOKEN: commands registered for it will not reach this bot',
    );

  let stopping: Promise<void> | undefined;
  return {
    client: readyClient,
    stop() {
      stopping ??= (async () => {
        // Take no new interactions; let those under way finish (for at most 5 s); then disconnect.
        client.off(Events.InteractionCreate, onInteraction);
        logger.info({ inFlight: inFlight.size }, 'Discord bot stopping');
        let wait: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise((resolve) => {
            wait = setTimeout(resolve, 5000);
          }),
        ]);
        clearTimeout(wait);
        await client.destroy();
        await limiter.close();
        logger.info({}, 'Discord bot stopped');
      })();
      return stopping;
    },
  };
}
