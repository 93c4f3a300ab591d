import { describe, expect, it } from 'vitest';
import { markTerms } from '../../src/answer/quote-marks.js';
import { analyzeTerms } from '../../src/search/analyzer.js';

describe('markTerms', () => {
  it('marks the query terms, merging neighbours into one mark', () => {
    const text = 'Castro told correspondent Lisa Howard that he agreed.';
    const marks = markTerms(text, new Set(analyzeTerms('Lisa Howard agree')));
    expect(marks.map(([s, e]) => text.slice(s, e))).toEqual(['Lisa Howard', 'agreed']);
  });

  it('marks initials with their last period ("the U.K. Foreign Office"), and no period after a word', () => {
    const text = 'Slater of the U.K. Foreign Office met the UK team. Talks with the U.S. ended.';
    const marks = markTerms(text, new Set(analyzeTerms('UK US talks ended')));
    expect(marks.map(([s, e]) => text.slice(s, e))).toEqual(['U.K.', 'UK', 'Talks', 'U.S. ended']);
  });

  it('marks a near spelling of a term the corpus does not know', () => {
    const text = 'the Attwood initiative';
    expect(markTerms(text, new Set(), ['atwood']).map(([s, e]) => text.slice(s, e))).toEqual(['Attwood']);
  });

  it('leaves unmarked a short word only one letter from a term the corpus does not know', () => {
    const text = 'the White House was still able to communicate';
    expect(markTerms(text, new Set(), ['stall'])).toEqual([]);
  });
});
