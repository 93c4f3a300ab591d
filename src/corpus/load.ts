import { resolve, join } from 'node:path';
import type { Corpus, CorpusDocument } from './types.js';
import { readManifest } from './manifest.js';
import { problemsError } from './problems.js';
import { preloadPdfsSync } from './formats/index.js';
import { ingestInParallel, type IngestOptions } from './ingest-parallel.js';

/**
 * Loads a corpus directory: the manifest, every document it lists (read in its format, cleaned, cut
 * into passages, over the machine's cores when it is large) and the cable tables. Any problem stops loading with a `CORPUS_INVALID` error naming
 * the file (and line); `details.problems` lists them all.
 */
export function loadCorpus(dir: string, options: IngestOptions = {}): Corpus {
  const root = resolve(dir);
  const metas = readManifest(root);
  preloadPdfsSync(metas.filter((m) => m.format === 'pdf').map((m) => join(root, m.file)));
  const documents: CorpusDocument[] = [];
  for (const ingested of ingestInParallel(root, metas, options)) {
    if (!ingested.document) throw problemsError(ingested.problems);
    documents.push(ingested.document);
  }
  return assembleCorpus(root, documents);
}

/** The corpus of these documents, with its lookup maps. */
export function assembleCorpus(root: string, documents: CorpusDocument[]): Corpus {
  const passages = documents.flatMap((d) => d.passages);
  return {
    dir: root,
    documents,
    passages,
    passageById: new Map(passages.map((p) => [p.id, p])),
    documentById: new Map(documents.map((d) => [d.meta.id, d])),
  };
}
