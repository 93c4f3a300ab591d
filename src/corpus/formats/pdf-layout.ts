/**
 * Lines and paragraphs from a PDF's positioned text items. A line ends where pdf.js says so or where
 * the baseline moves; a paragraph ends where the gap to the next line is clearly wider than the
 * page's usual line spacing, and at the end of a page unless a sentence runs on into the next one.
 */
import type { RawBlock } from '../blocks.js';
import type { PdfItem } from './pdf-worker.js';

/** A gap this many times the page's usual line spacing (or more) separates paragraphs. Default 1.45. */
export const PARAGRAPH_GAP = 1.45;

interface Line {
  text: string;
  y: number;
  h: number;
}

/** The lines of one page, top to bottom as the PDF orders them. */
export function pageLines(items: readonly PdfItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const sameLine = current !== null && Math.abs(item.y - current.y) <= Math.max(current.h, item.h, 1) * 0.5;
    if (current && !sameLine) {
      lines.push(current);
      current = null;
    }
    if (!current) current = { text: '', y: item.y, h: item.h };
    current.text += item.s;
    current.h = Math.max(current.h, item.h);
    if (item.eol) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/[\u00a0\s]+/g, ' ').trim() }))
    .filter((l) => l.text !== '');
}

const ENDS_SENTENCE = /[.!?:;”"')\]]$/u;

/**
 * Blocks of every page, numbered as lines of the extracted text (1-based, one per line, a blank line
 * between blocks), each with its page.
 */
export function pdfBlocks(pages: readonly PdfItem[][]): RawBlock[] {
  const blocks: RawBlock[] = [];
  let lineNo = 0;
  for (const [index, items] of pages.entries()) {
    const page = index + 1;
    const lines = pageLines(items);
    const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0);
    const usual = median(gaps) ?? 0;
    let block: RawBlock | undefined;
    for (const [i, line] of lines.entries()) {
      const gap = i > 0 ? lines[i - 1]!.y - line.y : 0;
      const last = blocks.at(-1);
      if (i === 0 && last && !ENDS_SENTENCE.test(last.lines.at(-1) ?? '') && /^\p{Ll}/u.test(line.text)) {
        block = last; // a sentence running on from the page before
      } else if (!block || gap <= 0 || (usual > 0 && gap > usual * PARAGRAPH_GAP)) {
        if (blocks.length) lineNo++; // the blank line between blocks
        block = { lines: [], line: lineNo + 1, page };
        blocks.push(block);
      }
      lineNo++;
      block.lines.push(line.text);
    }
  }
  return blocks;
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
