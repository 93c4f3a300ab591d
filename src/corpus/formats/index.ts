/**
 * Reading a document file in its format. Markdown, HTML and PDF libraries are loaded only when a
 * corpus has such a file; what they make of a file is kept (by path, size and modification time) so
 * that a reload re-reads only the files that changed.
 */
import { statSync } from 'node:fs';
import type { DocumentFormat } from '../types.js';
import { problemsError, type CorpusProblem } from '../problems.js';
import { decodeDocumentText, readDocumentBytes } from '../read.js';
import type { SourceText } from './source.js';
import { textSource } from './text.js';
import { markdownSource } from './markdown.js';
import { htmlSource } from './html.js';
import { pdfSource } from './pdf.js';
import { extractPdfs, extractPdfsSync, type PdfExtraction } from './pdf-worker.js';

export type { SourceText, SourceHints } from './source.js';
export { formatOfFile, EXTENSIONS, KNOWN_EXTENSIONS_TEXT } from './names.js';

type Read = SourceText | CorpusProblem;

const cache = new Map<string, { signature: string; read: Read }>();

function signature(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
  } catch {
    return null;
  }
}

function cached(path: string): Read | undefined {
  const hit = cache.get(path);
  return hit && hit.signature === signature(path) ? hit.read : undefined;
}

function remember(path: string, sig: string | null, read: Read): Read {
  if (sig) cache.set(path, { signature: sig, read });
  return read;
}

function isProblem(read: Read): read is CorpusProblem {
  return 'message' in read;
}

function unwrap(read: Read): SourceText {
  if (isProblem(read)) throw problemsError([read]);
  return read;
}

/** Reads a text-based file (text, Markdown, HTML). Throws `CORPUS_INVALID` naming the file. */
function readTextual(path: string, format: Exclude<DocumentFormat, 'pdf'>): SourceText {
  const text = decodeDocumentText(readDocumentBytes(path), path);
  if (format === 'txt') return textSource(text);
  const sig = signature(path);
  const hit = cached(path);
  if (hit) return unwrap(hit);
  return unwrap(remember(path, sig, format === 'md' ? markdownSource(text) : htmlSource(text)));
}

function pdfRead(path: string, sig: string | null, extraction: PdfExtraction): Read {
  return remember(path, sig, pdfSource(extraction, path));
}

/** The files among `paths` not read yet, with their bytes; unreadable ones are left to `readSource` to report. */
function unread(paths: readonly string[]): Array<{ path: string; sig: string | null; bytes: Buffer }> {
  return paths
    .filter((p) => !cached(p))
    .flatMap((path) => {
      try {
        return [{ path, sig: signature(path), bytes: readDocumentBytes(path) }];
      } catch {
        return [];
      }
    });
}

/**
 * Reads the PDFs among `paths` that are not read yet, in one worker, waiting for it. Call before
 * `readSource` on many PDFs, so that pdf.js starts once.
 */
export function preloadPdfsSync(paths: readonly string[]): void {
  const files = unread(paths);
  extractPdfsSync(files.map((f) => new Uint8Array(f.bytes))).forEach((extraction, i) => pdfRead(files[i]!.path, files[i]!.sig, extraction));
}

/** The same without blocking: for reloads, `corpus check` and `corpus add`. Unreadable files are skipped. */
export async function preloadPdfs(paths: readonly string[]): Promise<void> {
  const files = unread(paths);
  const extractions = await extractPdfs(files.map((f) => new Uint8Array(f.bytes)));
  extractions.forEach((extraction, i) => pdfRead(files[i]!.path, files[i]!.sig, extraction));
}

/**
 * Reads a document file in its format into blocks. Throws `CORPUS_INVALID` naming the file (and the
 * line, for bytes that are not UTF-8) when it cannot be read.
 */
export function readSource(path: string, format: DocumentFormat): SourceText {
  if (format !== 'pdf') return readTextual(path, format);
  const hit = cached(path);
  if (hit) return unwrap(hit);
  const sig = signature(path);
  const bytes = readDocumentBytes(path);
  return unwrap(pdfRead(path, sig, extractPdfsSync([new Uint8Array(bytes)])[0]!));
}

/** `readSource` without blocking the event loop on a PDF. */
export async function readSourceAsync(path: string, format: DocumentFormat): Promise<SourceText> {
  if (format === 'pdf') await preloadPdfs([path]);
  return readSource(path, format);
}
