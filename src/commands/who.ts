import * as z from 'zod';
import { peopleOf } from '../people/index.js';
import { peopleListReply, personNotFoundReply, personReply } from '../people/reply.js';
import { editDistance } from '../sources/suggest.js';
import { fold } from '../text/fold.js';
import { cleanInput, INPUT_LIMITS } from './limits.js';
import type { CommandDefinition } from './types.js';

const options = z.object({
  name: z
    .string()
    .transform(cleanInput)
    .pipe(z.string().max(INPUT_LIMITS.idChars, `is too long: at most ${INPUT_LIMITS.idChars} characters, please`))
    .default('')
    .describe('A person’s name or surname, e.g. Attwood or Lisa Howard; leave empty to list everyone'),
});

/** /who: who a person was, in the corpus's own words, and where the corpus names them. */
export const whoCommand: CommandDefinition<typeof options> = {
  name: 'who',
  description: 'Who a person was, in the documents’ own words, and every passage naming them',
  options,
  positional: 'name',
  complete: { name: (prefix, core) => peopleOf(core).complete(prefix) },
  run({ name }, core) {
    const index = peopleOf(core);
    if (name === '') return peopleListReply(index);
    const person = index.lookup(name);
    if (person) return personReply(person, index, core.corpus, name);
    // A misspelling a letter or two from one name ("Atwood") shows that person's card, saying so.
    const [best] = index.suggest(name, 1);
    const surname = fold(name).split(' ').pop()!;
    if (best && surname.length >= 4 && editDistance(surname, best.person.surname, 2) <= (surname.length >= 7 ? 2 : 1))
      return personReply(best.person, index, core.corpus, name, true);
    return personNotFoundReply(name, index);
  },
};
