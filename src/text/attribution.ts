/**
 * An attribution line: the last line of a passage that quotes someone, a dash and who said it, to
 * whom and when ("—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977"). It
 * says little alone; the words it attributes are the sentences above it.
 */

/** A passage's attribution line, in group 1, when its text ends with one. */
export const ATTRIBUTION_LINE = /\n([—–]\s?\p{Lu}[^\n]*)$/u;

/** Whether a sentence is an attribution line (a dash, then a capital). */
export function isAttributionLine(sentence: string): boolean {
  return /^[—–]\s?\p{Lu}/u.test(sentence);
}
