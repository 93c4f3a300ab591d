import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { findReferences, referenceId, referenceParts } from '../../src/sources/bibliography.js';
import { findCableIds, isCableTableText, normalizeId } from '../../src/sources/cables.js';
import type { CableRow } from '../../src/corpus/types.js';
import { editDistance, nearest } from '../../src/sources/suggest.js';
import { splitSentences } from '../../src/text/sentences.js';

/** A passage of `text`, cut into sentences the way ingestion cuts them. */
function passage(text: string): Passage {
  const sentences: Array<[number, number]> = [];
  let at = 0;
  for (const s of splitSentences(text)) {
    const start = text.indexOf(s, at);
    sentences.push([start, start + s.length]);
    at = start + s.length;
  }
  return { id: 'letter#p1', docId: 'letter', n: 1, heading: null, text, sentences, paragraph: 1, line: 1, comment: null };
}

const SOURCE_LINE = 'Written: April 18, 1961\nSource: Foreign Relations of the United States; Volume 11 (1961-63): Cuban Missile Crisis and Aftermath (No. 10)';
const NOTE =
  'Department of State, Presidential Correspondence: Lot 66 D 204. No classification marking. Also printed in Public Papers of the Presidents of the United States: John F. Kennedy, 1961, pp. 286-287; American Foreign Policy: Current Documents, 1961, pp. 296-297; and Claflin, The President Wants To Know, pp. 59-60.';

describe('findReferences', () => {
  it('reads the publication a "Source:" line names', () => {
    expect(findReferences(passage(SOURCE_LINE)).map((r) => r.reference)).toEqual([
      'Foreign Relations of the United States; Volume 11 (1961-63): Cuban Missile Crisis and Aftermath (No. 10)',
    ]);
  });

  it('splits a list of page references, without its lead-in', () => {
    const p = passage(NOTE);
    const found = findReferences(p);
    expect(found.map((r) => r.reference)).toEqual([
      'Public Papers of the Presidents of the United States: John F. Kennedy, 1961, pp. 286-287',
      'American Foreign Policy: Current Documents, 1961, pp. 296-297',
      'Claflin, The President Wants To Know, pp. 59-60',
    ]);
    for (const r of found) expect(p.text.slice(r.start, r.end)).toBe(r.reference);
  });

  it('finds nothing in ordinary prose', () => {
    expect(findReferences(passage('I have previously stated, and I repeat now, that the United States intends no military intervention in Cuba.'))).toEqual([]);
  });
});

describe('referenceParts and referenceId', () => {
  it('reads title, years, volume and number, and makes an id of them', () => {
    const parts = referenceParts('Foreign Relations of the United States; Volume 11 (1961-63): Cuban Missile Crisis and Aftermath (No. 10)');
    expect(parts).toEqual({ title: 'Foreign Relations of the United States', author: null, years: '1961-63', volume: '11', number: '10', pages: null });
    expect(referenceId(parts)).toBe('FRUS-1961-63-V11-N10');
  });

  it('reads an author before the title', () => {
    const parts = referenceParts('Claflin, The President Wants To Know, pp. 59-60');
    expect(parts).toMatchObject({ author: 'Claflin', title: 'The President Wants To Know', pages: '59-60' });
    expect(referenceId(parts)).toBe('CLAFLIN');
  });

  it('reads a year beside the page numbers', () => {
    expect(referenceId(referenceParts('Public Papers of the Presidents of the United States: John F. Kennedy, 1961, pp. 286-287'))).toBe('PPPUS-1961');
  });
});

describe('cable ids', () => {
  it('normalizes typed ids', () => {
    expect(normalizeId('cdnw 12636')).toBe('CDNW12636');
    expect(normalizeId('back-channel-summary')).toBe('BACKCHANNELSUMMARY');
  });

  it('finds every cable id a sentence cites, with its offsets', () => {
    const text = 'State Department officials updated Canadians on happenings at the OAS, including re-drafts of resolutions (see CDNW12621 and CDNW12384).';
    expect(findCableIds(text).map((m) => [m.id, text.slice(m.start, m.end)])).toEqual([
      ['CDNW12621', 'CDNW12621'],
      ['CDNW12384', 'CDNW12384'],
    ]);
  });
});

describe('cable table text', () => {
  const row: CableRow = {
    id: 'CDNW12636', item: 'CDNW12636.pdf', date: '1962-11-07', rawDate: '7-Nov-62', from: 'HAVANA', to: 'EXTERNAL',
    number: '232', docId: 'digest', heading: 'The Future of Cuba', line: 20,
  };

  it('knows a table row and the table header, which list a cable without citing it', () => {
    expect(isCableTableText('CDNW12636.pdf 7-Nov-62 HAVANA EXTERNAL 232', [row])).toBe(true);
    expect(isCableTableText('Item Date From To Number', [row])).toBe(true);
  });

  it('takes a sentence naming the cable for a citation', () => {
    expect(isCableTableText('A report from Havana noted that by November 7th, the Cubans had released no information on progress in talks between Mikoyan and Castro (CDNW12636).', [row])).toBe(false);
  });
});

describe('suggestions', () => {
  it('measures edit distance, giving up past the budget', () => {
    expect(editDistance('CDNW12637', 'CDNW12636')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'xyzxyzxyz', 2)).toBe(3);
  });

  it('ranks prefixes first, then fewest edits', () => {
    const candidates = ['CDNW12636', 'CDNW12597', 'JFK'].map((id) => ({ id, key: id }));
    expect(nearest('CDNW12637', candidates, 5)).toEqual(['CDNW12636', 'CDNW12597']);
    expect(nearest('CDNW', candidates, 5)).toEqual(['CDNW12597', 'CDNW12636']);
    expect(nearest('', candidates, 5)).toEqual([]);
  });
});
