import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, analyzeTerms } from '../../src/search/analyzer.js';
import { analyzeFast, analyzeIdsFast, analyzeTermsFast } from '../../src/search/engine-analyze.js';

const TRICKY = [
  'U.S. and J.F.K. met in D.C.',
  "Castro's envoy didn't say; O'Brien's men's",
  '100,000 troops, 1,234,567 dollars, 12,34 and 1,2345 and 1234,567',
  'a.b.c. x.y a. b. U.S.S.R.',
  "rock'n'roll ' 's s' x's X'S",
  'Raúl Castro — “quoted” ‘single’ naïve café Ⅻ ﬁne',
  'line\nbreaks\tand\r\nwindows  spaces\u00a0nbsp',
  'OSWALD\'S STAY IN HELSINKI 1959; CIA/SR/CI; 201-289248',
  'emoji 😀 test 𝐀𝐁 mixed',
];

describe('the fast analyzer', () => {
  it('gives exactly the reference analysis on hand-picked tricky text', () => {
    for (const text of TRICKY) expect(analyzeFast(text), text).toEqual(analyze(text));
  });

  it('gives exactly the reference analysis on random text', () => {
    const chars = fc.constantFrom(...'aZ09 .,\'’\n\t-éÉ—“”s;:x1'.split(''), ...'abcdefghijklmnopqrstuvwxyz'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((cs) => cs.join('')), (text) => {
        expect(analyzeFast(text)).toEqual(analyze(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(analyzeFast(text)).toEqual(analyze(text));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same terms and positions through its lean variants', () => {
    const text = TRICKY.join(' ');
    const positions: number[] = [];
    expect(analyzeTermsFast(text, positions)).toEqual(analyzeTerms(text));
    expect(positions).toEqual(analyze(text).map((t) => t.position));
    const vocabulary: string[] = [];
    const ids = analyzeIdsFast(text, new Map(), (term) => (vocabulary.includes(term) ? vocabulary.indexOf(term) : vocabulary.push(term) - 1));
    expect(ids.map((id) => vocabulary[id])).toEqual(analyzeTerms(text));
  });
});
