import type { RawBlock } from '../blocks.js';
import type { DocumentFormat } from '../types.js';

/** What the file itself states about the document, for `corpus add` to propose. */
export interface SourceHints {
  /** `<title>`, a PDF's Title, a Markdown front matter `title:`. */
  title?: string;
  /** `<meta name="author">`, a PDF's Author, front matter `author:`. */
  author?: string;
  /** A date as written: `<meta property="article:published_time">`, `<time datetime>`, front matter `date:`. */
  date?: string;
}

/** A document file read into blocks of lines: the common input of ingestion, whatever the format. */
export interface SourceText {
  format: DocumentFormat;
  /** Blocks of lines in reading order; blank lines in plain text separate them. */
  blocks: RawBlock[];
  /**
   * The format marks headings and paragraphs itself (Markdown, HTML): headings are only the blocks
   * marked `heading`, never guessed from a short line.
   */
  structured: boolean;
  hints: SourceHints;
}
