import { describe, expect, it } from 'vitest';
import { patternWords } from '../../src/search/pattern-words.js';
import { QUESTION_WORDS } from '../../src/search/question-type.js';
import { PERIOD_WORDS } from '../../src/search/question-period.js';

describe('patternWords', () => {
  it('reads the words of five letters or more a pattern is written with, past its escapes', () => {
    expect([...patternWords([/\b(what happened|since|from)\b/.source])].sort()).toEqual(['happened', 'since']);
  });

  it('counts a word with and without an optional last letter, and one a group extends', () => {
    expect([...patternWords([/\b(events?|wonder(ing)?)\b/.source])].sort()).toEqual(['event', 'events', 'wonder']);
  });

  it('leaves out the pieces of a word a character class or an optional letter splits', () => {
    expect([...patternWords([/\b(organi[sz]ation|harbou?r)\b/.source])]).toEqual([]);
  });

  it('gives the question frames and periods only words someone types', () => {
    for (const piece of ['ation', 'organi', 'bfrom', 'bwhat', 'harbou']) expect(QUESTION_WORDS.has(piece), piece).toBe(false);
    for (const word of ['happened', 'important', 'reporter', 'wonder']) expect(QUESTION_WORDS.has(word), word).toBe(true);
    expect(PERIOD_WORDS.has('between')).toBe(true);
    expect(PERIOD_WORDS.has('bbetween')).toBe(false);
  });
});
