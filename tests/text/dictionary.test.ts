import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { describe, expect, it } from 'vitest';
import { isDictionaryWord } from '../../src/text/dictionary.js';

describe('isDictionaryWord', () => {
  it('finds every word of the list, those it holds out of order too ("manlihood" stands three lines late)', () => {
    const words = readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean);
    expect(words.indexOf('manlihood')).toBeGreaterThan(words.indexOf('manlily'));
    expect(words.filter((word) => !isDictionaryWord(word))).toEqual([]);
  });

  it('refuses what the list lacks: names, a prefix or a longer form of a word, other letters, nothing', () => {
    for (const word of ['sorensen', 'kornbluh', 'manlil', 'manlihoods', 'zzzsa', 'café', 'Castle', 'a\nb', '']) expect(isDictionaryWord(word)).toBe(false);
    for (const word of ['aa', 'castle', 'president', 'zzzs']) expect(isDictionaryWord(word)).toBe(true);
  });
});
