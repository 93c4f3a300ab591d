/**
 * Slash commands, derived from the core's command definitions: each zod field becomes an option of
 * the matching type (string, integer, number, boolean; enums become choices), required unless the
 * schema accepts it missing, described by its `.describe()` text, with autocomplete when the command
 * can complete it. Every command also gets an optional `private` flag (an ephemeral reply).
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type * as z from 'zod';
import type { CommandDefinition } from '../../src/commands/types.js';
import { BackchannelError } from '../../src/errors.js';
import { LIMITS } from './limits.js';
import { squash, truncate } from './text.js';

export const PRIVATE_OPTION = 'private';
export const PRIVATE_DESCRIPTION = 'Show the reply only to you';

/** Discord's rule for command and option names (lower case where a letter has cases). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** The little of zod's internals this needs: each schema's def type, wrapped schemas, and checks. */
interface Introspectable {
  description?: string;
  _zod: { def: { type: string; innerType?: Introspectable; in?: Introspectable; out?: Introspectable } };
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
  options?: readonly unknown[];
  values?: ReadonlySet<unknown>;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch']);

/**
 * The schemas under any optional/default/… wrappers, following both sides of pipes (so that
 * `z.string().transform(clean).pipe(z.string().max(500))` yields both strings), and the first
 * description found. The first schema is the input's: it decides the option type.
 */
function unwrap(schema: Introspectable): { leaves: Introspectable[]; description: string | undefined } {
  const leaves: Introspectable[] = [];
  let description: string | undefined;
  const visit = (node: Introspectable) => {
    description ??= node.description;
    const def = node._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) return visit(def.innerType);
    if (def.type === 'pipe') {
      if (def.in) visit(def.in);
      if (def.out) visit(def.out);
      return;
    }
    if (def.type !== 'transform') leaves.push(node);
  };
  visit(schema);
  return { leaves, description };
}

const tightest = (values: Array<number | null | undefined>, pick: (...numbers: number[]) => number): number | undefined => {
  const known = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return known.length > 0 ? pick(...known) : undefined;
};

/** A bound worth sending: finite, and not zod's `.int()` default of ±(2^53 − 1) (Discord allows up to ±2^53). */
const finite = (value: number | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < Math.min(Number.MAX_SAFE_INTEGER, LIMITS.integerBound);

function fail(command: string, option: string, problem: string): never {
  throw new BackchannelError('INTERNAL', `Command /${command}, option "${option}": ${problem}`, {
    details: { command, option, problem },
  });
}

/** The Discord option for one field of a command's schema. */
function toOption(definition: CommandDefinition, key: string, schema: Introspectable): APIApplicationCommandBasicOption {
  if (!NAME.test(key) || key !== key.toLowerCase()) fail(definition.name, key, 'Discord option names must be lower case, 1–32 characters');
  if (key === PRIVATE_OPTION) fail(definition.name, key, `"${PRIVATE_OPTION}" is added to every command by the Discord adapter`);
  const { leaves, description: described } = unwrap(schema);
  const inner = leaves[0];
  if (!inner) return fail(definition.name, key, 'the schema has no input type');
  const same = leaves.filter((leaf) => leaf._zod.def.type === inner._zod.def.type);
  const minLength = tightest(same.map((leaf) => leaf.minLength), Math.max);
  const maxLength = tightest(same.map((leaf) => leaf.maxLength), Math.min);
  const minValue = tightest(same.map((leaf) => leaf.minValue), Math.max);
  const maxValue = tightest(same.map((leaf) => leaf.maxValue), Math.min);
  const isInt = same.some((leaf) => leaf.isInt === true);
  const description = truncate(squash(described ?? '') || key, LIMITS.optionDescription);
  const required = !(schema as unknown as z.ZodType).safeParse(undefined).success;
  const autocomplete = typeof definition.complete?.[key] === 'function';
  // Built loosely, then checked against Discord's rules by the builders in the tests.
  const option: Record<string, unknown> = { name: key, description, required };

  switch (inner._zod.def.type) {
    case 'string':
      option.type = ApplicationCommandOptionType.String;
      if (minLength !== undefined && minLength > 0) option.min_length = Math.min(minLength, LIMITS.stringOptionLength);
      if (maxLength !== undefined) option.max_length = Math.max(1, Math.min(maxLength, LIMITS.stringOptionLength));
      if (autocomplete) option.autocomplete = true;
      break;
    case 'number':
      option.type = isInt ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
      if (finite(minValue)) option.min_value = minValue;
      if (finite(maxValue)) option.max_value = maxValue;
      if (autocomplete) option.autocomplete = true;
      break;
    case 'boolean':
      option.type = ApplicationCommandOptionType.Boolean;
      break;
    case 'enum':
    case 'literal': {
      const values = inner._zod.def.type === 'enum' ? [...(inner.options ?? [])] : [...(inner.values ?? [])];
      if (!values.every((value): value is string => typeof value === 'string'))
        fail(definition.name, key, 'only string enums and literals can be Discord choices');
      option.type = ApplicationCommandOptionType.String;
      if (autocomplete) option.autocomplete = true;
      // More than 25 values can't be choices; the schema still checks the value when the command runs.
      else if (values.length <= LIMITS.optionChoices) option.choices = values.map((value) => ({ name: value, value }));
      break;
    }
    default:
      fail(definition.name, key, `zod type "${inner._zod.def.type}" has no Discord option type`);
  }
  return option as unknown as APIApplicationCommandBasicOption;
}

/** The registration JSON of one command. */
export function toSlashCommand(definition: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  if (!NAME.test(definition.name) || definition.name !== definition.name.toLowerCase())
    fail(definition.name, '(name)', 'Discord command names must be lower case, 1–32 characters');
  const shape = definition.options.shape as Record<string, Introspectable>;
  const options = Object.entries(shape).map(([key, schema]) => toOption(definition, key, schema));
  // Discord wants required options first; keep the schema's order otherwise.
  const ordered = [...options.filter((option) => option.required), ...options.filter((option) => !option.required)];
  ordered.push({ type: ApplicationCommandOptionType.Boolean, name: PRIVATE_OPTION, description: PRIVATE_DESCRIPTION, required: false });
  if (ordered.length > LIMITS.optionsPerCommand) fail(definition.name, '(options)', `more than ${LIMITS.optionsPerCommand} options`);
  return {
    type: ApplicationCommandType.ChatInput,
    name: definition.name,
    description: truncate(squash(definition.description) || definition.name, LIMITS.commandDescription),
    options: ordered,
  };
}

/** The body of the bulk overwrite: every command, in the Map's order. */
export function registrationPayload(commands: ReadonlyMap<string, CommandDefinition>): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const payload = [...commands.values()].map(toSlashCommand);
  if (payload.length > LIMITS.commandsPerScope) throw new BackchannelError('INTERNAL', `More than ${LIMITS.commandsPerScope} commands`);
  return payload;
}
