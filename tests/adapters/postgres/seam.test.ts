import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, retrievalDepth } from '../../../src/answer/ask.js';
import { loadCore, type Core } from '../../../src/core.js';
import { createLogger } from '../../../src/logger.js';
import { PostgresSearch } from '../../../adapters/postgres/index.js';
import { PostgresRetriever } from '../../../adapters/postgres/retriever.js';
import { MemoryRetriever } from '../../../src/retrieval/memory.js';
import { entry, put, tempDir, writeManifest } from '../../corpus/temp.js';
import { dropSchema, POSTGRES_SKIP_REASON, TEST_DATABASE_URL, testSchema } from '../../servers/postgres.js';

describe.skipIf(POSTGRES_SKIP_REASON !== undefined)('PostgreSQL behind the retrieval seam', () => {
  const schema = testSchema('seam');
  let core: Core;
  let search: PostgresSearch;
  let retriever: PostgresRetriever;

  beforeAll(async () => {
    core = loadCore();
    search = await PostgresSearch.open({ url: TEST_DATABASE_URL, logger: createLogger({ level: 'silent' }), schema });
    await search.replaceCorpus(core.corpus);
    retriever = new PostgresRetriever(search);
  }, 60_000);
  afterAll(async () => {
    await search?.close();
    if (!POSTGRES_SKIP_REASON) await dropSchema(schema);
  });

  it('answers through the same answer code: the quote, its marks and its citation', async () => {
    const result = answer(core, await retriever.retrieve('who was Lisa Howard', retrievalDepth()));
    expect(result.answered).toBe(true);
    const first = result.results[0]!;
    expect(first.quote.text).toContain('Lisa Howard');
    expect(first.passage.text.slice(first.quote.start, first.quote.end)).toBe(first.quote.text);
    expect(first.citation.title).toBe(core.corpus.documentById.get(first.passage.docId)!.meta.title);
  });

  it('abstains as the in-memory answer does on a question the corpus cannot answer', async () => {
    const question = 'how do I bake sourdough bread';
    expect(answer(core, await retriever.retrieve(question, retrievalDepth())).answered).toBe(ask(core, question).answered);
    expect(ask(core, question).answered).toBe(false);
  });

  it("expands the question's words by the core's lexicon, as the in-memory retriever does", async () => {
    const question = 'when did the talks end';
    const memory = new MemoryRetriever(core.search, core.aliases).retrieve(question, retrievalDepth());
    const withLexicon = await new PostgresRetriever(search, { core: () => core }).retrieve(question, retrievalDepth());
    expect(memory.query.concepts.find((c) => c.term === 'talk')?.related.map((r) => r.term)).toContain('negoti');
    expect(withLexicon.query.plan.terms).toEqual(memory.query.plan.terms);
    expect(withLexicon.query.concepts).toEqual(memory.query.concepts);
    // Without a core to read the lexicon from, the question's own words only.
    expect((await retriever.retrieve(question, retrievalDepth())).query.concepts.every((c) => c.related.length === 0)).toBe(true);
  });

  it("hands answering the core's own passages, so that what is kept per passage (the dates a narrative gives it) is found", async () => {
    const question = 'what did Kennedy decide about Attwood in November 1963?';
    const copies = await search.retrieve(question, retrievalDepth(), (term) => core.search.lexicon.related(term));
    const own = await new PostgresRetriever(search, { core: () => core }).retrieve(question, retrievalDepth());
    expect(copies.hits[0]!.passage).not.toBe(core.corpus.passageById.get(copies.hits[0]!.passage.id));
    expect(own.hits.map((h) => h.passage.id)).toEqual(copies.hits.map((h) => h.passage.id));
    for (const hit of own.hits) expect(hit.passage).toBe(core.corpus.passageById.get(hit.passage.id));
    const answered = answer(core, own);
    expect(answered.answered).toBe(true);
    expect(new Set(answered.results.map((r) => r.passage.id)).size).toBe(answered.results.length);
  });

  it('leaves out near-duplicate passages as the in-memory search does, keeping the better one', async () => {
    const dir = tempDir();
    const memo = 'The envoy met the Cuban delegate in Havana in November 1963 to discuss the secret talks on the sugar quota.';
    put(dir, 'a.txt', `Memo\n\n${memo}\n`);
    put(dir, 'b.txt', `Memo\n\n${memo.replace('November', 'December')}\n`);
    put(dir, 'c.txt', 'Letter\n\nThe delegate wrote from Havana about the sugar harvest and the weather.\n');
    writeManifest(dir, [entry('a', 'a.txt'), entry('b', 'b.txt'), entry('c', 'c.txt')]);
    const small = loadCore({ corpusDir: dir });
    const schema2 = testSchema('dups');
    const other = await PostgresSearch.open({ url: TEST_DATABASE_URL, logger: createLogger({ level: 'silent' }), schema: schema2 });
    try {
      await other.replaceCorpus(small.corpus);
      const question = 'envoy delegate Havana sugar talks';
      const memory = new MemoryRetriever(small.search, small.aliases).retrieve(question, 10).hits.map((h) => h.passage.id);
      const fromDb = (await new PostgresRetriever(other, { core: () => small }).retrieve(question, 10)).hits.map((h) => h.passage.id);
      expect(memory).toHaveLength(2);
      expect(fromDb).toEqual(memory);
      expect(fromDb.filter((id) => id.startsWith('a#') || id.startsWith('b#'))).toHaveLength(1);
    } finally {
      await other.close();
      await dropSchema(schema2);
    }
  });
});
