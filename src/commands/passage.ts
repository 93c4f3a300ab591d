import * as z from 'zod';
import { BackchannelError } from '../errors.js';
import { citationFor } from '../answer/citation.js';
import { runsOf } from '../reply/build.js';
import type { Core } from '../core.js';
import type { CommandDefinition, Completion } from './types.js';
import { cleanInput, INPUT_LIMITS } from './limits.js';

/** A passage id option, as /passage and /cite take it. */
export const passageIdOption = z
  .string()
  .transform(cleanInput)
  .pipe(
    z
      .string()
      .min(1, 'is required: give a passage id as its citation shows it, e.g. jfkfacts-secret-talks#p3')
      .max(INPUT_LIMITS.idChars, `is too long: at most ${INPUT_LIMITS.idChars} characters, please`),
  )
  .describe('Passage id as cited, e.g. jfkfacts-secret-talks#p3');

const options = z.object({ id: passageIdOption });

/** Passage ids starting with what was typed (case ignored), at most 25. */
export function completePassageId(prefix: string, core: Core): Completion[] {
  const start = prefix.trim().toLowerCase();
  return core.corpus.passages
    .filter((p) => p.id.startsWith(start))
    .slice(0, 25)
    .map((p) => ({ name: p.id, value: p.id }));
}

/** /passage: a whole passage, with its heading and citation (the "Show context" button). */
export const passageCommand: CommandDefinition<typeof options> = {
  name: 'passage',
  description: 'Show a whole passage by the id its citation gives',
  options,
  positional: 'id',
  complete: { id: completePassageId },
  run({ id }, core) {
    const passage = core.corpus.passageById.get(id.toLowerCase());
    if (!passage) {
      throw new BackchannelError('NOT_FOUND', `no passage ${id}`, { userMessage: `There is no passage "${id}" in the corpus. Passage ids look like jfkfacts-secret-talks#p3.` });
    }
    const citation = citationFor(core.corpus, passage, 1);
    return {
      blocks: [
        ...(passage.heading ? [{ type: 'heading' as const, text: passage.heading }] : []),
        { type: 'quote', runs: runsOf(passage.text), citation: 1 },
        { type: 'citations', items: [citation] },
      ],
      actions: [],
      ok: true,
      data: { id: passage.id, docId: passage.docId, heading: passage.heading, text: passage.text, citation },
    };
  },
};
