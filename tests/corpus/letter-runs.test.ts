import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLetterRuns } from '../../src/corpus/paragraphs.js';

const byRegex = (text: string) => {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\p{L}+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
};
const byScan = (text: string) => {
  const counts = new Map<string, number>();
  countLetterRuns(text, counts);
  return counts;
};

describe('counting the words of a document', () => {
  it('finds the runs of letters the Unicode pattern finds', () => {
    expect(byScan('de-stroyed Cuba’s 1962 señor 𝐀𝐁c x')).toEqual(byRegex('de-stroyed Cuba’s 1962 señor 𝐀𝐁c x'));
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
      expect(byScan(text)).toEqual(byRegex(text));
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      expect(byScan(text)).toEqual(byRegex(text));
    }), { numRuns: 2000 });
  });
});
