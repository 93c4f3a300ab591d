import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

/** The English word list (sindresorhus/word-list), loaded on first use only. */
function dictionary(): Set<string> {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words;
}

const TRAILING_WORD = /(\p{L}+)(-?)$/u;
const LEADING_WORD = /^(\p{L}+)/u;

/**
 * Joins hard-wrapped lines into one paragraph, repairing words broken across the line end: "de-" /
 * "stroyed" and, when scraping lost the hyphen, "de" / "stroyed". Without a hyphen, two pieces are
 * joined only when together they make a dictionary word and at least one piece is not a word the
 * document itself uses elsewhere (`isKnown`), so "an" / "other" stay two words while "de" / "stroyed"
 * (both in a large dictionary, neither used by the text) become "destroyed". With a hyphen, it is
 * dropped when the pieces make a word and kept otherwise ("war-" / "time").
 */
export function joinWrappedLines(lines: readonly string[], isKnown: (word: string) => boolean): string {
  let text = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    const tail = TRAILING_WORD.exec(text);
    const head = LEADING_WORD.exec(line);
    if (tail && head) {
      const [, left = '', hyphen] = tail;
      const right = head[1] ?? '';
      const joined = (left + right).toLowerCase();
      const dict = dictionary();
      const isWord = dict.has(joined);
      if (hyphen === '-' && isWord) {
        text = text.slice(0, -1) + line;
        continue;
      }
      if (hyphen === '' && isWord && (!isKnown(left.toLowerCase()) || !isKnown(right.toLowerCase()))) {
        text += line;
        continue;
      }
      if (hyphen === '-') {
        text += line;
        continue;
      }
    }
    text += ' ' + line;
  }
  return text;
}
