/** Every command, registered once. Import `commands` from here to get the full Map. */
import type { CommandDefinition } from './types.js';
import { askCommand } from './ask.js';
import { passageCommand } from './passage.js';
import { helpCommand } from './help.js';
import { timelineCommand } from './timeline.js';
import { sourceCommand } from './source.js';
import { citeCommand } from './cite.js';
import { whoCommand } from './who.js';
import { quizCommand } from './quiz.js';
import { commands, register } from './registry.js';

register(
  askCommand as CommandDefinition,
  timelineCommand as CommandDefinition,
  sourceCommand as CommandDefinition,
  whoCommand as CommandDefinition,
  quizCommand as CommandDefinition,
  passageCommand as CommandDefinition,
  citeCommand as CommandDefinition,
  helpCommand as CommandDefinition,
);

export { commands };
