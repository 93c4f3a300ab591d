/**
 * The Cranfield collection (1,400 aeronautics abstracts, 225 queries, graded judgments): parsers
 * for its three files, and the two measures the yardstick reports, nDCG@k and average precision.
 */
import { resolve } from 'node:path';
import { packageRoot } from '../src/util/find-up.js';

/** One document of cran.all.1400. */
export interface CranDocument {
  /** The `.I` number, as a string. */
  id: string;
  /** `.T` */
  title: string;
  /** `.A` */
  author: string;
  /** `.B`: where it was published. */
  source: string;
  /** `.W`: the abstract (it repeats the title). */
  text: string;
}

/** One query of cran.qry. */
export interface CranQuery {
  /** 1-based position in the file, as a string: what cranqrel calls the query (NOT the `.I` number). */
  id: string;
  /** The `.I` number as the file writes it ("001"). */
  number: string;
  text: string;
}

/** query id → document id → grade (1 = most relevant … 4 = least, −1 = not relevant). */
export type Qrels = Map<string, Map<string, number>>;

const FIELD_OF: Record<string, 'title' | 'author' | 'source' | 'text'> = {
  '.T': 'title',
  '.A': 'author',
  '.B': 'source',
  '.W': 'text',
};

/**
 * Splits a SMART-format file into records: `.I n` starts one, `.T`/`.A`/`.B`/`.W` lines start a
 * field, other lines belong to the field they follow. A field marked twice (the file has a few
 * such corruptions) gets both parts, in order.
 */
function records(text: string): Array<{ number: string; fields: Record<string, string> }> {
  const out: Array<{ number: string; lines: Record<string, string[]> }> = [];
  let current: { number: string; lines: Record<string, string[]> } | undefined;
  let field: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const marker = /^\.([ITABW])(?:\s+(.*))?$/.exec(line);
    if (marker?.[1] === 'I') {
      current = { number: (marker[2] ?? '').trim(), lines: {} };
      out.push(current);
      field = undefined;
    } else if (marker) {
      field = FIELD_OF[`.${marker[1]}`];
      if (current && field && marker[2]) (current.lines[field] ??= []).push(marker[2]);
    } else if (current && field) {
      (current.lines[field] ??= []).push(line);
    }
  }
  return out.map(({ number, lines }) => ({
    number,
    fields: Object.fromEntries(Object.entries(lines).map(([key, value]) => [key, value.join('\n').trim()])),
  }));
}

/** Parses cran.all.1400. */
export function parseDocuments(text: string): CranDocument[] {
  return records(text).map(({ number, fields }) => ({
    id: number,
    title: fields['title'] ?? '',
    author: fields['author'] ?? '',
    source: fields['source'] ?? '',
    text: fields['text'] ?? '',
  }));
}

/** Parses cran.qry; ids are the 1-based order in the file, as cranqrel uses them. */
export function parseQueries(text: string): CranQuery[] {
  return records(text).map(({ number, fields }, index) => ({ id: String(index + 1), number, text: fields['text'] ?? '' }));
}

/** Parses cranqrel: `query doc grade` lines. */
export function parseQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of text.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 3) continue;
    const [query = '', doc = '', grade = ''] = parts;
    const value = Number(grade);
    if (!Number.isFinite(value)) continue;
    let judged = qrels.get(query);
    if (!judged) qrels.set(query, (judged = new Map()));
    judged.set(doc, value);
  }
  return qrels;
}

/** Graded gain used by nDCG: 5 − grade for grades 1–4 (so 4, 3, 2, 1), 0 otherwise (−1, unjudged). */
export function gain(grade: number | undefined): number {
  return grade !== undefined && grade >= 1 && grade <= 4 ? 5 - grade : 0;
}

/** Relevant for MAP: grades 1–4. */
export function isRelevant(grade: number | undefined): boolean {
  return gain(grade) > 0;
}

/**
 * nDCG@k with linear gains (see `gain`) and log2(rank + 1) discount. The ideal ranking orders all
 * judged documents by gain. Returns null when the query has no relevant document.
 */
export function ndcgAt(ranking: readonly string[], judged: ReadonlyMap<string, number>, k: number): number | null {
  const discount = (rank: number) => 1 / Math.log2(rank + 2);
  const ideal = [...judged.values()].map(gain).filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, g, rank) => sum + g * discount(rank), 0);
  if (idcg === 0) return null;
  const dcg = ranking.slice(0, k).reduce((sum, doc, rank) => sum + gain(judged.get(doc)) * discount(rank), 0);
  return dcg / idcg;
}

/**
 * Average precision: the mean, over all relevant documents, of the precision at the rank where
 * each is retrieved (0 for those never retrieved). Returns null when nothing is relevant.
 */
export function averagePrecision(ranking: readonly string[], judged: ReadonlyMap<string, number>): number | null {
  const relevant = [...judged.values()].filter(isRelevant).length;
  if (relevant === 0) return null;
  let found = 0;
  let sum = 0;
  ranking.forEach((doc, rank) => {
    if (!isRelevant(judged.get(doc))) return;
    found += 1;
    sum += found / (rank + 1);
  });
  return sum / relevant;
}

/** Mean nDCG@10 and MAP of a run over the queries that have relevant documents. */
export interface RunScore {
  ndcg10: number;
  map: number;
  /** How many queries were averaged. */
  queries: number;
}

/** Scores a run: query id → ranked document ids. Queries without relevant judgments are skipped. */
export function scoreRun(run: ReadonlyMap<string, readonly string[]>, qrels: Qrels): RunScore {
  let ndcg = 0;
  let ap = 0;
  let queries = 0;
  for (const [query, judged] of qrels) {
    const ranking = run.get(query) ?? [];
    const n = ndcgAt(ranking, judged, 10);
    const a = averagePrecision(ranking, judged);
    if (n === null || a === null) continue;
    ndcg += n;
    ap += a;
    queries += 1;
  }
  return queries === 0 ? { ndcg10: 0, map: 0, queries } : { ndcg10: ndcg / queries, map: ap / queries, queries };
}

/** The nearest directory at or above `start` holding a package.json. */
export function findRepoRoot(start: string): string {
  const root = packageRoot(resolve(start));
  if (root === undefined) throw new Error(`No package.json at or above ${start}`);
  return root;
}
