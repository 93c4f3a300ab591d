/**
 * Cleaning for archival OCR text (`cleaning.ocr`, the default for records): page markers, record
 * numbers, release banners, classification stamps, form-field labels and debris are dropped, and the
 * remaining lines are rebuilt into paragraphs, words hyphenated across lines (or across a page break)
 * joined again. OCR dumps often put a blank line after every line; then blank lines mean nothing and
 * paragraphs are found from the text itself.
 */
import type { RawBlock } from './blocks.js';
import { squeeze } from './blocks.js';
import { joinWrappedLines } from './hyphenation.js';
import { classifyLine, PAGE_LINE, PARAGRAPH_NUMBER, type LineClass } from './ocr-lines.js';
import type { Paragraph } from './types.js';

interface OcrLine {
  text: string;
  line: number;
  page: number | undefined;
  cls: LineClass;
  /** First line of a block of the source (after a blank line). */
  blockStart: boolean;
}

const ENDS_SENTENCE = /[.!?]["”’')\]]?$/u;
/** A numbered or lettered paragraph: "2. We also note", "(a) The station", "B. Kostikov". */
const NUMBERED = /^(?:\d{1,2}[.)]|\(\w{1,2}\)|[A-H]\.)\s+\S/;
/** Fragments kept in a row after prose, at most (a sentence's last words wrapped onto short lines). */
const MAX_FRAGMENT_RUN = 3;

/** The lines of the blocks with their class and page (`## Page N` markers set the page). */
export function ocrLines(blocks: readonly RawBlock[]): OcrLine[] {
  const out: OcrLine[] = [];
  let page: number | undefined;
  for (const block of blocks) {
    block.lines.forEach((raw, i) => {
      const squeezed = squeeze(raw);
      const text = squeezed.replace(/^#{1,6}\s+(?=\D)/, ''); // "# Salary Adjustment": an OCR heading mark
      if (!text) return;
      const pageMark = squeezed.length < 24 ? PAGE_LINE.exec(squeezed) : null;
      if (pageMark) page = Number(pageMark[1]);
      out.push({ text, line: block.line + i, page: block.page ?? page, cls: classifyLine(squeezed), blockStart: i === 0 });
    });
  }
  return out;
}

/** Which fragments stay: those continuing the prose before them, and lead-ins to prose after them. */
function keepFragments(lines: OcrLine[]): boolean[] {
  const keep = lines.map((l) => l.cls === 'prose' || l.cls === 'field');
  let run = 0;
  lines.forEach((l, i) => {
    if (l.cls !== 'fragment') {
      run = 0;
      return;
    }
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const continues = prev !== undefined && keep[i - 1] && prev.cls !== 'field' && !ENDS_SENTENCE.test(prev.text) && run < MAX_FRAGMENT_RUN;
    const leadsIn = next !== undefined && next.cls === 'prose' && (PARAGRAPH_NUMBER.test(l.text) || /^\p{Ll}/u.test(next.text));
    keep[i] = PARAGRAPH_NUMBER.test(l.text) ? leadsIn : continues || leadsIn;
    run = keep[i] ? run + 1 : 0;
  });
  return keep;
}

/**
 * Paragraphs of OCR text. Each is `text`, with the raw line and page it starts at; a form field
 * ("SUBJECT: …") is a paragraph of its own.
 */
export function ocrParagraphs(blocks: readonly RawBlock[], isKnown: (word: string) => boolean): Paragraph[] {
  const lines = ocrLines(blocks);
  const keep = keepFragments(lines);
  const doubleSpaced = lines.length > 3 && lines.filter((l) => l.blockStart).length >= lines.length * 0.8;
  const proseLengths = lines.filter((l) => l.cls === 'prose').map((l) => l.text.length).sort((a, b) => a - b);
  const usual = proseLengths[Math.floor(proseLengths.length / 2)] ?? 60;

  const paragraphs: Paragraph[] = [];
  let current: { lines: string[]; line: number; page: number | undefined; field: boolean } | null = null;
  let gap = false;
  const flush = (done: NonNullable<typeof current>) => {
    const text = squeeze(joinWrappedLines(done.lines, isKnown));
    if (text) paragraphs.push({ role: 'text', text, line: done.line, ...(done.page !== undefined ? { page: done.page } : {}) });
  };
  for (const [i, l] of lines.entries()) {
    if (!keep[i]) {
      gap = true;
      continue;
    }
    const prev = current?.lines.at(-1);
    const afterNumber = prev !== undefined && PARAGRAPH_NUMBER.test(prev);
    const sentenceEnded = prev !== undefined && ENDS_SENTENCE.test(prev) && (gap || prev.length < usual * 0.6);
    const labelEnded = prev !== undefined && prev.endsWith(':') && prev.length < usual * 0.6;
    const blankBefore = !doubleSpaced && l.blockStart;
    if (!current || current.field || l.cls === 'field' || NUMBERED.test(l.text) || PARAGRAPH_NUMBER.test(l.text) || (!afterNumber && (sentenceEnded || labelEnded || blankBefore))) {
      if (current) flush(current);
      current = { lines: [], line: l.line, page: l.page, field: l.cls === 'field' };
    }
    current.lines.push(l.text);
    gap = false;
  }
  if (current) flush(current);
  return paragraphs;
}
