/** A run of non-blank lines of a raw document, as the page had it. */
export interface RawBlock {
  /** The block's lines, NBSPs turned to spaces and trailing spaces removed, leading indent kept. */
  lines: string[];
  /** 1-based line number of the first line in the raw file (in the extracted text, for HTML and PDF). */
  line: number;
  /** The format marks the block as a heading (Markdown `#`, HTML `<h1>`…`<h6>`). Absent: guessed. */
  heading?: boolean;
  /** 1-based page the block is on, when the format has pages (PDF). */
  page?: number;
}

/** Splits raw text into blocks separated by blank lines (lines of only spaces and NBSPs count as blank). */
export function splitBlocks(raw: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let current: RawBlock | null = null;
  raw.split('\n').forEach((rawLine, i) => {
    const line = rawLine.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[ \t]+$/, '');
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], line: i + 1 };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

/** Collapses runs of spaces and tabs and trims: the only change ingestion makes to a sentence's text. */
export function squeeze(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}
