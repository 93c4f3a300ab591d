import { resolve, join } from 'node:path';
import type { Corpus, CorpusDocument } from './types.js';
import { readManifest, corpusError } from './manifest.js';
import { readDocumentText } from './read.js';
import { toParagraphs } from './paragraphs.js';
import { buildPassages } from './passages.js';
import { parseCableTables } from './cables.js';

/**
 * Loads a corpus directory: the manifest, every document it lists (read, cleaned, cut into passages)
 * and the cable tables. Any problem stops loading with a `CORPUS_INVALID` error naming the file.
 */
export function loadCorpus(dir: string): Corpus {
  const root = resolve(dir);
  const documents: CorpusDocument[] = readManifest(root).map((meta) => {
    const path = join(root, meta.file);
    const paragraphs = toParagraphs(readDocumentText(path), meta);
    const passages = buildPassages(meta, paragraphs);
    const { rows, problems } = parseCableTables(meta.id, paragraphs);
    if (problems.length) throw corpusError(problems.map((p) => `${path}: ${p}`).join('\n'), path);
    if (!passages.length) throw corpusError(`${path}: has no text left after cleaning`, path);
    return { meta, passages, cables: rows };
  });
  const passages = documents.flatMap((d) => d.passages);
  return {
    dir: root,
    documents,
    passages,
    passageById: new Map(passages.map((p) => [p.id, p])),
    documentById: new Map(documents.map((d) => [d.meta.id, d])),
  };
}
