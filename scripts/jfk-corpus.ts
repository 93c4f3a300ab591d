/**
 * The JFK 2025 release as a corpus directory, for scale benchmarks: `manifest.json` and one `.txt` a
 * record, from `../shared/scale/jfk-2025-release.jsonl.gz`, the records taken in file order until
 * the chosen size of text is reached.
 *
 *   npm run build && node dist/scripts/jfk-corpus.js --mb 10 [--out .cache/jfk-10] [--source FILE]
 *   node dist/scripts/jfk-corpus.js --mb all
 *
 * Each record is a document of kind `record`: id `jfk-<record id>`, title "JFK record <record id>",
 * dated by the first full date written out in its text ("26 March 1964"), else undated. A corpus
 * already written for the same size and source is reused (a `.complete` marker holds its figures).
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { repoRoot } from './repo.js';
import { readManifest } from '../src/corpus/manifest.js';
import { ingestDocument } from '../src/corpus/ingest.js';

export interface JfkCorpusOptions {
  /** Megabytes of record text to take (10⁶ bytes of UTF-8), or `Infinity` for the whole release. */
  mb: number;
  /** Where to write; default `<repo>/.cache/jfk-<mb|all>`. */
  out?: string;
  /** The gzipped JSONL release; default `<repo>/../shared/scale/jfk-2025-release.jsonl.gz`. */
  source?: string;
}

export interface JfkCorpusInfo {
  dir: string;
  records: number;
  /** Bytes of record text written. */
  bytes: number;
  /** Records left out because ingestion keeps nothing of them (pure OCR debris). */
  dropped: number;
  /** Milliseconds the check ingestion of every record took (the corpus's own ingestion, once). */
  ingestMs: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const FULL_DATE = /\b([0-3]?\d)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(19[4-9]\d)\b/i;

/** The first "26 March 1964" of the text, as a day-precision date; undated when there is none. */
export function inferDate(text: string): { iso: string | null; precision: 'day' | 'undated' } {
  const m = FULL_DATE.exec(text);
  if (!m) return { iso: null, precision: 'undated' };
  const day = Number(m[1]);
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (day < 1 || day > 31) return { iso: null, precision: 'undated' };
  return { iso: `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, precision: 'day' };
}

export function defaultJfkSource(): string {
  return resolve(repoRoot(), '..', 'shared', 'scale', 'jfk-2025-release.jsonl.gz');
}

/** Writes (or reuses) the corpus directory of the first `mb` megabytes of the release. */
export async function writeJfkCorpus(options: JfkCorpusOptions): Promise<JfkCorpusInfo> {
  const label = Number.isFinite(options.mb) ? String(options.mb) : 'all';
  const dir = resolve(options.out ?? join(repoRoot(), '.cache', `jfk-${label}`));
  const source = resolve(options.source ?? defaultJfkSource());
  const marker = join(dir, '.complete');
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8')) as JfkCorpusInfo & { source: string; mb: string };
    if (info.source === source && info.mb === label) return { dir, records: info.records, bytes: info.bytes, dropped: info.dropped, ingestMs: info.ingestMs };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const limit = Number.isFinite(options.mb) ? options.mb * 1e6 : Infinity;
  const documents: unknown[] = [];
  let bytes = 0;
  const lines = createInterface({ input: createReadStream(source).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { id: string; text: string };
    const slug = `jfk-${record.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    const file = `${slug}.txt`;
    if (!record.text.trim()) continue;
    writeFileSync(join(dir, file), record.text);
    bytes += Buffer.byteLength(record.text);
    documents.push({ id: slug, file, title: `JFK record ${record.id}`, kind: 'record', author: null, publisher: 'National Archives (JFK Assassination Records, 2025 release)', date: inferDate(record.text) });
    if (bytes >= limit) {
      lines.close();
      break;
    }
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents }, null, 1));
  // A record that ingestion keeps nothing of would stop the whole corpus from loading: leave it out.
  const started = performance.now();
  const keep = new Set<string>();
  for (const meta of readManifest(dir)) if (ingestDocument(dir, meta).document) keep.add(meta.id);
  const ingestMs = performance.now() - started;
  const kept = documents.filter((d) => keep.has((d as { id: string }).id));
  for (const d of documents) if (!keep.has((d as { id: string }).id)) rmSync(join(dir, (d as { file: string }).file));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents: kept }, null, 1));
  const info = { dir, records: kept.length, bytes, dropped: documents.length - kept.length, ingestMs };
  writeFileSync(marker, JSON.stringify({ ...info, source, mb: label }));
  return info;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { mb: { type: 'string', default: '10' }, out: { type: 'string' }, source: { type: 'string' } } });
  const mb = values.mb === 'all' ? Infinity : Number(values.mb);
  if (!(mb > 0)) throw new Error(`--mb must be a positive number or "all", not ${values.mb}`);
  writeJfkCorpus({ mb, out: values.out, source: values.source }).then((info) =>
    console.log(`${info.dir}: ${info.records} records (${info.dropped} left out: nothing left after cleaning), ${(info.bytes / 1e6).toFixed(1)} MB of text; ingestion ${(info.ingestMs / 1000).toFixed(1)} s`),
  );
}
