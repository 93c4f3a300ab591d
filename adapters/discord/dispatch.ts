/**
 * Routes an interaction to its command and renders the result. Thin on purpose: options are
 * validated by the command's own zod schema (the core's `runCommand`), the command runs, the reply is
 * rendered. One catch for everything: a `BackchannelError` shows its `userMessage`; anything else
 * shows a fixed message with a short reference, and the log gets the reference with the details.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
} from 'discord.js';
import type { Logger } from 'pino';
import { runCommand } from '../../src/commands/run.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import type { Core } from '../../src/core.js';
import { BackchannelError, ERROR_CODES, isBackchannelError } from '../../src/errors.js';
import { rateLimitMessage } from '../ratelimit.js';
import type { SharedState } from '../state/shared-state.js';
import { PRIVATE_OPTION } from './commands.js';
import { decodeCustomId, readFooterValue, type ButtonState } from './custom-id.js';
import { LIMITS } from './limits.js';
import { pngFiles } from '../pictures.js';
import { renderReply, renderText, type DiscordMessage } from './render.js';
import { squash, truncate } from './text.js';

export interface DispatchContext {
  core: Core;
  commands: ReadonlyMap<string, CommandDefinition>;
  logger: Logger;
  /** Per-user and per-channel limits on commands and button presses. */
  limiter: Pick<SharedState, 'take'>;
}

export const MESSAGES = {
  staleButton: 'This button no longer works: it was made by an earlier version of Backchannel. Please run the command again.',
  unknownCommand: 'That command is no longer available. Type / to see the current ones.',
  unrecoverable: (key: string, command: string) =>
    `This button's ${key} was too long to keep in the button, and it can no longer be read from the message. Please run /${command} again.`,
  internal: (ref: string) => `${ERROR_CODES.INTERNAL} (ref ${ref})`,
} as const;

/** discord.js options for a rendered message. `allowedMentions` is always set (and always empty). */
export function toDiscordJs(message: DiscordMessage): InteractionEditReplyOptions & InteractionReplyOptions {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowed_mentions,
  };
}

/** A rendered reply as discord.js options, its pictures made into PNG attachments (off the main thread). */
async function withAttachments(message: DiscordMessage): Promise<InteractionEditReplyOptions> {
  const payload = toDiscordJs(message);
  if (!message.files) return payload;
  const files = await pngFiles(message.files, LIMITS.attachmentBytes);
  return { ...payload, files: files.map((file) => ({ attachment: file.data, name: file.name, description: file.alt.slice(0, 1024) })) };
}

/** A short reference for an error, shown to the user and logged with the details. */
export function errorRef(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

const ephemeral = (isPrivate: boolean) => (isPrivate ? { flags: MessageFlags.Ephemeral as const } : {});

export async function dispatch(interaction: Interaction, context: DispatchContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await autocomplete(interaction, context);
    else if (interaction.isChatInputCommand()) await command(interaction, context);
    else if (interaction.isButton()) await button(interaction, context);
  } catch (error) {
    await report(interaction, error, context);
  }
}

async function command(interaction: ChatInputCommandInteraction, context: DispatchContext): Promise<void> {
  if (await refused(interaction, context)) return;
  await interaction.deferReply(ephemeral(interaction.options.getBoolean(PRIVATE_OPTION) ?? false));
  const definition = context.commands.get(interaction.commandName);
  if (!definition)
    throw new BackchannelError('NOT_FOUND', `Unknown command /${interaction.commandName}`, { userMessage: MESSAGES.unknownCommand });
  const raw: Record<string, unknown> = {};
  for (const option of interaction.options.data) if (option.name !== PRIVATE_OPTION) raw[option.name] = option.value;
  context.logger.debug({ command: definition.name, interaction: interaction.id, user: interaction.user.id }, 'command');
  const reply = await runCommand(definition, raw, context.core);
  await interaction.editReply(await withAttachments(renderReply(reply)));
}

async function autocomplete(interaction: AutocompleteInteraction, context: DispatchContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const complete = context.commands.get(interaction.commandName)?.complete?.[focused.name];
  if (!complete) {
    await interaction.respond([]);
    return;
  }
  const numeric = focused.type === ApplicationCommandOptionType.Integer || focused.type === ApplicationCommandOptionType.Number;
  const choices = complete(String(focused.value), context.core)
    .filter((choice) => choice.value !== '' && choice.value.length <= LIMITS.choiceValue)
    .filter((choice) => !numeric || Number.isFinite(Number(choice.value)))
    .slice(0, LIMITS.autocompleteChoices)
    .map((choice) => ({
      name: truncate(squash(choice.name), LIMITS.choiceName) || choice.value,
      value: numeric ? Number(choice.value) : choice.value,
    }));
  await interaction.respond(choices);
}

async function button(interaction: ButtonInteraction, context: DispatchContext): Promise<void> {
  const state = decodeCustomId(interaction.customId);
  const definition = state && context.commands.get(state.command);
  if (!state || !definition) {
    context.logger.info({ customId: interaction.customId }, 'stale button');
    await interaction.reply({ ...toDiscordJs(renderText(MESSAGES.staleButton)), flags: MessageFlags.Ephemeral });
    return;
  }
  if (await refused(interaction, context)) return;
  const args = recoverArgs(state, interaction);
  if (typeof args === 'string') {
    await interaction.reply({ ...toDiscordJs(renderText(args)), flags: MessageFlags.Ephemeral });
    return;
  }
  // Arguments the command no longer accepts mean the button predates a change to the command.
  const parsed = definition.options.safeParse(args);
  if (!parsed.success) {
    context.logger.info({ customId: interaction.customId, issues: parsed.error.issues }, 'button arguments no longer valid');
    await interaction.reply({ ...toDiscordJs(renderText(MESSAGES.staleButton)), flags: MessageFlags.Ephemeral });
    return;
  }
  const onEphemeralMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
  await interaction.deferReply(ephemeral(state.private || onEphemeralMessage));
  context.logger.debug({ command: definition.name, action: state.action, interaction: interaction.id, user: interaction.user.id }, 'button');
  const reply = await runCommand(definition, args, context.core);
  await interaction.editReply(await withAttachments(renderReply(reply)));
}

/**
 * True when the rate limiter refuses the interaction, which is then answered: politely and privately
 * the first time in a stretch of refusals; after that a button press is acknowledged silently, and a
 * slash command is left unanswered (Discord shows only the person who sent it that it got no reply),
 * so a flood gets one message, not one per message.
 */
async function refused(interaction: ChatInputCommandInteraction | ButtonInteraction, context: DispatchContext): Promise<boolean> {
  const verdict = await context.limiter.take(interaction.user.id, interaction.channelId ?? undefined);
  if (verdict.allowed) return false;
  const where = { interaction: interaction.id, user: interaction.user.id, channel: interaction.channelId, scope: verdict.scope, retryMs: verdict.retryMs };
  if (verdict.notify) {
    context.logger.info(where, 'rate limited: told the user');
    await interaction.reply({ ...toDiscordJs(renderText(rateLimitMessage(verdict))), flags: MessageFlags.Ephemeral });
  } else {
    context.logger.debug(where, 'rate limited: ignored');
    if (interaction.isButton()) await interaction.deferUpdate();
  }
  return true;
}

/** The button's arguments, with values too long for its custom_id read back from the message's footer. */
function recoverArgs(state: ButtonState, interaction: ButtonInteraction): Record<string, unknown> | string {
  const args: Record<string, unknown> = { ...state.args };
  const footers = interaction.message.embeds.map((embed) => embed.footer?.text);
  for (const key of state.elided) {
    const value = footers.map((footer) => readFooterValue(footer, key)).find((found) => found !== null);
    if (value === undefined || value === null) return MESSAGES.unrecoverable(key, state.command);
    args[key] = value;
  }
  return args;
}

async function report(interaction: Interaction, error: unknown, context: DispatchContext): Promise<void> {
  const ref = errorRef();
  const where = {
    ref,
    interaction: interaction.id,
    user: interaction.user.id,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() ? interaction.customId : undefined,
  };
  let message: string;
  if (isBackchannelError(error)) {
    message = error.userMessage;
    context.logger.warn({ ...where, code: error.code, details: error.details, err: error }, error.message);
  } else {
    message = MESSAGES.internal(ref);
    context.logger.error({ ...where, err: error }, 'interaction failed');
  }
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      const payload = toDiscordJs(renderText(message));
      if (interaction.deferred || interaction.replied) await interaction.editReply(payload);
      else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    }
  } catch (replyError) {
    context.logger.error({ ref, interaction: interaction.id, err: replyError }, 'could not tell the user about an error');
  }
}
