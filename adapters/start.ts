/**
 * `npm start`: with no platform tokens configured, the terminal chat over the corpus; otherwise the
 * configured adapters (Discord, Slack or both) in this process, until SIGINT or SIGTERM. The
 * adapters are imported only when configured, so the chat never loads discord.js or Bolt.
 */
import { existsSync } from 'node:fs';
import { loadConfig, type Config } from '../src/config.js';
import { createCoreHolder, type CoreHolder } from '../src/reload.js';
import { isBackchannelError } from '../src/errors.js';
import { createLogger, scrubSecrets, secretsOf } from '../src/logger.js';
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
  const chat = !config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN;
  if (chat && config.SEARCH_BACKEND !== 'postgres') {
    const { runChat } = await import('./terminal/chat.js');
    return runChat({ corpusDir: config.CORPUS_DIR });
  }

  // The chat writes to the terminal: its log keeps to errors unless LOG_LEVEL says otherwise.
  const logger = createLogger({ level: config.LOG_LEVEL ?? (chat ? 'error' : 'info'), secrets: secretsOf(config) });
  // With SEARCH_BACKEND=postgres, /ask retrieves from the database (opened first: the core carries its
  // retriever), and the database's corpus follows the directory's: written at start when it differs,
  // and after each reload, each time in one transaction (see adapters/postgres/serve.ts).
  let holder: CoreHolder | undefined;
  const database = config.SEARCH_BACKEND === 'postgres' ? await (await import('./postgres/serve.js')).serveDatabase(config, logger, () => holder?.current) : undefined;
  const retriever = database?.retriever;
  if (chat) {
    const { runChat } = await import('./terminal/chat.js');
    try {
      return await runChat({ corpusDir: config.CORPUS_DIR, retriever, onCore: (core) => database!.sync(core) });
    } finally {
      await database!.close();
    }
  }

  // Faults outside any handler are logged and the process keeps serving (see process.ts).
  guardProcess(logger);
  // The corpus directory is watched: a change is re-ingested in the background and swapped in when it
  // loads; the adapters hold `holder.proxy`, which always reads the current core.
  holder = createCoreHolder({
    core: { corpusDir: config.CORPUS_DIR, retriever },
    logger,
    onReload: (result) => {
      if (result.ok && database) void database.sync(result.core);
    },
  });
  const core = holder.proxy;
  logger.info({ documents: core.corpus.documents.length, passages: core.corpus.passages.length, search: config.SEARCH_BACKEND ?? 'memory' }, 'corpus loaded');

  const opened = holder;
  const running: Running[] = [{ name: 'corpus watcher', stop: async () => opened.close() }];
  if (database) {
    running.push({ name: 'postgres', stop: () => database.close() });
    await database.sync(holder.current);
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
