/**
 * Cable ids as the corpus writes them ("CDNW12636", "CDNW12636.pdf") and as people type them
 * ("cdnw 12636"), and the places a text cites one.
 */
import type { CableRow } from '../corpus/types.js';

/** A cable id in running text: letters then digits, as the digest writes them. */
const CABLE_ID = /\b(CDNW)[\s-]?(\d{3,8})\b/gi;

/**
 * The canonical form of a source id for comparison: upper case, with everything but letters and
 * digits removed ("cdnw 12636" → "CDNW12636", "back-channel-summary" → "BACKCHANNELSUMMARY").
 */
export function normalizeId(id: string): string {
  return id.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/** A cable id found in a text. */
export interface CableMention {
  /** Canonical id: `CDNW12636`. */
  id: string;
  start: number;
  end: number;
}

/** Every cable id cited in `text`, in order. */
export function findCableIds(text: string): CableMention[] {
  const out: CableMention[] = [];
  CABLE_ID.lastIndex = 0;
  for (let m = CABLE_ID.exec(text); m; m = CABLE_ID.exec(text))
    out.push({ id: `${m[1]!.toUpperCase()}${m[2]}`, start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * True when `sentence` is (or contains) a row of a cable table, or the table's header: a row lists
 * a cable, it does not cite it.
 */
export function isCableTableText(sentence: string, rows: readonly CableRow[]): boolean {
  if (/^\s*Item\s+Date\s+From\s+To\s+Number\b/i.test(sentence)) return true;
  return rows.some((row) => sentence.includes(row.item) && sentence.includes(row.rawDate));
}

/** Every cable row of the corpus by canonical id. */
export function cableIndex(rows: Iterable<CableRow>): Map<string, CableRow> {
  const index = new Map<string, CableRow>();
  for (const row of rows) index.set(normalizeId(row.id), row);
  return index;
}
