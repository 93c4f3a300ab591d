/**
 * The script each shard process runs (spawned by `shard.ts` through discord.js's ShardingManager):
 * the same bot as `adapters/start.ts` runs, on the shard the manager assigns. The manager passes the
 * shard in the environment (`SHARDS`, `SHARD_COUNT`), which discord.js's Client reads by itself.
 *
 *     node dist/adapters/discord/shard-bot.js [--api <REST base>]
 *
 * `--api` points the client at another REST base (the tests' fake Discord).
 */
import { loadConfig } from '../../src/config.js';
import { loadCore } from '../../src/core.js';
import { isBackchannelError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { startDiscord } from './bot.js';
import { argValue, isMain, loadDotEnv } from './env.js';

export async function runShard(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env === process.env) loadDotEnv();
  const config = loadConfig(env);
  const logger = createLogger({ level: config.LOG_LEVEL ?? 'info' }).child({ shard: Number(env.SHARDS ?? 0) });
  const core = loadCore(config.CORPUS_DIR ? { corpusDir: config.CORPUS_DIR } : {});
  const api = argValue(argv, '--api');
  const bot = await startDiscord({ core, config, logger, ...(api ? { api } : {}) });

  const shutdown = (reason: string) => {
    logger.info({ reason }, 'shard shutting down');
    bot.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shard did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // The manager went away: don't linger as an orphan.
  process.once('disconnect', () => shutdown('manager disconnected'));
}

if (isMain(import.meta.url)) {
  runShard().catch((error: unknown) => {
    process.stderr.write(`Shard ${process.env.SHARDS ?? '?'} could not start: ${isBackchannelError(error) ? error.message : String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  });
}
