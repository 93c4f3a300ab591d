/** Input limits every adapter inherits, because the core enforces them. */
export const INPUT_LIMITS = {
  /** Longest question accepted, in characters (after cleaning). */
  questionChars: 500,
  /** Longest id or period accepted, in characters (after cleaning). */
  idChars: 100,
  /** Highest results page. */
  maxPage: 50,
  /**
   * Longest raw text accepted for any option, before cleaning. Longer input is refused at once, without
   * being cleaned or parsed, so a flood of invisible characters costs nothing.
   */
  rawChars: 5000,
  /** Combining marks kept on one character ("Zalgo" text beyond this is cut back). */
  combiningMarks: 3,
} as const;

/** Control characters and line or paragraph separators: they become spaces. */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

/**
 * Characters that show nothing: format characters (zero-width space, joiners, bidi overrides, soft
 * hyphen, BOM), lone surrogates, private-use and unassigned code points, and the blank "fillers"
 * (Hangul fillers, braille blank, combining grapheme joiner). They are removed, so "Ha\u200bvana" is
 * "Havana", and text made only of them is empty.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\p{Co}\p{Cn}\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0]/gu;

/** A character followed by more combining marks than `INPUT_LIMITS.combiningMarks`. */
const STACKED_MARKS = new RegExp(`(\\p{M}{${INPUT_LIMITS.combiningMarks}})\\p{M}+`, 'gu');

/** `scheme://`, which Discord (and Slack's fallback text) would turn into a live link. */
const LINK_SCHEME = /([A-Za-z][A-Za-z0-9+.-]{0,30}):\/\//g;

/** Typed text never becomes a live link when a reply shows it: a word joiner is put between `scheme:` and `//`. */
export const LINK_BREAK = '\u2060';

/**
 * Cleans typed input: control characters become spaces, invisible characters are removed, stacks of
 * combining marks are cut back, white space is collapsed and the ends trimmed; then a word joiner is
 * put into every `scheme://`, so that a reply echoing the text (a topic, an id not found) shows the
 * address as typed but never as a live link that the corpus did not contain. Linear in the length,
 * and idempotent.
 */
export function cleanInput(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(STACKED_MARKS, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LINK_SCHEME, `$1:${LINK_BREAK}//`);
}

/** The little of zod's internals `maxLengthOf` reads. */
interface Introspectable {
  maxLength?: number | null;
  _zod: { def: { type: string; innerType?: Introspectable; in?: Introspectable; out?: Introspectable } };
}

/**
 * The tightest `max` length a string option's schema sets anywhere (looking through optional,
 * default and pipe), or undefined when none is set.
 */
export function maxLengthOf(schema: unknown): number | undefined {
  const found: number[] = [];
  const visit = (node: Introspectable | undefined, depth: number) => {
    if (!node?._zod || depth > 10) return;
    if (typeof node.maxLength === 'number' && Number.isFinite(node.maxLength)) found.push(node.maxLength);
    const def = node._zod.def;
    visit(def.innerType, depth + 1);
    visit(def.in, depth + 1);
    visit(def.out, depth + 1);
  };
  visit(schema as Introspectable, 0);
  return found.length > 0 ? Math.min(...found) : undefined;
}
