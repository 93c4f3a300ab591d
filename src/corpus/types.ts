/**
 * The shapes every part of the core agrees on: documents as the manifest describes them, the
 * passages ingestion cuts from them, and the cable rows parsed out of the digest's tables.
 */

/**
 * What a document is, as the manifest names it. `record` is an archival record (often OCR text),
 * `note` a member's own notes, `document` anything else.
 */
export const DOCUMENT_KINDS = [
  'article',
  'book description',
  'presidential letter',
  'cable digest',
  'book summary',
  'record',
  'note',
  'document',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** How exactly a date is known. `undated` means the text shows no date for the document. */
export type DatePrecision = 'day' | 'month' | 'year' | 'undated';

export interface DocDate {
  /** ISO prefix of the precision: `1963`, `1963-11`, `1963-11-05`; null when undated. */
  iso: string | null;
  precision: DatePrecision;
  /** What the date is the date of, when that is not obvious (e.g. "the tape the article is about"). */
  note?: string;
}

/**
 * How a document file is read: plain text, Markdown, HTML (converted to text, keeping headings and
 * paragraphs) or PDF (its text layer). The manifest may name it; by default it follows the extension.
 */
export const DOCUMENT_FORMATS = ['txt', 'md', 'html', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Per-document cleaning rules, kept in the manifest beside the metadata they belong to. */
export interface CleaningRules {
  /** Regular expressions (source strings, case-insensitive); a paragraph matching one is page chrome. */
  dropParagraphs: string[];
  /** The document puts one sentence per paragraph: group sentences under their heading. */
  sentencePerParagraph: boolean;
  /** The document ends with reader comments ("1. Name says:"), kept and cited as comments. */
  readerComments: boolean;
  /**
   * The text is archival OCR: page markers, record numbers, classification stamps and form-field
   * debris are dropped and lines are rebuilt into paragraphs (see `ocr.ts`). Default: true for the
   * kind `record`, false otherwise.
   */
  ocr: boolean;
}

export interface DocumentMeta {
  /** Slug, unique in the corpus; passage ids start with it. */
  id: string;
  /** File name inside the corpus directory. */
  file: string;
  /** How the file is read. Default: from its extension (`.txt`, `.md`, `.html`/`.htm`, `.pdf`). */
  format: DocumentFormat;
  title: string;
  kind: DocumentKind;
  /** Author as the text shows it, or null when it shows none. */
  author: string | null;
  /** Publisher or site as the text shows it, or null. */
  publisher: string | null;
  date: DocDate;
  /** Where the document can be read online (http or https), for citations; absent when unknown. */
  url?: string;
  cleaning: CleaningRules;
}

/** A reader comment's attribution, for passages cut from a comment section. */
export interface CommentInfo {
  author: string;
}

export type ParagraphRole = 'heading' | 'text' | 'attribution' | 'table' | 'comment';

/** A paragraph of a document after chrome is dropped and scraping damage repaired. */
export interface Paragraph {
  role: ParagraphRole;
  text: string;
  /** 1-based line of the raw file. */
  line: number;
  /** 1-based page, when the source has pages (PDF, OCR text with page markers). */
  page?: number;
  /** For `comment`: who wrote it, and which comment (0-based) it belongs to. */
  comment?: { author: string; index: number };
  /** For `table`: the row lines under the header. */
  rows?: Array<{ text: string; line: number }>;
}

/** A few sentences of one document: the unit that is indexed, ranked, quoted and cited. */
export interface Passage {
  /** `<docId>#p<n>`: stable as long as the document and the cleaning rules are. */
  id: string;
  docId: string;
  /** 1-based position among the document's passages. */
  n: number;
  /** The section heading the passage sits under, or null before the first heading. */
  heading: string | null;
  /** The cleaned text. Every quote is a verbatim substring of it. */
  text: string;
  /** Sentence boundaries in `text`, as [start, end) offsets, trailing spaces excluded. */
  sentences: Array<[number, number]>;
  /** 1-based index of the document paragraph the passage starts at (after chrome is dropped). */
  paragraph: number;
  /**
   * 1-based line where the passage starts: of the raw file for text, Markdown and OCR records, of the
   * extracted text for HTML and PDF.
   */
  line: number;
  /** 1-based page where the passage starts, for PDFs and OCR records with page markers; absent otherwise. */
  page?: number;
  /** Set when the passage is a reader comment, not the document's own text. */
  comment: CommentInfo | null;
}

/** One row of a cable table: `CDNW12636.pdf 7-Nov-62 HAVANA EXTERNAL 232`. */
export interface CableRow {
  /** `CDNW12636` */
  id: string;
  /** `CDNW12636.pdf` as the table shows it. */
  item: string;
  /** ISO date, e.g. `1962-11-07`. */
  date: string;
  /** The date as the table shows it, e.g. `7-Nov-62`. */
  rawDate: string;
  from: string;
  to: string;
  number: string;
  docId: string;
  /** The heading of the section whose table lists it. */
  heading: string | null;
  /** 1-based line of the raw file. */
  line: number;
}

export interface CorpusDocument {
  meta: DocumentMeta;
  passages: Passage[];
  cables: CableRow[];
}

export interface Corpus {
  /** Absolute path of the corpus directory. */
  dir: string;
  documents: CorpusDocument[];
  /** Every passage of every document, in document then position order. */
  passages: Passage[];
  passageById: Map<string, Passage>;
  documentById: Map<string, CorpusDocument>;
}
