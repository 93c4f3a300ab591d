/**
 * `corpus add`: copies a document into a corpus and writes its manifest entry, taking what is not
 * given from the document itself. The document is read and ingested first: a file that would break
 * the corpus is refused and nothing is written.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { BackchannelError } from '../errors.js';
import { DOCUMENT_KINDS, type DocDate, type DocumentKind, type DocumentMeta } from './types.js';
import { documentSchema, MANIFEST_FILE, checkManifest, urlSchema } from './manifest.js';
import { formatOfFile, KNOWN_EXTENSIONS_TEXT, readSourceAsync } from './formats/index.js';
import { ingestSource, problemsOf } from './ingest.js';
import { problemsError } from './problems.js';
import { inferDate, inferId, inferKind, inferTitle, parseDate, type Inferred } from './infer.js';

/** What `addDocument` is told; every field but `file` and `corpusDir` is optional. */
export interface AddOptions {
  /** The document to add: `.txt`, `.md`, `.html`/`.htm` or `.pdf`. */
  file: string;
  /** The corpus directory; created, with a new manifest, when it does not exist. */
  corpusDir: string;
  /** Default: the file's stated title, first heading, record number and subject, or first line. */
  title?: string;
  /** `1963-11-05`, `1963-11`, `1963`, `undated` or words ("November 5, 1963"). Default: from the text. */
  date?: string;
  /** One of `DOCUMENT_KINDS`. Default: `record` for archival OCR, `note` for Markdown, else `document`. */
  kind?: string;
  /** Default: the file's stated author, else none. */
  author?: string;
  /** Default: none. */
  publisher?: string;
  /** Default: a slug of the file name, numbered when taken. */
  id?: string;
  /** Where the document can be read online (http or https), for citations. Default: none (kept on a re-add). */
  url?: string;
  /** Read and check, print what would be written, write nothing. Default false. */
  dryRun?: boolean;
}

/** One field of the entry as written, and where its value came from. */
export interface FieldReport {
  field: 'id' | 'title' | 'kind' | 'date' | 'author' | 'publisher' | 'url';
  value: string;
  /** `given`, `kept` (the entry's value, on a re-add), or where it was inferred from. */
  from: string;
}

export interface AddResult {
  /** The entry as loading will read it (defaults applied). */
  meta: DocumentMeta;
  /** Where the document now is. */
  path: string;
  /** The document was already listed: its entry was updated, not added. */
  updated: boolean;
  passages: number;
  fields: FieldReport[];
}

type RawEntry = Record<string, unknown>;

function badInput(message: string): BackchannelError {
  return new BackchannelError('BAD_INPUT', message, { userMessage: message });
}

function readRawManifest(dir: string): { documents: RawEntry[] } {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { documents: [] };
  const { problems } = checkManifest(dir);
  if (problems.length) throw problemsError(problems);
  return JSON.parse(readFileSync(path, 'utf8')) as { documents: RawEntry[] };
}

function describeDate(d: DocDate): string {
  return d.iso ? `${d.iso} (${d.precision})` : 'undated';
}

/** Adds (or, for a file already listed, updates) a document; see `AddOptions`. */
export async function addDocument(options: AddOptions): Promise<AddResult> {
  const source = resolve(options.file);
  const format = formatOfFile(source);
  if (!format) throw badInput(`${options.file}: unknown format (expected ${KNOWN_EXTENSIONS_TEXT})`);
  if (!existsSync(source)) throw badInput(`${options.file}: no such file`);
  if (options.kind !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(options.kind))
    throw badInput(`--kind "${options.kind}" is not a kind (one of: ${DOCUMENT_KINDS.join(', ')})`);
  const givenDate = options.date === undefined ? undefined : parseDate(options.date);
  if (options.url !== undefined && !urlSchema.safeParse(options.url).success)
    throw badInput(`--url "${options.url}" is not an http or https address with a domain name (e.g. https://example.org/page)`);
  if (givenDate === null) throw badInput(`--date "${options.date}" is not a date (try 1963-11-05, 1963-11, 1963 or undated)`);

  const dir = resolve(options.corpusDir);
  const file = basename(source);
  const target = join(dir, file);
  const manifest = readRawManifest(dir);
  const index = manifest.documents.findIndex((d) => d['file'] === file);
  const existing = index >= 0 ? manifest.documents[index]! : undefined;

  let text;
  try {
    text = await readSourceAsync(source, format);
  } catch (error) {
    throw problemsError(problemsOf(error, source));
  }

  const fields: FieldReport[] = [];
  const pick = <T>(field: FieldReport['field'], given: T | undefined, kept: unknown, infer: () => Inferred<T> | null, show: (v: T) => string, fallback: T): T => {
    if (given !== undefined) return report(field, given, 'given', show);
    if (existing && kept !== undefined) return report(field, kept as T, 'kept from the manifest', show);
    const inferred = infer();
    return inferred ? report(field, inferred.value, inferred.from, show) : report(field, fallback, 'none found', show);
  };
  const report = <T>(field: FieldReport['field'], value: T, from: string, show: (v: T) => string): T => {
    fields.push({ field, value: show(value), from });
    return value;
  };
  const str = (v: string | null) => v ?? '—';
  const taken = new Set(manifest.documents.filter((d) => d !== existing).map((d) => String(d['id'])));
  if (options.id !== undefined && taken.has(options.id)) throw badInput(`--id "${options.id}" is already the id of another document`);

  const id = pick('id', options.id, existing?.['id'], () => inferId(file, taken), String, 'document');
  const kind = pick<DocumentKind>('kind', options.kind as DocumentKind | undefined, existing?.['kind'], () => inferKind(text, format), String, 'document');
  const title = pick('title', options.title, existing?.['title'], () => inferTitle(text, kind), String, file);
  const date = pick<DocDate>('date', givenDate, existing?.['date'], () => inferDate(text), describeDate, { iso: null, precision: 'undated' });
  const author = pick<string | null>('author', options.author, existing?.['author'], () => (text.hints.author ? { value: text.hints.author, from: 'the file' } : null), str, null);
  const publisher = pick<string | null>('publisher', options.publisher, existing?.['publisher'], () => null, str, null);

  const url = pick<string | null>('url', options.url, existing?.['url'], () => null, str, null);

  const entry: RawEntry = {
    ...existing,
    id,
    file,
    title,
    kind,
    author,
    publisher,
    date,
    ...(url !== null ? { url } : {}),
    cleaning: { dropParagraphs: [], sentencePerParagraph: false, readerComments: false, ...(existing?.['cleaning'] as object | undefined), ...(existing ? {} : { ocr: kind === 'record' }) },
  };
  const parsed = documentSchema.safeParse(entry);
  if (!parsed.success) throw badInput(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
  const ingested = ingestSource(parsed.data, text, source);
  if (!ingested.document) throw problemsError(ingested.problems);

  if (!options.dryRun) {
    mkdirSync(dir, { recursive: true });
    if (source !== target) copyFileSync(source, target);
    const documents = [...manifest.documents];
    if (existing) documents[index] = entry;
    else documents.push(entry);
    writeAtomically(join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, documents }, null, 2) + '\n');
  }
  return { meta: parsed.data, path: target, updated: existing !== undefined, passages: ingested.document.passages.length, fields };
}

/** Writes through a temporary file and a rename, so that a watcher never reads half a manifest. */
function writeAtomically(path: string, text: string): void {
  const tmp = join(resolve(path, '..'), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
