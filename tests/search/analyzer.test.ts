import { describe, expect, it } from 'vitest';
import { analyze, analyzeTerms, fold, stem, tokenize } from '../../src/search/analyzer.js';
import { STOP_WORDS } from '../../src/search/stopwords.js';

const terms = (text: string) => tokenize(text).map((t) => t.term);

describe('analyzer', () => {
  describe('fold', () => {
    it('folds diacritics so Raul finds Raúl', () => {
      expect(fold('Raúl')).toBe('raul');
      expect(fold('Elián González')).toBe('elian gonzalez');
    });

    it('folds decomposed accents the same as precomposed ones', () => {
      expect(fold('Rau\u0301l')).toBe(fold('Ra\u00fal'));
    });

    it('makes curly quotes and apostrophes straight', () => {
      expect(fold('“Castro’s”')).toBe('"castro\'s"');
    });
  });

  describe('tokenize', () => {
    it('drops possessives with straight and curly apostrophes', () => {
      expect(terms("Castro's men")).toEqual(['castro', 'men']);
      expect(terms('Castro’s men')).toEqual(['castro', 'men']);
    });

    it('keeps an apostrophe inside a word as one word', () => {
      expect(terms("O'Brien don't")).toEqual(['obrien', 'dont']);
    });

    it('joins thousands separators but not a comma followed by a space', () => {
      expect(terms('100,000 troops')).toEqual(['100000', 'troops']);
      expect(terms('1,234,567')).toEqual(['1234567']);
      expect(terms('2, 746')).toEqual(['2', '746']);
      expect(terms('1963,1964')).toEqual(['1963', '1964']);
    });

    it('keeps years and short numbers', () => {
      expect(terms("in 1963 and '62")).toEqual(['in', '1963', 'and', '62']);
    });

    it('splits hyphenated words into their parts', () => {
      expect(terms('war-time back-channel')).toEqual(['war', 'time', 'back', 'channel']);
    });

    it('joins dotted acronyms', () => {
      expect(terms('the U.S. and J.F.K.')).toEqual(['the', 'us', 'and', 'jfk']);
    });

    it('gives offsets that point to the original text', () => {
      const text = 'Raúl Castro’s envoy met “Lisa Howard” on 100,000 acres.';
      const tokens = tokenize(text);
      expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
        'Raúl', 'Castro', 'envoy', 'met', 'Lisa', 'Howard', 'on', '100,000', 'acres',
      ]);
      for (const token of tokens) expect(fold(text.slice(token.start, token.end)).replace(/[^a-z0-9]/g, '')).toBe(token.term);
    });

    it('gives offsets in UTF-16 units past characters outside the BMP', () => {
      const text = '𝒜 Cuba';
      const cuba = tokenize(text).find((t) => t.term === 'cuba');
      expect(cuba && text.slice(cuba.start, cuba.end)).toBe('Cuba');
    });

    describe('on adversarial input', () => {
      const cases: Array<[string, string]> = [
        ['5,000 letters a', 'a'.repeat(5_000)],
        ['5,000 dots', '.'.repeat(5_000)],
        ['alternating letters and dots', 'a.'.repeat(5_000)],
        ['alternating letters and apostrophes', "a'".repeat(5_000)],
        ['digits and commas', '1,'.repeat(5_000)],
        ['nested quotes', '“‘"\''.repeat(2_500) + 'x' + '’”\'"'.repeat(2_500)],
      ];
      for (const [name, text] of cases) {
        it(`finishes quickly on ${name}`, () => {
          const started = performance.now();
          for (let i = 0; i < 5; i++) tokenize(text);
          expect(performance.now() - started).toBeLessThan(1_000);
        });
      }

      it('reads a long run of one letter as one word', () => {
        expect(tokenize('a'.repeat(5_000))).toHaveLength(1);
      });
    });
  });

  describe('stop words', () => {
    it('holds the question words', () => {
      for (const word of ['who', 'what', 'when', 'where', 'why', 'how', 'which', 'whom', 'whose']) expect(STOP_WORDS.has(word)).toBe(true);
    });

    it('keeps "us" (U.S.) and "may" (the month) searchable', () => {
      expect(STOP_WORDS.has('us')).toBe(false);
      expect(STOP_WORDS.has('may')).toBe(false);
    });

    it('drops stop words from analysis unless asked not to', () => {
      expect(analyzeTerms('Who was the envoy?')).toEqual(['envoi']);
      expect(analyze('Who was the envoy?', { stopWords: false, stem: false }).map((t) => t.term)).toEqual(['who', 'was', 'the', 'envoy']);
    });
  });

  describe('stemming', () => {
    it('reduces inflections to one Porter stem', () => {
      expect(stem('negotiations')).toBe(stem('negotiation'));
      expect(stem('relations')).toBe('relat');
    });

    it('leaves numbers unchanged', () => {
      expect(stem('1963')).toBe('1963');
      expect(stem('100000')).toBe('100000');
    });

    it('leaves a word whole rather than clip it to two letters, where it would be another word ("used" is not the US)', () => {
      for (const word of ['used', 'uses', 'using', 'oas', 'one', 'ties', 'added']) expect(stem(word)).toBe(word);
      expect(stem('us')).toBe('us');
      expect(analyzeTerms('Kissinger used the US')).toEqual(['kissing', 'used', 'us']);
    });
  });

  describe('analyze', () => {
    it('counts stop words in positions so adjacency survives their removal', () => {
      const tokens = analyze('the Bay of Pigs invasion');
      expect(tokens.map((t) => [t.term, t.position])).toEqual([
        ['bai', 1],
        ['pig', 3],
        ['invas', 4],
      ]);
    });

    it('keeps the folded surface beside the stemmed term', () => {
      const [token] = analyze('Negotiations');
      expect(token).toMatchObject({ term: 'negoti', surface: 'negotiations', start: 0, end: 12 });
    });
  });
});
