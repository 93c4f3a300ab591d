/**
 * `npm start`: with no platform tokens configured, the terminal chat over the corpus; otherwise the
 * configured adapters (Discord, Slack or both) in this process, until SIGINT or SIGTERM. The
 * adapters are imported only when configured, so the chat never loads discord.js or Bolt.
 */
import { existsSync } from 'node:fs';
import { loadConfig, type Config } from '../src/config.js';
import { createCoreHolder } from '../src/reload.js';
import { isBackchannelError } from '../src/errors.js';
import { createLogger, scrubSecrets, secretsOf } from '../src/logger.js';
import type { Logger } from 'pino';
import type { Corpus } from '../src/corpus/types.js';
import type { PostgresSearch } from './postgres/index.js';
import { guardProcess, runUntilSignal, type Running } from './process.js';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(isBackchannelError(error) ? error.message : error);
    return 1;
  }
  if (!config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN) {
    const { runChat } = await import('./terminal/chat.js');
    return runChat({ corpusDir: config.CORPUS_DIR });
  }

  const logger = createLogger({ level: config.LOG_LEVEL ?? 'info', secrets: secretsOf(config) });
  // Faults outside any handler are logged and the process keeps serving (see process.ts).
  guardProcess(logger);
  // The corpus directory is watched: a change is re-ingested in the background and swapped in when it
  // loads; the adapters hold `holder.proxy`, which always reads the current core.
  // With SEARCH_BACKEND=postgres, the database's corpus follows the directory's: written at start
  // when it differs, and after each reload, each time in one transaction (see adapters/postgres/).
  let database: PostgresSearch | undefined;
  const holder = createCoreHolder({
    core: { corpusDir: config.CORPUS_DIR },
    logger,
    onReload: (result) => {
      if (result.ok && database) void writeCorpus(database, result.core.corpus, logger);
    },
  });
  const core = holder.proxy;
  logger.info({ documents: core.corpus.documents.length, passages: core.corpus.passages.length }, 'corpus loaded');

  const running: Running[] = [{ name: 'corpus watcher', stop: async () => holder.close() }];
  if (config.SEARCH_BACKEND === 'postgres') {
    const { PostgresSearch } = await import('./postgres/index.js');
    database = await PostgresSearch.open({
      url: config.DATABASE_URL!,
      poolSize: config.DATABASE_POOL_SIZE ?? 10,
      ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}),
      logger,
    });
    const opened = database;
    running.push({ name: 'postgres', stop: () => opened.close() });
    await writeCorpus(database, holder.current.corpus, logger);
  }
  if (config.DISCORD_TOKEN) {
    const { startDiscord } = await import('./discord/bot.js');
    running.push({ name: 'discord', ...(await startDiscord({ core, config, logger })) });
  }
  if (config.SLACK_BOT_TOKEN) {
    const { startSlack } = await import('./slack/app.js');
    running.push({ name: 'slack', ...(await startSlack({ core, config, logger })) });
  }
  logger.info({ adapters: running.slice(1).map((r) => r.name) }, 'started');

  // SIGTERM/SIGINT: no new work, replies in flight finish, then the process exits (see process.ts).
  return runUntilSignal(running, logger);
}

/** Brings the database's corpus up to date; on failure it keeps the last good one, and says so. */
async function writeCorpus(database: PostgresSearch, corpus: Corpus, logger: Logger): Promise<void> {
  try {
    const loaded = await database.ensureCorpus(corpus);
    logger.info(loaded, loaded.unchanged ? 'PostgreSQL already holds this corpus' : 'corpus written to PostgreSQL');
  } catch (error) {
    logger.error({ err: error }, 'could not write the corpus to PostgreSQL; it keeps the last good corpus');
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A start-up failure is printed without any token or secret it may quote (see logger.ts).
    const text = isBackchannelError(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(scrubSecrets(text, secretsOf(process.env)));
    process.exitCode = 1;
  },
);
