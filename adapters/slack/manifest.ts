/**
 * The Slack app manifest, generated from the command definitions, so that installing is: create an
 * app from this manifest, copy its tokens into `.env`, `npm start`.
 *
 *   npm run slack:manifest                      JSON, Socket Mode (no public URL needed)
 *   npm run slack:manifest -- --yaml            the same as YAML
 *   npm run slack:manifest -- --http https://bot.example.org
 *                                               HTTP mode: Slack posts to <url>/slack/events
 */
import { pathToFileURL } from 'node:url';
import { commands as registeredCommands } from '../../src/commands/index.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import { SLACK_LIMITS } from './limits.js';
import { slashCommands } from './commands.js';
import { truncateText } from './truncate.js';

/** Bot scopes, each for a reason: */
export const BOT_SCOPES = [
  'app_mentions:read', // see @Backchannel mentions in channels it is in
  'chat:write', // post answers (in threads and direct messages) and update them for "More results"
  'commands', // slash commands
  'files:write', // upload the /timeline picture beside its answer
  'im:history', // read direct messages sent to it (message.im)
  'im:read', // know its direct-message conversations
  'im:write', // open direct messages with people
] as const;

export const BOT_EVENTS = ['app_mention', 'message.im'] as const;

export const APP_NAME = 'Backchannel';
export const APP_DESCRIPTION =
  'Answers questions about US–Cuba back-channel diplomacy by quoting its documents, with citations.';

export interface ManifestOptions {
  /** HTTP mode: the public base URL Slack posts to (`<url>/slack/events`). Omit for Socket Mode. */
  httpUrl?: string;
  name?: string;
}

export interface SlackManifest {
  _metadata: { major_version: number; minor_version: number };
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: Array<{ command: string; description: string; usage_hint: string; should_escape: boolean; url?: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

export function buildManifest(
  commands: ReadonlyMap<string, CommandDefinition> = registeredCommands,
  options: ManifestOptions = {},
): SlackManifest {
  const requestUrl = options.httpUrl ? `${options.httpUrl.replace(/\/+$/, '')}/slack/events` : undefined;
  const withUrl = requestUrl ? { request_url: requestUrl } : {};
  const name = options.name ?? APP_NAME;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: truncateText(APP_DESCRIPTION, SLACK_LIMITS.appDescription),
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: truncateText(name, SLACK_LIMITS.botDisplayName), always_online: true },
      slash_commands: slashCommands(commands).map((slash) => ({
        command: slash.slash,
        description: slash.description,
        usage_hint: slash.usageHint,
        // Text arrives as typed (only &, <, > escaped), not with mentions turned into <@U…> markup.
        should_escape: false,
        ...(requestUrl ? { url: requestUrl } : {}),
      })),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...withUrl, bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...withUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: requestUrl === undefined,
      token_rotation_enabled: false,
    },
  };
}

/** YAML for plain data (objects, arrays, strings, numbers, booleans); strings are JSON-quoted. */
export function toYaml(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  const scalar = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  const isBlock = (v: unknown) => typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
  const empty = (v: unknown) => (Array.isArray(v) ? '[]' : '{}');
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (!isBlock(item)) return `${pad}- ${typeof item === 'object' && item !== null ? empty(item) : scalar(item)}\n`;
        if (Array.isArray(item)) return `${pad}-\n${toYaml(item, indent + 2)}`;
        const body = toYaml(item, indent + 2);
        return `${pad}- ${body.slice(indent + 2)}`;
      })
      .join('');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => {
        if (isBlock(v)) return `${pad}${key}:\n${toYaml(v, indent + 2)}`;
        return `${pad}${key}: ${typeof v === 'object' && v !== null ? empty(v) : scalar(v)}\n`;
      })
      .join('');
  }
  return `${pad}${scalar(value)}\n`;
}

const USAGE = 'Usage: slack:manifest [--yaml|--json] [--http <public base URL>]';

/** The CLI: arguments in, manifest text out. */
export function main(argv: string[], commands: ReadonlyMap<string, CommandDefinition> = registeredCommands): string {
  let yaml = false;
  let httpUrl: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--yaml') yaml = true;
    else if (arg === '--json') yaml = false;
    else if (arg === '--http') {
      httpUrl = argv[i + 1];
      i += 1;
      if (!httpUrl || !/^https:\/\//.test(httpUrl)) throw new Error(`--http needs an https:// URL. ${USAGE}`);
    } else throw new Error(`Unknown argument ${arg}. ${USAGE}`);
  }
  const manifest = buildManifest(commands, httpUrl ? { httpUrl } : {});
  return yaml ? toYaml(manifest) : `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.stdout.write(main(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
