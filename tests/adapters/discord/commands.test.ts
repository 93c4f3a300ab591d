import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  ApplicationCommandOptionType,
  SlashCommandBuilder,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { PRIVATE_OPTION, registrationPayload, toSlashCommand } from '../../../adapters/discord/commands.js';
import { commands } from '../../../src/commands/index.js';
import { INPUT_LIMITS } from '../../../src/commands/limits.js';
import type { CommandDefinition } from '../../../src/commands/types.js';

/**
 * Rebuilds a registration JSON with discord.js's builders, which check every name, description,
 * length, bound and the order of required options (and throw when one is wrong).
 */
function viaBuilder(json: RESTPostAPIChatInputApplicationCommandsJSONBody) {
  const builder = new SlashCommandBuilder().setName(json.name).setDescription(json.description);
  for (const option of (json.options ?? []) as APIApplicationCommandBasicOption[]) {
    const common = <T extends { setName(n: string): T; setDescription(d: string): T; setRequired(r: boolean): T }>(o: T) =>
      o.setName(option.name).setDescription(option.description).setRequired(option.required ?? false);
    switch (option.type) {
      case ApplicationCommandOptionType.String:
        builder.addStringOption((o) => {
          common(o);
          if (option.min_length !== undefined) o.setMinLength(option.min_length);
          if (option.max_length !== undefined) o.setMaxLength(option.max_length);
          if (option.autocomplete) o.setAutocomplete(true);
          if (option.choices) o.addChoices(...option.choices);
          return o;
        });
        break;
      case ApplicationCommandOptionType.Integer:
      case ApplicationCommandOptionType.Number: {
        const configure = <T extends { setMinValue(v: number): T; setMaxValue(v: number): T; setAutocomplete(a: boolean): T }>(o: T) => {
          if (option.min_value !== undefined) o.setMinValue(option.min_value);
          if (option.max_value !== undefined) o.setMaxValue(option.max_value);
          if (option.autocomplete) o.setAutocomplete(true);
          return o;
        };
        if (option.type === ApplicationCommandOptionType.Integer) builder.addIntegerOption((o) => configure(common(o)));
        else builder.addNumberOption((o) => configure(common(o)));
        break;
      }
      case ApplicationCommandOptionType.Boolean:
        builder.addBooleanOption((o) => common(o));
        break;
      default:
        throw new Error(`unexpected option type ${option.type}`);
    }
  }
  return builder.toJSON();
}

const run = () => ({ blocks: [], actions: [], data: null, ok: true });

const everything: CommandDefinition = {
  name: 'everything',
  description: 'Every kind of option',
  options: z.object({
    topic: z.string().optional().describe('Narrow to a topic'),
    period: z.string().min(2).max(40).describe('A year, a month or a range'),
    page: z.coerce.number().int().min(1).max(50).default(1).describe('Page of results'),
    weight: z.number().min(0).max(1).optional().describe('How much weight'),
    exact: z.boolean().describe('Match exactly'),
    kind: z.enum(['article', 'letter']).describe('Document kind'),
    cleaned: z.string().transform((s) => s.trim()).pipe(z.string().max(500)).describe('Cleaned text'),
    plain: z.string(),
  }),
  complete: { topic: () => [] },
  run,
};

describe('slash commands derived from the command definitions', () => {
  describe('the real commands', () => {
    const payload = registrationPayload(commands);

    it('registers every command of the Map, in its order, each with a private flag', () => {
      expect(payload.map((command) => command.name)).toEqual([...commands.keys()]);
      expect(payload.length).toBeGreaterThan(0);
      for (const command of payload) {
        expect(command.options?.at(-1)).toEqual({ type: ApplicationCommandOptionType.Boolean, name: PRIVATE_OPTION, description: 'Show the reply only to you', required: false });
      }
    });

    it('gives /ask its question, a string as long as the core accepts, required exactly when the schema requires it', () => {
      const ask = payload.find((command) => command.name === 'ask');
      const required = !commands.get('ask')!.options.shape.question!.safeParse(undefined).success;
      expect((ask?.options as APIApplicationCommandBasicOption[]).find((option) => option.name === 'question')).toMatchObject({
        type: ApplicationCommandOptionType.String,
        max_length: INPUT_LIMITS.questionChars,
        required,
      });
    });

    it('offers autocomplete on every option the core can complete', () => {
      for (const definition of commands.values()) {
        const options = toSlashCommand(definition).options as APIApplicationCommandBasicOption[];
        for (const key of Object.keys(definition.complete ?? {})) expect(options.find((o) => o.name === key)).toMatchObject({ autocomplete: true });
      }
    });

    it('is exactly what discord.js’s builders produce from it, so Discord accepts it', () => {
      for (const command of payload) expect(viaBuilder(command)).toEqual(command);
    });

    it('puts required options before optional ones, as Discord requires (the builders do not check this)', () => {
      for (const command of payload) {
        const required = (command.options as APIApplicationCommandBasicOption[]).map((option) => option.required === true);
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      }
    });
  });

  describe('mapping zod to Discord options', () => {
    const json = toSlashCommand(everything);

    it('maps types, requirements, bounds, choices, descriptions and autocomplete, required options first', () => {
      expect(json).toEqual({
        type: 1,
        name: 'everything',
        description: 'Every kind of option',
        options: [
          { type: ApplicationCommandOptionType.String, name: 'period', description: 'A year, a month or a range', required: true, min_length: 2, max_length: 40 },
          { type: ApplicationCommandOptionType.Boolean, name: 'exact', description: 'Match exactly', required: true },
          {
            type: ApplicationCommandOptionType.String,
            name: 'kind',
            description: 'Document kind',
            required: true,
            choices: [
              { name: 'article', value: 'article' },
              { name: 'letter', value: 'letter' },
            ],
          },
          { type: ApplicationCommandOptionType.String, name: 'cleaned', description: 'Cleaned text', required: true, max_length: 500 },
          { type: ApplicationCommandOptionType.String, name: 'plain', description: 'plain', required: true },
          { type: ApplicationCommandOptionType.String, name: 'topic', description: 'Narrow to a topic', required: false, autocomplete: true },
          { type: ApplicationCommandOptionType.Integer, name: 'page', description: 'Page of results', required: false, min_value: 1, max_value: 50 },
          { type: ApplicationCommandOptionType.Number, name: 'weight', description: 'How much weight', required: false, min_value: 0, max_value: 1 },
          { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Show the reply only to you', required: false },
        ],
      });
      expect(viaBuilder(json)).toEqual(json);
    });

    it('is checked for real by the builders: a broken payload fails', () => {
      expect(() => viaBuilder({ ...json, description: 'x'.repeat(101) })).toThrow();
      expect(() => viaBuilder({ ...json, name: 'Everything' })).toThrow();
      const [first, ...rest] = json.options as APIApplicationCommandBasicOption[];
      expect(() => viaBuilder({ ...json, options: [{ ...first!, description: '' }, ...rest] })).toThrow();
    });

    it('refuses what Discord could not show, naming the command and option', () => {
      const bad = (options: z.ZodObject): CommandDefinition => ({ name: 'bad', description: 'Bad', options, run });
      expect(() => toSlashCommand(bad(z.object({ ids: z.array(z.string()) })))).toThrow(/\/bad, option "ids".*array/);
      expect(() => toSlashCommand(bad(z.object({ camelCase: z.string() })))).toThrow(/option "camelCase".*lower case/);
      expect(() => toSlashCommand(bad(z.object({ private: z.boolean() })))).toThrow(/option "private"/);
    });
  });
});
