import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, retrievalDepth } from '../../../src/answer/ask.js';
import { loadCore, type Core } from '../../../src/core.js';
import { createLogger } from '../../../src/logger.js';
import { PostgresSearch } from '../../../adapters/postgres/index.js';
import { PostgresRetriever } from '../../../adapters/postgres/retriever.js';
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
});
