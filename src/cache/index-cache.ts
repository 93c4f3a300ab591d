/**
 * The saved index: the corpus's documents and passages and the search engine's index, in one file
 * keyed by a hash of everything they are built from, so start-up loads it instead of re-ingesting.
 *
 * Key: SHA-256 over the engine version, the cache format, the search options, the source of the code
 * that ingests and indexes (src/corpus, src/text, src/search, src/cache: any change there rebuilds),
 * the manifest's bytes, and the bytes of every file it lists. A missing, stale or corrupt file is
 * rebuilt (and a corrupt one reported); it is never served.
 *
 * Where: `<repo>/.cache/index/<hash of the corpus path>.idx`, or under the OS temp directory when the
 * repository is not writable; `BACKCHANNEL_CACHE_DIR` overrides.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findUp, isPackageRoot, moduleDir } from '../util/find-up.js';
import type { Corpus, CorpusDocument } from '../corpus/types.js';
import { assembleCorpus } from '../corpus/load.js';
import { ENGINE_VERSION, SearchEngine, type EngineOptions, type EngineState } from '../search/engine.js';
import { codeVersion } from './code-version.js';
import { FORMAT_VERSION, openCacheFile, writeCacheFile, type Section } from './format.js';
import { decodePassages, encodePassages, type PassageColumns, type PassageTable } from './passage-columns.js';

import { Lexicon } from '../lexicon/lexicon.js';
export { CacheFileError } from './format.js';

/**
 * The key of a corpus directory's index under these engine options: null when the manifest cannot be
 * read or parsed (loading the corpus will then report the problem).
 */
export function indexKey(corpusDir: string, options: EngineOptions & object, extra: unknown = null): Buffer | null {
  const root = resolve(corpusDir);
  let manifest: Buffer;
  let files: string[];
  try {
    manifest = readFileSync(join(root, 'manifest.json'));
    const parsed = JSON.parse(manifest.toString('utf8')) as { documents?: Array<{ file?: unknown }> };
    files = (parsed.documents ?? []).map((d) => String(d.file));
  } catch {
    return null;
  }
  const hash = createHash('sha256');
  hash.update(`backchannel-index\0${ENGINE_VERSION}\0${FORMAT_VERSION}\0${codeVersion()}\0`);
  hash.update(JSON.stringify({ options, extra })).update('\0');
  hash.update(manifest).update('\0');
  for (const file of files) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      hash.update('\u0001missing');
    }
    hash.update('\0');
  }
  return hash.digest();
}

/** Where the saved index of a corpus directory lives. */
export function indexPath(corpusDir: string, cacheDir = defaultCacheDir()): string {
  const name = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 20);
  return join(cacheDir, `${name}.idx`);
}

/** `BACKCHANNEL_CACHE_DIR`, else `<repo>/.cache/index` when writable, else the OS temp directory. */
export function defaultCacheDir(): string {
  const env = process.env['BACKCHANNEL_CACHE_DIR'];
  if (env) return resolve(env);
  const inRepo = findUp(moduleDir(import.meta.url), (dir) => (isPackageRoot(dir) ? writableDir(join(dir, '.cache', 'index')) : undefined), isPackageRoot);
  return inRepo ?? join(tmpdir(), 'backchannel-index');
}

/** `dir`, made if need be, or undefined when it cannot be. */
function writableDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    return statSync(dir).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A saved index, loaded: the corpus, its engine, and its lexicon when one was saved. */
export interface LoadedIndex {
  corpus: Corpus;
  engine: SearchEngine;
  lexicon: Lexicon | null;
}

/** The sections of a corpus, its engine and (optionally) its lexicon. */
export function encodeIndex(corpus: Corpus, engine: SearchEngine, lexicon?: Lexicon): Record<string, Section> {
  const state = engine.exportState();
  const { passages } = corpus;
  if (state.store.docIds.length !== passages.length || state.store.docIds.some((id, i) => id !== passages[i]!.id)) {
    throw new Error('encodeIndex: the engine does not index the corpus passages in order');
  }
  const textLengths = new Uint32Array(passages.length);
  const sentenceCounts = new Uint32Array(passages.length);
  let sentenceTotal = 0;
  for (const [i, p] of passages.entries()) {
    textLengths[i] = p.text.length;
    sentenceCounts[i] = p.sentences.length;
    sentenceTotal += p.sentences.length;
  }
  const sentences = new Uint32Array(sentenceTotal * 2);
  let at = 0;
  for (const p of passages) for (const [s, e] of p.sentences) (sentences[at++] = s), (sentences[at++] = e);
  const documents = corpus.documents.map((d) => ({ ...d, passages: d.passages.length }));
  const { table, columns } = encodePassages(corpus.documents, passages.length);
  const json = JSON.stringify({ documents, ...table, terms: state.store.terms.length, keepsPositions: state.store.keepsPositions, fields: state.postings.fields.length });
  const sections: Record<string, Section> = {
    ...columns,
    json: Buffer.from(json, 'utf8'),
    text: Buffer.from(passages.map((p) => p.text).join(''), 'utf8'),
    textLengths,
    sentenceCounts,
    sentences,
    terms: Buffer.from(state.store.terms.join('\n'), 'utf8'),
    df: state.store.df,
    starts: state.store.starts,
    ids: state.store.ids,
    positions: state.store.positions,
    sorted: state.sorted,
    order: state.order,
    averages: state.postings.averages,
  };
  if (lexicon) sections['lexicon'] = lexicon.encode();
  state.postings.fields.forEach((f, i) => {
    sections[`offsets${i}`] = f.offsets;
    sections[`docs${i}`] = f.docs;
    sections[`tfs${i}`] = f.tfs;
    sections[`lengths${i}`] = state.postings.lengths[i]!;
  });
  if (state.store.terms.some((t) => t.includes('\n'))) throw new Error('encodeIndex: a term holds a line break');
  return sections;
}

/** The corpus and engine back from their sections. Throws on any inconsistency. */
export function decodeIndex(sections: Record<string, Section>, corpusDir: string, options: EngineOptions): LoadedIndex {
  const need = <T extends Section>(name: string, type: new (...args: never[]) => T): T => {
    const s = sections[name];
    if (!(s instanceof type)) throw new Error(`section ${name} is missing or of the wrong type`);
    return s;
  };
  const head = JSON.parse(utf8.decode(need('json', Uint8Array))) as PassageTable & {
    documents: Array<Omit<CorpusDocument, 'passages'> & { passages: number }>;
    terms: number;
    keepsPositions: boolean | null;
    fields: number;
  };
  const allText = utf8.decode(need('text', Uint8Array));
  const textLengths = need('textLengths', Uint32Array);
  const sentenceCounts = need('sentenceCounts', Uint32Array);
  const sentences = need('sentences', Uint32Array);
  const columns: PassageColumns = {
    passageHeading: need('passageHeading', Uint32Array),
    passageN: need('passageN', Uint32Array),
    passageParagraph: need('passageParagraph', Uint32Array),
    passageLine: need('passageLine', Uint32Array),
    passagePage: need('passagePage', Uint32Array),
  };
  const n = columns.passageN.length;
  if (textLengths.length !== n || sentenceCounts.length !== n) throw new Error('passage columns do not match the passages');
  let textAt = 0;
  let sentenceAt = 0;
  const passages = decodePassages(head.documents, head, columns, (i) => {
    const length = textLengths[i]!;
    const text = allText.slice(textAt, textAt + length);
    textAt += length;
    const count = sentenceCounts[i]!;
    if (sentenceAt + 2 * count > sentences.length) throw new Error('passage sentences run past their section');
    const ranges: Array<[number, number]> = new Array(count);
    for (let k = 0; k < count; k++) ranges[k] = [sentences[sentenceAt + 2 * k]!, sentences[sentenceAt + 2 * k + 1]!];
    sentenceAt += 2 * count;
    return { text, sentences: ranges };
  });
  if (textAt !== allText.length || sentenceAt !== sentences.length) throw new Error('passage text or sentences do not add up');
  let passageAt = 0;
  const documents: CorpusDocument[] = head.documents.map((d) => {
    const own = passages.slice(passageAt, passageAt + d.passages);
    passageAt += d.passages;
    return { ...d, passages: own };
  });
  const corpus = assembleCorpus(resolve(corpusDir), documents);
  const termsText = utf8.decode(need('terms', Uint8Array));
  const terms = head.terms === 0 ? [] : termsText.split('\n');
  if (terms.length !== head.terms) throw new Error('vocabulary size differs');
  const fields = Array.from({ length: head.fields }, (_, i) => ({
    offsets: need(`offsets${i}`, Uint32Array),
    docs: need(`docs${i}`, Uint32Array),
    tfs: need(`tfs${i}`, Uint32Array),
  }));
  const state: EngineState = {
    store: {
      terms,
      df: need('df', Uint32Array),
      docIds: passages.map((p) => p.id),
      starts: need('starts', Uint32Array),
      ids: need('ids', Uint32Array),
      positions: need('positions', Uint32Array),
      keepsPositions: head.keepsPositions,
    },
    postings: {
      termCount: terms.length,
      docCount: n,
      fields,
      lengths: fields.map((_, i) => need(`lengths${i}`, Uint32Array)),
      averages: need('averages', Float64Array),
    },
    sorted: need('sorted', Uint32Array),
    order: need('order', Uint32Array),
  };
  for (const id of state.store.ids) if (id >= terms.length) throw new Error('a term id is out of range');
  const lexicon = sections['lexicon'] instanceof Uint8Array ? Lexicon.decode(utf8.decode(sections['lexicon'])) : null;
  return { corpus, engine: SearchEngine.fromState(options, state), lexicon };
}

/** Saves corpus + engine under `key`, atomically. Returns the file's size in bytes. */
export function saveIndex(path: string, key: Buffer, corpus: Corpus, engine: SearchEngine, lexicon?: Lexicon): number {
  mkdirSync(dirname(path), { recursive: true });
  return writeCacheFile(path, key, encodeIndex(corpus, engine, lexicon));
}

/**
 * Loads corpus + engine saved under `key`; throws `CacheFileError` (missing, stale, corrupt) otherwise.
 * A large file is decoded while its checksum is computed on another thread, and returned only once
 * the checksum is right.
 */
export function loadIndex(path: string, key: Buffer, corpusDir: string, options: EngineOptions): LoadedIndex {
  return openCacheFile(path, key).decode((sections) => decodeIndex(sections, corpusDir, options));
}
