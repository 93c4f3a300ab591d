/**
 * The registry of sources: the corpus documents, and every source they cite (the Canadian cables of
 * the digest's tables, the publications the letter's source note names).
 */
import type { Completion } from '../reply/completion.js';
import type { DocumentKind } from '../corpus/types.js';

/** What a source is. */
export type SourceKind = 'document' | 'cable' | 'publication';

/** A passage that cites a source, with the citing sentences quoted verbatim. */
export interface SourceMention {
  docId: string;
  passageId: string;
  /** The citing text, verbatim: `passage.text.slice(start, end)` (from the first citing sentence to the last). */
  text: string;
  start: number;
  end: number;
}

/** One source. Fields that do not apply to its kind are null. */
export interface SourceEntry {
  /** Display id: `CDNW12636`, a document's slug, or a publication's short id (`FRUS-1961-63-V11-N10`). */
  id: string;
  kind: SourceKind;
  title: string;
  /** ISO prefix (`1962-11-07`, `1961`), or null when unknown. */
  date: string | null;
  /** The date as the source shows it (`7-Nov-62`), or null. */
  rawDate: string | null;
  /** Cables: sender, recipient and number, as the table shows them. */
  from: string | null;
  to: string | null;
  number: string | null;
  /** Documents: kind, author and publisher as the manifest gives them. */
  documentKind: DocumentKind | null;
  author: string | null;
  publisher: string | null;
  /** Documents: how many passages; the first sentences of the first passage, verbatim. */
  passages: number | null;
  opening: { passageId: string; text: string } | null;
  /** Publications: the reference as the document writes it. */
  reference: string | null;
  /** Cables: the table row that lists it (document, section heading, raw file line). */
  listedIn: { docId: string; heading: string | null; line: number } | null;
  /** Passages that cite this source. */
  mentions: SourceMention[];
  /** Documents: the ids of the sources the document cites, in order of first citation. */
  cites: string[];
}

/** The sources of the corpus, looked up by id in any case and spacing. */
export interface SourceRegistry {
  /** Every source: documents (corpus order), then cables (table order), then publications. */
  list(): SourceEntry[];
  /** The source with this id, title or cable file name (`cdnw 12636`, `CDNW12636.pdf`), else undefined. */
  lookup(query: string): SourceEntry | undefined;
  /** Up to `limit` (default 5) ids nearest to a query that matched nothing, nearest first. */
  suggest(query: string, limit?: number): string[];
  /** Sources whose id or title starts with `prefix` (case and spacing ignored); `limit` defaults to 25. */
  complete(prefix: string, limit?: number): Completion[];
}

