import { describe, expect, it } from 'vitest';
import { fieldBm25 } from '../../../adapters/postgres/bm25.js';

const row = (text: string, heading = '', title = '') => ({ text_terms: text, heading_terms: heading, title_terms: title });
const lengths = { text: 6, heading: 2, title: 3 };

describe('BM25 over the database’s candidates', () => {
  it('ranks a passage holding the rare word above one holding common words together', () => {
    const terms = [
      { term: 'mariel', weight: 3 },
      { term: 'cuba', weight: 0.2 },
      { term: 'refuge', weight: 0.2 },
    ];
    const [rare, common] = fieldBm25(terms, lengths, [row('boat left mariel harbor'), row('cuba refuge cuba refuge left')]);
    expect(rare!).toBeGreaterThan(common!);
  });

  it('saturates repeated words and scores a longer passage lower for the same words', () => {
    const terms = [{ term: 'castro', weight: 1 }];
    const [once, twice, tenTimes] = fieldBm25(terms, lengths, [row('castro spoke'), row('castro castro spoke'), row(Array(10).fill('castro').join(' '))]);
    expect(twice! / once!).toBeLessThan(2);
    expect(tenTimes!).toBeLessThan(1 + 1.2);
    const [short, long] = fieldBm25(terms, lengths, [row('castro spoke'), row('castro spoke at length of many things in havana')]);
    expect(long!).toBeLessThan(short!);
  });

  it('weighs a heading at 0.6 and a title at 0.3 of the text', () => {
    const terms = [{ term: 'attwood', weight: 1 }];
    const [text, heading, title] = fieldBm25(terms, { text: 1, heading: 1, title: 1 }, [row('attwood'), row('', 'attwood'), row('', '', 'attwood')]);
    expect(heading! / text!).toBeCloseTo(0.6, 5);
    expect(title! / text!).toBeCloseTo(0.3, 5);
  });

  it('scores 0 for a passage holding none of the words, and takes the rows’ own mean length when the database has none', () => {
    const terms = [{ term: 'kissing', weight: 1 }];
    const scores = fieldBm25(terms, null, [row('kissing talk'), row('nixon watergate')]);
    expect(scores[1]).toBe(0);
    expect(scores[0]).toBeGreaterThan(0);
    expect(fieldBm25(terms, { text: 0, heading: 0, title: 0 }, [row('kissing talk'), row('nixon watergate')])).toEqual(scores);
  });
});
