import { describe, expect, it } from 'vitest';
import { SearchEngine, type EngineOptions } from '../../src/search/engine.js';

type Doc = { id: string; text: string; title?: string };

function engineWith(docs: Doc[], options: Partial<EngineOptions> = {}): SearchEngine {
  const engine = new SearchEngine({ fields: ['text', 'title'], ...options });
  engine.addAll(docs.map((d) => ({ id: d.id, text: d.text, title: d.title ?? '' })));
  return engine;
}

const ids = (engine: SearchEngine, query: string, limit = 10) => engine.search(engine.plan(query), { limit }).map((h) => h.id);

/** Filler documents so that idf is meaningful. */
const filler: Doc[] = Array.from({ length: 20 }, (_, i) => ({ id: `f${i}`, text: `a note about the weather on day ${i} in Havana` }));

describe('SearchEngine', () => {
  describe('indexing', () => {
    const engine = engineWith([
      { id: 'a', text: 'The envoy met Castro in Havana.' },
      { id: 'b', text: 'Castro spoke to the press.', title: 'Press' },
      { id: 'c', text: 'Nothing of note.' },
    ]);

    it('never indexes stop words', () => {
      expect(engine.has('the')).toBe(false);
      expect(engine.documentFrequency('the')).toBe(0);
      expect(ids(engine, 'the of to')).toEqual([]);
    });

    it('counts document frequency once per document across fields', () => {
      expect(engine.documentFrequency('castro')).toBe(2);
      expect(engine.documentFrequency('press')).toBe(1);
      expect(engine.documentFrequency('unknown')).toBe(0);
      expect(engine.documentCount).toBe(3);
    });

    it('gives rarer terms a higher idf, and 0 to unknown terms', () => {
      expect(engine.idf('envoi')).toBeGreaterThan(engine.idf('castro'));
      expect(engine.idf('envoi')).toBeCloseTo(Math.log(1 + (3 - 1 + 0.5) / 1.5), 10);
      expect(engine.idf('unknown')).toBe(0);
    });

    it('keeps the main field as an analyzed term sequence', () => {
      expect(engine.termsOf('a')).toEqual(['envoi', 'met', 'castro', 'havana']);
      expect(engine.termsOf('missing')).toEqual([]);
    });
  });

  describe('plan', () => {
    const engine = engineWith([{ id: 'a', text: 'x' }]);

    it('lists each analyzed term once, at weight 1', () => {
      expect(engine.plan('Who was Lisa Howard, and why did Howard go?').terms).toEqual([
        { term: 'lisa', weight: 1 },
        { term: 'howard', weight: 1 },
        { term: 'go', weight: 1 },
      ]);
    });

    it('makes phrases of terms at most one stop word apart', () => {
      expect(engine.plan('Lisa Howard and the Bay of Pigs').phrases).toEqual([['lisa', 'howard'], ['bai', 'pig']]);
    });
  });

  describe('ranking', () => {
    it('ranks a document with the query term above one without', () => {
      const engine = engineWith([...filler, { id: 'hit', text: 'the secret talks in Havana' }]);
      expect(ids(engine, 'secret talks')[0]).toBe('hit');
    });

    it('reports which plan terms each hit matched', () => {
      const engine = engineWith([...filler, { id: 'hit', text: 'the secret talks' }]);
      const [hit] = engine.search(engine.plan('secret meeting'));
      expect(hit).toMatchObject({ id: 'hit', matched: ['secret'] });
    });

    it('applies the filter before ranking', () => {
      const engine = engineWith([...filler, { id: 'x', text: 'secret talks' }, { id: 'y', text: 'secret talks' }]);
      expect(engine.search(engine.plan('secret'), { filter: (id) => id !== 'x' }).map((h) => h.id)).toEqual(['y']);
    });

    it('weighs expansions below the user’s own terms', () => {
      const engine = engineWith([...filler, { id: 'own', text: 'the channel' }, { id: 'alias', text: 'the conduit' }]);
      const hits = engine.search({ terms: [{ term: 'channel', weight: 1 }, { term: 'conduit', weight: 0.4 }], phrases: [] });
      expect(hits.map((h) => h.id)).toEqual(['own', 'alias']);
    });

    it('honours limit', () => {
      const engine = engineWith(filler);
      expect(engine.search(engine.plan('weather'), { limit: 3 })).toHaveLength(3);
      expect(engine.search(engine.plan('weather'), { limit: 0 })).toEqual([]);
    });
  });

  describe('typo tolerance', () => {
    const docs: Doc[] = [
      ...filler,
      { id: 'attwood', text: 'William Attwood carried the message.' },
      { id: 'kornbluh', text: 'Peter Kornbluh wrote the book.' },
    ];

    it('finds Attwood when asked for Atwood', () => {
      const engine = engineWith(docs);
      expect(ids(engine, 'Atwood')[0]).toBe('attwood');
      expect(engine.search(engine.plan('Atwood'))[0]?.matched).toEqual(['atwood']);
    });

    it('finds Kornbluh when asked for Kornblu', () => {
      expect(ids(engineWith(docs), 'Kornblu')[0]).toBe('kornbluh');
    });

    it('does not look for near spellings of a term the vocabulary has', () => {
      const engine = engineWith([...docs, { id: 'atwood', text: 'Margaret Atwood wrote novels.' }]);
      expect(ids(engine, 'Atwood')).toEqual(['atwood']);
    });

    it('ranks an exact match above a rarer near spelling even when asked for fuzzy matching', () => {
      // "cable" is common, "table" (one edit away) rare and in a shorter document: on idf and
      // length alone the near spelling would win.
      const common = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, text: `a cable about topic ${i}` }));
      const engine = engineWith([...filler, ...common, { id: 'near', text: 'the table' }]);
      const hits = engine.search({ terms: [{ term: 'cabl', weight: 1, fuzzy: true }], phrases: [] }, { limit: 20 });
      expect(hits.map((h) => h.id)).toContain('near');
      expect(hits.findIndex((h) => h.id === 'near')).toBe(hits.length - 1);
    });

    it('ignores near spellings of short terms and numbers', () => {
      const engine = engineWith([...filler, { id: 'n', text: 'in 1962 the cat sat' }]);
      expect(ids(engine, '1963')).toEqual([]);
      expect(ids(engine, 'cot')).toEqual([]);
    });
  });

  describe('phrase proximity', () => {
    const docs: Doc[] = [
      ...filler,
      { id: 'apart', text: 'Lisa Smith met the envoy. Later Bob Howard arrived in town.' },
      { id: 'adjacent', text: 'The envoy met Lisa Howard. Later Bob Smith arrived in town.' },
    ];

    it('ranks a document with the phrase’s terms adjacent above one with them apart', () => {
      expect(ids(engineWith(docs), 'Lisa Howard').slice(0, 2)).toEqual(['adjacent', 'apart']);
    });

    it('ties them when proximity is turned off', () => {
      const engine = engineWith(docs, { proximity: false });
      const [first, second] = engine.search(engine.plan('Lisa Howard'));
      expect(first?.score).toBeCloseTo(second?.score ?? 0, 10);
    });

    it('allows a stop word between phrase terms', () => {
      const engine = engineWith([
        ...filler,
        { id: 'apart', text: 'a bay near the town; many pigs on farms' },
        { id: 'phrase', text: 'the bay of pigs near the town on farms' },
      ]);
      expect(ids(engine, 'Bay of Pigs')[0]).toBe('phrase');
    });

    it('does not count terms many stop words apart as adjacent', () => {
      const docs: Doc[] = [
        ...filler,
        { id: 'far', text: 'the bay, which is where all of the pigs were' },
        { id: 'near', text: 'the bay of pigs' },
      ];
      const score = (engine: SearchEngine, id: string) =>
        engine.search(engine.plan('Bay of Pigs'), { filter: (d) => d === id })[0]?.score ?? 0;
      const withProximity = engineWith(docs);
      const without = engineWith(docs, { proximity: false });
      expect(score(withProximity, 'far')).toBeCloseTo(score(without, 'far'), 10);
      expect(score(withProximity, 'near')).toBeGreaterThan(score(without, 'near'));
    });
  });

  describe('pseudo-relevance feedback', () => {
    const docs: Doc[] = [
      ...filler,
      { id: 'd1', text: 'secret talks through a back channel envoy' },
      { id: 'd2', text: 'secret talks with an envoy in New York' },
      { id: 'd3', text: 'the envoy carried messages for months' },
    ];

    it('is off by default', () => {
      expect(ids(engineWith(docs), 'secret talks')).toEqual(['d1', 'd2']);
    });

    it('when on, brings in documents sharing the top results’ vocabulary', () => {
      const engine = engineWith(docs, { feedback: { docs: 2, terms: 5, weight: 0.5 } });
      expect(ids(engine, 'secret talks')).toContain('d3');
    });
  });
});
