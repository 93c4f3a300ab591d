/**
 * An attribution line: the last line of a passage that quotes someone, a dash and who said it, to
 * whom and when ("—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977"). It
 * says little alone; the words it attributes are the sentences above it.
 */

const ATTRIBUTION_LINE = /\n([—–]\s?\p{Lu}[^\n]*)$/u;

/** A passage text's attribution line, where it starts and its text, when the text ends with one. */
export function attributionLine(text: string): { start: number; text: string } | null {
  const line = ATTRIBUTION_LINE.exec(text)?.[1];
  return line === undefined ? null : { start: text.length - line.length, text: line };
}
