/**
 * Run after every tsc of the build's sources (`npm run compile`, which `npm run build` and every script
 * that compiles first call): copies beside the built code the data tsc does not copy, and writes
 * `dist/code-version.json`, the hash of the built ingestion and search code that keys every saved index
 * (see `codeVersion`). Written by the bundling alone, it went stale when only tsc ran (`npm run eval`
 * after a change to src/text), and a saved index built by other code was served.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashCodeDirs } from '../src/cache/code-version.js';
import { repoRoot } from './repo.js';

const root = repoRoot();
const dist = join(root, 'dist');
// The lexicon's table of words used alike: beside the built lexicon, it is read from there and hashed into the code
// version, so that a new table rebuilds the saved indexes.
copyFileSync(join(root, 'src', 'lexicon', 'similar-words.json'), join(dist, 'src', 'lexicon', 'similar-words.json'));
// WordNet's nouns naming a person, read by the type rules for a "which …" noun they do not know and by a "who"'s answer.
copyFileSync(join(root, 'src', 'lexicon', 'person-nouns.txt'), join(dist, 'src', 'lexicon', 'person-nouns.txt'));
// …and the names WordNet gives particular people, read by a "where"'s answer ("to Fidel Castro" is no place).
copyFileSync(join(root, 'src', 'lexicon', 'person-names.txt'), join(dist, 'src', 'lexicon', 'person-names.txt'));
writeFileSync(join(dist, 'code-version.json'), JSON.stringify({ code: hashCodeDirs(join(dist, 'src')) }) + '\n');
