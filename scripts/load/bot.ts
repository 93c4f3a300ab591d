/**
 * The bot under load, in its own process as in production: the real Slack adapter (HTTP mode) and
 * the real Discord adapter, with the default rate limits, pointed at the load test's fakes on
 * 127.0.0.1. It answers the parent's messages: `measure` (settled RSS, the peak since the last
 * measure, and the Slack adapter's counts) and `stop` (stop both adapters, finishing replies in
 * flight, then exit).
 */
import { startDiscord } from '../../adapters/discord/bot.js';
import { guardProcess } from '../../adapters/process.js';
import { startSlack } from '../../adapters/slack/app.js';
import { loadConfig } from '../../src/config.js';
import { loadCore } from '../../src/core.js';
import { createLogger, secretsOf } from '../../src/logger.js';

export type ToBot = { type: 'measure' } | { type: 'stop' };
export type FromBot =
  | { type: 'ready'; slackPort: number }
  | { type: 'measure'; rssMb: number; peakRssMb: number; heapMb: number; heapTotalMb: number; externalMb: number; slack: ReturnType<Awaited<ReturnType<typeof startSlack>>['stats']> }
  | { type: 'stopped' };

const send = (message: FromBot) => process.send?.(message);
const env = process.env;
const config = loadConfig({
  DISCORD_TOKEN: env.LOAD_DISCORD_TOKEN,
  DISCORD_APP_ID: env.LOAD_DISCORD_APP_ID,
  SLACK_BOT_TOKEN: env.LOAD_SLACK_BOT_TOKEN,
  SLACK_SIGNING_SECRET: env.LOAD_SLACK_SIGNING_SECRET,
});
const logger = createLogger({ level: env.LOAD_LOG_LEVEL ?? 'warn', secrets: secretsOf(config) });
guardProcess(logger);
const core = loadCore();

const slack = await startSlack({
  core,
  config,
  logger,
  slackApiUrl: env.LOAD_SLACK_API!,
  retries: 0,
  listen: { port: 0, host: '127.0.0.1' },
});
const discord = await startDiscord({ core, config, logger, api: env.LOAD_DISCORD_API! });

/** The highest RSS since the last measure, sampled every 200 ms. */
let peak = 0;
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 200).unref();

/**
 * Settled RSS, as the process would be some seconds after a burst: a full collection (the parent
 * starts this process with --expose-gc), 10 s idle — V8's memory reducer, started by a collection
 * when allocation has slowed, gives memory back about 8 s later — then another collection, 5 s more,
 * and a last one. "Before" and "after" are measured alike.
 */
async function measure(): Promise<FromBot> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const idle = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  gc?.();
  await idle(10);
  gc?.();
  await idle(5);
  gc?.();
  const usage = process.memoryUsage();
  const mb = (bytes: number) => bytes / 2 ** 20;
  const peakRssMb = mb(peak);
  peak = 0;
  return { type: 'measure', rssMb: mb(usage.rss), peakRssMb, heapMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal), externalMb: mb(usage.external), slack: slack.stats() };
}

process.on('message', (message: ToBot) => {
  if (message.type === 'measure') void measure().then(send);
  if (message.type === 'stop') {
    void Promise.allSettled([slack.stop(), discord.stop()]).then(() => {
      send({ type: 'stopped' });
      process.disconnect?.();
      setTimeout(() => process.exit(0), 100).unref();
    });
  }
});
process.on('disconnect', () => {
  // The parent went away: stop as on SIGTERM.
  void Promise.allSettled([slack.stop(), discord.stop()]).then(() => process.exit(0));
});
send({ type: 'ready', slackPort: slack.port! });
