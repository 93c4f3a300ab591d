/**
 * `npm start`: with no platform tokens configured, the terminal chat over the corpus; otherwise the
 * configured adapters (Discord, Slack or both) in this process, until SIGINT or SIGTERM. The
 * adapters are imported only when configured, so the chat never loads discord.js or Bolt.
 */
import { existsSync } from 'node:fs';
import { loadConfig, type Config } from '../src/config.js';
import { loadCore } from '../src/core.js';
import { isBackchannelError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';

interface Running {
  name: string;
  stop(): Promise<void>;
}

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

  const logger = createLogger({ level: config.LOG_LEVEL ?? 'info' });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const core = loadCore({ corpusDir: config.CORPUS_DIR });
  logger.info({ documents: core.corpus.documents.length, passages: core.corpus.passages.length }, 'corpus loaded');

  const running: Running[] = [];
  if (config.DISCORD_TOKEN) {
    const { startDiscord } = await import('./discord/bot.js');
    running.push({ name: 'discord', ...(await startDiscord({ core, config, logger })) });
  }
  if (config.SLACK_BOT_TOKEN) {
    const { startSlack } = await import('./slack/app.js');
    running.push({ name: 'slack', ...(await startSlack({ core, config, logger })) });
  }
  logger.info({ adapters: running.map((r) => r.name) }, 'started');

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping: finishing replies in flight');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const results = await Promise.allSettled(running.map((r) => r.stop()));
  results.forEach((r, i) => {
    if (r.status === 'rejected') logger.error({ err: r.reason, adapter: running[i]!.name }, 'adapter did not stop cleanly');
  });
  logger.info('stopped');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(isBackchannelError(error) ? error.message : error);
    process.exitCode = 1;
  },
);
