/**
 * Whether a noun names a person ("newswoman", "lawmakers", "researcher"), or is a particular person's
 * name ("Castro", "Kissinger"), by WordNet: the lists `scripts/build-person-nouns.ts` made once and
 * committed beside this file (`person-nouns.txt`, 7,088 nouns whose commonest sense is a person's;
 * `person-names.txt`, 3,022 words whose commonest sense is a particular person), each read on first
 * use: the nouns by a "which …" / "what …" question whose noun the type rules do not know, or a
 * "who"'s quote naming no one ("his teenage son"); the names by a "where"'s quote.
 */
import { readFileSync } from 'node:fs';
import { committedFile } from '../util/find-up.js';

let nouns: ReadonlySet<string> | undefined;
let names: ReadonlySet<string> | undefined;

/** The words of a committed list. */
function listed(file: string): ReadonlySet<string> {
  return new Set(readFileSync(committedFile(import.meta.url, 'lexicon', file), 'utf8').split('\n').filter(Boolean));
}

/** True when `word` (lower case), or its singular ("lawmakers", "newsmen", "secretaries"), names a person. */
export function isPersonNoun(word: string): boolean {
  nouns ??= listed('person-nouns.txt');
  return singulars(word).some((w) => nouns!.has(w));
}

/** True when `word` (lower case) is, in its commonest sense, a particular person's name: "castro", "kissinger", not "havana" or "bush". */
export function isPersonName(word: string): boolean {
  names ??= listed('person-names.txt');
  return names.has(word);
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
