/**
 * The version of the code that ingests and indexes: every saved index is keyed by it, so a change to
 * src/corpus, src/text, src/search, src/lexicon or src/cache rebuilds the saved indexes rather than
 * serving one built by other code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUp, isPackageRoot, moduleDir } from '../util/find-up.js';

/** The code whose changes invalidate every saved index: ingestion, text, search, the lexicon saved with it, this cache. */
const CODE_DIRS = ['corpus', 'text', 'search', 'lexicon', 'cache'];
/** Written by the build (scripts/bundle.ts) beside `dist/src`, and read from there by every build of the code. */
const VERSION_FILE = 'code-version.json';

let codeHash: string | undefined;

/** SHA-256 of the source files (.js, .ts, .json) of the code directories under `srcRoot`. */
export function hashCodeDirs(srcRoot: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(relative(srcRoot, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  for (const dir of CODE_DIRS) walk(join(srcRoot, dir));
  return hash.digest('hex');
}

/**
 * The code version this process runs: the build's `code-version.json` when there is one above this
 * file (dist/ and its bundle), else the hash of the sources beside it (running from src/, as tests do).
 */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  const built = findUp(
    moduleDir(import.meta.url),
    (dir) => {
      const file = join(dir, VERSION_FILE);
      if (!existsSync(file)) return undefined;
      const code = (JSON.parse(readFileSync(file, 'utf8')) as { code?: unknown }).code;
      return typeof code === 'string' && code ? code : undefined;
    },
    isPackageRoot,
  );
  return (codeHash = built ?? hashCodeDirs(fileURLToPath(new URL('..', import.meta.url))));
}
