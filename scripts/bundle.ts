/**
 * The second half of `npm run build`, after tsc: the `backchannel` command as one bundled file.
 *
 * A fresh `backchannel ask` spent most of its start-up resolving and compiling some 190 modules (zod
 * alone is about 100 of them, locales included, ~90 ms). esbuild puts the CLI's own code and its small
 * dependencies (zod, minisearch, stemmer, fastest-levenshtein) into `dist/cli/backchannel.js`; what only
 * some commands need (the terminal chat, `corpus add`) stays in chunks loaded on demand, and the
 * packages with files of their own or only used for documents and bots stay in node_modules.
 *
 * The code version, and the data tsc does not copy, are written before it, by `stamp.ts` (`npm run compile`).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './repo.js';

const root = repoRoot();
const dist = join(root, 'dist');
// Chunk names carry content hashes: clear the old ones.
rmSync(join(dist, 'cli'), { recursive: true, force: true });
await build({
  // The ingestion worker is an entry of its own: ingest-parallel.ts starts it from beside its own code.
  entryPoints: { backchannel: join(dist, 'adapters/cli/bin.js'), 'ingest-worker': join(dist, 'src/corpus/ingest-worker.js') },
  outdir: join(dist, 'cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Loaded lazily, or reading files beside their own code (word-list's words.txt, pdf.js's worker).
  external: ['discord.js', '@slack/bolt', 'pg', 'undici', 'pdfjs-dist', 'html-to-text', 'marked', 'chrono-node', 'jsonc-parser', 'pino', 'word-list'],
});
