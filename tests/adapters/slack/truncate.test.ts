import { describe, expect, it } from 'vitest';
import { fitPrefix, sentenceEnds, sliceRuns, truncateText } from '../../../adapters/slack/truncate.js';

describe('truncation', () => {
  describe('sentenceEnds', () => {
    it('finds the end of each sentence, closing quotes included', () => {
      const text = 'He said “No.” Then he left! Did he? Yes';
      expect(sentenceEnds(text).map((end) => text.slice(0, end))).toEqual(['He said “No.”', 'He said “No.” Then he left!', 'He said “No.” Then he left! Did he?']);
    });

    it('does not end a sentence at an initial or a title', () => {
      const text = 'Mr. Donovan met J. F. Kennedy. Then Castro.';
      expect(sentenceEnds(text).map((end) => text.slice(0, end))).toEqual(['Mr. Donovan met J. F. Kennedy.', text]);
    });
  });

  describe('fitPrefix', () => {
    const text = 'First sentence here. Second one follows. Third is last.';

    it('keeps the whole text when it fits', () => {
      expect(fitPrefix(text, (end) => end <= 100)).toBe(text.length);
    });

    it('cuts at the last sentence end that fits', () => {
      expect(text.slice(0, fitPrefix(text, (end) => end <= 45))).toBe('First sentence here. Second one follows.');
    });

    it('falls back to a word end when no sentence fits', () => {
      expect(text.slice(0, fitPrefix(text, (end) => end <= 12))).toBe('First');
    });

    it('falls back to a character boundary, never splitting a surrogate pair', () => {
      const emoji = '😀😀😀😀';
      const end = fitPrefix(emoji, (n) => n <= 5);
      expect(end).toBe(4);
    });
  });

  describe('truncateText', () => {
    it('returns short text unchanged', () => {
      expect(truncateText('Short.', 10)).toBe('Short.');
    });

    it('cuts long text at a sentence end and marks the cut, within the limit', () => {
      const out = truncateText('One two. Three four five six.', 12);
      expect(out).toBe('One two.…');
      expect(out.length).toBeLessThanOrEqual(12);
    });
  });

  describe('sliceRuns', () => {
    it('keeps runs and their marks up to an offset', () => {
      expect(sliceRuns([{ text: 'ab' }, { text: 'cd', marked: true }, { text: 'ef' }], 3)).toEqual([{ text: 'ab' }, { text: 'c', marked: true }]);
    });
  });
});
