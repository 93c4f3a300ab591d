import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

/** The English word list (sindresorhus/word-list, 274k words with their inflections), loaded on first use only. */
function dictionary(): Set<string> {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words;
}

/** True when `word` (lower case) is in the English word list. */
export function isDictionaryWord(word: string): boolean {
  return dictionary().has(word);
}
