/**
 * The bot under load, in its own process as in production: the real Slack adapter (HTTP mode) and
 * the real Discord adapter, with the default rate limits, pointed at the load test's fakes on
 * 127.0.0.1 (with LOAD_REDIS_URL, its shared state in that Redis). It answers the parent's messages: `measure` (settled RSS, the peak since the last
 * measure, and the Slack adapter's counts) and `stop` (stop both adapters, finishing replies in
 * flight, then exit).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startDiscord } from '../../adapters/discord/bot.js';
import { guardProcess } from '../../adapters/process.js';
import { startSlack } from '../../adapters/slack/app.js';
import { RedisState } from '../../adapters/state/redis.js';
import { openSharedState, type SharedState } from '../../adapters/state/shared-state.js';
import { loadConfig } from '../../src/config.js';
import { loadCore } from '../../src/core.js';
import { createLogger, secretsOf } from '../../src/logger.js';

export type ToBot = { type: 'measure' } | { type: 'stop' } | { type: 'local-keys' } | { type: 'loop'; reset: boolean };
export type FromBot =
  | { type: 'local-keys'; keys: string[] }
  | { type: 'ready'; slackPort: number }
  | { type: 'loop'; p50Ms: number; p99Ms: number; maxMs: number }
  | { type: 'measure'; rssMb: number; peakRssMb: number; heapMb: number; heapTotalMb: number; externalMb: number; slack: ReturnType<Awaited<ReturnType<typeof startSlack>>['stats']> }
  | { type: 'stopped' };

const send = (message: FromBot) => process.send?.(message);
const env = process.env;
const config = loadConfig({
  DISCORD_TOKEN: env.LOAD_DISCORD_TOKEN,
  DISCORD_APP_ID: env.LOAD_DISCORD_APP_ID,
  SLACK_BOT_TOKEN: env.LOAD_SLACK_BOT_TOKEN,
  SLACK_SIGNING_SECRET: env.LOAD_SLACK_SIGNING_SECRET,
  REDIS_URL: env.LOAD_REDIS_URL,
});
const logger = createLogger({ level: env.LOAD_LOG_LEVEL ?? 'warn', secrets: secretsOf(config) });
guardProcess(logger);
const core = loadCore();

// The shared state, watched: the keys this replica decided on alone (Redis unreachable), for the
// --kill-redis run to tell duplicates of its outage from any other.
const state = await openSharedState({ redisUrl: config.REDIS_URL, logger, namespace: 'slack' });
const decidedAlone: string[] = [];
const watched: SharedState = {
  kind: state.kind,
  take: (user, channel) => state.take(user, channel),
  close: () => state.close(),
  async firstTime(key) {
    const shared = !(state instanceof RedisState) || state.shared;
    const first = await state.firstTime(key);
    if (!shared || !(state as RedisState).shared) decidedAlone.push(key);
    return first;
  },
};
const slack = await startSlack({
  core,
  config,
  logger,
  state: watched,
  slackApiUrl: env.LOAD_SLACK_API!,
  retries: 0,
  listen: { port: 0, host: '127.0.0.1' },
});
// A replica of the --replicas run serves Slack only (no LOAD_DISCORD_TOKEN).
const discord = config.DISCORD_TOKEN ? await startDiscord({ core, config, logger, api: env.LOAD_DISCORD_API! }) : { stop: async () => {} };

/** This process's event-loop delay since the last `loop` message that reset it: how long a ready callback (an acknowledgement) waited. */
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();

/** The highest RSS since the last measure, sampled every 200 ms. */
let peak = 0;
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 200).unref();

/**
 * Settled RSS, as the process is once V8 has given back what it will after a burst: a full collection
 * (the parent starts this process with --expose-gc) then 3 s idle, again and again, until neither the
 * heap's size nor RSS has shrunk for three rounds, for at most 60 s. V8's memory reducer, which does the
 * giving back, is started by the parent 1 s after a collection instead of V8's default 8 s
 * (--gc-memory-reducer-start-delay-ms=1000): a matter of when, not of how much. "Before" and "after"
 * are measured alike.
 */
async function measure(): Promise<FromBot> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const idle = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  let previous = process.memoryUsage();
  let steady = 0;
  for (let round = 0; round < 20 && steady < 3; round += 1) {
    gc?.();
    await idle(3);
    const now = process.memoryUsage();
    const shrank = previous.heapTotal - now.heapTotal > 2 ** 20 || previous.rss - now.rss > 2 * 2 ** 20;
    steady = shrank ? 0 : steady + 1;
    previous = now;
  }
  gc?.();
  const usage = process.memoryUsage();
  const mb = (bytes: number) => bytes / 2 ** 20;
  const peakRssMb = mb(peak);
  peak = 0;
  return { type: 'measure', rssMb: mb(usage.rss), peakRssMb, heapMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal), externalMb: mb(usage.external), slack: slack.stats() };
}

process.on('message', (message: ToBot) => {
  if (message.type === 'measure') void measure().then(send);
  if (message.type === 'loop') {
    send({ type: 'loop', p50Ms: loop.percentile(50) / 1e6, p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 });
    if (message.reset) loop.reset();
  }
  if (message.type === 'local-keys') send({ type: 'local-keys', keys: state.kind === 'redis' ? decidedAlone : [] });
  if (message.type === 'stop') {
    void Promise.allSettled([slack.stop(), discord.stop()]).then(async () => {
      await state.close();
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
