/**
 * Runs one command for Slack and renders the outcome, with the adapter's one try/catch: a
 * `BackchannelError` shows its fixed `userMessage`; anything else shows a fixed apology with a short
 * reference, and the error itself goes to the log under that reference. Input is validated through the
 * command's own zod schema (the core's `runCommand`), so a command only ever sees what its schema allows.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { runCommand } from '../../src/commands/run.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import type { Core } from '../../src/core.js';
import { BackchannelError, ERROR_CODES, isBackchannelError } from '../../src/errors.js';
import type { Reply } from '../../src/reply/model.js';
import { renderReply, type SlackMessage } from './render.js';

export type Surface = 'slash' | 'mention' | 'dm' | 'action';

export interface DispatchEnv {
  commands: ReadonlyMap<string, CommandDefinition>;
  core: Core;
  logger: Logger;
}

export interface DispatchRequest {
  /** Command name, as in the commands Map. */
  command: string;
  /** Raw options, or a function producing them (its `BackchannelError`s are shown like any other). */
  input: Record<string, unknown> | (() => Record<string, unknown>);
  surface: Surface;
  /** Shown after a bad-input message, e.g. "Usage: /ask [private] <question>". */
  usage?: string;
  /** For the log only. */
  user?: string;
  channel?: string;
}

export interface Dispatched {
  message: SlackMessage;
  /** The reply's own `ok` (false for "the corpus doesn't say" as well as for errors). */
  ok: boolean;
  /** The command did not run to a reply: bad input, not found, or a fault. */
  failed: boolean;
}

export function errorReply(text: string, tone: 'warning' | 'error' = 'error'): Reply {
  return { blocks: [{ type: 'notice', tone, text }], actions: [], data: null, ok: false };
}

/** A short reference a person can quote and a maintainer can find in the log. */
export function errorRef(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

export async function dispatch(env: DispatchEnv, request: DispatchRequest): Promise<Dispatched> {
  const started = performance.now();
  // Bindings for this request's lines: no child logger is made per request (that costs, at any level).
  const where = { command: request.command, surface: request.surface, user: request.user, channel: request.channel };
  try {
    const definition = env.commands.get(request.command);
    if (!definition)
      throw new BackchannelError('BAD_INPUT', `unknown command ${request.command}`, {
        userMessage: 'That command is not available.',
      });
    const raw = typeof request.input === 'function' ? request.input() : request.input;
    // Validates through the command's own schema; bad input throws BAD_INPUT naming each option.
    const reply = await runCommand(definition, raw, env.core);
    const message = renderReply(reply);
    env.logger.info({ ...where, ok: reply.ok, ms: Math.round(performance.now() - started) }, 'command answered');
    return { message, ok: reply.ok, failed: false };
  } catch (error) {
    if (isBackchannelError(error)) {
      env.logger.warn({ ...where, code: error.code, details: error.details, err: error }, 'command refused');
      const badInput = error.code === 'BAD_INPUT';
      const text = badInput && request.usage ? `${error.userMessage} ${request.usage}` : error.userMessage;
      return { message: renderReply(errorReply(text, badInput ? 'warning' : 'error')), ok: false, failed: true };
    }
    const ref = errorRef();
    env.logger.error({ ...where, ref, err: error }, 'command failed');
    return { message: renderReply(errorReply(`${ERROR_CODES.INTERNAL} (ref ${ref})`)), ok: false, failed: true };
  }
}
