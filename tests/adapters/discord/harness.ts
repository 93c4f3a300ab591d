/** The bot under test, started against a fake Discord, with its log captured. */
import type { Logger } from 'pino';
import { startDiscord, type DiscordBot } from '../../../adapters/discord/bot.js';
import type { CommandDefinition } from '../../../src/commands/types.js';
import { loadConfig } from '../../../src/config.js';
import type { Core } from '../../../src/core.js';
import { createLogger } from '../../../src/logger.js';
import type { FakeDiscord } from './fake-discord.js';

/** Looks like a bot token to the config's checks; means nothing to anyone. */
export const TOKEN = `MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake0.${'t'.repeat(38)}`;

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A logger whose lines land in an array, parsed. */
export function captureLogger(level = 'debug'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } as never });
  return { logger, lines };
}

export interface Harness {
  bot: DiscordBot;
  lines: LogLine[];
}

export async function startBot(
  fake: FakeDiscord,
  core: Core,
  options: { commands?: ReadonlyMap<string, CommandDefinition>; cooldownMs?: number; redisUrl?: string } = {},
): Promise<Harness> {
  const { logger, lines } = captureLogger();
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: fake.appId, REDIS_URL: options.redisUrl });
  const bot = await startDiscord({ core, config, logger, api: fake.api, cooldownMs: options.cooldownMs ?? 0, ...(options.commands ? { commands: options.commands } : {}) });
  return { bot, lines };
}
