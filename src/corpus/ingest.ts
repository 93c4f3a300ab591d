import { join } from 'node:path';
import type { CorpusDocument, DocumentMeta } from './types.js';
import { isBackchannelError } from '../errors.js';
import type { CorpusProblem } from './problems.js';
import { readSource, type SourceText } from './formats/index.js';
import { sourceParagraphs } from './paragraphs.js';
import { buildPassages } from './passages.js';
import { parseCableTables } from './cables.js';

/** A document ingested, or the problems that keep it out. */
export type Ingested = { document: CorpusDocument; problems: [] } | { document: null; problems: CorpusProblem[] };

/**
 * Cleans a document read in its format, cuts it into passages and parses its cable tables. A table
 * row that is not a cable, or a document with no text left after cleaning, is a problem.
 */
export function ingestSource(meta: DocumentMeta, source: SourceText, path: string): Ingested {
  const paragraphs = sourceParagraphs(source, meta);
  const passages = buildPassages(meta, paragraphs);
  const { rows, problems } = parseCableTables(meta.id, paragraphs);
  const found: CorpusProblem[] = problems.map((p) => ({ file: path, line: p.line, message: p.message }));
  if (!passages.length) found.push({ file: path, message: 'has no text left after cleaning' });
  return found.length ? { document: null, problems: found } : { document: { meta, passages, cables: rows }, problems: [] };
}

/** Reads (see `readSource`) and ingests one document of the corpus at `root`. */
export function ingestDocument(root: string, meta: DocumentMeta): Ingested {
  const path = join(root, meta.file);
  let source: SourceText;
  try {
    source = readSource(path, meta.format);
  } catch (error) {
    return { document: null, problems: problemsOf(error, path) };
  }
  return ingestSource(meta, source, path);
}

/** The problems a `CORPUS_INVALID` error carries; anything else is rethrown. */
export function problemsOf(error: unknown, path: string): CorpusProblem[] {
  if (!isBackchannelError(error) || error.code !== 'CORPUS_INVALID') throw error;
  const listed = error.details['problems'];
  return Array.isArray(listed) ? (listed as CorpusProblem[]) : [{ file: path, message: error.message }];
}
