import { describe, expect, it } from 'vitest';
import { decodePassages, encodePassages } from '../../src/cache/passage-columns.js';
import type { CorpusDocument, DocumentMeta, Passage } from '../../src/corpus/types.js';

const passage = (docId: string, n: number, extra: Partial<Passage> = {}): Passage => ({
  id: `${docId}#p${n}`,
  docId,
  n,
  heading: null,
  text: `Text ${n} of ${docId}.`,
  sentences: [[0, 14]],
  paragraph: n,
  line: 2 * n,
  comment: null,
  ...extra,
});
const document = (id: string, passages: Passage[]): CorpusDocument => ({ meta: { id } as DocumentMeta, passages, cables: [] });

const roundTrip = (documents: CorpusDocument[]) => {
  const all = documents.flatMap((d) => d.passages);
  const { table, columns } = encodePassages(documents, all.length);
  const rows = documents.map((d) => ({ meta: d.meta, passages: d.passages.length }));
  return decodePassages(JSON.parse(JSON.stringify(rows)), JSON.parse(JSON.stringify(table)), columns, (i) => ({ text: all[i]!.text, sentences: all[i]!.sentences }));
};

describe('passages saved as columns', () => {
  it('come back as they went in: headings shared or none, pages and reader comments where they were', () => {
    const documents = [
      document('a', [passage('a', 1, { heading: 'One' }), passage('a', 2, { heading: 'One', page: 3 }), passage('a', 3)]),
      document('b', [passage('b', 1, { heading: 'Two', comment: { author: 'Joe' } }), passage('b', 2, { page: 1 })]),
    ];
    const back = roundTrip(documents);
    expect(back).toEqual(documents.flatMap((d) => d.passages));
    expect(back.map((p) => 'page' in p)).toEqual([false, true, false, false, true]);
  });

  it('keep a heading once however many passages sit under it', () => {
    const documents = [document('a', [1, 2, 3].map((n) => passage('a', n, { heading: 'Same' })))];
    expect(encodePassages(documents, 3).table.headings).toEqual(['Same']);
  });

  it('refuse a passage they cannot hold whole, rather than lose part of it', () => {
    const odd = { ...passage('a', 1), extra: true } as Passage;
    expect(() => encodePassages([document('a', [odd])], 1)).toThrow(/extra/);
    expect(() => encodePassages([document('a', [{ ...passage('a', 1), id: 'a-1' }])], 1)).toThrow(/not named/);
    expect(() => encodePassages([document('a', [passage('a', 1, { page: 0 })])], 1)).toThrow(/page 0/);
  });

  it('refuse columns that do not fit the documents', () => {
    const documents = [document('a', [passage('a', 1), passage('a', 2)])];
    const { table, columns } = encodePassages(documents, 2);
    const fill = () => ({ text: '', sentences: [] as Array<[number, number]> });
    expect(() => decodePassages([{ meta: { id: 'a' }, passages: 3 }], table, columns, fill)).toThrow(/do not add up/);
    expect(() => decodePassages([{ meta: { id: 'a' }, passages: 2 }], table, { ...columns, passageLine: new Uint32Array(1) }, fill)).toThrow(/do not match/);
    expect(() => decodePassages([{ meta: { id: 'a' }, passages: 2 }], table, { ...columns, passageHeading: Uint32Array.of(0, 9) }, fill)).toThrow(/out of range/);
  });
});
