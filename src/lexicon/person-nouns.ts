/**
 * Whether a noun names a person ("newswoman", "lawmakers", "researcher"), by WordNet: the list
 * `scripts/build-person-nouns.ts` made once and committed beside this file (`person-nouns.txt`, 7,088
 * nouns whose commonest sense is a person's), read on first use, which only a "which …" / "what …"
 * question whose noun the type rules do not know makes, or a "who"'s quote naming no one ("his
 * teenage son").
 */
import { readFileSync } from 'node:fs';
import { committedFile } from '../util/find-up.js';

const FILE = 'person-nouns.txt';

let nouns: ReadonlySet<string> | undefined;

/** True when `word` (lower case), or its singular ("lawmakers", "newsmen", "secretaries"), names a person. */
export function isPersonNoun(word: string): boolean {
  nouns ??= new Set(readFileSync(committedFile(import.meta.url, 'lexicon', FILE), 'utf8').split('\n').filter(Boolean));
  return singulars(word).some((w) => nouns!.has(w));
}

/** The word and the singulars it may be the plural of. */
function singulars(word: string): string[] {
  const forms = [word];
  if (word.endsWith('men')) forms.push(`${word.slice(0, -3)}man`);
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}
