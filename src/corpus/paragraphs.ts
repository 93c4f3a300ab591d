import type { DocumentMeta, Paragraph, ParagraphRole } from './types.js';
import { splitBlocks, squeeze } from './blocks.js';
import type { SourceText } from './formats/source.js';
import { ocrParagraphs } from './ocr.js';
import { CHROME_LINES, COMMENT_FORM, LINK_LIST_ITEM, PHOTO_LICENCE } from './chrome.js';
import { joinWrappedLines } from './hyphenation.js';
import { fold } from '../text/fold.js';

export type { Paragraph, ParagraphRole } from './types.js';

/** A cable table's header row: "Item Date From To Number". */
const TABLE_HEADER = /^Item\s+Date\s+From\s+To\s+Number$/i;
/** "Key: value" lines of a metadata footer ("Written: April 18, 1961"), kept one paragraph a line. */
const FIELD_LINE = /^[A-Z][A-Za-z()]*(?: [A-Za-z()]+)?:\s+\S/;
/** A reader comment's header: "1. LMB says:" or, for a reply, "– JSA says:". */
const COMMENT_HEADER = /^(?:\d{1,3}\.\s+|[—–•·-]\s*)?(\S.{0,60}?)\s+says:$/u;
/** An attribution under a quotation: "—Raúl Castro to Senators…". */
const ATTRIBUTION = /^[—–]\s?\p{Lu}/u;
/** A paragraph that ends in initials ("John F.", "George H.W."): the scrape split a name. */
const ENDS_WITH_INITIALS = /(?:^|\s)(?:\p{Lu}\.){1,3}$/u;
/** Words that start a new sentence rather than continue a name cut after its initials. */
const SENTENCE_STARTERS = new Set('he she it they we i you the a an this that these those his her its their in on at but and however then when after before as there'.split(' '));
const TERMINAL = /[.!?:;,"”’')\]…]$/u;
const SMALL_WORDS = new Set('a an the of to in on at by for with from and or but as is was vs via into over than that its his her their our your us'.split(' '));

/** Fraction of a line's significant words that start with a capital or a digit. */
function titleCaseRatio(text: string): number {
  const words = text.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (!words.length) return 0;
  return words.filter((w) => /^[\p{Lu}\d"“‘']/u.test(w)).length / words.length;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Turns a raw plain-text document into paragraphs: see `sourceParagraphs`.
 */
export function toParagraphs(raw: string, meta: Pick<DocumentMeta, 'author' | 'cleaning'>): Paragraph[] {
  return sourceParagraphs({ format: 'txt', blocks: splitBlocks(raw), structured: false, hints: {} }, meta);
}

/**
 * Turns a document read in its format into paragraphs: page chrome and the comment form dropped,
 * duplicate title lines and image alt texts dropped, wrapped lines joined (with broken words
 * repaired), names split after an initial re-joined, and each paragraph given its role. Headings are
 * the blocks the format marks (Markdown, HTML) or, in plain text and PDFs, short title-like lines.
 * Archival OCR text (`cleaning.ocr`) goes through `ocrParagraphs` instead.
 */
export function sourceParagraphs(source: SourceText, meta: Pick<DocumentMeta, 'author' | 'cleaning'>): Paragraph[] {
  const rules = meta.cleaning;
  const signature = meta.author ? fold(meta.author) : null;
  const dropRules = rules.dropParagraphs.map((source) => new RegExp(source, 'iu'));
  const counts = wordCounts(source.blocks);
  const isKnown = (word: string) => (counts.get(word) ?? 0) >= 2;
  if (rules.ocr) return ocrParagraphs(source.blocks, isKnown).filter((p) => !dropRules.some((re) => re.test(p.text)));
  const out: Paragraph[] = [];
  const seen = new Set<string>();
  let inLinkList = false;
  let proseSeen = false;
  let comment: Paragraph['comment'];
  let commentCount = 0;

  for (const block of source.blocks) {
    const page = block.page !== undefined ? { page: block.page } : {};
    const lines: Array<{ text: string; line: number }> = [];
    let formReached = false;
    block.lines.forEach((rawLine, i) => {
      const text = squeeze(rawLine);
      if (COMMENT_FORM.some((re) => re.test(text))) formReached = true;
      if (formReached) return;
      if (CHROME_LINES.some((re) => re.test(text)) || dropRules.some((re) => re.test(text))) {
        if (/most popular/i.test(text)) inLinkList = true;
        return;
      }
      if (inLinkList && LINK_LIST_ITEM.test(text)) return;
      lines.push({ text, line: block.line + i });
    });
    if (formReached && !lines.length) break;
    if (!lines.length) continue;
    inLinkList = false;

    const first = lines[0]!;
    if (TABLE_HEADER.test(first.text)) {
      out.push({ role: 'table', text: first.text, line: first.line, rows: lines.slice(1), ...page });
      continue;
    }
    if (rules.readerComments) {
      const header = COMMENT_HEADER.exec(first.text);
      if (header) {
        comment = { author: header[1]!, index: commentCount++ };
        lines.shift();
        if (!lines.length) continue;
      }
    }

    const pieces =
      lines.length > 1 && lines.every((l) => FIELD_LINE.test(l.text))
        ? lines.map((l) => ({ text: l.text, line: l.line, single: true }))
        : [{ text: joinWrappedLines(withoutAltText(lines, out), isKnown), line: lines[0]?.line ?? first.line, single: lines.length === 1 }];

    for (const piece of pieces) {
      const text = squeeze(piece.text.replace(PHOTO_LICENCE, ''));
      if (!text || seen.has(text)) continue;
      if (piece.single && isAltText(text, out.at(-1))) continue;
      seen.add(text);
      const role: ParagraphRole = comment
        ? 'comment'
        : block.heading
          ? 'heading'
          : (ATTRIBUTION.test(text) && wordCount(text) <= 40) || fold(text) === signature
            ? 'attribution'
            : piece.single && !source.structured && isHeading(text, proseSeen)
              ? 'heading'
              : 'text';
      if (role === 'text') proseSeen = true;
      out.push({ role, text, line: piece.line, ...page, ...(comment ? { comment } : {}) });
    }
    if (formReached) break;
  }
  return joinSplitNames(out);
}

function isHeading(text: string, proseSeen: boolean): boolean {
  if (FIELD_LINE.test(text) || wordCount(text) > 20 || TERMINAL.test(text) || /,\s+\p{Ll}/u.test(text)) return false;
  if (!/^[\p{Lu}\d]/u.test(text)) return false;
  return !proseSeen || titleCaseRatio(text) >= 0.6;
}

/**
 * An image's alt text: a short line without final punctuation that repeats part of the heading just
 * before it ("Explosion of La Coubre Sparked"), or, starting in lower case, part of the paragraph
 * before it ("economic embargo on Cuba").
 */
function isAltText(text: string, previous: Paragraph | undefined): boolean {
  if (!previous || wordCount(text) > 10 || TERMINAL.test(text)) return false;
  if (previous.role !== 'heading' && !(previous.role === 'text' && /^\p{Ll}/u.test(text))) return false;
  return fold(previous.text).includes(fold(text));
}

/** Drops alt-text lines from the top of a multi-line block (a caption under an image). */
function withoutAltText(lines: Array<{ text: string; line: number }>, out: Paragraph[]): string[] {
  const texts = lines.map((l) => l.text);
  while (texts.length > 1 && isAltText(texts[0]!, out.at(-1))) texts.shift();
  return texts;
}

/** "John F." / "Kennedy was no stranger…" → one paragraph. */
function joinSplitNames(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out.at(-1);
    const firstWord = /^\p{Lu}[\p{L}'’-]*/u.exec(p.text)?.[0];
    if (
      prev &&
      (prev.role === 'text' || prev.role === 'comment' || prev.role === 'heading') &&
      (p.role === 'text' || p.role === 'heading' || p.role === 'comment') &&
      prev.comment?.index === p.comment?.index &&
      ENDS_WITH_INITIALS.test(prev.text) &&
      firstWord !== undefined &&
      !SENTENCE_STARTERS.has(firstWord.toLowerCase())
    ) {
      out[out.length - 1] = { ...prev, role: prev.role === 'comment' ? 'comment' : 'text', text: `${prev.text} ${p.text}` };
      continue;
    }
    out.push(p);
  }
  return out;
}

function wordCounts(blocks: SourceText['blocks']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of blocks) for (const line of block.lines) countLetterRuns(line.toLowerCase(), counts);
  return counts;
}

const LETTER = /\p{L}/u;

/** Counts the runs of letters (`/\p{L}+/gu`) of `text`: a scan over its characters, ASCII without a regex. */
export function countLetterRuns(text: string, counts: Map<string, number>): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && isLetterAt(text, i));
    if (letter) {
      if (start < 0) start = i;
      if (c >= 0xd800 && c <= 0xdbff) i++; // a letter beyond the BMP: skip its low surrogate
    } else if (start >= 0) {
      const word = text.slice(start, i);
      counts.set(word, (counts.get(word) ?? 0) + 1);
      start = -1;
    }
  }
}

function isLetterAt(text: string, i: number): boolean {
  const point = text.codePointAt(i)!;
  return LETTER.test(String.fromCodePoint(point));
}
