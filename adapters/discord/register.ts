/**
 * `npm run discord:register`: registers the slash commands with one bulk overwrite, in the guild
 * `DISCORD_GUILD_ID` names (instant; for development) or else globally. Running it again with the
 * same commands changes nothing; commands no longer defined are removed.
 */
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commands as allCommands } from '../../src/commands/index.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config.js';
import { BackchannelError, isBackchannelError } from '../../src/errors.js';
import { registrationPayload } from './commands.js';
import { isMain, loadDotEnv } from './env.js';

export interface RegisterOptions {
  token: string;
  appId: string;
  /** Register in this guild only (instant); otherwise globally. */
  guildId?: string | undefined;
  commands?: ReadonlyMap<string, CommandDefinition>;
  /** Discord's REST base (tests point it at a fake). */
  api?: string;
  signal?: AbortSignal;
}

export interface Registered {
  scope: 'guild' | 'global';
  route: string;
  names: string[];
}

export async function registerCommands(options: RegisterOptions): Promise<Registered> {
  const body = registrationPayload(options.commands ?? allCommands);
  const rest = new REST({ version: '10', ...(options.api ? { api: options.api } : {}) }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.appId, options.guildId) : Routes.applicationCommands(options.appId);
  let result: RESTPutAPIApplicationCommandsResult;
  try {
    result = (await rest.put(route, { body, ...(options.signal ? { signal: options.signal } : {}) })) as RESTPutAPIApplicationCommandsResult;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401) throw new BackchannelError('CONFIG_INVALID', 'Discord rejected DISCORD_TOKEN: check the bot token in .env.', { cause: error });
    if (status === 403 || status === 404)
      throw new BackchannelError(
        'CONFIG_INVALID',
        options.guildId
          ? `Discord refused the commands for DISCORD_GUILD_ID ${options.guildId}: is the bot in that server (invited with the applications.commands scope), and is DISCORD_APP_ID the bot's application?`
          : `Discord refused the commands: is DISCORD_APP_ID the application of DISCORD_TOKEN?`,
        { cause: error },
      );
    throw error;
  }
  return { scope: options.guildId ? 'guild' : 'global', route, names: result.map((command) => command.name) };
}

export async function main(env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<Registered> {
  if (env === process.env) loadDotEnv();
  const config = loadConfig(env);
  if (!config.DISCORD_TOKEN) throw new BackchannelError('CONFIG_INVALID', 'DISCORD_TOKEN is not set: put the bot token in .env (see the README).');
  if (!config.DISCORD_APP_ID) throw new BackchannelError('CONFIG_INVALID', 'DISCORD_APP_ID is not set: put the application id in .env (see the README).');
  return registerCommands({
    token: config.DISCORD_TOKEN,
    appId: config.DISCORD_APP_ID,
    guildId: config.DISCORD_GUILD_ID,
    ...(signal ? { signal } : {}),
  });
}

if (isMain(import.meta.url)) {
  const controller = new AbortController();
  const interrupt = () => {
    controller.abort();
    process.stderr.write('Interrupted; the commands may not have been registered.\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  main(process.env, controller.signal).then(
    (done) => {
      const where = done.scope === 'guild' ? 'in the guild DISCORD_GUILD_ID names (available now)' : 'globally (every server the bot is in)';
      process.stdout.write(`Registered ${done.names.length} commands ${where}: ${done.names.map((name) => `/${name}`).join(', ')}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${isBackchannelError(error) ? error.message : String((error as Error)?.stack ?? error)}\n`);
      process.exit(1);
    },
  );
}
