/**
 * Slack's view of the command definitions: which slash command runs which command, how the text
 * typed after it becomes options, and what the manifest declares. Nothing here is written per
 * command; it is all derived from the commands Map.
 *
 * Text after a slash command fills the command's positional option. Other options are written
 * `name:value` (or `name:"two words"`). The word `private` at the start or end, or `private:yes`,
 * makes the answer visible only to the person who asked (ephemeral); otherwise everyone sees it.
 */
import type * as z from 'zod';
import type { CommandDefinition } from '../../src/commands/types.js';
import { BackchannelError } from '../../src/errors.js';
import { SLACK_LIMITS } from './limits.js';
import { fromSlackText } from './text.js';

type Commands = ReadonlyMap<string, CommandDefinition>;

/**
 * Slash names that differ from the command's own name. `/help` is too generic to claim in a shared
 * workspace, so help is `/backchannel` — the app's own name, the first thing a newcomer tries.
 */
export const SLASH_NAMES: Readonly<Record<string, string>> = { help: 'backchannel' };

export interface SlashCommand {
  /** `/ask` */
  slash: string;
  /** `ask`: the key in the commands Map. */
  name: string;
  description: string;
  /** `[private] <question>` */
  usageHint: string;
}

export function slashName(name: string): string {
  return `/${SLASH_NAMES[name] ?? name}`;
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch']);

/** The type an option takes as input, with optional/default/nullable wrappers and pipes looked through. */
function baseType(schema: z.ZodType): string {
  let current: z.core.$ZodType = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return def.type;
  }
}

function optionShape(definition: CommandDefinition): Record<string, z.ZodType> {
  return definition.options.shape as Record<string, z.ZodType>;
}

function isOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

export function usageHint(definition: CommandDefinition): string {
  const parts = ['[private]'];
  const shape = optionShape(definition);
  if (definition.positional) {
    const schema = shape[definition.positional];
    parts.push(schema && isOptional(schema) ? `[${definition.positional}]` : `<${definition.positional}>`);
  }
  for (const [name, schema] of Object.entries(shape)) {
    if (name === definition.positional) continue;
    parts.push(isOptional(schema) ? `[${name}:…]` : `${name}:<…>`);
  }
  return parts.join(' ');
}

/** Every command as a slash command, in the Map's order (the order help lists them). */
export function slashCommands(commands: Commands): SlashCommand[] {
  return [...commands.values()].map((definition) => {
    const slash = slashName(definition.name);
    if (slash.length > SLACK_LIMITS.slashCommandName || !/^\/[a-z0-9_-]+$/.test(slash))
      throw new BackchannelError('INTERNAL', `command name ${definition.name} cannot be a Slack slash command`);
    return { slash, name: definition.name, description: definition.description, usageHint: usageHint(definition) };
  });
}

export function usageLine(definition: CommandDefinition): string {
  return `Usage: ${slashName(definition.name)} ${usageHint(definition)}`;
}

const PRIVATE_WORD = /^private$/i;
const YES = /^(1|true|yes|y|on)$/i;
const NO = /^(0|false|no|n|off)$/i;

/** Strips a leading or trailing `private` word (and `private:yes`) from typed text. */
export function splitPrivate(text: string): { text: string; private: boolean } {
  let words = text.trim().split(/\s+/).filter(Boolean);
  let isPrivate = false;
  const option = words.findIndex((word) => /^private[:=]/i.test(word));
  if (option !== -1) {
    isPrivate = YES.test((words[option] as string).replace(/^private[:=]/i, ''));
    words = words.filter((_, index) => index !== option);
  }
  if (words.length > 0 && PRIVATE_WORD.test(words[0] as string)) {
    isPrivate = true;
    words = words.slice(1);
  }
  if (words.length > 0 && PRIVATE_WORD.test(words.at(-1) as string)) {
    isPrivate = true;
    words = words.slice(0, -1);
  }
  return { text: words.join(' '), private: isPrivate };
}

/** A typed value converted to what the option's schema takes: numbers and yes/no become so. */
export function coerceOption(schema: z.ZodType, raw: string): unknown {
  switch (baseType(schema)) {
    case 'number': {
      const value = Number(raw);
      return raw.trim() !== '' && Number.isFinite(value) ? value : raw;
    }
    case 'boolean':
      return YES.test(raw) ? true : NO.test(raw) ? false : raw;
    default:
      return raw;
  }
}

/**
 * Typed text (already decoded and without `private`) → raw options: `name:value` pairs for the
 * command's named options, the rest for its positional option. Validation is the schema's job.
 */
export function parseOptions(definition: CommandDefinition, text: string): Record<string, unknown> {
  const shape = optionShape(definition);
  const input: Record<string, unknown> = {};
  const named = Object.keys(shape).filter((name) => name !== definition.positional);
  let rest = text;
  if (named.length > 0) {
    const names = named.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const pattern = new RegExp(`(^|\\s)(${names})[:=](?:"([^"]*)"|“([^”]*)”|(\\S+))`, 'gi');
    rest = text.replace(pattern, (_whole, lead: string, name: string, quoted?: string, curly?: string, bare?: string) => {
      const key = named.find((candidate) => candidate.toLowerCase() === name.toLowerCase()) as string;
      input[key] = coerceOption(shape[key] as z.ZodType, quoted ?? curly ?? bare ?? '');
      return lead;
    });
  }
  rest = rest.replace(/\s+/g, ' ').trim();
  if (rest !== '') {
    if (!definition.positional)
      throw new BackchannelError('BAD_INPUT', `${definition.name} takes no free text`, {
        userMessage: `${slashName(definition.name)} does not take free text. ${usageLine(definition)}`,
      });
    input[definition.positional] = coerceOption(shape[definition.positional] as z.ZodType, rest);
  }
  return input;
}

export interface SlashRequest {
  name: string;
  private: boolean;
  /** Produces the raw options; throws `BackchannelError` on text that cannot be read. */
  input: () => Record<string, unknown>;
  usage: string;
}

/**
 * A slash command's text (as Slack sends it: escaped) → what to run. `/<command> help` runs help,
 * as Slack's style guide has every command do.
 */
export function slashRequest(commands: Commands, definition: CommandDefinition, slackText: string): SlashRequest {
  const { text, private: isPrivate } = splitPrivate(fromSlackText(slackText));
  const usage = usageLine(definition);
  if (/^help$/i.test(text) && commands.has('help') && definition.name !== 'help') return { name: 'help', private: isPrivate, input: () => ({}), usage };
  return { name: definition.name, private: isPrivate, input: () => parseOptions(definition, text), usage };
}

export interface MessageRequest {
  name: string;
  input: Record<string, unknown>;
}

/**
 * A mention's or direct message's text (decoded, the bot's mention removed) → what to run: nothing
 * or `help` runs help; anything else is a question for `ask`.
 */
export function messageRequest(commands: Commands, text: string): MessageRequest | undefined {
  const trimmed = text.trim();
  const help = commands.get('help');
  if (help && (trimmed === '' || /^help[?!.]*$/i.test(trimmed))) return { name: 'help', input: {} };
  const ask = commands.get('ask');
  if (!ask?.positional) return help ? { name: 'help', input: {} } : undefined;
  return { name: 'ask', input: trimmed === '' ? {} : { [ask.positional]: trimmed } };
}
