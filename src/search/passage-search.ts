import type { Corpus, DocumentMeta, Passage } from '../corpus/types.js';
import { SearchEngine, type EngineOptions } from './engine.js';
import type { AnalyzedQuery } from './query-types.js';
import { analyzeTermsFast } from './engine-analyze.js';
import { BoundedMap } from '../util/bounded-map.js';
import { NearDuplicates } from './near-duplicates.js';
import type { NearWords } from './engine-fuzzy.js';
import { Lexicon, type LexiconOptions } from '../lexicon/lexicon.js';
import { wordNet } from '../lexicon/wordnet.js';

/** Passages whose term sets are kept at a time: a few hundred queries' worth of hits. */
const PASSAGE_CACHE_MAX = 20_000;

/** How passages are indexed and ranked. */
export interface PassageSearchOptions {
  /** Field boosts: the passage text, its section heading, its document title. Default { text: 1, heading: 0.6, title: 0.3 }. */
  boosts?: Record<'text' | 'heading' | 'title', number>;
  /** Score multiplier for reader comments, which rank below a document's own text that says as much. Default 0.7. */
  commentWeight?: number;
  /** Two results whose term sets overlap at least this much (Jaccard, above 0 and at most 1) are near-duplicates; the lower goes. Default 0.6. */
  duplicateOverlap?: number;
  /** Engine options beyond fields and boosts (BM25, proximity, fuzzy…). Default: the engine's. */
  engine?: Omit<EngineOptions, 'fields' | 'boosts'>;
  /**
   * Related words from WordNet for the question's words the corpus words differently, built with the
   * index (see `Lexicon`); `false` for none. Default `DEFAULT_LEXICON` (synonyms and derivations).
   */
  lexicon?: boolean | LexiconOptions;
}

export const DEFAULT_PASSAGE_SEARCH = {
  boosts: { text: 1, heading: 0.6, title: 0.3 },
  commentWeight: 0.7,
  duplicateOverlap: 0.6,
} as const;

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Query terms (the user's and expansions) found in the passage. */
  matched: readonly string[];
}

/** The corpus's passages in a search engine, ranked for a study group's questions. */
export class PassageSearch {
  readonly engine: SearchEngine;
  private readonly corpus: Corpus;
  /** Score multiplier of reader comments (see `PassageSearchOptions.commentWeight`). */
  readonly commentWeight: number;
  /** Term sets of recently searched passages (see `termsOf`). */
  private readonly termSets = new BoundedMap<string, Set<string>>(PASSAGE_CACHE_MAX);
  /** `termsOf` as the engine's rarity ranks of its terms, ascending, for telling near-duplicates apart (cached). */
  private readonly termRanks = new BoundedMap<string, Uint32Array>(PASSAGE_CACHE_MAX);
  private readonly maxIdf: number;
  /** The passages a search has kept so far, for telling near-duplicates apart (see `search`). */
  private readonly kept: NearDuplicates;
  /** Related words for the question's words, restricted to this index's vocabulary. */
  readonly lexicon: Lexicon;

  /**
   * Indexes the corpus's passages, or takes `prebuilt`, an engine over them built earlier with the
   * same options (a saved index), and `lexicon`, its lexicon (else built from WordNet).
   */
  constructor(corpus: Corpus, options: PassageSearchOptions = {}, build: { prebuilt?: SearchEngine; lexicon?: Lexicon | null } = {}) {
    this.corpus = corpus;
    this.commentWeight = options.commentWeight ?? DEFAULT_PASSAGE_SEARCH.commentWeight;
    this.kept = new NearDuplicates(options.duplicateOverlap ?? DEFAULT_PASSAGE_SEARCH.duplicateOverlap);
    if (build.prebuilt) {
      if (build.prebuilt.documentCount !== corpus.passages.length) throw new Error('PassageSearch: the prebuilt engine does not index this corpus');
      this.engine = build.prebuilt;
    } else {
      this.engine = new SearchEngine(passageEngineOptions(options));
      this.engine.addAll(corpus.passages.map((p) => indexedPassage(p, corpus.documentById.get(p.docId)?.meta)));
    }
    this.lexicon = build.lexicon ?? buildLexicon(this.engine, options.lexicon);
    const n = this.engine.documentCount;
    this.maxIdf = 1.5 * Math.log(1 + (n - 1 + 0.5) / 1.5);
  }

  /** The analyzed terms of the passage's text and heading, and of its document's title, kind and author (cached). */
  termsOf(passageId: string): Set<string> {
    return this.termSets.getOr(passageId, this.makeTermSet);
  }

  private readonly makeTermSet = (passageId: string): Set<string> => {
    const passage = this.corpus.passageById.get(passageId);
    const context = passage ? `${passage.heading ?? ''} ${documentLine(this.corpus, passage.docId)}` : '';
    return new Set([...this.engine.termsOf(passageId), ...analyzeTermsFast(context)]);
  };

  /**
   * How much finding a term says: its IDF; a term no passage holds weighs half as much again as the
   * rarest term, so that words the corpus never uses count heavily against an answer.
   */
  termWeight(term: string): number {
    return this.engine.has(term) ? this.engine.idf(term) : this.maxIdf;
  }

  /**
   * The words of the index within two edits of `term`, with their distances, `term` itself (at 0)
   * when indexed: every near spelling a passage can hold, as passages hold only indexed words.
   */
  nearWords(term: string): NearWords {
    const near = this.engine.nearTerms(term, 2);
    return this.engine.has(term) ? [{ term, distance: 0 }, ...near] : near;
  }

  /** Ranked, distinct passages for an analyzed query, reader comments weighted down. */
  search(query: AnalyzedQuery, limit = 10): PassageHit[] {
    if (!query.plan.terms.length || limit <= 0) return [];
    const hits = this.engine.search(query.plan, { limit: limit * 3 + 5 });
    // Each hit's passage and score (a reader comment's weighted down), and the order they rank in: a hit is made only
    // for the passages kept, not for the two thirds of the pool a near-duplicate or the limit leaves out.
    const passages: Passage[] = [];
    const scores: number[] = [];
    const order: number[] = [];
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i]!;
      // The engine indexed the corpus's passages in order: the hit's ordinal finds its passage
      // without a lookup in a map of every passage (slow at a few hundred thousand).
      const at = this.corpus.passages[hit.ordinal];
      const passage = at?.id === hit.id ? at : this.corpus.passageById.get(hit.id)!;
      passages.push(passage);
      scores.push(passage.comment ? hit.score * this.commentWeight : hit.score);
      order.push(i);
    }
    // Equal scores keep the engine's order.
    order.sort((a, b) => scores[b]! - scores[a]! || a - b);
    const kept: PassageHit[] = [];
    this.kept.clear();
    for (const i of order) {
      const passage = passages[i]!;
      const ranks = this.termRanks.getOr(passage.id, this.makeTermRanks);
      if (this.kept.matches(ranks)) continue;
      kept.push({ passage, score: scores[i]!, matched: hits[i]!.matched });
      this.kept.add(ranks);
      if (kept.length === limit) break;
    }
    return kept;
  }

  private readonly makeTermRanks = (passageId: string): Uint32Array => {
    const ranks = this.engine.rarityRanks();
    const known: number[] = [];
    for (const term of this.termsOf(passageId)) {
      const id = this.engine.termId(term);
      if (id !== undefined) known.push(ranks[id]!);
    }
    return Uint32Array.from(known).sort();
  };
}

/** The lexicon of an engine's vocabulary, as `PassageSearchOptions.lexicon` asks. */
export function buildLexicon(engine: SearchEngine, options: PassageSearchOptions['lexicon'] = true): Lexicon {
  if (options === false) return new Lexicon();
  return Lexicon.build(wordNet(), (term) => engine.has(term), options === true ? {} : options);
}

/** The engine options a PassageSearch with these options indexes with. */
export function passageEngineOptions(options: PassageSearchOptions = {}): EngineOptions {
  return { ...options.engine, fields: ['text', 'heading', 'title'], boosts: { ...DEFAULT_PASSAGE_SEARCH.boosts, ...options.boosts } };
}

/** A passage as the engine indexes it: its text, its heading, and its document's title, kind and author. */
export function indexedPassage(passage: Passage, meta: DocumentMeta | undefined): { id: string; text: string; heading: string; title: string } {
  return { id: passage.id, text: passage.text, heading: passage.heading ?? '', title: metaLine(meta) };
}

/** What the document field indexes: the title, kind and author of the passage's document. */
function documentLine(corpus: Corpus, docId: string): string {
  return metaLine(corpus.documentById.get(docId)?.meta);
}

function metaLine(meta: DocumentMeta | undefined): string {
  return meta ? [meta.title, meta.kind, meta.author ?? ''].join(' — ') : '';
}
