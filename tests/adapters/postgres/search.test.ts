import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src/corpus/types.js';
import { loadCore } from '../../../src/core.js';
import { BackchannelError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { PostgresSearch, type PostgresSearchOptions } from '../../../adapters/postgres/index.js';
import { corpusFingerprint } from '../../../adapters/postgres/load.js';
import { MIGRATIONS } from '../../../adapters/postgres/schema.js';
import { DatabaseRelay, dropSchema, POSTGRES_SKIP_REASON, TEST_DATABASE_URL, testSchema } from '../../servers/postgres.js';
import { noteSkipped } from '../../servers/skip.js';

const logger = createLogger({ level: 'silent' });

describe.skipIf(POSTGRES_SKIP_REASON !== undefined)('PostgreSQL search', () => {
  const schema = testSchema('search');
  let corpus: Corpus;
  let search: PostgresSearch;
  const open = (options: Partial<PostgresSearchOptions> = {}) => PostgresSearch.open({ url: TEST_DATABASE_URL, logger, schema, ...options });

  beforeAll(async () => {
    corpus = loadCore().corpus;
    search = await open();
    await search.replaceCorpus(corpus);
  }, 60_000);
  afterAll(async () => {
    await search?.close();
    if (!POSTGRES_SKIP_REASON) await dropSchema(schema);
  });

  describe('schema', () => {
    it('is created at start and recorded in schema_version; opening again migrates nothing', async () => {
      expect(search.schemaVersion).toBe(MIGRATIONS.length);
      const again = await open();
      expect(again.schemaVersion).toBe(MIGRATIONS.length);
      expect(await again.passageCount()).toBe(corpus.passages.length);
      await again.close();
    });

    it('keeps each field’s mean length with the corpus, and a database written before migration 2 gets them from its passages', async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`set search_path to "${schema}"`);
        const lengths = async () => (await client.query('select text_length, heading_length, title_length from corpus_state')).rows[0] as Record<string, number>;
        const written = await lengths();
        expect(written.text_length).toBeGreaterThan(10);
        expect(written.heading_length).toBeGreaterThan(0);
        // As the database stood at version 1: no lengths.
        await client.query('alter table corpus_state drop column text_length, drop column heading_length, drop column title_length');
        await client.query('update schema_version set version = 1');
        const again = await open();
        expect(again.schemaVersion).toBe(2);
        await again.close();
        const migrated = await lengths();
        for (const field of ['text_length', 'heading_length', 'title_length']) expect(migrated[field]).toBeCloseTo(written[field]!, 3);
      } finally {
        await client.end();
      }
    });
  });

  describe('retrieve', () => {
    it("ranks the passages that hold the question's words first, with the terms each matched", async () => {
      const { hits, terms, termsOf, query } = await search.retrieve('who was Lisa Howard', 5);
      expect(query.concepts.map((c) => c.term)).toEqual(['lisa', 'howard']);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0]!.passage.text).toContain('Lisa Howard');
      expect([...hits[0]!.matched].sort()).toEqual(['howard', 'lisa']);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      expect(terms.get('lisa')).toMatchObject({ known: true });
      expect(terms.get('lisa')!.weight).toBeGreaterThan(0);
      expect([...termsOf.get(hits[0]!.passage.id)!]).toEqual(expect.arrayContaining(['lisa', 'howard']));
    });

    it('finds a misspelt name through its near spellings, credited to the word typed', async () => {
      const { hits, terms } = await search.retrieve('when did Kennedy meet Atwood', 5);
      expect(terms.get('atwood')).toMatchObject({ known: false, near: expect.arrayContaining([{ term: 'attwood', distance: 1 }]) });
      expect(terms.get('atwood')!.weight).toBeGreaterThan(terms.get('kennedi')?.weight ?? terms.get('kennedy')?.weight ?? 0);
      expect(terms.get('atwood')!.weight).toBe((await search.retrieve('atwood', 1)).unknownWeight);
      expect(hits[0]!.passage.text).toMatch(/Attwood/);
      expect(hits[0]!.matched).toContain('atwood');
    });

    it('reads a typo of two swapped letters as the in-memory search does, though the database holds the words', async () => {
      const { hits, query } = await search.retrieve('when did Carter become presdient', 5);
      expect(query.readAs).toEqual([{ typed: 'presdient', read: 'president' }]);
      const spelt = await search.retrieve('when did Carter become president', 5);
      expect(query.concepts).toEqual(spelt.query.concepts);
      expect(query.plan).toEqual(spelt.query.plan);
      expect(hits.map((h) => h.passage.id)).toEqual(spelt.hits.map((h) => h.passage.id));
    });

    it("reads a name's other spelling in the corpus as the in-memory search does, though the database holds the name", async () => {
      const { hits, query } = await search.retrieve('what did Sorensen say about the quarantine?', 5);
      expect(query.concepts.find((c) => c.term === 'sorensen')!.alternatives).toEqual([['sorenson']]);
      expect(query.plan.terms.map((t) => t.term)).toContain('sorenson');
      expect(hits[0]!.passage.text).toMatch(/Sorenson also emphasized/);
    });

    it("applies the project's aliases before sending: JFK finds John F. Kennedy", async () => {
      const { hits, query } = await search.retrieve('JFK', 10);
      expect(query.plan.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['jfk', 'kennedi']));
      expect(hits.some((h) => /Kennedy/.test(h.passage.text))).toBe(true);
    });

    it('folds accents like the in-memory search: Raul and Raúl are one word', async () => {
      const plain = await search.retrieve('Raul Castro', 3);
      const accented = await search.retrieve('Raúl Castro', 3);
      expect(accented.hits.map((h) => h.passage.id)).toEqual(plain.hits.map((h) => h.passage.id));
    });

    it('returns nothing, quickly, for a question of words the corpus never uses', async () => {
      const { hits, terms } = await search.retrieve('capital of Australia', 5);
      expect(hits).toEqual([]);
      expect(terms.get('australia')).toMatchObject({ known: false });
    });

    it('treats operators and quotes in a question as words, never as tsquery syntax', async () => {
      const { hits } = await search.retrieve("Lisa' | ! & <-> ( Howard:*", 3);
      expect(hits[0]?.passage.text).toContain('Lisa Howard');
    });
  });

  describe('ensureCorpus', () => {
    it('writes nothing when the database already holds this corpus, and replaces a different one', async () => {
      expect(await search.ensureCorpus(corpus)).toMatchObject({ unchanged: true, passages: corpus.passages.length });
      const smaller = { ...corpus, passages: corpus.passages.slice(0, 10) } as Corpus;
      expect(await search.ensureCorpus(smaller)).toMatchObject({ unchanged: false, passages: 10 });
      expect(await search.passageCount()).toBe(10);
      expect(await search.ensureCorpus(corpus)).toMatchObject({ unchanged: false, passages: corpus.passages.length });
    });
  });

  describe('replaceCorpus', () => {
    it("gives a load's statements their own time limit, not a search's", async () => {
      // A search's statements may take 5 ms here: a load's would all be cancelled at that limit.
      const tight = await open({ statementTimeoutMs: 5, loadTimeoutMs: 60_000 });
      try {
        const loaded = await tight.replaceCorpus(corpus);
        expect(loaded).toMatchObject({ passages: corpus.passages.length, unchanged: false });
      } finally {
        await tight.close();
      }
    });

    it('replaces the corpus in one transaction: a failed load leaves the last good corpus serving', async () => {
      const before = await search.retrieve('Lisa Howard', 3);
      const broken = { ...corpus, passages: [...corpus.passages, corpus.passages[0]!] } as Corpus; // a duplicate id
      await expect(search.replaceCorpus(broken)).rejects.toThrow(/duplicate key/);
      expect(await search.passageCount()).toBe(corpus.passages.length);
      expect((await search.retrieve('Lisa Howard', 3)).hits.map((h) => h.passage.id)).toEqual(before.hits.map((h) => h.passage.id));
    });
  });

  describe('when the database goes away', () => {
    let relay: DatabaseRelay;
    let through: PostgresSearch;
    beforeAll(async () => {
      relay = await DatabaseRelay.start();
      through = await PostgresSearch.open({ url: relay.url, logger, schema, connectTimeoutMs: 500, statementTimeoutMs: 1000 });
    });
    afterAll(async () => {
      await through?.close().catch(() => {});
      await relay?.down();
    });

    const unavailable = async (work: Promise<unknown>) => {
      const started = performance.now();
      const error = await work.then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(BackchannelError);
      expect((error as BackchannelError).code).toBe('SEARCH_UNAVAILABLE');
      expect((error as BackchannelError).userMessage).toBe('Search is unavailable, try again shortly.');
      return performance.now() - started;
    };

    it('fails each call at once with SEARCH_UNAVAILABLE, loses no corpus, and serves again once it is back', async () => {
      expect((await through.retrieve('Lisa Howard', 3)).hits.length).toBeGreaterThan(0);
      await relay.down();
      expect(await unavailable(through.retrieve('Lisa Howard', 3))).toBeLessThan(1500);
      expect(await unavailable(through.replaceCorpus(corpus))).toBeLessThan(1500);
      await relay.up();
      const back = performance.now();
      let hits = 0;
      while (hits === 0 && performance.now() - back < 5000) hits = (await through.retrieve('Lisa Howard', 3).catch(() => ({ hits: [] }))).hits.length;
      expect(hits).toBeGreaterThan(0);
      expect(performance.now() - back).toBeLessThan(2000);
      expect(await through.passageCount()).toBe(corpus.passages.length);
    });

    it("serves the first search after a restart, though the pool's idle connections died meanwhile", async () => {
      expect((await through.retrieve('Lisa Howard', 3)).hits.length).toBeGreaterThan(0);
      await relay.down();
      await relay.up();
      expect((await through.retrieve('Lisa Howard', 3)).hits.length).toBeGreaterThan(0);
    });

    it('never hangs on a database that accepts connections and says nothing', async () => {
      await relay.hang();
      expect(await unavailable(through.retrieve('Lisa Howard', 3))).toBeLessThan(3000);
      await relay.down();
      await relay.up();
    });
  });
});

describe('the corpus fingerprint the database is reloaded by', () => {
  it('changes with the code that analyzes the words, not only with the passages', () => {
    const corpus = loadCore().corpus;
    expect(corpusFingerprint(corpus, 'code-a')).toBe(corpusFingerprint(corpus, 'code-a'));
    expect(corpusFingerprint(corpus, 'code-a')).not.toBe(corpusFingerprint(corpus, 'code-b'));
  });
});

noteSkipped('PostgreSQL search', POSTGRES_SKIP_REASON);
