/**
 * Nearest ids for an id that matched nothing: ids that start with what was typed first, then the ids
 * fewest edits away.
 */

/** Levenshtein distance, stopping early (returning `max + 1`) once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Longest query compared by edit distance; longer input is cut (it matches nothing anyway). */
const MAX_QUERY = 64;

/**
 * The candidates nearest to `query`, best first, at most `limit`. Both are compared in canonical form
 * (`normalizeId`). A candidate qualifies when one starts with the other, when it contains a query of
 * three or more characters ("12636" → CDNW12636), or when it is at most half the query's length (and
 * at least 2) edits away.
 */
export function nearest(query: string, candidates: ReadonlyArray<{ id: string; key: string }>, limit: number): string[] {
  const q = query.slice(0, MAX_QUERY);
  if (q === '') return [];
  const budget = Math.max(2, Math.floor(q.length / 2));
  return candidates
    .map(({ id, key }) => {
      const prefix = key.startsWith(q) || q.startsWith(key) || (q.length >= 3 && key.includes(q));
      const distance = prefix ? 0 : editDistance(q, key, budget);
      return { id, prefix, distance, shared: sharedPrefix(q, key) };
    })
    .filter((c) => c.prefix || c.distance <= budget)
    .sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.distance - b.distance || b.shared - a.shared || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((c) => c.id);
}
