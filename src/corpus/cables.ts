import type { CableRow } from './types.js';
import type { Paragraph } from './paragraphs.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "CDNW12597.pdf 7-Nov-62 LDN EXTERNAL 3969" */
const ROW = /^([A-Z]{2,8}\d{3,8})(\.\w{2,4})?\s+(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})\s+(\S+)\s+(\S+)\s+(\S+)$/;

/**
 * Parses the cable tables (Item, Date, From, To, Number) into rows. Two-digit years are read as
 * 19xx, as in the 1962 digest. Lines that are not rows are returned as problems, not guessed at.
 */
export function parseCableTables(docId: string, paragraphs: Paragraph[]): { rows: CableRow[]; problems: Array<{ line: number; message: string }> } {
  const rows: CableRow[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  let heading: string | null = null;
  for (const p of paragraphs) {
    if (p.role === 'heading') heading = p.text;
    if (p.role !== 'table') continue;
    for (const { text, line } of p.rows ?? []) {
      const m = ROW.exec(text);
      const month = m ? MONTHS.indexOf(m[4]!.toLowerCase()) : -1;
      if (!m || month < 0) {
        problems.push({ line, message: `not a cable row: ${text}` });
        continue;
      }
      const year = m[5]!.length === 2 ? `19${m[5]}` : m[5]!;
      rows.push({
        id: m[1]!,
        item: m[1]! + (m[2] ?? ''),
        date: `${year}-${String(month + 1).padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
        rawDate: `${m[3]}-${m[4]}-${m[5]}`,
        from: m[6]!,
        to: m[7]!,
        number: m[8]!,
        docId,
        heading,
        line,
      });
    }
  }
  return { rows, problems };
}
