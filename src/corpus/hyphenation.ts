import { isDictionaryWord } from '../text/dictionary.js';

const LETTER = /\p{L}/u;

/** The letters that end `text`, and the hyphen after them if any: a backward scan, not a regex. */
function trailingWord(text: string): { left: string; hyphen: '' | '-' } | null {
  let end = text.length;
  const hyphen = text[end - 1] === '-' ? '-' : '';
  if (hyphen) end--;
  let start = end;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    const isLow = code >= 0xdc00 && code <= 0xdfff && start > 1; // second half of a surrogate pair
    const ch = isLow ? text.slice(start - 2, start) : text[start - 1]!;
    if (!LETTER.test(ch)) break;
    start -= ch.length;
  }
  return start < end ? { left: text.slice(start, end), hyphen } : null;
}
/** How much of the end of the text is searched for its last word (no word is longer). */
const TAIL = 120;
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
  // Pieces are collected and joined once; `end` keeps the last characters, so that each step costs
  // the length of a line, not of the paragraph so far.
  const parts: string[] = [lines[0] ?? ''];
  let end = parts[0]!.slice(-TAIL);
  const append = (separator: string, line: string) => {
    parts.push(separator, line);
    end = (end + separator + line).slice(-TAIL);
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tail = trailingWord(end);
    const head = LEADING_WORD.exec(line);
    if (tail && head) {
      const { left, hyphen } = tail;
      const right = head[1] ?? '';
      const isWord = isDictionaryWord((left + right).toLowerCase());
      if (hyphen === '-' && isWord) {
        let last = parts.length - 1;
        while (last > 0 && parts[last] === '') last--;
        parts[last] = parts[last]!.slice(0, -1); // the hyphen ends the last line appended
        end = end.slice(0, -1);
        append('', line);
        continue;
      }
      if ((hyphen === '' && isWord && (!isKnown(left.toLowerCase()) || !isKnown(right.toLowerCase()))) || hyphen === '-') {
        append('', line);
        continue;
      }
    }
    append(' ', line);
  }
  return parts.join('');
}
