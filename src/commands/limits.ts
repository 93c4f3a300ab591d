/** Input limits every adapter inherits, because the core enforces them. */
export const INPUT_LIMITS = {
  /** Longest question accepted, in characters. */
  questionChars: 500,
  /** Longest id or period accepted, in characters. */
  idChars: 100,
  /** Highest results page. */
  maxPage: 50,
} as const;

/** Control, format (zero-width, bidi) and other invisible characters, removed from all input. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** Removes invisible characters and collapses whitespace. */
export function cleanInput(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}
