/**
 * The child process of the process-fault tests: both adapters, started against the parent's fake
 * Discord and fake Slack, with the process guard and the signal handling `npm start` uses
 * (`adapters/process.ts`), and three extra commands: `stray` leaves an exception and a rejection
 * outside any handler, `slow` keeps its reply busy for a while, `bad` returns a reply that breaks
 * the renderer. Logs (pino, JSON) go to stderr; one line on stdout says it is ready.
 */
import * as z from 'zod';
import { startDiscord } from '../../adapters/discord/bot.js';
import { guardProcess, runUntilSignal, type Running } from '../../adapters/process.js';
import { NO_RATE_LIMITS } from '../../adapters/ratelimit.js';
import { startSlack } from '../../adapters/slack/app.js';
import { commands } from '../../src/commands/index.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config.js';
import { loadCore } from '../../src/core.js';
import { createLogger, secretsOf } from '../../src/logger.js';
import type { Reply } from '../../src/reply/model.js';

const env = process.env;
const config = loadConfig({
  DISCORD_TOKEN: env.DISCORD_TOKEN,
  DISCORD_APP_ID: env.DISCORD_APP_ID,
  SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN,
  SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET,
});
const logger = createLogger({ level: 'info', secrets: secretsOf(config) });
guardProcess(logger);

const note = (text: string): Reply => ({ blocks: [{ type: 'text', runs: [{ text }] }], actions: [], data: null, ok: true });
const extra: CommandDefinition[] = [
  {
    name: 'stray',
    description: 'Leaves faults outside any handler',
    options: z.object({}),
    run() {
      setTimeout(() => {
        throw new Error('a stray exception from a timer');
      }, 5);
      void Promise.reject(new Error('a rejection nobody handles'));
      return note('stray faults scheduled');
    },
  },
  {
    name: 'slow',
    description: 'Takes a while',
    options: z.object({}),
    run() {
      const until = Date.now() + Number(env.SLOW_MS ?? 800);
      while (Date.now() < until) {
        // busy, as a long answer would be
      }
      return note('slow answer delivered');
    },
  },
  {
    name: 'bad',
    description: 'Returns a reply the renderer cannot read',
    options: z.object({}),
    run() {
      return { blocks: null, actions: null, data: null, ok: true } as unknown as Reply;
    },
  },
];
const all = new Map([...commands, ...extra.map((c) => [c.name, c] as const)]);
const core = loadCore();

const discord = await startDiscord({ core, config, logger, api: env.FAKE_DISCORD_API!, commands: all, rateLimits: NO_RATE_LIMITS });
const slack = await startSlack({
  core,
  config,
  logger,
  commands: all,
  slackApiUrl: env.FAKE_SLACK_API!,
  retries: 0,
  listen: { port: 0, host: '127.0.0.1' },
  rateLimits: NO_RATE_LIMITS,
});
const running: Running[] = [
  { name: 'discord', stop: () => discord.stop() },
  { name: 'slack', stop: () => slack.stop() },
];
process.stdout.write(`${JSON.stringify({ ready: true, slackPort: slack.port })}\n`);
process.exitCode = await runUntilSignal(running, logger);
