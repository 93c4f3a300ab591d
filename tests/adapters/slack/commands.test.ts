import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  coerceOption,
  messageRequest,
  parseOptions,
  slashCommands,
  slashName,
  slashRequest,
  splitPrivate,
  usageHint,
} from '../../../adapters/slack/commands.js';
import { commands as realCommands } from '../../../src/commands/index.js';
import type { CommandDefinition } from '../../../src/commands/types.js';
import { testCommands } from './fixtures.js';

const commands = testCommands();
const get = (name: string) => commands.get(name) as CommandDefinition;

describe('Slack commands', () => {
  describe('slashCommands', () => {
    it('derives one slash command per definition, in order, with help as /backchannel', () => {
      expect(slashCommands(commands)).toEqual([
        { slash: '/ask', name: 'ask', description: get('ask').description, usageHint: '[private] <question> [page:…]' },
        { slash: '/backchannel', name: 'help', description: get('help').description, usageHint: '[private]' },
        { slash: '/timeline', name: 'timeline', description: get('timeline').description, usageHint: '[private] <period> [topic:…]' },
        { slash: '/source', name: 'source', description: get('source').description, usageHint: '[private] <id>' },
      ]);
    });

    it('derives the real commands too', () => {
      const slashes = slashCommands(realCommands).map((c) => c.slash);
      expect(slashes).toContain('/ask');
      expect(slashes).toContain('/backchannel');
      expect(slashName('ask')).toBe('/ask');
    });

    it('refuses a name Slack would not accept', () => {
      const bad = new Map([['Bad Name', { ...get('help'), name: 'Bad Name' }]]);
      expect(() => slashCommands(bad)).toThrow(/cannot be a Slack slash command/);
    });
  });

  describe('splitPrivate', () => {
    it('finds "private" at the start or the end, in any case', () => {
      expect(splitPrivate('private who was Donovan')).toEqual({ text: 'who was Donovan', private: true });
      expect(splitPrivate('who was Donovan PRIVATE')).toEqual({ text: 'who was Donovan', private: true });
      expect(splitPrivate('private:yes who')).toEqual({ text: 'who', private: true });
    });

    it('leaves "private" in the middle of a question alone', () => {
      expect(splitPrivate('were the private talks secret')).toEqual({ text: 'were the private talks secret', private: false });
    });
  });

  describe('parseOptions', () => {
    it('gives the rest of the text to the positional option', () => {
      expect(parseOptions(get('ask'), 'who was  James Donovan')).toEqual({ question: 'who was James Donovan' });
    });

    it('reads name:value and name:"two words" for the other options, converting numbers', () => {
      expect(parseOptions(get('ask'), 'page:2 who was Donovan')).toEqual({ question: 'who was Donovan', page: 2 });
      expect(parseOptions(get('timeline'), '1962 topic:"missile crisis"')).toEqual({ period: '1962', topic: 'missile crisis' });
      expect(parseOptions(get('timeline'), 'topic=Donovan 1963')).toEqual({ period: '1963', topic: 'Donovan' });
    });

    it('leaves a value that is not a number for the schema to refuse', () => {
      expect(parseOptions(get('ask'), 'page:two q')).toEqual({ question: 'q', page: 'two' });
    });

    it('refuses free text for a command without a positional option', () => {
      expect(() => parseOptions(get('help'), 'something')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    });

    it('leaves out an empty positional so the schema can say it is missing', () => {
      expect(parseOptions(get('ask'), '  ')).toEqual({});
    });
  });

  describe('coerceOption', () => {
    it('converts by the option’s type through optional, default and pipe wrappers', () => {
      expect(coerceOption(z.number().optional(), '3')).toBe(3);
      expect(coerceOption(z.coerce.number().int().default(1), '4')).toBe(4);
      expect(coerceOption(z.boolean().default(false), 'yes')).toBe(true);
      expect(coerceOption(z.string().transform((s) => s.trim()).pipe(z.string()), '5')).toBe('5');
    });
  });

  describe('slashRequest', () => {
    it('decodes Slack’s escaping before reading the text', () => {
      const request = slashRequest(commands, get('ask'), 'AT&amp;T &lt;3 private');
      expect(request.private).toBe(true);
      expect(request.input()).toEqual({ question: 'AT&T <3' });
    });

    it('runs help for "<command> help"', () => {
      expect(slashRequest(commands, get('timeline'), 'help').name).toBe('help');
    });
  });

  describe('messageRequest', () => {
    it('asks the question in a mention or direct message', () => {
      expect(messageRequest(commands, 'who was Donovan')).toEqual({ name: 'ask', input: { question: 'who was Donovan' } });
    });

    it('shows help for an empty message or "help"', () => {
      expect(messageRequest(commands, '')).toEqual({ name: 'help', input: {} });
      expect(messageRequest(commands, 'Help?')).toEqual({ name: 'help', input: {} });
    });
  });

  describe('usageHint', () => {
    it('marks required and optional options', () => {
      expect(usageHint(get('source'))).toBe('[private] <id>');
    });
  });
});
