import * as z from 'zod';
import type { Block } from '../reply/model.js';
import type { CommandDefinition } from './types.js';
import { commands } from './registry.js';

const options = z.object({});

/** One line per command, read from the command Map, so help never falls out of date. */
export function helpBlocks(): Block[] {
  return [
    { type: 'heading', text: 'Backchannel answers only by quoting its documents on US–Cuba back-channel diplomacy (1959–2015).' },
    {
      type: 'list',
      ordered: false,
      items: [...commands.values()].map((c) => {
        const positional = c.positional ? ` <${c.positional}>` : '';
        return [{ text: `/${c.name}${positional}`, marked: true, command: c.name }, { text: ` — ${c.description}` }];
      }),
    },
  ];
}

/** /help: what the bot can do. */
export const helpCommand: CommandDefinition<typeof options> = {
  name: 'help',
  description: 'What Backchannel can do, and how to ask',
  options,
  run() {
    return { blocks: helpBlocks(), actions: [], ok: true, data: { commands: [...commands.values()].map((c) => ({ name: c.name, description: c.description })) } };
  },
};
