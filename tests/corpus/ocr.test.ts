import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/corpus/blocks.js';
import { sourceParagraphs, type Paragraph } from '../../src/corpus/paragraphs.js';
import fc from 'fast-check';
import { classifyLine, isStamp, wordClass, wordStats } from '../../src/corpus/ocr-lines.js';
import { JFK } from './temp.js';

const OCR = { author: null, cleaning: { dropParagraphs: [], sentencePerParagraph: false, readerComments: false, ocr: true } };

function clean(text: string): Paragraph[] {
  return sourceParagraphs({ format: 'txt', blocks: splitBlocks(text), structured: false, hints: {} }, OCR);
}

/** The paragraphs of a real record of the 2025 JFK release (tests/fixtures/jfk). */
function record(id: string): Paragraph[] {
  return clean(readFileSync(join(JFK, `${id}.txt`), 'utf8'));
}

const textOf = (ps: Paragraph[]) => ps.map((p) => p.text).join('\n');
const allRecords = readdirSync(JFK).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));

describe('cleaning of archival OCR text', () => {
  describe('on real records of the 2025 JFK release', () => {
    it.each(allRecords)('drops page markers, record numbers and the release banner from %s', (id) => {
      const text = textOf(record(id));
      expect(text).not.toMatch(/## Page|^---$|RELEASE UNDER THE PRESIDENT|\b1[34]-00000\b|DocId/m);
      expect(text).not.toContain(id);
    });

    it('drops classification stamps on lines of their own, OCR-mangled ones too', () => {
      const routing = textOf(record('104-10162-10107'));
      for (const stamp of ['SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED', 'USCLASSIFIED', 'CROBENTIAL', 'USE ONLY', 'Do Not Reproduce', 'RETURN TO CLA'])
        expect(routing).not.toContain(stamp);
      expect(textOf(record('104-10326-10087'))).not.toMatch(/^SECRET$|\bSECRET\b/m);
    });

    it('keeps a classification word inside a sentence', () => {
      expect(textOf(record('124-10300-10012'))).toContain('The enclosed LHM is classified SECRET to protect the identity of a potential informant');
    });

    it('drops form-field debris: empty labels, routing codes, stray numbers', () => {
      const cable = textOf(record('104-10326-10087'));
      for (const debris of ['MHENO', 'SENSIND', 'PAGE :', '(3/W)', '94 8695408', 'TOR:']) expect(cable).not.toContain(debris);
      const routing = textOf(record('104-10162-10107'));
      expect(routing).not.toMatch(/OFFICER'S|INITIALS|DECENED/);
    });

    it('keeps a form field that has a value, as a paragraph of its own', () => {
      expect(record('104-10181-10117').map((p) => p.text)).toContain('SUBJECT: Possible DRE Animus Towards President Kennedy');
    });

    it('joins words hyphenated across lines', () => {
      const text = textOf(record('104-10181-10117'));
      expect(text).toContain('whose New Orleans representative is said to have had contacts with OSWALD.');
      expect(text).toContain('the DRE leadership, specifically Luis FERNANDEZ Rocha');
      expect(textOf(record('104-10111-10094'))).toContain('This allegation very possibly was exaggeratod');
    });

    it('rebuilds sentences broken over many short lines into one paragraph', () => {
      const p = record('104-10012-10022').find((x) => x.text.includes('approached the Soviet Embassy'));
      expect(p?.text).toBe(
        'In September/October 1963, Lee Harvey Oswald approached the Soviet Embassy in Mexico City in an attempt to get a visa allowing him to return to the USSR. Kostikov, as a consular officer, handled this visa reguest.',
      );
    });

    it('starts a paragraph at each paragraph number, even one on a line of its own', () => {
      const starts = record('104-10012-10024').map((p) => p.text.slice(0, 3));
      expect(starts).toEqual(expect.arrayContaining(['2. ', '3. ', '4. ', '5. ']));
    });

    it('gives each paragraph the page its page marker names, and the raw line it starts at', () => {
      const p = record('104-10012-10022').find((x) => x.text.startsWith('While in Mexico he was considered'));
      expect(p).toMatchObject({ page: 2, line: 145 });
      expect(record('104-10012-10022')[0]!.page).toBe(1);
    });
  });

  describe('line by line', () => {
    it.each(['SECRET', 'SECRET.', 'Top Secret', 'TOP SECRET', 'SEGRET', 'SECRETI', 'S E C R E T', 'CONFIDENTIAL', 'UNCLASSIFIED', 'SECRET RYBAT'])(
      'reads "%s" as a classification stamp',
      (line) => {
        expect(isStamp(line)).toBe(true);
        expect(classifyLine(line)).toBe('stamp');
      },
    );

    it.each(['The secret talks went on.', 'SECRETARY OF STATE', 'Secretary Rusk'])('does not read "%s" as a stamp', (line) => {
      expect(isStamp(line)).toBe(false);
    });

    it.each([
      ['## Page 3', 'marker'],
      ['---', 'marker'],
      ['104-10012-10024', 'marker'],
      ['14.00000', 'marker'],
      ['NW 50953 DocId: 32309646 Page 3', 'marker'],
      ['SUBJECT:', 'label'],
      ['TO :', 'label'],
      ['MHENO: 94-8695408', 'label'],
      ['CLASSIFICATION: Secret', 'label'],
      ['SUBJECT: Possible DRE Animus', 'field'],
      ['6/705', 'debris'],
      ['(3/W)', 'debris'],
      ['2.', 'fragment'],
      ['September', 'fragment'],
      ['the Soviet Embassy in Mexico City in an attempt', 'prose'],
    ])('reads "%s" as %s', (line, cls) => {
      expect(classifyLine(line)).toBe(cls);
    });
  });

  describe('at scale', () => {
    it('cleans a record of 60,000 lines in linear time (a few seconds at most)', () => {
      const line = 'THE STATION CONTINUES TO CONDUCT JOINT OPERATIONS WITH LIAISON AGAINST THE';
      const text = Array.from({ length: 60_000 }, (_, i) => (i % 500 === 0 ? `SECRET\n\n## Page ${i / 500 + 1}` : line)).join('\n\n');
      const started = performance.now();
      const ps = clean(text);
      expect(performance.now() - started).toBeLessThan(5_000);
      const joined = textOf(ps);
      expect(joined).not.toMatch(/SECRET|## Page/);
      expect(joined.length).toBeGreaterThan(59_000 * line.length);
    });
  });

  describe('on OCR text that is not double-spaced', () => {
    it('takes blank lines as paragraph breaks and still drops stamps', () => {
      const ps = clean(['SECRET', 'The station reports that the Cuban', 'embassy staff met twice', '', 'A second paragraph on the talks in Havana with', 'the envoy.', 'SECRET'].join('\n'));
      expect(ps.map((p) => p.text)).toEqual(['The station reports that the Cuban embassy staff met twice', 'A second paragraph on the talks in Havana with the envoy.']);
    });
  });
});

describe('the word share of an OCR line', () => {
  /** The rule `wordClass` applies, from the counts of every token judged. */
  const byCounts = (text: string): string => {
    const { tokens, words } = wordStats(text);
    if ((words >= 3 && words >= tokens * 0.5) || (tokens >= 6 && words >= tokens * 0.4)) return 'prose';
    if (words >= 1 && words >= tokens * 0.5) return 'fragment';
    return 'debris';
  };
  const token = fc.constantFrom('the', 'Embassy', 'agent', 'Havana', 'was', 'xq', '7', '##', 'a', 'zzkq', 'RYBAT', '(3)', 'l1l', 'CIA.', '--');

  it('stops judging tokens early yet classes every line as judging all of them would', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 16 }), fc.constantFrom(' ', '  ', '\t'), (tokens, gap) => {
        const line = tokens.join(gap);
        expect(wordClass(line)).toBe(byCounts(line));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells prose from a fragment and debris', () => {
    expect(wordClass('The agent was seen in Havana')).toBe('prose');
    expect(wordClass('four of ten xq xq xq xq xq xq the')).toBe('prose');
    expect(wordClass('Havana 7')).toBe('fragment');
    expect(wordClass('xq 7 ## zzkq')).toBe('debris');
  });
});
