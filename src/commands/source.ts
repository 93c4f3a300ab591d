import { z } from 'zod';
import type { Core } from '../core.js';
import type { Corpus } from '../corpus/types.js';
import { buildSourceRegistry } from '../sources/registry.js';
import { foundReply, listReply, notFoundReply } from '../sources/reply.js';
import type { SourceRegistry, SourcesCore } from '../sources/types.js';
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

const built = new WeakMap<Corpus, SourceRegistry>();

/** The core's source registry; built from the corpus (once per corpus) when the core carries none. */
export function sourcesOf(core: Core): SourceRegistry {
  const own = (core as Core & Partial<SourcesCore>).sources;
  if (own) return own;
  let registry = built.get(core.corpus);
  if (!registry) built.set(core.corpus, (registry = buildSourceRegistry(core.corpus)));
  return registry;
}

/** /source: a cable's row and the passages citing it, a document's card, or the list of sources. */
export const sourceCommand: CommandDefinition<typeof options> = {
  name: 'source',
  description: 'A source by id: a cable and the passages citing it, or a document card; alone, list all',
  options,
  positional: 'id',
  complete: { id: (prefix, core) => sourcesOf(core).complete(prefix) },
  run({ id }, core) {
    const registry = sourcesOf(core);
    if (id === '') return listReply(registry.list());
    const entry = registry.lookup(id);
    if (!entry) return notFoundReply(id, registry.suggest(id), (s) => registry.lookup(s));
    return foundReply(entry, core.corpus, (s) => registry.lookup(s));
  },
};
