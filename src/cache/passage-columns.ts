/**
 * The passages of a saved index as columns: their numbers in typed arrays, their headings as a table
 * of distinct strings, their rare reader comments as a list, their ids and document ids not at all
 * (each is `<docId>#p<n>`, its document's). As JSON rows, the 107 MB corpus's 269,316 passages took
 * 45.6 MB and 0.67 s of a load to decode and parse.
 */
import type { CommentInfo, CorpusDocument, Passage } from '../corpus/types.js';

/** What the columns leave to the index's JSON: the distinct headings and the comments, by passage. */
export interface PassageTable {
  headings: string[];
  comments: Array<[number, CommentInfo]>;
}

/** The columns, one entry per passage: heading (0: none, else 1 + its index in `headings`), n, paragraph, line, page (0: none). */
export interface PassageColumns {
  passageHeading: Uint32Array;
  passageN: Uint32Array;
  passageParagraph: Uint32Array;
  passageLine: Uint32Array;
  passagePage: Uint32Array;
}

/** Every field of a passage; one the columns do not know would be lost, so encoding refuses it. */
const FIELDS = new Set(['id', 'docId', 'n', 'heading', 'text', 'sentences', 'paragraph', 'line', 'page', 'comment']);

/** The passages, in corpus order, as columns and a table. Throws on a passage the columns cannot hold. */
export function encodePassages(documents: readonly CorpusDocument[], count: number): { table: PassageTable; columns: PassageColumns } {
  const columns: PassageColumns = {
    passageHeading: new Uint32Array(count),
    passageN: new Uint32Array(count),
    passageParagraph: new Uint32Array(count),
    passageLine: new Uint32Array(count),
    passagePage: new Uint32Array(count),
  };
  const table: PassageTable = { headings: [], comments: [] };
  const headingAt = new Map<string, number>();
  let i = 0;
  for (const d of documents) {
    for (const p of d.passages) {
      for (const key of Object.keys(p)) if (!FIELDS.has(key)) throw new Error(`encodeIndex: a passage has a field the index does not save (${key})`);
      if (p.docId !== d.meta.id || p.id !== `${p.docId}#p${p.n}`) throw new Error(`encodeIndex: passage ${p.id} is not named by its document and number`);
      if (p.page !== undefined && p.page < 1) throw new Error(`encodeIndex: passage ${p.id} has page ${p.page}`);
      let h = 0;
      if (p.heading !== null) {
        h = headingAt.get(p.heading) ?? 0;
        if (!h) headingAt.set(p.heading, (h = table.headings.push(p.heading)));
      }
      columns.passageHeading[i] = h;
      columns.passageN[i] = p.n;
      columns.passageParagraph[i] = p.paragraph;
      columns.passageLine[i] = p.line;
      columns.passagePage[i] = p.page ?? 0;
      if (p.comment) table.comments.push([i, p.comment]);
      i++;
    }
  }
  if (i !== count) throw new Error('encodeIndex: documents and passages do not add up');
  return { table, columns };
}

/**
 * The passages back, in corpus order, with the text and sentence ranges of each (`fill`, called once
 * per passage in that order, so it may read its sections sequentially), as ingestion makes them (the
 * same fields in the same order). Throws on columns that do not fit the documents.
 */
export function decodePassages(
  documents: ReadonlyArray<{ meta: { id: string }; passages: number }>,
  table: PassageTable,
  columns: PassageColumns,
  fill: (i: number) => { text: string; sentences: Array<[number, number]> },
): Passage[] {
  const count = columns.passageN.length;
  for (const column of Object.values(columns)) if (column.length !== count) throw new Error('passage columns do not match the passages');
  const comments = new Map(table.comments);
  const passages: Passage[] = new Array(count);
  let i = 0;
  for (const d of documents) {
    const docId = d.meta.id;
    for (let k = 0; k < d.passages; k++, i++) {
      if (i >= count) throw new Error('documents and passages do not add up');
      const h = columns.passageHeading[i]!;
      if (h > table.headings.length) throw new Error('a heading index is out of range');
      const n = columns.passageN[i]!;
      const { text, sentences } = fill(i);
      const heading = h ? table.headings[h - 1]! : null;
      const comment = comments.get(i) ?? null;
      const page = columns.passagePage[i]!;
      passages[i] = page
        ? { id: `${docId}#p${n}`, docId, n, heading, text, sentences, paragraph: columns.passageParagraph[i]!, line: columns.passageLine[i]!, page, comment }
        : { id: `${docId}#p${n}`, docId, n, heading, text, sentences, paragraph: columns.passageParagraph[i]!, line: columns.passageLine[i]!, comment };
    }
  }
  if (i !== count) throw new Error('documents and passages do not add up');
  return passages;
}
