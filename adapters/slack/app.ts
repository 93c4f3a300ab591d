/**
 * The Slack adapter: a Bolt app that answers mentions (in their thread), direct messages, slash
 * commands derived from the command definitions, and the buttons on its own answers. Thin on purpose:
 * it acknowledges, turns Slack input into command options, runs the command through `dispatch`, and
 * posts the rendered reply. Socket Mode when SLACK_APP_TOKEN is set, HTTP (signed requests) otherwise.
 */
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import { commands as registeredCommands } from '../../src/commands/index.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import { toBoltLogger } from './bolt-logger.js';
import { messageRequest, slashCommands, slashRequest } from './commands.js';
import { RecentKeys } from './dedupe.js';
import { dispatch, type DispatchEnv } from './dispatch.js';
import { ACTION_PREFIX, decodeAction } from './render.js';
import { fromSlackText } from './text.js';

export interface StartSlackOptions {
  core: Core;
  config: Config;
  logger: Logger;
  /** The commands to serve. Default: every registered command. */
  commands?: ReadonlyMap<string, CommandDefinition>;
  /** HTTP mode only: where to listen. Default: port SLACK_PORT (else 3000) on all interfaces. */
  listen?: { port?: number; host?: string };
  /** Base URL of Slack's Web API, e.g. a test double's. Default: Slack's own. */
  slackApiUrl?: string;
  /** Retries of failed Web API calls. Default: the Slack client's own policy. */
  retries?: number;
  /** How long `stop()` waits for answers already being worked on, in ms. Default 10 s. */
  drainMs?: number;
}

export interface SlackHandle {
  mode: 'socket' | 'http';
  /** HTTP mode: the port actually listened on. */
  port?: number;
  /** Stops receiving, lets answers under way finish (bounded), and disconnects. Safe to call twice. */
  stop(): Promise<void>;
}

/** What the Slack adapter needs from the configuration, checked when it starts. */
export const slackConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string({ error: 'is required to run the Slack app' }).startsWith('xoxb-', 'must start with xoxb-'),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
    SLACK_SIGNING_SECRET: z.string().min(8, 'looks too short to be a signing secret').optional(),
    SLACK_PORT: z.number().int().min(0).max(65535).optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'or SLACK_SIGNING_SECRET is required: SLACK_APP_TOKEN (xapp-…) for Socket Mode, SLACK_SIGNING_SECRET for HTTP mode',
      });
  });
export type SlackConfig = z.infer<typeof slackConfigSchema>;

export function parseSlackConfig(config: Partial<Config>): SlackConfig {
  const parsed = slackConfigSchema.safeParse({
    SLACK_BOT_TOKEN: config.SLACK_BOT_TOKEN,
    SLACK_APP_TOKEN: config.SLACK_APP_TOKEN,
    SLACK_SIGNING_SECRET: config.SLACK_SIGNING_SECRET,
    SLACK_PORT: config.SLACK_PORT,
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`);
  throw new BackchannelError('CONFIG_INVALID', `Invalid Slack configuration:\n  - ${problems.join('\n  - ')}`, {
    details: { problems },
  });
}

/** The slice of a Slack message event the handlers read. */
interface MessageLike {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
}

interface PostArgs {
  channel: string;
  thread_ts?: string;
}

export async function startSlack(options: StartSlackOptions): Promise<SlackHandle> {
  const settings = parseSlackConfig(options.config);
  const logger = options.logger.child({ adapter: 'slack' });
  const commands = options.commands ?? registeredCommands;
  const env: DispatchEnv = { commands, core: options.core, logger };
  const boltLogger: BoltLogger = toBoltLogger(logger);
  const mode: SlackHandle['mode'] = settings.SLACK_APP_TOKEN ? 'socket' : 'http';

  // Each Slack client gets its own copy: the Socket Mode client fills in retry settings of its own.
  const clientOptions = () => ({
    ...(options.slackApiUrl !== undefined ? { slackApiUrl: options.slackApiUrl } : {}),
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
  });

  const socketReceiver = settings.SLACK_APP_TOKEN
    ? new SocketModeReceiver({
        appToken: settings.SLACK_APP_TOKEN,
        logger: boltLogger,
        installerOptions: { clientOptions: clientOptions() },
      })
    : undefined;

  const app = new App({
    token: settings.SLACK_BOT_TOKEN,
    logger: boltLogger,
    logLevel: boltLogger.getLevel(),
    clientOptions: clientOptions(),
    convoStore: false,
    deferInitialization: true,
    ...(socketReceiver ? { receiver: socketReceiver } : { signingSecret: settings.SLACK_SIGNING_SECRET as string }),
  });

  // Answers under way, so that stop() can let them finish.
  const inFlight = new Set<Promise<void>>();
  const track = (surface: string, work: () => Promise<void>): Promise<void> => {
    const job = work().catch((error: unknown) => logger.error({ err: error, surface }, 'could not deliver an answer to Slack'));
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    return job;
  };

  // Slack retries an event it thinks went unanswered, and one message can arrive as two events (a
  // mention in a direct message): answer each event id, and each message, once.
  const events = new RecentKeys();
  const messages = new RecentKeys();

  app.error(async (error) => {
    logger.error({ err: error, code: (error as { code?: string }).code }, 'bolt error');
  });

  app.use(async ({ body, next }) => {
    const envelope = body as { type?: string; event_id?: string };
    if (envelope.type === 'event_callback' && typeof envelope.event_id === 'string' && !events.firstTime(envelope.event_id)) {
      logger.info({ event_id: envelope.event_id }, 'duplicate event ignored');
      return;
    }
    await next();
  });

  const answerMessage = async (
    event: MessageLike,
    surface: 'mention' | 'dm',
    where: PostArgs,
    botUserId: string | undefined,
    client: webApi.WebClient,
  ) => {
    if (!messages.firstTime(`${event.channel}:${event.ts}`)) return;
    const text = fromSlackText(event.text ?? '', botUserId !== undefined ? { botUserId } : {});
    const request = messageRequest(commands, text);
    if (!request) {
      logger.warn({ surface }, 'no ask or help command is registered; message ignored');
      return;
    }
    const { message } = dispatch(env, { command: request.name, input: request.input, surface, user: event.user, channel: event.channel });
    await client.chat.postMessage({ ...where, text: message.text, blocks: message.blocks });
  };

  app.event('app_mention', async ({ event, context, client }) => {
    const mention = event as unknown as MessageLike;
    // In a direct message the message.im event answers it.
    if (mention.channel.startsWith('D')) return;
    const where = { channel: mention.channel, thread_ts: mention.thread_ts ?? mention.ts };
    await track('mention', () => answerMessage(mention, 'mention', where, context.botUserId, client));
  });

  app.event('message', async ({ event, context, client }) => {
    const message = event as unknown as MessageLike;
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined || !message.user) return;
    const where: PostArgs = message.thread_ts ? { channel: message.channel, thread_ts: message.thread_ts } : { channel: message.channel };
    await track('dm', () => answerMessage(message, 'dm', where, context.botUserId, client));
  });

  for (const slash of slashCommands(commands)) {
    const definition = commands.get(slash.name) as CommandDefinition;
    app.command(slash.slash, async ({ ack, command, respond }) => {
      await ack();
      await track('slash', async () => {
        const request = slashRequest(commands, definition, command.text ?? '');
        const dispatched = dispatch(env, {
          command: request.name,
          input: request.input,
          usage: request.usage,
          surface: 'slash',
          user: command.user_id,
          channel: command.channel_id,
        });
        // Errors go only to the person who typed the command; answers go to the channel unless private.
        await respond({
          response_type: request.private || dispatched.failed ? 'ephemeral' : 'in_channel',
          text: dispatched.message.text,
          blocks: dispatched.message.blocks,
        });
      });
    });
  }

  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, action, body, respond, client }) => {
    await ack();
    await track('action', async () => {
      const value = decodeAction((action as { value?: string }).value);
      if (!value) {
        logger.warn({ action_id: (action as { action_id?: string }).action_id }, 'button without a readable value ignored');
        return;
      }
      const dispatched = dispatch(env, { command: value.c, input: value.a, surface: 'action', user: body.user.id, channel: body.channel?.id });
      const { text, blocks } = dispatched.message;
      if (value.p) {
        await respond({ response_type: 'ephemeral', replace_original: false, text, blocks });
        return;
      }
      const container = (body as { container?: { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean } }).container;
      try {
        await respond({ replace_original: true, text, blocks });
      } catch (error) {
        // A response_url lasts 30 minutes; after that, edit the message directly (not possible for ephemeral ones).
        if (container?.type !== 'message' || container.is_ephemeral || !container.channel_id || !container.message_ts) throw error;
        logger.info({ err: error }, 'response_url refused; updating the message instead');
        await client.chat.update({ channel: container.channel_id, ts: container.message_ts, text, blocks });
      }
    });
  });

  try {
    await app.init();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new BackchannelError('CONFIG_INVALID', `Slack rejected SLACK_BOT_TOKEN${code ? ` (${code})` : ''}`, {
      cause: error,
      details: { code },
    });
  }

  let port: number | undefined;
  if (socketReceiver) {
    try {
      await app.start();
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === undefined) throw error;
      throw new BackchannelError('CONFIG_INVALID', `Slack rejected SLACK_APP_TOKEN (${code}); it needs the connections:write scope`, {
        cause: error,
        details: { code },
      });
    }
    logger.info({ mode, commands: slashCommands(commands).map((c) => c.slash) }, 'Slack app connected (Socket Mode)');
  } else {
    const listen = { port: options.listen?.port ?? settings.SLACK_PORT ?? 3000, ...(options.listen?.host ? { host: options.listen.host } : {}) };
    const server = (await app.start(listen)) as { address(): AddressInfo | string | null };
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : listen.port;
    logger.info({ mode, port, commands: slashCommands(commands).map((c) => c.slash) }, 'Slack app listening (HTTP mode) on /slack/events');
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (socketReceiver) await socketReceiver.client.disconnect();
      else await app.stop();
      const pending = [...inFlight];
      if (pending.length > 0) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), options.drainMs ?? 10_000);
        });
        const outcome = await Promise.race([Promise.allSettled(pending), timeout]);
        clearTimeout(timer);
        if (outcome === 'timeout') logger.warn({ pending: inFlight.size }, 'stopped with answers still under way');
      }
      logger.info({ mode }, 'Slack app stopped');
    })();
    return stopping;
  };

  return { mode, ...(port !== undefined ? { port } : {}), stop };
}
