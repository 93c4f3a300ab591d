import { describe, expect, it } from 'vitest';
import { SearchEngine, type EngineOptions, type QueryPlan } from '../../src/search/engine.js';
import { MiniIndex } from '../../src/search/engine-store.js';
import { nearTermsSorted } from '../../src/search/engine-postings.js';
import { random } from './random.js';

const WORDS = 'castro cuba havana envoy secret talks kennedy attwood howard donovan prisoners embassy mexico oswald cable station report exile plot invasion bay pigs missile soviet treaty the of and in to'.split(' ');

function randomText(next: () => number, maxWords: number): string {
  const n = Math.floor(next() * maxWords);
  return Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(next() < 0.2 ? '. ' : ' ');
}

type Doc = { id: string } & Record<string, string>;

function randomDocs(next: () => number, count: number): Doc[] {
  return Array.from({ length: count }, (_, i) => {
    const doc: Doc = { id: `d${String(Math.floor(next() * 1000)).padStart(3, '0')}-${i}`, text: randomText(next, 40) };
    if (next() < 0.8) doc['heading'] = randomText(next, 5);
    if (next() < 0.7) doc['title'] = randomText(next, 4);
    return doc;
  });
}

function randomPlan(next: () => number): QueryPlan {
  const terms = Array.from({ length: 1 + Math.floor(next() * 5) }, () => ({
    term: next() < 0.1 ? 'castr' : WORDS[Math.floor(next() * 24)]!.replace(/s$/, ''),
    weight: next() < 0.7 ? 1 : Math.round(next() * 100) / 100,
  }));
  const phrases = terms.length > 1 && next() < 0.5 ? [terms.slice(0, 2).map((t) => t.term)] : [];
  return { terms, phrases };
}

function pair(docs: Doc[], options: Partial<EngineOptions>): [SearchEngine, SearchEngine] {
  const base: EngineOptions = { fields: ['text', 'heading', 'title'], ...options };
  const compact = new SearchEngine(base);
  const reference = new SearchEngine({ ...base, backend: 'minisearch' });
  compact.addAll(docs);
  reference.addAll(docs);
  return [compact, reference];
}

describe('the compact index', () => {
  describe('against the minisearch reference', () => {
    const settings: Array<[string, Partial<EngineOptions>]> = [
      ['default options', {}],
      ['field boosts, BM25+ and no positions', { boosts: { heading: 0.6, title: 0.3 }, bm25: { k: 1.5, b: 0.6, d: 0.5 }, storePositions: false }],
      ['pseudo-relevance feedback', { feedback: true, boosts: { title: 0.5 } }],
      ['a zero boost (minisearch counts it as 1)', { boosts: { heading: 0 } }],
    ];
    for (const [name, options] of settings) {
      it(`ranks random corpora exactly alike, with ${name}`, () => {
        for (let seed = 1; seed <= 12; seed++) {
          const next = random(seed * 7919);
          const docs = randomDocs(next, 20 + Math.floor(next() * 150));
          const [compact, reference] = pair(docs, options);
          for (let q = 0; q < 15; q++) {
            const plan = randomPlan(next);
            const limit = 1 + Math.floor(next() * 30);
            expect(compact.search(plan, { limit }), `seed ${seed}, query ${JSON.stringify(plan)}`).toEqual(reference.search(plan, { limit }));
          }
        }
      });
    }

    it('applies a filter exactly alike', () => {
      const next = random(42);
      const [compact, reference] = pair(randomDocs(next, 120), {});
      const filter = (id: string) => id.endsWith('1') || id.endsWith('4');
      for (let q = 0; q < 20; q++) {
        const plan = randomPlan(next);
        expect(compact.search(plan, { limit: 10, filter })).toEqual(reference.search(plan, { limit: 10, filter }));
      }
    });

    it('still ranks alike when documents are added after a search', () => {
      const next = random(7);
      const [compact, reference] = pair(randomDocs(next, 60), {});
      const plan = { terms: [{ term: 'castro', weight: 1 }, { term: 'cuba', weight: 1 }], phrases: [] };
      expect(compact.search(plan, { limit: 5 })).toEqual(reference.search(plan, { limit: 5 }));
      const more = randomDocs(next, 40).map((d) => ({ ...d, id: `late-${d.id}` }));
      compact.addAll(more);
      reference.addAll(more);
      expect(compact.search(plan, { limit: 20 })).toEqual(reference.search(plan, { limit: 20 }));
    });
  });

  describe('near spellings', () => {
    it('finds the same terms at the same distances as minisearch’s radix tree', () => {
      const next = random(99);
      const letters = 'abcdeéo';
      const vocab = [...new Set(Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(next() * 7) }, () => letters[Math.floor(next() * letters.length)]).join('')))];
      const mini = new MiniIndex({ fields: ['text'], tokenize: (t) => t.split(' ') });
      mini.addAll(vocab.map((t, i) => ({ id: String(i), text: t })));
      const sorted = [...vocab].sort();
      const byTerm = (a: { term: string }, b: { term: string }) => (a.term < b.term ? -1 : 1);
      for (let q = 0; q < 60; q++) {
        const term = Array.from({ length: 2 + Math.floor(next() * 6) }, () => letters[Math.floor(next() * letters.length)]).join('');
        for (const distance of [1, 2]) {
          expect(nearTermsSorted(term, distance, sorted).sort(byTerm), `${term} ±${distance}`).toEqual(mini.nearTerms(term, distance).sort(byTerm));
        }
      }
    });
  });

  describe('saving', () => {
    it('answers exactly as before once its state is exported and loaded again', () => {
      const next = random(5);
      const docs = randomDocs(next, 100);
      const options: EngineOptions = { fields: ['text', 'heading', 'title'], boosts: { title: 0.5 } };
      const built = new SearchEngine(options);
      built.addAll(docs);
      const loaded = SearchEngine.fromState(options, built.exportState());
      for (let q = 0; q < 20; q++) {
        const plan = randomPlan(next);
        expect(loaded.search(plan, { limit: 10 })).toEqual(built.search(plan, { limit: 10 }));
      }
      expect(loaded.termsOf(docs[3]!.id)).toEqual(built.termsOf(docs[3]!.id));
      expect(loaded.documentFrequency('castro')).toBe(built.documentFrequency('castro'));
    });

    it('finds each of its terms when loaded, and none it lacks, and goes on finding them once documents are added', () => {
      const options: EngineOptions = { fields: ['text'] };
      const built = new SearchEngine(options);
      built.addAll(randomDocs(random(9), 60));
      const state = built.exportState();
      const vocabulary = [...state.store.terms];
      const loaded = SearchEngine.fromState(options, state);
      for (const term of vocabulary) expect(loaded.termId(term), term).toBe(built.termId(term));
      for (const term of ['', 'a', 'zzzz', `${vocabulary[0]}x`]) expect(loaded.has(term), term).toBe(built.has(term));
      loaded.addAll([{ id: 'added', text: 'zebra castro' }]);
      expect(loaded.has('zebra')).toBe(true);
      for (const term of vocabulary) expect(loaded.termId(term), term).toBe(built.termId(term));
      expect(state.store.terms).toEqual(vocabulary);
    });

    it('refuses a state whose arrays do not fit together', () => {
      const built = new SearchEngine({ fields: ['text'] });
      built.addAll([{ id: 'a', text: 'castro in havana' }]);
      const state = built.exportState();
      expect(() => SearchEngine.fromState({ fields: ['text'] }, { ...state, sorted: new Uint32Array(0) })).toThrow(/sorted vocabulary/);
      expect(() => SearchEngine.fromState({ fields: ['text'] }, { ...state, sorted: new Uint32Array([0, 7]) })).toThrow(/out of range/);
      expect(() => SearchEngine.fromState({ fields: ['text', 'title'] }, state)).toThrow(/field count/);
    });
  });
});
