/**
 * The Slack adapter: a Bolt app that answers mentions (in their thread), direct messages, slash
 * commands derived from the command definitions, and the buttons on its own answers. Thin on purpose:
 * it acknowledges, turns Slack input into command options, runs the command through `dispatch`, and
 * posts the rendered reply. Socket Mode when SLACK_APP_TOKEN is set, HTTP (signed requests) otherwise.
 */
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import * as z from 'zod';
import { commands as registeredCommands } from '../../src/commands/index.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import { DEFAULT_RATE_LIMITS, rateLimitMessage, type RateLimits, type Verdict } from '../ratelimit.js';
import { openSharedState, type SharedState } from '../state/shared-state.js';
import { toBoltLogger } from './bolt-logger.js';
import { messageRequest, slashCommands, slashRequest } from './commands.js';
import { dispatch, errorReply, type Dispatched, type DispatchEnv, type DispatchRequest } from './dispatch.js';
import { leanFetch } from './lean-fetch.js';
import { Busy, Gate, Pacer, type PacerOptions } from './pace.js';
import { AckFirstReceiver } from './receiver.js';
import { ACTION_PREFIX, decodeAction, renderReply, type SlackMessage } from './render.js';
import { SLACK_LIMITS } from './limits.js';
import { pngFiles } from '../pictures.js';
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
  /** Per-user and per-channel rate limits. Default `DEFAULT_RATE_LIMITS`; `NO_RATE_LIMITS` turns them off. */
  rateLimits?: RateLimits;
  /**
   * Where answered events and rate limits are kept. Default: Redis when REDIS_URL is set (shared by
   * every replica), else this process. Given here, it is the caller's to close.
   */
  state?: SharedState;
  /** How answers are paced behind acknowledgements, and when the queue is too long ("busy"). */
  pace?: PacerOptions;
  /** Deliveries to Slack in flight at once, at most. Default 8. */
  maxDeliveries?: number;
}

/** What the app has done since it started (for logs and the load test). */
export interface SlackStats {
  /** Answers (and refusals) delivered to Slack. */
  delivered: number;
  /** Deliveries Slack did not accept. */
  failed: number;
  /** Requests refused by a rate limit (told once, ignored after). */
  rateLimited: number;
  /** Requests answered with "busy" because the queue was too long. */
  busy: number;
  /** Answers queued or being delivered now. */
  inFlight: number;
}

export interface SlackHandle {
  mode: 'socket' | 'http';
  /** HTTP mode: the port actually listened on. */
  port?: number;
  /** Stops receiving, lets answers under way finish (bounded), and disconnects. Safe to call twice. */
  stop(): Promise<void>;
  stats(): SlackStats;
}

/** Said when the queue of answers is too long to join. */
export const BUSY_MESSAGE = "I'm answering a great many questions right now. Please ask again in a minute.";

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
    fetch: leanFetch,
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

  // Work is paced behind acknowledgements (see pace.ts); in HTTP mode requests are acknowledged
  // before Bolt even reads them (see receiver.ts), so a queue of answers never delays an ack.
  const pacer = new Pacer(options.pace);
  const httpReceiver = socketReceiver
    ? undefined
    : new AckFirstReceiver({
        signingSecret: settings.SLACK_SIGNING_SECRET as string,
        logger: boltLogger,
        pacer,
        onError: (error) => logger.error({ err: error }, 'bolt could not process a request'),
      });

  const app = new App({
    token: settings.SLACK_BOT_TOKEN,
    logger: boltLogger,
    logLevel: boltLogger.getLevel(),
    clientOptions: clientOptions(),
    convoStore: false,
    deferInitialization: true,
    receiver: socketReceiver ?? httpReceiver!,
  });

  // Answers under way, so that stop() can let them finish. Listeners start them and return at once
  // (not awaiting them), so that Bolt's per-request objects are freed while an answer waits its turn.
  const inFlight = new Set<Promise<void>>();
  const counts = { delivered: 0, failed: 0, rateLimited: 0 };
  const track = (surface: string, work: () => Promise<void>): Promise<void> => {
    const job = work().then(
      () => {
        counts.delivered += 1;
      },
      (error: unknown) => {
        counts.failed += 1;
        logger.error({ err: error, surface }, 'could not deliver an answer to Slack');
      },
    );
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    return job;
  };

  // Answered events and per-user and per-channel limits, in Redis when REDIS_URL is set (shared by
  // every replica), else in this process; a refused request is answered once, then ignored (see ratelimit.ts).
  const state =
    options.state ?? (await openSharedState({ redisUrl: options.config.REDIS_URL, limits: options.rateLimits ?? DEFAULT_RATE_LIMITS, logger, namespace: 'slack' }));
  const refused = async (user: string | undefined, channel: string | undefined, surface: string): Promise<Extract<Verdict, { allowed: false }> | undefined> => {
    const verdict = await state.take(user, channel);
    if (verdict.allowed) return undefined;
    counts.rateLimited += 1;
    const where = { surface, user, channel, scope: verdict.scope, retryMs: verdict.retryMs };
    if (verdict.notify) logger.info(where, 'rate limited: told the user');
    else logger.debug(where, 'rate limited: ignored');
    return verdict;
  };
  const notice = (text: string): SlackMessage => renderReply(errorReply(text, 'warning'));

  // Deliveries to Slack (response_url posts, Web API calls) in flight at once, at most: each one's
  // network work is not paced, so this bounds how much of it lands between two acknowledgements.
  const gate = new Gate(options.maxDeliveries ?? 8);
  const deliver = <T>(send: () => Promise<T>): Promise<T> => gate.run(send);

  // Commands run in paced slices after the acknowledgement has gone (see pace.ts); when the queue is
  // too long, the answer is a clear "busy" instead.
  const busy = { count: 0, loggedAt: 0 };
  const answer = async (request: DispatchRequest): Promise<Dispatched> => {
    try {
      return await pacer.run(() => dispatch(env, request));
    } catch (error) {
      if (!(error instanceof Busy)) throw error;
      // One line per ten seconds of refusals, not one per refusal: an overload must not flood the log too.
      busy.count += 1;
      if (Date.now() - busy.loggedAt >= 10_000) {
        logger.warn({ surface: request.surface, refused: busy.count, expectedWaitMs: Math.round(error.expectedWaitMs) }, 'busy: answering with a refusal while the queue is too long');
        busy.loggedAt = Date.now();
        busy.count = 0;
      }
      return { message: notice(BUSY_MESSAGE), ok: false, failed: true };
    }
  };

  // Slack retries an event it thinks went unanswered, and one message can arrive as two events (a
  // mention in a direct message): answer each event id (`e:`), and each message (`m:`), once.

  app.error(async (error) => {
    logger.error({ err: error, code: (error as { code?: string }).code }, 'bolt error');
  });

  app.use(async ({ body, next }) => {
    const envelope = body as { type?: string; event_id?: string };
    if (envelope.type === 'event_callback' && typeof envelope.event_id === 'string' && !(await state.firstTime(`e:${envelope.event_id}`))) {
      logger.info({ event_id: envelope.event_id }, 'duplicate event ignored');
      return;
    }
    await next();
  });

  // A slash command's pictures go up beside its answer through Slack's upload flow
  // (getUploadURLExternal, the upload, completeUploadExternal), into the same channel. Ephemeral
  // answers get none: a file cannot be shown to one person only.
  const upload = async (client: webApi.WebClient, message: SlackMessage, channel: string) => {
    if (!message.files) return;
    for (const file of await pngFiles(message.files, SLACK_LIMITS.fileBytes))
      await deliver(() => client.files.uploadV2({ channel_id: channel, file: file.data, filename: file.name, title: file.name, alt_text: file.alt.slice(0, 1000) }));
  };

  const answerMessage = async (
    event: MessageLike,
    surface: 'mention' | 'dm',
    where: PostArgs,
    botUserId: string | undefined,
    client: webApi.WebClient,
  ) => {
    if (!(await state.firstTime(`m:${event.channel}:${event.ts}`))) return;
    const limited = await refused(event.user, event.channel, surface);
    if (limited) {
      if (!limited.notify) return;
      const { text, blocks } = notice(rateLimitMessage(limited));
      // In a channel only the person who asked sees it; a direct message is theirs alone anyway.
      if (surface === 'dm' || !event.user) await deliver(() => client.chat.postMessage({ ...where, text, blocks }));
      else await deliver(() => client.chat.postEphemeral({ ...where, user: event.user!, text, blocks }));
      return;
    }
    const text = fromSlackText(event.text ?? '', botUserId !== undefined ? { botUserId } : {});
    const request = messageRequest(commands, text);
    if (!request) {
      logger.warn({ surface }, 'no ask or help command is registered; message ignored');
      return;
    }
    const { message } = await answer({ command: request.name, input: request.input, surface, user: event.user, channel: event.channel });
    await deliver(() => client.chat.postMessage({ ...where, text: message.text, blocks: message.blocks }));
  };

  app.event('app_mention', async ({ event, context, client }) => {
    const mention = event as unknown as MessageLike;
    // In a direct message the message.im event answers it.
    if (mention.channel.startsWith('D')) return;
    const where = { channel: mention.channel, thread_ts: mention.thread_ts ?? mention.ts };
    void track('mention', () => answerMessage(mention, 'mention', where, context.botUserId, client));
  });

  app.event('message', async ({ event, context, client }) => {
    const message = event as unknown as MessageLike;
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined || !message.user) return;
    const where: PostArgs = message.thread_ts ? { channel: message.channel, thread_ts: message.thread_ts } : { channel: message.channel };
    void track('dm', () => answerMessage(message, 'dm', where, context.botUserId, client));
  });

  for (const slash of slashCommands(commands)) {
    const definition = commands.get(slash.name) as CommandDefinition;
    app.command(slash.slash, async ({ ack, command, respond, client }) => {
      await ack();
      const limited = await refused(command.user_id, command.channel_id, 'slash');
      if (limited) {
        if (limited.notify) void track('slash', () => deliver(() => respond({ response_type: 'ephemeral', ...notice(rateLimitMessage(limited)) })).then(() => undefined));
        return;
      }
      void track('slash', async () => {
        const request = slashRequest(commands, definition, command.text ?? '');
        const dispatched = await answer({
          command: request.name,
          input: request.input,
          usage: request.usage,
          surface: 'slash',
          user: command.user_id,
          channel: command.channel_id,
        });
        // Errors go only to the person who typed the command; answers go to the channel unless private.
        await deliver(() =>
          respond({
            response_type: request.private || dispatched.failed ? 'ephemeral' : 'in_channel',
            text: dispatched.message.text,
            blocks: dispatched.message.blocks,
          }),
        );
        if (!request.private && !dispatched.failed) await upload(client, dispatched.message, command.channel_id);
      });
    });
  }

  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, action, body, respond, client }) => {
    await ack();
    void track('action', async () => {
      const value = decodeAction((action as { value?: string }).value);
      if (!value) {
        logger.warn({ action_id: (action as { action_id?: string }).action_id }, 'button without a readable value ignored');
        return;
      }
      const limited = await refused(body.user.id, body.channel?.id, 'action');
      if (limited) {
        if (limited.notify) await deliver(() => respond({ response_type: 'ephemeral', replace_original: false, ...notice(rateLimitMessage(limited)) }));
        return;
      }
      const dispatched = await answer({ command: value.c, input: value.a, surface: 'action', user: body.user.id, channel: body.channel?.id });
      const { text, blocks } = dispatched.message;
      if (value.p) {
        await deliver(() => respond({ response_type: 'ephemeral', replace_original: false, text, blocks }));
        return;
      }
      const container = (body as { container?: { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean } }).container;
      try {
        await deliver(() => respond({ replace_original: true, text, blocks }));
      } catch (error) {
        // A response_url lasts 30 minutes; after that, edit the message directly (not possible for ephemeral ones).
        if (container?.type !== 'message' || container.is_ephemeral || !container.channel_id || !container.message_ts) throw error;
        logger.info({ err: error }, 'response_url refused; updating the message instead');
        await deliver(() => client.chat.update({ channel: container.channel_id!, ts: container.message_ts!, text, blocks }));
      }
    });
  });

  try {
    await app.init();
  } catch (error) {
    if (!options.state) await state.close();
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
      if (!options.state) await state.close();
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
      // Requests already acknowledged may still be queued for Bolt, and answers under way: finish
      // both (within drainMs), so that nothing acknowledged is lost.
      const settle = async () => {
        for (;;) {
          await pacer.whenIdle();
          await new Promise((resolve) => setImmediate(resolve));
          if (inFlight.size === 0 && pacer.pending() === 0) return 'settled' as const;
          await Promise.allSettled([...inFlight]);
        }
      };
      if (inFlight.size > 0 || pacer.pending() > 0) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), options.drainMs ?? 10_000);
        });
        const outcome = await Promise.race([settle(), timeout]);
        clearTimeout(timer);
        if (outcome === 'timeout') logger.warn({ pending: inFlight.size, queued: pacer.pending() }, 'stopped with answers still under way');
      }
      if (!options.state) await state.close();
      logger.info({ mode }, 'Slack app stopped');
    })();
    return stopping;
  };

  const stats = (): SlackStats => ({ ...counts, busy: pacer.counts.busy, inFlight: inFlight.size });
  return { mode, ...(port !== undefined ? { port } : {}), stop, stats };
}
