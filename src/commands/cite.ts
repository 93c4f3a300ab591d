import * as z from 'zod';
import { citeReply } from '../cite/reply.js';
import type { CommandDefinition } from './types.js';
import { completePassageId, passageIdOption } from './passage.js';

/** Longest passage a sentence number may point into: no passage has nearly this many sentences. */
const MAX_SENTENCE = 1000;

const options = z.object({
  id: passageIdOption,
  sentence: z.coerce.number().int().min(1).max(MAX_SENTENCE).optional().describe('The sentence of the passage to quote (1 = first); default the whole passage'),
  through: z.coerce.number().int().min(1).max(MAX_SENTENCE).optional().describe('The last sentence to quote; default the same as sentence'),
  format: z.enum(['chicago', 'bibtex']).default('chicago').describe('Chicago notes-bibliography (default) or BibTeX'),
});

/** /cite: a passage's document in Chicago style (or BibTeX), with the quoted sentence and its paragraph. */
export const citeCommand: CommandDefinition<typeof options> = {
  name: 'cite',
  description: 'Cite a passage in Chicago style (or BibTeX), with the quoted sentence and its paragraph',
  options,
  positional: 'id',
  complete: { id: completePassageId },
  run({ id, sentence, through, format }, core) {
    return citeReply(core.corpus, { id, sentence, through, format, accessed: new Date() });
  },
};
