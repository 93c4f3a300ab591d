import { describe, expect, it } from 'vitest';
import { sentenceRanges, splitSentences } from '../../src/text/sentences.js';

describe('splitSentences', () => {
  describe('abbreviations', () => {
    it('keeps a month abbreviation inside its sentence', () => {
      expect(splitSentences('That was Nov. 5, 1963. Seventeen days later, JFK was shot dead.')).toEqual([
        'That was Nov. 5, 1963.',
        'Seventeen days later, JFK was shot dead.',
      ]);
    });

    it('keeps U.S., U.K., Dr. and p.m. inside their sentences', () => {
      expect(
        splitSentences('The U.S. Government agreed. The U.K. archive is here. Dr. Castro left at 6:45 p.m. April 18. Then it ended.'),
      ).toEqual(['The U.S. Government agreed.', 'The U.K. archive is here.', 'Dr. Castro left at 6:45 p.m. April 18.', 'Then it ended.']);
    });

    it('keeps initials with the name they belong to', () => {
      expect(splitSentences('Ronald Reagan and George H.W. Bush only negotiated. John F. Kennedy was no stranger.')).toEqual([
        'Ronald Reagan and George H.W. Bush only negotiated.',
        'John F. Kennedy was no stranger.',
      ]);
    });
  });

  describe('quotations', () => {
    it('keeps a closing quote with the question it ends', () => {
      const text =
        '“If any relations were to commence between the U.S. and Cuba,” Castro asked U.S. negotiator James Donovan, “how would it come about and what would be involved?” Donovan said no.';
      expect(splitSentences(text)).toEqual([
        '“If any relations were to commence between the U.S. and Cuba,” Castro asked U.S. negotiator James Donovan, “how would it come about and what would be involved?”',
        'Donovan said no.',
      ]);
    });
  });

  describe('offsets', () => {
    it('returns ranges that slice the sentences out verbatim, without trailing spaces', () => {
      const text = 'Es mala noticias,” he said.  This is bad news.\nNext line.';
      const ranges = sentenceRanges(text);
      expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Es mala noticias,” he said.', 'This is bad news.', 'Next line.']);
    });

    it('never breaks where neither a space nor a capital follows, as after the "!" of "<!channel>" or "Yahoo!"', () => {
      expect(splitSentences('The envoy told <!channel> and <!here> to click. Yahoo!’s page said so! Then he left.')).toEqual([
        'The envoy told <!channel> and <!here> to click.',
        'Yahoo!’s page said so!',
        'Then he left.',
      ]);
      expect(splitSentences('Obama met Castro on April 11, 2015.”The culmination of years of talks.')).toEqual(['Obama met Castro on April 11, 2015.”', 'The culmination of years of talks.']);
    });

    it('always breaks at a new line', () => {
      expect(splitSentences('advisor Philip W.\nBonsal spoke out.')).toEqual(['advisor Philip W.', 'Bonsal spoke out.']);
    });

    it('returns nothing for blank text', () => {
      expect(sentenceRanges('   \n ')).toEqual([]);
    });
  });
});
