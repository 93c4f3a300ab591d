/**
 * `corpus check`: validates a whole corpus without stopping at the first problem: the manifest entry
 * by entry, then every document it lists (read in its format and ingested), then the files it does
 * not list.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkManifest, MANIFEST_FILE } from './manifest.js';
import { formatOfFile, KNOWN_EXTENSIONS_TEXT, preloadPdfs } from './formats/index.js';
import { ingestDocument } from './ingest.js';
import { isError, type CorpusProblem } from './problems.js';

export interface CheckReport {
  /** Absolute path of the corpus directory. */
  dir: string;
  /** Documents that load. */
  documents: number;
  /** Passages they make. */
  passages: number;
  /** Every problem, errors and warnings, in manifest order then file order. */
  problems: CorpusProblem[];
  /** True when no problem is an error (warnings allowed): loading would succeed. */
  ok: boolean;
}

/** Files of a corpus directory that are none of its business: hidden files, editor backups, temporaries. */
export function isIgnoredFile(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || name.endsWith('.tmp') || name.endsWith('.swp') || name === MANIFEST_FILE;
}

export async function checkCorpus(dir: string): Promise<CheckReport> {
  const root = resolve(dir);
  const { documents: metas, problems } = checkManifest(root);
  await preloadPdfs(metas.filter((m) => m.format === 'pdf').map((m) => join(root, m.file)));
  let documents = 0;
  let passages = 0;
  const byHash = new Map<string, string>();
  for (const meta of metas) {
    const ingested = ingestDocument(root, meta);
    problems.push(...ingested.problems);
    if (ingested.document) {
      documents++;
      passages += ingested.document.passages.length;
      const path = join(root, meta.file);
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      const twin = byHash.get(hash);
      if (twin) problems.push({ file: path, severity: 'warning', message: `has the same content as ${twin}` });
      else byHash.set(hash, meta.file);
    }
  }
  problems.push(...unlistedFiles(root, new Set(metas.map((m) => m.file))));
  return { dir: root, documents, passages, problems, ok: !problems.some(isError) };
}

/** Warnings for files in the directory that the manifest does not list. */
function unlistedFiles(root: string, listed: ReadonlySet<string>): CorpusProblem[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return []; // the manifest check has said the directory cannot be read
  }
  const manifestText = safeRead(join(root, MANIFEST_FILE));
  return names
    .filter((name) => !isIgnoredFile(name) && !listed.has(name) && !manifestText.includes(JSON.stringify(name)) && isFile(join(root, name)))
    .sort()
    .map((name) => ({
      file: join(root, name),
      severity: 'warning' as const,
      message: formatOfFile(name)
        ? 'is not listed in manifest.json, so it is not read (add it with: backchannel corpus add)'
        : `has an unknown format, so it is not read (expected ${KNOWN_EXTENSIONS_TEXT})`,
    }));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
