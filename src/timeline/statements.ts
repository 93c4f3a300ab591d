/**
 * Which dated sentences are statements of an event. A label line ("Written: April 18, 1961"), a
 * bibliographic reference ("…, 1961, pp. 286-287") or a bare date line ("Washington, April 18, 1961")
 * dates a document, not an event, and its year does not carry over to the text after it either.
 */
import { factTermsOutside } from './words.js';
import type { DateMention } from './types.js';

/** "Source: …", "Written: …", "Author(s): …": a field label of one or two words, then a colon. */
const FIELD_LINE = /^[A-Z][\w()]*(?: [A-Za-z()]+)?:\s/;
/** Page references: "pp. 286-287", "p. 12". */
const PAGE_REFERENCE = /\bpp?\.\s?\d/;

/** True for a label line or a bibliographic reference: it dates a text, not an event. */
export function isReference(sentence: string): boolean {
  return FIELD_LINE.test(sentence) || PAGE_REFERENCE.test(sentence);
}

/** Fewer fact words than this outside the dates, and the sentence is a bare date line. */
const MIN_FACT_WORDS = 2;

/** True when the sentence says little beyond its dates ("That was Nov. 5, 1963.", "November 7, 1962"). */
export function isBareDate(sentence: string, mentions: readonly DateMention[]): boolean {
  return factTermsOutside(sentence, mentions).length < MIN_FACT_WORDS;
}
