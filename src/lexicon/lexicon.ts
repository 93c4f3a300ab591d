/**
 * Related words for bridging a question's words to the corpus's ("ransom" → payment words, "captives"
 * → "prisoners"), from WordNet and a table of words used alike (`similar.ts`), restricted to the
 * corpus's own vocabulary when the index is built and saved with it: start-up reads a small table,
 * never the database.
 *
 * Keys and values are analyzed terms (folded, Porter-stemmed), so a question's concept looks up its
 * term directly. Only a word's most frequent senses are followed, on both sides, which keeps rare
 * senses ("bread" for money) from bridging everyday words.
 */
import { cachedStem } from '../search/engine-analyze.js';
import { STOP_WORDS } from '../search/stopwords.js';
import type { SynsetRef, WordNet } from './wordnet.js';
import { similarWords, type SimilarWords } from './similar.js';
import { BoundedMap } from '../util/bounded-map.js';
import verbForms from '../search/verb-forms.json' with { type: 'json' };

/** How a related word is related to the question's word: by WordNet, or used alike (`similar`). */
export type Relation = 'synonym' | 'hypernym' | 'hyponym' | 'derivation' | 'similar';

/** A corpus term related to a question's term. */
export interface Related {
  term: string;
  relation: Relation;
}

/** How a lexicon is built. */
export interface LexiconOptions {
  /**
   * Relations followed: `synonym` (the same sense: "captive" ↔ "prisoner"), `hypernym` (the corpus's
   * word is the more general one: "envoy" finds "diplomat"), `hyponym` (the corpus's word is the more
   * specific one: "aircraft" finds "plane"), `derivation` (the same root
   * across parts of speech: "negotiator" ↔ "negotiate"), `similar` (used alike, by the GloVe table of
   * `similar.ts`: "soldiers" finds "troops", "offended" "insulted"). Default: all five (each measured
   * on and off in the README: together they help ranking most, and cost some refusals of near-topic
   * questions).
   */
  relations?: readonly Relation[];
  /** Senses of a word followed, most frequent first, on both sides of a relation. Default 2. */
  senses?: number;
  /**
   * Senses followed for a word that its first `senses` relate to nothing the corpus holds ("address",
   * whose first senses are a place and a code, as "speech"; "escape" as "flight"): up to this many, on
   * both sides, by synonym, derivation and hyponym only, never to a class above it, which a rarer
   * sense makes too general ("minister" → "diplomat" answered "who was Cuba's foreign minister?" with
   * any diplomat). Default 4 (the students' R@1 and R@3 +0.006 and one false abstention fewer, as in
   * two blind sets; 5 and 6 cost quote@1). `senses` or less: none.
   */
  fallbackSenses?: number;
  /**
   * Words used alike kept per word, most alike first (cosine 0.75 or more, the table's least), after
   * and besides its WordNet relatives. Default 3 (2 lost the students' set an answer and blind2 and
   * blind4 one each; 4 and 5 cost one and two of its refusals).
   */
  similarPerWord?: number;
}

export const DEFAULT_LEXICON = {
  relations: ['synonym', 'hypernym', 'hyponym', 'derivation', 'similar'] as readonly Relation[],
  senses: 2,
  fallbackSenses: 4,
  similarPerWord: 3,
} as const;

/** The relations a word's fallback senses are followed by (see `LexiconOptions.fallbackSenses`). */
const FALLBACK_RELATIONS: ReadonlySet<Relation> = new Set(['synonym', 'derivation', 'hyponym']);

const CODE: Record<Relation, string> = { synonym: 's', hypernym: 'h', hyponym: 'o', derivation: 'd', similar: 'a' };
const RELATION: Record<string, Relation> = { s: 'synonym', h: 'hypernym', o: 'hyponym', d: 'derivation', a: 'similar' };
/** Preference when two relations link the same pair: the closer one is kept. */
const CLOSENESS: Record<Relation, number> = { synonym: 3, derivation: 2, hypernym: 1, hyponym: 1, similar: 0 };

/** The related-words table of one corpus. */
export class Lexicon {
  private readonly table: Map<string, readonly Related[]>;
  /** A saved table not yet read: its text, one term a line in term order, read line by line as terms are asked for. */
  private readonly saved: { text: string; starts: Uint32Array } | null;
  /**
   * The saved table's lines read so far, and the terms it lacks, at most `READ_CACHE_MAX`: every word
   * and pair of words a question holds is looked up, so an unbounded cache grew with every new word
   * anyone typed for as long as the bot ran.
   */
  private readonly read = new BoundedMap<string, readonly Related[]>(READ_CACHE_MAX);

  constructor(table: ReadonlyMap<string, readonly Related[]> = new Map(), saved: { text: string; starts: Uint32Array } | null = null) {
    this.table = new Map(table);
    this.saved = saved;
  }

  /** The corpus terms related to `term` (an analyzed term), closest relations first; empty when none. */
  related(term: string): readonly Related[] {
    return this.saved ? this.read.getOr(term, this.readSaved) : (this.table.get(term) ?? NONE);
  }

  /** How many question terms have related corpus terms. */
  get size(): number {
    return this.saved ? this.saved.starts.length : this.table.size;
  }

  /** The table as text, one question term a line in term order: `term\tcorpusTerm:s corpusTerm:d …`. */
  encode(): Buffer {
    if (this.saved) return Buffer.from(this.saved.text, 'utf8');
    const lines: string[] = [];
    for (const term of [...this.table.keys()].sort()) lines.push(`${term}\t${this.table.get(term)!.map((r) => `${r.term}:${CODE[r.relation]}`).join(' ')}`);
    return Buffer.from(lines.join('\n'), 'utf8');
  }

  /**
   * The table of `encode`'s text. Only the lines' starts are found now; a line is read when its term
   * is first asked for (start-up reads none), and a malformed one throws then.
   */
  static decode(text: string): Lexicon {
    const starts: number[] = [];
    for (let at = 0; text && at < text.length; ) {
      starts.push(at);
      const next = text.indexOf('\n', at);
      at = next < 0 ? text.length : next + 1;
    }
    return new Lexicon(new Map(), { text, starts: Uint32Array.from(starts) });
  }

  /** The related terms of `term` in the saved text (binary search over its sorted lines). */
  private readonly readSaved = (term: string): readonly Related[] => {
    const { text, starts } = this.saved!;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = starts[mid]!;
      const end = mid + 1 < starts.length ? starts[mid + 1]! - 1 : text.length;
      const tab = text.indexOf('\t', start);
      if (tab < 0 || tab >= end || tab === start) throw new Error('lexicon: a line has no term');
      const key = text.slice(start, tab);
      if (key === term) return parseEntries(text.slice(tab + 1, end));
      if (key < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return NONE;
  };

  /**
   * The lexicon of a vocabulary: for every WordNet word, the vocabulary's terms it is related to, and
   * then for every word of the `similar` table the vocabulary's terms used alike (read only when the
   * relation is followed). `known` says whether the corpus holds an analyzed term.
   */
  static build(wordNet: WordNet, known: (term: string) => boolean, options: LexiconOptions = {}, similar?: SimilarWords): Lexicon {
    const { relations, senses, fallbackSenses, similarPerWord } = { ...DEFAULT_LEXICON, ...options };
    const follow = new Set(relations);
    const table = new Map<string, Related[]>();
    const keep = (term: string, candidates: readonly Related[], also: (relation: Relation) => boolean) => {
      let kept: Related[] | undefined;
      for (const c of candidates) {
        if (!follow.has(c.relation) || !also(c.relation) || !known(c.term)) continue;
        const same = kept?.find((r) => r.term === c.term);
        if (!same) (kept ??= []).push({ term: c.term, relation: c.relation });
        else if (CLOSENESS[c.relation] > CLOSENESS[same.relation]) same.relation = c.relation;
      }
      if (kept) table.set(term, kept.sort((a, b) => CLOSENESS[b.relation] - CLOSENESS[a.relation]));
    };
    for (const [term, candidates] of candidateLinks(wordNet, senses)) keep(term, candidates, () => true);
    if (fallbackSenses > senses) {
      const fallback = (relation: Relation) => FALLBACK_RELATIONS.has(relation);
      for (const [term, candidates] of candidateLinks(wordNet, fallbackSenses)) if (!table.has(term)) keep(term, candidates, fallback);
    }
    if (follow.has('similar') && similarPerWord > 0) addSimilar(table, similar ?? similarWords(), known, similarPerWord);
    return new Lexicon(table);
  }
}

/**
 * Adds to each term its `perWord` corpus terms most used alike (the best similarity of any of its
 * words, "soldier" or "soldiers", to any of theirs), after its WordNet relatives and never one of them.
 */
function addSimilar(table: Map<string, Related[]>, similar: SimilarWords, known: (term: string) => boolean, perWord: number): void {
  const alike = new Map<string, Map<string, number>>();
  for (const [word, row] of similar) {
    const term = cachedStem(word);
    let targets = alike.get(term);
    for (const [other, similarity] of row) {
      const target = cachedStem(other);
      if (target === term || !known(target)) continue;
      if (!targets) alike.set(term, (targets = new Map()));
      if (similarity > (targets.get(target) ?? 0)) targets.set(target, similarity);
    }
  }
  for (const [term, targets] of alike) {
    const own = table.get(term) ?? [];
    const best = [...targets].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, perWord);
    const added = best.filter(([t]) => !own.some((r) => r.term === t)).map(([t]): Related => ({ term: t, relation: 'similar' }));
    if (added.length) table.set(term, [...own, ...added]);
  }
}

/**
 * The key a WordNet lemma is looked up by: its analyzed term, or for words joined by `_` the terms of
 * their content words joined by a space ("shake_hands" → "shake hand", "secretary_of_state" →
 * "secretari state"), as a question's neighbouring words are, or a verb's term and its particle
 * ("set_up" → "set up"); null for anything else.
 */
export function lexiconKey(lemma: string): string | null {
  if (!lemma.includes('_')) return cachedStem(lemma);
  const all = lemma.split('_');
  const words = all.filter((w) => !STOP_WORDS.has(w));
  if (words.some((w) => w.includes('-'))) return null;
  if (words.length >= 2) return words.map(cachedStem).join(' ');
  // A verb and its particle ("set_up", "step_down"): the particle as typed, since a question's analysis drops it.
  return all.length === 2 && words[0] === all[0] && PARTICLES.has(all[1]!) ? `${cachedStem(all[0]!)} ${all[1]}` : null;
}

/** The particles of phrasal verbs ("set up", "step down", "carry out"), as against prepositions ("think of"). */
export const PARTICLES: ReadonlySet<string> = new Set(['up', 'down', 'out', 'off', 'over', 'back', 'away', 'on', 'in', 'around', 'through', 'along']);

/** Every WordNet word's related words, as analyzed terms, before any corpus restricts them (per WordNet and depth, made once). */
const candidates = new WeakMap<WordNet, Map<number, Map<string, Related[]>>>();

/** Each WordNet word's related words through its first `depth` senses of each part of speech (the related words' own senses within `depth`). */
function candidateLinks(wordNet: WordNet, depth: number): Map<string, Related[]> {
  let byDepth = candidates.get(wordNet);
  if (!byDepth) candidates.set(wordNet, (byDepth = new Map()));
  let links = byDepth.get(depth);
  if (links) return links;
  links = new Map();
  const out = links;
  /** Each word of a synset that is one of its own `depth` most frequent senses. */
  const frequent = (ref: SynsetRef, visit: (word: string) => void) => {
    const ranks = wordNet.senseRanks(ref);
    wordNet.synset(ref).words.forEach((w, i) => ranks[i]! <= depth && visit(w));
  };
  // The lemma being read: its key, and for words together their own words.
  let term = '';
  let own: string[] | null = null;
  const add = (to: string, relation: Relation) => {
    if (to.includes('_') || to.includes('-') || STOP_WORDS.has(to)) return;
    // Of words together, only what they mean as one: a compound's hypernym is mostly its head or a class ("aaron burr" → "politician").
    if (own && (relation === 'hypernym' || relation === 'hyponym')) return;
    const target = cachedStem(to);
    // A compound's own words are the question's already ("abelian group" → "group"). (A word the stemmer would
    // clip to two letters keeps its own: "use" is no "us", see `stem`.)
    if (term === target || own?.includes(target)) return;
    const list = out.get(term);
    if (list) list.push({ term: target, relation });
    else out.set(term, [{ term: target, relation }]);
  };
  for (const [lemma, refs] of wordNet.senses) {
    if (STOP_WORDS.has(lemma)) continue;
    const key = lexiconKey(lemma);
    if (key === null || STOP_WORDS.has(key)) continue;
    term = key;
    own = key.includes(' ') ? key.split(' ') : null;
    for (const ref of topSenses(refs, depth)) {
      const synset = wordNet.synset(ref);
      frequent(ref, (w) => w !== lemma && add(w, 'synonym'));
      // Nouns only: verb and adjective "hypernyms" are too general to bridge anything ("seize" → "take").
      if (ref.part === 'noun') for (const h of synset.hypernyms) for (const w of wordNet.synset(h).words) add(w, 'hypernym');
      // Only a hyponym's own frequent senses: "aircraft" → "plane", never "bomber" through a rare sense.
      if (ref.part === 'noun') for (const h of kindsOf(wordNet, synset.hyponyms)) frequent(h, (w) => add(w, 'hyponym'));
      for (const [source, to, word] of synset.derivations) {
        if (source !== 0 && synset.words[source - 1] !== lemma) continue;
        const w = wordNet.synset(to).words[word - 1];
        if (w) add(w, 'derivation');
      }
    }
  }
  addVerbForms(wordNet, out);
  byDepth.set(depth, links);
  return links;
}

/**
 * A synset's hyponyms, except that a kind named only by compounds, which no corpus word can be
 * ("heavier-than-air craft"), is passed through to its own kinds: "aircraft" reaches "airplane". (Not
 * upwards: a compound-only class above a word is abstract, "thinking" → "higher cognitive process",
 * and passing it bridged "think" to "process".)
 */
function kindsOf(wordNet: WordNet, hyponyms: readonly SynsetRef[]): SynsetRef[] {
  const out: SynsetRef[] = [];
  for (const ref of hyponyms) {
    const synset = wordNet.synset(ref);
    if (synset.words.every((w) => w.includes('_') || w.includes('-'))) out.push(...synset.hyponyms);
    else out.push(ref);
  }
  return out;
}

/**
 * A question's inflected verb is looked up by its own stem, which the stemmer does not always bring to
 * its lemma's ("freed" stays "freed", "took" is "took"): each verb's links are kept under the stems of
 * its regular forms and of its irregular ones (`verb-forms.json`), unless that stem has links of its
 * own or the form is a WordNet word in its own right ("left", "saw").
 */
function addVerbForms(wordNet: WordNet, out: Map<string, Related[]>): void {
  const irregular = new Map<string, string[]>();
  for (const [base, ...forms] of verbForms.groups) irregular.set(base!, forms);
  for (const [lemma, refs] of wordNet.senses) {
    if (!refs.some((r) => r.part === 'verb')) continue;
    const own = lexiconKey(lemma);
    const links = own === null ? undefined : out.get(own);
    if (!links) continue;
    // A verb of several words is inflected in its first ("shook hands", "set up").
    const [verb, ...rest] = lemma.split('_');
    for (const form of [...regularForms(verb!), ...(irregular.get(verb!) ?? [])]) {
      const inflected = [form, ...rest].join('_');
      const key = lexiconKey(inflected);
      if (key === null || out.has(key) || wordNet.senses.has(inflected)) continue;
      out.set(key, links);
    }
  }
}

const VOWEL = /[aeiou]/;

/** The regular past and -ing forms of a verb: "free" → "freed", "freeing"; "stop" → "stopped"; "try" → "tried". */
function regularForms(verb: string): string[] {
  if (verb.endsWith('e')) return [`${verb}d`, verb.endsWith('ee') ? `${verb}ing` : `${verb.slice(0, -1)}ing`];
  if (/[^aeiou]y$/.test(verb)) return [`${verb.slice(0, -1)}ied`, `${verb.slice(0, -1)}ies`, `${verb}ing`];
  const forms = [`${verb}ed`, `${verb}ing`];
  // One short syllable ending consonant-vowel-consonant doubles its last letter: "stopped", "planning".
  const last = verb[verb.length - 1]!;
  if (verb.length <= 4 && !VOWEL.test(last) && !'wxy'.includes(last) && VOWEL.test(verb[verb.length - 2]!) && !VOWEL.test(verb[verb.length - 3] ?? 'a'))
    forms.push(`${verb}${last}ed`, `${verb}${last}ing`);
  return forms;
}

const NONE: readonly Related[] = [];

/** At most this many lookups of a saved table are remembered (see `Lexicon.read`). */
const READ_CACHE_MAX = 65_536;

function parseEntries(entries: string): Related[] {
  return entries.split(' ').map((entry) => {
    const colon = entry.lastIndexOf(':');
    const relation = RELATION[entry.slice(colon + 1)];
    if (colon <= 0 || !relation) throw new Error(`lexicon: malformed entry "${entry}"`);
    return { term: entry.slice(0, colon), relation };
  });
}

/** The first `depth` senses of each part of speech. */
function topSenses(refs: readonly SynsetRef[], depth: number): SynsetRef[] {
  const count = new Map<string, number>();
  return refs.filter((r) => {
    const n = (count.get(r.part) ?? 0) + 1;
    count.set(r.part, n);
    return n <= depth;
  });
}
