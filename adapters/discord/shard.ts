/**
 * Beyond one process: discord.js's ShardingManager runs one process per shard, each running
 * `shard-bot.js` (the same bot as `npm start`, on its shard). Needed only past ~2,500 servers, when
 * Discord requires sharding; below that it works with one shard just the same.
 *
 *     npm run discord:shards                  # as many shards as Discord recommends
 *     npm run discord:shards -- --shards 4    # a fixed count
 *
 * SIGINT/SIGTERM stop every shard cleanly (each closes its gateway connection), then the manager.
 */
import { once } from 'node:events';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import { loadConfig } from '../../src/config.js';
import { BackchannelError, isBackchannelError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { argValue, isMain, loadDotEnv } from './env.js';

export interface StartShardsOptions {
  token: string;
  logger: Logger;
  /** Shard count; `auto` (default) asks Discord (`GET /gateway/bot`) how many it recommends. */
  totalShards?: number | 'auto';
  /** Discord's REST base, for the shard count and passed on to every shard (`--api`); tests only. */
  api?: string;
  /** Node options for the shard processes (tests use it for a TypeScript loader). */
  execArgv?: string[];
  /** Wait between spawning shards; default 5.5 s, Discord's identify rate limit; 0 spawns them all at once. */
  spawnDelayMs?: number;
  /** How long a shard may take to become ready; default 60 s. */
  spawnTimeoutMs?: number;
  /** Restart a shard whose process dies; default true. */
  respawn?: boolean;
  /** The per-shard script; default `shard-bot.js` (or `.ts`) beside this file. */
  file?: string;
}

export interface Shards {
  manager: ShardingManager;
  /** Stops every shard (SIGTERM, so each closes its connection; SIGKILL after 10 s). Idempotent. */
  stop(): Promise<void>;
}

/** The shard script beside this module, with this module's own extension (`.js` built, `.ts` in tests). */
export function shardScript(): string {
  const here = fileURLToPath(import.meta.url);
  return fileURLToPath(new URL(`./shard-bot${extname(here)}`, import.meta.url));
}

/** How many shards Discord recommends for this bot. */
export async function recommendedShards(token: string, api?: string): Promise<number> {
  const rest = new REST({ version: '10', ...(api ? { api } : {}) }).setToken(token);
  try {
    const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
    return Math.max(1, shards);
  } catch (error) {
    if ((error as { status?: number }).status === 401)
      throw new BackchannelError('CONFIG_INVALID', 'Discord rejected DISCORD_TOKEN', { userMessage: 'Discord rejected DISCORD_TOKEN: check the bot token in .env.', cause: error });
    throw error;
  }
}

export async function startShards(options: StartShardsOptions): Promise<Shards> {
  const { logger } = options;
  const totalShards = options.totalShards === undefined || options.totalShards === 'auto' ? await recommendedShards(options.token, options.api) : options.totalShards;
  const manager = new ShardingManager(options.file ?? shardScript(), {
    token: options.token,
    totalShards,
    respawn: options.respawn ?? true,
    execArgv: options.execArgv ?? [],
    shardArgs: options.api ? ['--api', options.api] : [],
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, of: totalShards }, 'shard starting');
    shard.on('ready', () => logger.info({ shard: shard.id }, 'shard ready'));
    shard.on('death', (child) => logger.warn({ shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : undefined }, 'shard process exited'));
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      manager.respawn = false;
      await Promise.all(
        manager.shards.map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          shard.kill();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }),
      );
      logger.info({}, 'all shards stopped');
    })());

  const delay = options.spawnDelayMs ?? 5500;
  const timeout = options.spawnTimeoutMs ?? 60_000;
  try {
    // One at a time, `delay` apart, as Discord's identify limit wants; with no delay (a bot allowed
    // concurrent identifies, or a test) all at once, which ShardingManager#spawn does not do.
    if (delay > 0) await manager.spawn({ amount: totalShards, delay, timeout });
    else await Promise.all(Array.from({ length: totalShards }, (_, id) => manager.createShard(id).spawn(timeout)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { manager, stop };
}

export async function main(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<Shards> {
  if (env === process.env) loadDotEnv();
  const config = loadConfig(env);
  if (!config.DISCORD_TOKEN)
    throw new BackchannelError('CONFIG_INVALID', 'DISCORD_TOKEN is not set: put the bot token in .env (see the README).');
  const logger = createLogger({ level: config.LOG_LEVEL ?? 'info' }).child({ adapter: 'discord', role: 'shard-manager' });
  const count = argValue(argv, '--shards');
  if (count !== undefined && !/^[1-9]\d*$/.test(count)) throw new BackchannelError('BAD_INPUT', `--shards must be a positive whole number, not "${count}"`);
  const shards = await startShards({ token: config.DISCORD_TOKEN, logger, totalShards: count === undefined ? 'auto' : Number(count) });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'stopping shards');
    shards.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return shards;
}

if (isMain(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${isBackchannelError(error) ? error.message : String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  });
}
