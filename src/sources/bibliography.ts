/**
 * Publications a document cites in a source note. Two generic rules, no titles written in as data:
 *
 * - a "Source: …" line names the publication the text was taken from;
 * - a reference with page numbers ("…, 1961, pp. 286-287") names a publication, and a list of them is
 *   separated by semicolons ("Also printed in A, pp. 1-2; B, pp. 3-4; and C, pp. 5-6.").
 */
import type { Passage } from '../corpus/types.js';

/** A publication reference found in a passage. */
export interface FoundReference {
  /** The reference, verbatim. */
  reference: string;
  /** Offsets of the reference in the passage text. */
  start: number;
  end: number;
  passageId: string;
  docId: string;
}

/** The parts of a reference. */
export interface ReferenceParts {
  /** Short title: the text before the first `;`, `:`, `,` or `(`, or the part after an author. */
  title: string;
  author: string | null;
  /** Years as written (`1961-63`, `1961`), or null. */
  years: string | null;
  volume: string | null;
  number: string | null;
  pages: string | null;
}

const SOURCE_LINE = /^Source:\s*/;
const PAGES = /\bpp?\.\s?(\d+(?:[-–]\d+)?)/;
const LEAD_IN = /^(?:(?:also\s+)?(?:printed|reprinted|published|quoted)\s+in\s+|and\s+)/i;

/** Every publication reference in a passage, in order. */
export function findReferences(passage: Passage): FoundReference[] {
  const found: FoundReference[] = [];
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(passage.text[s]!)) s++;
    const lead = LEAD_IN.exec(passage.text.slice(s, e));
    if (lead) s += lead[0].length;
    while (e > s && /[\s.;]/.test(passage.text[e - 1]!)) e--;
    if (e > s) found.push({ reference: passage.text.slice(s, e), start: s, end: e, passageId: passage.id, docId: passage.docId });
  };
  for (const [start, end] of passage.sentences) {
    const sentence = passage.text.slice(start, end);
    const source = SOURCE_LINE.exec(sentence);
    if (source) {
      push(start + source[0].length, end);
      continue;
    }
    if (!PAGES.test(sentence)) continue;
    let at = start;
    for (const piece of sentence.split(';')) {
      if (PAGES.test(piece)) push(at, at + piece.length);
      at += piece.length + 1;
    }
  }
  return found;
}

/** Splits a reference into its parts. */
export function referenceParts(reference: string): ReferenceParts {
  const head = /^[^;:,(]+/.exec(reference)?.[0].trim() ?? reference;
  const afterHead = reference.slice(head.length).replace(/^[\s;:,]+/, '');
  // "Claflin, The President Wants To Know, pp. 59-60": a one-word head before a comma is an author.
  const authored = /^\p{Lu}[\p{L}'-]+$/u.test(head) && reference[head.length] === ',';
  const title = authored ? (/^[^;:,(]+/.exec(afterHead)?.[0].trim() ?? head) : head;
  return {
    title,
    author: authored ? head : null,
    years: /\b(1[6-9]\d\d|20\d\d)(?:[-–](\d{2,4}))?(?!\d)/.exec(reference)?.[0] ?? null,
    volume: /\bVol(?:ume|\.)?\s*(\d+)/i.exec(reference)?.[1] ?? null,
    number: /\bNo\.\s*(\d+)/.exec(reference)?.[1] ?? null,
    pages: PAGES.exec(reference)?.[1] ?? null,
  };
}

/**
 * A short id for a reference: the author's name, or the initials of the title's capitalised words
 * ("Foreign Relations of the United States" → FRUS), then the years, volume and number:
 * `FRUS-1961-63-V11-N10`, `PPPUS-1961`, `CLAFLIN`.
 */
export function referenceId(parts: ReferenceParts): string {
  const words = parts.title.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  const stem = parts.author ?? (words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? parts.title));
  const tail = [parts.years, parts.volume && `V${parts.volume}`, parts.number && `N${parts.number}`].filter(Boolean);
  return [stem.toUpperCase().replace(/[^\p{L}\p{N}]/gu, ''), ...tail].join('-');
}
