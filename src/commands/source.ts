import * as z from 'zod';
import { foundReply, listReply, notFoundReply } from '../sources/reply.js';
import { cleanInput, INPUT_LIMITS } from './limits.js';
import type { CommandDefinition } from './types.js';

const options = z.object({
  id: z
    .string()
    .transform(cleanInput)
    .pipe(z.string().max(INPUT_LIMITS.idChars, `is too long: at most ${INPUT_LIMITS.idChars} characters, please`))
    .default('')
    .describe('A cable (CDNW12636), a document id or title; leave empty to list every source'),
});

/** /source: a cable's row and the passages citing it, a document's card, or the list of sources. */
export const sourceCommand: CommandDefinition<typeof options> = {
  name: 'source',
  description: 'A source by id: a cable and the passages citing it, or a document card; alone, list all',
  options,
  positional: 'id',
  complete: { id: (prefix, core) => core.sources.complete(prefix) },
  run({ id }, core) {
    const registry = core.sources;
    if (id === '') return listReply(registry.list());
    const entry = registry.lookup(id);
    if (!entry) return notFoundReply(id, registry.suggest(id), (s) => registry.lookup(s));
    return foundReply(entry, core.corpus, (s) => registry.lookup(s));
  },
};
