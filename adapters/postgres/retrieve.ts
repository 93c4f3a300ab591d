/**
 * One question against the database, in two round trips: (1) the statistics of the question's words —
 * which the corpus knows, their document frequencies, and the indexed words near each (pg_trgm
 * candidates, kept when within two edits) — and of the words its typos of swapped letters may be read
 * as (`respellLookups`: one more round trip for the words such a reading brings); (2) the ranked passages. The question is analyzed here by
 * the project's own analyzer and alias table (`analyzeQuery`), and misspelt words get near spellings
 * by the engine's own rule (`fuzzyVariants`), before anything is sent; with a lexicon (the related
 * words of the serving core's saved index), its words are expanded as in memory. The candidates are
 * found in SQL: for each query term (and each phrase), `ts_rank_cd` over the weighted `tsvector` (text
 * 1, heading 0.6, title 0.3; length-normalized) times the term's weight and IDF, summed. They are then
 * ranked by BM25 over their fields as the in-memory engine ranks (`fieldBm25`, bm25.ts): ranked by
 * `ts_rank_cd`, whose cover density rewards a passage for holding a few of the words close together
 * rather than for holding the rare ones, the students' questions had found the answer first 0.878
 * of the time against the engine's 0.921 (now 0.909). Near-duplicate passages are then left out as
 * the in-memory search does (the lower of two whose words overlap by 0.6).
 */
import { distance } from 'fastest-levenshtein';
import type { PoolClient } from 'pg';
import type { Passage } from '../../src/corpus/types.js';
import type { AliasTable } from '../../src/search/aliases.js';
import { fuzzyVariants, type NearWords } from '../../src/search/engine-fuzzy.js';
import type { PassageHit } from '../../src/search/passage-search.js';
import { analyzeQuery, type QueryContext } from '../../src/search/query.js';
import type { AnalyzedQuery } from '../../src/search/query-types.js';
import { NearDuplicates } from '../../src/search/near-duplicates.js';
import { respellLookups } from '../../src/search/transposed.js';
import { shorthandLookups } from '../../src/search/shorthand.js';
import { readsSpellings } from '../../src/search/name-spellings.js';
import { DEFAULT_PASSAGE_SEARCH } from '../../src/search/passage-search.js';
import { fieldBm25, type Field, type FieldLengths, type WeightedTerm } from './bm25.js';

/** What the answer code reads about one term (see `Retrieved.terms`). */
export interface TermStats {
  /** Whether any passage holds the term. */
  known: boolean;
  /** Its IDF; for a term no passage holds, half as much again as the rarest term's (as the in-memory search). */
  weight: number;
  /**
   * Indexed words within two edits, with their distances. For a word the corpus does not know (of 4
   * letters or more), its near spellings; for a known word, itself at 0 only — unlike the in-memory
   * `nearWords`, which also lists a known word's neighbours: looking those up for every word of every
   * question cost ~70 ms a question on 10 MB of records, and typo handling applies to unknown words.
   */
  near: NearWords;
}

/** Everything the answer code needs about one question, after one await. */
export interface Retrieved {
  /** The question analyzed against this corpus's vocabulary (aliases expanded, unknown stems also searched as typed). */
  query: AnalyzedQuery;
  /** The best passages, best first: the score (reader comments weighted down) and the plan terms each holds. */
  hits: PassageHit[];
  /** Every plan term and every concept's term and surface: known, weight (IDF), near words. */
  terms: ReadonlyMap<string, TermStats>;
  /** Each hit's analyzed terms (text, heading, document title line), by passage id. */
  termsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** The weight of a term no passage holds (what `weight` is for a term missing from `terms`). */
  unknownWeight: number;
  /** Passages in the corpus now. */
  passageCount: number;
}

/** ts_rank_cd weights, in PostgreSQL's order {D, C, B, A}: title line 0.3, heading 0.6, text 1. */
const RANK_WEIGHTS = '{0.1,0.3,0.6,1.0}';
/** A phrase of the question found together adds half its words' mean weight. */
const PHRASE_WEIGHT = 0.5;

const noRelated: RelatedWords = () => [];

/** Related words of a question's words (a lexicon's `related`), restricted to the corpus. */
export type RelatedWords = NonNullable<QueryContext['related']>;

export async function retrieve(client: PoolClient, question: string, limit: number, aliases: AliasTable | null, commentWeight: number, related?: RelatedWords): Promise<Retrieved> {
  // The lexicon's related words are looked up with the question's own (their statistics are needed too), and the
  // words a typo of swapped letters may be read as ("presdient" → "president") and its shorthand, for `respell` and
  // `readShorthand` to know them.
  const first = analyzeQuery(question, aliases, related ? { related } : {});
  const lookup = wordsRead(first);
  // (Only whether the corpus holds those: their near spellings are no word of the question, and a trigram search each
  // had doubled a question's time on 107 MB of records.)
  const exact = [...respellLookups(question), ...shorthandLookups(question)].filter((t) => !lookup.has(t));
  // A name's other spellings in the corpus are read from the words near it, though the corpus holds it (`nameSpellings`).
  const names = first.concepts.filter(readsSpellings).map((c) => c.term);
  const stats = await wordStats(client, [...lookup], exact, names);
  const { n, df, nearOf } = stats;
  const idfOf = (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const maxIdf = 1.5 * idfOf(1);
  const known = (term: string) => df.has(term);
  const weight = (term: string) => (known(term) ? idfOf(df.get(term)!) : maxIdf);
  // (Without a lexicon, `respell` still reads a typo for a word the corpus holds.)
  const context = { known, related: related ?? noRelated, near: (term: string) => nearOf.get(term) ?? [], weight };
  let query = analyzeQuery(question, aliases, context);
  // A typo read as another word brings that word's aliases and relatives, which were not looked up: one round trip more.
  const more = query.readAs ? [...wordsRead(query)].filter((t) => !lookup.has(t)) : [];
  if (more.length) {
    const added = await wordStats(client, more);
    for (const [word, count] of added.df) df.set(word, count);
    for (const [word, near] of added.nearOf) nearOf.set(word, near);
    for (const t of more) lookup.add(t);
    query = analyzeQuery(question, aliases, context);
  }
  const terms = new Map<string, TermStats>();
  // (With the other spellings of its names the analysis searches.)
  for (const term of new Set([...lookup, ...wordsRead(query)])) {
    const near = (nearOf.get(term) ?? []).sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : 1));
    terms.set(term, { known: known(term), weight: weight(term), near: known(term) ? [{ term, distance: 0 }] : near });
  }

  if (!query.plan.terms.length || limit <= 0 || n === 0) return { query, hits: [], terms, termsOf: new Map(), unknownWeight: maxIdf, passageCount: n };
  // What is sent: each plan term at its weight × IDF; near spellings of unknown terms (credited to the
  // term, as the in-memory engine does); each phrase of the question.
  const credited: string[] = [];
  const weights: number[] = [];
  const lexemes: string[] = [];
  // What BM25 weighs: each term searched (a near spelling for an unknown word) at its weight × IDF.
  const ranked: WeightedTerm[] = [];
  const finder = { nearTerms: (term: string, max: number) => (nearOf.get(term) ?? []).filter((v) => v.distance <= max) };
  const add = (credit: string, w: number, term: string) => {
    credited.push(credit);
    weights.push(w);
    lexemes.push(tsLexeme(term));
    ranked.push({ term, weight: w });
  };
  for (const t of query.plan.terms) {
    if (known(t.term)) add(t.term, t.weight * weight(t.term), t.term);
    else for (const v of fuzzyVariants(t.term, false, finder, weight)) add(t.term, t.weight * v.weight * weight(v.term), v.term);
  }
  for (const phrase of query.plan.phrases) {
    if (!phrase.every(known)) continue;
    const mean = phrase.reduce((sum, term) => sum + weight(term), 0) / phrase.length;
    credited.push('');
    weights.push(PHRASE_WEIGHT * mean);
    lexemes.push(phrase.map(tsLexeme).join(' <-> '));
  }
  const single = lexemes.filter((l) => !l.includes('<->'));
  if (!single.length) return { query, hits: [], terms, termsOf: new Map(), unknownWeight: maxIdf, passageCount: n };
  const found = await client.query<{ id: string; passage: Passage; terms: string[]; is_comment: boolean; matched: string[] | null } & Record<`${Field}_terms`, string>>(
    // Every matching passage is scored, the best kept; only those are then read whole (their JSON, terms, matches).
    `with q as (select t, w, to_tsquery('backchannel_terms', l) as tq from unnest($1::text[], $2::float8[], $3::text[]) as u(t, w, l)),
     top as (select p.ordinal, (select sum(q.w * ts_rank_cd('${RANK_WEIGHTS}', p.tsv, q.tq, 1)) from q where p.tsv @@ q.tq) as score
             from passages p where p.tsv @@ to_tsquery('backchannel_terms', $4)
             order by score desc, p.ordinal limit $5)
     select p.id, p.passage, p.terms, p.is_comment, p.text_terms, p.heading_terms, p.title_terms,
       (select array_agg(distinct q.t) from q where q.t <> '' and p.tsv @@ q.tq) as matched
     from top join passages p using (ordinal)
     order by top.score desc, p.ordinal`,
    [credited, weights, lexemes, single.join(' | '), limit * 3 + 5],
  );
  const bm25 = fieldBm25(ranked, stats.lengths, found.rows);
  const scored = found.rows
    .map((row, i) => ({ passage: row.passage, score: row.is_comment ? bm25[i]! * commentWeight : bm25[i]!, matched: row.matched ?? [], terms: row.terms }))
    .sort((a, b) => b.score - a.score);
  const hits = distinct(scored, limit);
  const termsOf = new Map(found.rows.map((row) => [row.id, new Set(row.terms)] as const));
  return { query, hits, terms, termsOf, unknownWeight: maxIdf, passageCount: n };
}

/** The words an analysis of a question reads the statistics of: its concepts' terms and surfaces, and the terms it searches. */
function wordsRead(query: AnalyzedQuery): Set<string> {
  const words = new Set<string>();
  for (const c of query.concepts) words.add(c.term).add(c.surface);
  for (const t of query.plan.terms) words.add(t.term);
  return words;
}

/**
 * What the database knows of some words: the corpus's size and field lengths, each word's document
 * frequency, and the indexed words within two edits of each of `words` it lacks or that is one of
 * `names` (with theirs); of `exact`, only their document frequencies.
 */
interface WordStats {
  n: number;
  lengths: FieldLengths | null;
  df: Map<string, number>;
  nearOf: Map<string, Array<{ term: string; distance: number }>>;
}

async function wordStats(client: PoolClient, words: string[], exact: string[] = [], names: string[] = []): Promise<WordStats> {
  const { rows } = await client.query<{ n: number | null; lengths: FieldLengths | null; df: Record<string, number>; near: Array<[string, string, number]> }>(
    `with known as (select word, df from vocabulary where word = any($1::text[]) or word = any($2::text[]))
     select (select passages from corpus_state) as n,
       (select json_build_object('text', text_length, 'heading', heading_length, 'title', title_length) from corpus_state) as lengths,
       coalesce((select json_object_agg(word, df) from known), '{}') as df,
       coalesce((select json_agg(json_build_array(q.term, v.word, v.df)) from unnest($1::text[]) as q(term)
         cross join lateral (select word, df from vocabulary v where v.word % q.term and v.word <> q.term
                             order by similarity(v.word, q.term) desc limit 30) v
         where length(q.term) >= 4 and (q.term not in (select word from known) or q.term = any($3::text[]))), '[]') as near`,
    [words, exact, names],
  );
  const df = new Map(Object.entries(rows[0]?.df ?? {}));
  const nearOf = new Map<string, Array<{ term: string; distance: number }>>();
  for (const [term, word, count] of rows[0]?.near ?? []) {
    const d = distance(term, word);
    if (d > 2) continue;
    (nearOf.get(term) ?? nearOf.set(term, []).get(term)!).push({ term: word, distance: d });
    df.set(word, count);
  }
  return { n: rows[0]?.n ?? 0, lengths: rows[0]?.lengths ?? null, df, nearOf };
}

/**
 * The best `limit` hits, each unless its words overlap a better one's by the in-memory search's
 * threshold (Jaccard 0.6 over the passages' analyzed terms, heading and document line included).
 */
function distinct(ranked: Array<PassageHit & { terms: string[] }>, limit: number): PassageHit[] {
  const kept = new NearDuplicates(DEFAULT_PASSAGE_SEARCH.duplicateOverlap);
  const ids = new Map<string, number>();
  const idOf = (term: string) => ids.get(term) ?? ids.set(term, ids.size).get(term)!;
  const out: PassageHit[] = [];
  for (const { terms, ...hit } of ranked) {
    const set = Uint32Array.from(new Set(terms.filter(Boolean).map(idOf))).sort();
    if (kept.matches(set)) continue;
    out.push(hit);
    kept.add(set);
    if (out.length === limit) break;
  }
  return out;
}

/** A term as a tsquery operand, quoted so that nothing in it is read as an operator. */
export function tsLexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
