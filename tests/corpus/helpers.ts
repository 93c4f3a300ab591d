import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus, Passage } from '../../src/corpus/types.js';

let cached: Corpus | undefined;

/** The bundled corpus, loaded once per test file. */
export function seedCorpus(): Corpus {
  cached ??= loadCorpus(new URL('../../corpus', import.meta.url).pathname);
  return cached;
}

export function passagesOf(docId: string): Passage[] {
  return seedCorpus().passages.filter((p) => p.docId === docId);
}

/** The one passage whose text contains `fragment`; fails the test if there is not exactly one. */
export function passageWith(fragment: string): Passage {
  const found = seedCorpus().passages.filter((p) => p.text.includes(fragment));
  if (found.length !== 1) throw new Error(`expected one passage with "${fragment}", found ${found.length}`);
  return found[0]!;
}

export function allText(): string {
  return seedCorpus().passages.map((p) => p.text).join('\n');
}
