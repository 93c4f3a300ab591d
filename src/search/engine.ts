/**
 * A generic BM25 search engine: minisearch's inverted index and BM25 scoring, the shared analyzer,
 * typo tolerance that never replaces an exact term, an optional pseudo-relevance feedback pass, and
 * a phrase-proximity rerank of the best candidates. No domain knowledge.
 *
 * Per-query work is proportional to the query: the postings of its terms (minisearch), a few
 * vocabulary lookups for misspelt terms, and a rerank of a bounded candidate pool.
 */
import type { QueryCombination, SearchResult } from 'minisearch';
import { analyzeIdsFast, analyzeTermsFast } from './engine-analyze.js';
import { expandQuery } from './engine-feedback.js';
import { fuzzyVariants, type NearTermFinder, type NearWords } from './engine-fuzzy.js';
import { planQuery } from './engine-plan.js';
import { BoundedMap } from '../util/bounded-map.js';
import { nearTermsSorted, PostingsIndex, type PostingsState } from './engine-postings.js';
import { pairIndex, proximityBonus, type PhrasePair } from './engine-proximity.js';
import { MiniIndex, TermStore, type TermStoreState } from './engine-store.js';
import { topK, type Scored } from './engine-top.js';
import {
  DEFAULT_BM25,
  type BM25Params,
  DEFAULT_CANDIDATES,
  DEFAULT_FEEDBACK,
  DEFAULT_PROXIMITY,
  type EngineOptions,
  type FeedbackOptions,
  type FuzzyOptions,
  type Hit,
  type ProximityOptions,
  type QueryPlan,
  type QueryTerm,
  type SearchOptions,
} from './engine-types.js';

export * from './engine-types.js';

/** A term as minisearch scores it: a plan term, a near spelling of one, or a feedback expansion. */
interface Leaf {
  term: string;
  weight: number;
  /** The plan term it stands for, or null for a feedback expansion. */
  source: string | null;
}

const IDENTITY_TOKENIZE = (text: string): string[] => [text];
const IDENTITY_TERM = (term: string): string => term;
const NUMBER = /^\d+$/;

/**
 * Version of the index layout and scoring; part of every saved index's key, so that a saved index
 * built by another version is never loaded.
 */
export const ENGINE_VERSION = 3;

/** A built engine's index, as `exportState` gives it and `fromState` takes it. */
export interface EngineState {
  store: TermStoreState;
  postings: PostingsState;
  /** Term ids sorted by term, for near-spelling lookups. */
  sorted: Uint32Array;
  /** Per document ordinal, its place in id order: how equal scores rank (see `TermStore.documentOrder`). */
  order: Uint32Array;
}

/** Near-spelling lookups remembered per engine: words a study group types again, misspelt or unknown. */
const NEAR_CACHE_MAX = 10_000;

/**
 * Index documents with `addAll`, then `search(plan(text))`, or search a plan built elsewhere (with
 * alias expansions at weights below 1). Documents cannot be removed or replaced: build a new engine.
 */
export class SearchEngine {
  private readonly fields: string[];
  private readonly keepPositions: boolean;
  private readonly proximity: ProximityOptions | null;
  private readonly feedback: FeedbackOptions | null;
  private readonly fuzzy: Partial<FuzzyOptions>;
  private readonly candidates: number;
  private readonly bm25: BM25Params;
  private readonly boosts: number[];
  private store = new TermStore();
  /** The compact index every search uses, unless `reference` is set. */
  private postings: PostingsIndex;
  private sorted: Uint32Array | null = null;
  /** Per document ordinal, its place in id order (made by `freeze` or the first search). */
  private order: Uint32Array | null = null;
  /** Per term id, its rank rarest first (see `rarityRanks`; made on first use). */
  private ranks: Uint32Array | null = null;
  /** The vocabulary in `sorted` order, as strings, for the near-spelling walk (built on first use). */
  private sortedWords: string[] | null = null;
  /** Folded surface → term id (-1: a stop word) while documents are being added, across `addAll` calls. */
  private surfaces: Map<string, number> | null = null;
  /** Near spellings already looked up, by distance and term. */
  private readonly nearCache = new BoundedMap<string, ReadonlyArray<{ term: string; distance: number }>>(NEAR_CACHE_MAX);
  /** minisearch, only on the reference path (`backend: 'minisearch'`), which tests compare against. */
  private readonly index: MiniIndex | null;
  /** Terms of the document being added, per field, so minisearch's tokenize hook reuses them. */
  private pending = new Map<string, { text: string; terms: string[] }>();

  constructor(options: EngineOptions) {
    if (options.fields.length === 0) throw new Error('SearchEngine needs at least one field');
    this.fields = [...options.fields];
    this.keepPositions = options.storePositions ?? true;
    this.proximity = options.proximity === false ? null : { ...DEFAULT_PROXIMITY, ...options.proximity };
    const feedback = options.feedback ?? false;
    this.feedback = feedback === false ? null : { ...DEFAULT_FEEDBACK, ...(feedback === true ? {} : feedback) };
    this.fuzzy = options.fuzzy ?? {};
    this.candidates = Math.max(1, options.candidates ?? DEFAULT_CANDIDATES);
    this.bm25 = options.bm25 ?? DEFAULT_BM25;
    // minisearch's field boosts: an own property of `boost`, and 1 for a missing (or zero) boost.
    const boosts = options.boosts ?? {};
    this.boosts = this.fields.map((f) => (Object.prototype.hasOwnProperty.call(boosts, f) ? boosts[f] : undefined) || 1);
    this.postings = new PostingsIndex(this.fields.length);
    this.index = options.backend !== 'minisearch' ? null : new MiniIndex({
      fields: this.fields,
      idField: 'id',
      storeFields: [],
      tokenize: (text, field) => this.tokensFor(text, field),
      processTerm: IDENTITY_TERM,
      searchOptions: {
        boost: options.boosts ?? {},
        bm25: options.bm25 ?? DEFAULT_BM25,
        tokenize: IDENTITY_TOKENIZE,
        processTerm: IDENTITY_TERM,
      },
    });
  }

  private tokensFor(text: string, field: string | undefined): string[] {
    const cached = field === undefined ? undefined : this.pending.get(field);
    return cached && cached.text === text ? cached.terms : analyzeTermsFast(text);
  }

  /**
   * Indexes documents. Each needs a unique `id`; fields not in `fields` are ignored, missing ones
   * count as empty.
   */
  addAll(docs: ReadonlyArray<{ id: string } & Record<string, string>>): void {
    const [mainField = '', ...otherFields] = this.fields;
    const store = this.store;
    const intern = (term: string) => store.intern(term);
    // Folded surface → term id (kept until `freeze`): a repeated word is neither stemmed nor interned again.
    const surfaces = (this.surfaces ??= new Map<string, number>());
    const lastOther: Array<{ text: string; ids: number[] } | undefined> = [];
    for (const doc of docs) {
      if (store.has(doc.id)) throw new Error(`SearchEngine: duplicate ID ${doc.id}`);
      const fieldIds: Array<ArrayLike<number> | null> = [];
      const mainText = doc[mainField];
      const positions: number[] = [];
      const mainIds = typeof mainText === 'string' ? analyzeIdsFast(mainText, surfaces, intern, positions) : [];
      fieldIds.push(mainText == null ? null : mainIds);
      const others: number[] = [];
      otherFields.forEach((field, f) => {
        const text = doc[field];
        if (typeof text !== 'string') {
          fieldIds.push(null);
          return;
        }
        // Passages of one document repeat its title (and of one section, its heading): analyzed once.
        const last = lastOther[f];
        const ids = last?.text === text ? last.ids : analyzeIdsFast(text, surfaces, intern);
        lastOther[f] = { text, ids };
        fieldIds.push(ids);
        for (const id of ids) others.push(id);
      });
      if (this.index) {
        // The reference path: minisearch indexes the same terms, through its tokenize hook.
        this.pending = new Map();
        for (const [f, field] of this.fields.entries()) {
          const text = doc[field];
          const ids = fieldIds[f];
          if (typeof text === 'string' && ids) this.pending.set(field, { text, terms: Array.from(ids, (id) => store.term(id)) });
        }
        this.index.add(doc);
        this.pending = new Map();
      }
      store.addIds(doc.id, mainIds, this.keepPositions ? positions : null, others);
      this.postings.add(fieldIds);
      this.sorted = null;
      this.sortedWords = null;
      this.ranks = null;
      this.order = null;
      this.nearCache.clear();
    }
  }

  /** Packs the index for searching and saving, and makes what searches read; done by the first search otherwise. */
  freeze(): void {
    this.surfaces = null;
    this.postings.pack(this.store.termCount);
    this.postings.prepare(this.bm25);
    this.sorted ??= this.store.sortedTerms();
    this.documentOrder();
  }

  /** Per document ordinal, its place in id order: how documents of equal score rank (made once). */
  private documentOrder(): Uint32Array {
    return (this.order ??= this.store.documentOrder());
  }

  /** The built index, for saving (see `fromState`). Not available on the minisearch reference path. */
  exportState(): EngineState {
    if (this.index) throw new Error('SearchEngine: the minisearch reference path cannot be saved');
    this.freeze();
    return { store: this.store.state(), postings: this.postings.state(), sorted: this.sorted!, order: this.documentOrder() };
  }

  /** An engine with the given options over a saved index. Throws when the saved arrays are inconsistent. */
  static fromState(options: EngineOptions, state: EngineState): SearchEngine {
    if (options.backend === 'minisearch') throw new Error('SearchEngine.fromState: the minisearch reference path cannot be loaded');
    const engine = new SearchEngine(options);
    if (state.postings.fields.length !== engine.fields.length) throw new Error('saved index: field count differs');
    if (state.postings.docCount !== state.store.docIds.length || state.postings.termCount !== state.store.terms.length) {
      throw new Error('saved index: documents or terms differ between store and postings');
    }
    if (state.order.length !== state.store.docIds.length) throw new Error('saved index: document order has the wrong length');
    engine.store = TermStore.fromState(state.store, state.sorted);
    engine.postings = PostingsIndex.fromState(state.postings);
    engine.postings.prepare(engine.bm25);
    engine.sorted = state.sorted;
    engine.order = state.order;
    return engine;
  }

  /** Indexed terms near a spelling: the sorted-vocabulary walk, or minisearch's radix tree on the reference path. */
  private get finder(): NearTermFinder {
    if (this.index) return this.index;
    return {
      nearTerms: (term, maxDistance) => {
        // The vocabulary only changes through addAll, which clears both: a remembered answer stays true.
        const key = `${maxDistance} ${term}`;
        const remembered = this.nearCache.get(key);
        if (remembered) return remembered;
        this.sorted ??= this.store.sortedTerms();
        this.sortedWords ??= Array.from(this.sorted, (id) => this.store.term(id));
        const near = nearTermsSorted(term, maxDistance, this.sortedWords);
        this.nearCache.set(key, near);
        return near;
      },
    };
  }

  /** Indexed terms within `maxDistance` edits of `term` (not `term` itself), with their distances. */
  nearTerms(term: string, maxDistance: number): NearWords {
    return this.finder.nearTerms(term, maxDistance);
  }

  /** Number of documents indexed. */
  get documentCount(): number {
    return this.store.documentCount;
  }

  /** True when the analyzed term occurs in some document. */
  has(term: string): boolean {
    return this.store.id(term) !== undefined;
  }

  /** The index's number for an analyzed term, stable for the life of the index; undefined when unknown. */
  termId(term: string): number | undefined {
    return this.store.id(term);
  }

  /**
   * Per term id: its place when the vocabulary is ordered rarest first (fewest documents, ties by
   * id) — an order for comparing sets of terms by their rarest words first. Made on first use (a few
   * milliseconds for a vocabulary of 770,000), again after documents are added.
   */
  rarityRanks(): Uint32Array {
    return (this.ranks ??= this.store.rarityRanks());
  }

  /** In how many documents the analyzed term occurs, in any field; 0 when unknown. */
  documentFrequency(term: string): number {
    return this.store.documentFrequency(term);
  }

  /**
   * BM25's inverse document frequency, ln(1 + (N − df + 0.5)/(df + 0.5)), over all fields; 0 for a
   * term in no document. (minisearch scores each field with that field's own df.)
   */
  idf(term: string): number {
    const df = this.store.documentFrequency(term);
    if (df === 0) return 0;
    return Math.log(1 + (this.store.documentCount - df + 0.5) / (df + 0.5));
  }

  /** The analyzed term sequence of a document's main field, stop words removed; empty for an unknown id. */
  termsOf(id: string): string[] {
    const sequence = this.store.sequence(id);
    return sequence ? Array.from(sequence.ids, (t) => this.store.term(t)) : [];
  }

  /** Analyzes free text into a plan: distinct terms at weight 1, runs of adjacent terms as phrases. */
  plan(text: string): QueryPlan {
    return planQuery(text);
  }

  /** Ranks documents for a plan: at most `limit` hits, best first. */
  search(plan: QueryPlan, options: SearchOptions = {}): Hit[] {
    const limit = options.limit ?? 10;
    if (limit <= 0) return [];
    const terms = new Map<string, QueryTerm>();
    for (const qt of plan.terms) {
      if (!qt.term || !(qt.weight > 0)) continue;
      const prior = terms.get(qt.term);
      const fuzzy = Boolean(qt.fuzzy || prior?.fuzzy);
      terms.set(qt.term, { term: qt.term, weight: Math.max(qt.weight, prior?.weight ?? 0), fuzzy });
    }
    const leaves = this.resolve(terms);
    if (leaves.length === 0) return [];
    const pool = Math.max(limit, this.candidates);
    let searched = leaves;
    let top = this.retrieve(leaves, pool, options.filter);
    if (this.feedback && top.length > 0) top = this.retrieve((searched = this.expand(leaves, top, this.feedback)), pool, options.filter);
    const searchedTerms = new Set<string>();
    for (const leaf of searched) searchedTerms.add(leaf.term);
    this.rerank(top, plan, terms, searchedTerms);
    const sourceOf = new Map<string, string | null>();
    for (const leaf of leaves) sourceOf.set(leaf.term, leaf.source);
    // Documents that matched the same terms share one array of them (see retrieveCompact), and so one of their sources.
    const sources = new Map<readonly string[], string[]>();
    return top.slice(0, limit).map((doc) => {
      let matched = sources.get(doc.terms);
      if (!matched) {
        matched = [];
        for (const term of doc.terms) {
          const source = sourceOf.get(term);
          if (source && !matched.includes(source)) matched.push(source);
        }
        sources.set(doc.terms, matched);
      }
      return { id: doc.id, ordinal: doc.ordinal, score: doc.score, matched };
    });
  }

  /** Plan terms → leaves: known terms as they are; near spellings for unknown or `fuzzy` ones. */
  private resolve(terms: ReadonlyMap<string, QueryTerm>): Leaf[] {
    const leaves = new Map<string, Leaf>();
    const put = (leaf: Leaf) => {
      const prior = leaves.get(leaf.term);
      if (!prior || leaf.weight > prior.weight) leaves.set(leaf.term, leaf);
    };
    for (const qt of terms.values()) {
      const known = this.has(qt.term);
      if (known) put({ term: qt.term, weight: qt.weight, source: qt.term });
      if ((known && !qt.fuzzy) || NUMBER.test(qt.term)) continue;
      for (const variant of fuzzyVariants(qt.term, known, this.finder, (t) => this.idf(t), this.fuzzy)) {
        if (terms.has(variant.term)) continue; // another plan term spells it exactly
        put({ term: variant.term, weight: qt.weight * variant.weight, source: qt.term });
      }
    }
    return [...leaves.values()];
  }

  /** BM25 over the leaves: the best `count` documents, without minisearch's coordination factor. */
  private retrieve(leaves: readonly Leaf[], count: number, filter?: (id: string) => boolean): Scored[] {
    if (!this.index) return this.retrieveCompact(leaves, count, filter);
    const query: QueryCombination = {
      combineWith: 'OR',
      queries: leaves.map((leaf) => ({ queries: [leaf.term], boostTerm: () => leaf.weight })),
    };
    const results = this.index.search(query, filter ? { filter: (r: SearchResult) => filter(String(r.id)) } : {});
    // minisearch multiplies each score by the number of query terms matched; on Cranfield that
    // costs 0.03 nDCG@10, so it is divided out.
    const scored = results.map((r) => {
      const id = String(r.id);
      return { id, ordinal: this.store.ordinal(id)!, score: r.score / Math.max(1, r.queryTerms.length), terms: r.queryTerms };
    });
    return topK(scored, count);
  }

  /** `retrieve` on the compact index: the same scores, without an object per matching document. */
  private retrieveCompact(leaves: readonly Leaf[], count: number, filter?: (id: string) => boolean): Scored[] {
    this.surfaces = null;
    this.postings.pack(this.store.termCount);
    const resolved: Array<{ id: number; weight: number; term: string }> = [];
    for (const leaf of leaves) {
      const id = this.store.id(leaf.term);
      if (id !== undefined) resolved.push({ id, weight: leaf.weight, term: leaf.term });
    }
    if (resolved.length === 0) return [];
    const store = this.store;
    // One array of terms per set of leaves matched, shared by the documents that matched it: most of a pool matched
    // one of a few sets, and an array each was a tenth of what a question allocated.
    const byMask = new Map<number, string[]>();
    const make = (doc: number, score: number, matched: number): Scored => {
      let terms = matched >= 0 ? byMask.get(matched) : undefined;
      if (!terms) {
        terms = matched >= 0 ? termsOfMask(resolved, matched) : resolved.filter((leaf) => this.postings.contains(leaf.id, doc)).map((leaf) => leaf.term);
        if (matched >= 0) byMask.set(matched, terms);
      }
      return { id: store.docId(doc), ordinal: doc, score, terms };
    };
    return this.postings.searchAs(make, resolved, this.boosts, this.bm25, count, this.documentOrder(), filter ? (doc) => filter(store.docId(doc)) : undefined);
  }

  /** RM3: the leaves reweighted and extended with terms of the best first-pass documents. */
  private expand(leaves: readonly Leaf[], ranked: readonly Scored[], options: FeedbackOptions): Leaf[] {
    const feedback = ranked.slice(0, options.docs).map((doc) => ({ sequence: this.store.sequenceAt(doc.ordinal), score: doc.score }));
    const original = new Map(leaves.map((leaf) => [leaf.term, leaf.weight]));
    const accept = (t: string) => !NUMBER.test(t) && t.length > 1;
    const mixed = expandQuery(original, feedback, (id) => this.store.term(id), options, accept);
    const sourceOf = new Map(leaves.map((leaf) => [leaf.term, leaf.source]));
    return [...mixed].map(([term, weight]) => ({ term, weight, source: sourceOf.get(term) ?? null }));
  }

  /** Adds the proximity bonus to each candidate and re-sorts them. */
  private rerank(pool: Scored[], plan: QueryPlan, terms: ReadonlyMap<string, QueryTerm>, searched: ReadonlySet<string>): void {
    if (!this.proximity || this.proximity.weight === 0 || plan.phrases.length === 0) return;
    const pairs: PhrasePair[] = [];
    // Term pairs a candidate must both have matched for a phrase bonus to be possible (when both were searched).
    const needs: Array<[string, string]> = [];
    let unsure = false;
    for (const phrase of plan.phrases) {
      for (let i = 0; i + 1 < phrase.length; i++) {
        const a = phrase[i] ?? '';
        const b = phrase[i + 1] ?? '';
        const first = this.store.id(a);
        const second = this.store.id(b);
        if (first === undefined || second === undefined) continue;
        const weight = Math.min(terms.get(a)?.weight ?? 1, terms.get(b)?.weight ?? 1);
        pairs.push({ first, second, weight: (weight * (this.idf(a) + this.idf(b))) / 2 });
        if (searched.has(a) && searched.has(b)) needs.push([a, b]);
        else unsure = true;
      }
    }
    if (pairs.length === 0) return;
    const index = pairIndex(pairs);
    const { ids, positions, starts } = this.store.sequences();
    for (const doc of pool) {
      if (!unsure && !matchedAnyPair(doc.terms, needs)) continue;
      doc.score += proximityBonus(ids, positions, starts[doc.ordinal]!, starts[doc.ordinal + 1]!, index, this.proximity);
    }
    // By score, equal scores in id order (`byScore`'s order, by the saved rank rather than by comparing ids).
    const order = this.documentOrder();
    pool.sort((a, b) => b.score - a.score || order[a.ordinal]! - order[b.ordinal]!);
  }
}

/** True when `terms` hold both terms of one of `pairs`. (A loop: a closure per document reranked added up.) */
function matchedAnyPair(terms: readonly string[], pairs: ReadonlyArray<readonly [string, string]>): boolean {
  for (const pair of pairs) if (terms.includes(pair[0]) && terms.includes(pair[1])) return true;
  return false;
}

/** The terms of the leaves whose bits are set in `mask`. */
function termsOfMask(leaves: ReadonlyArray<{ term: string }>, mask: number): string[] {
  const terms: string[] = [];
  for (let k = 0; k < leaves.length; k++) if (mask & (1 << k)) terms.push(leaves[k]!.term);
  return terms;
}
