import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retrievalDepth } from '../../../src/answer/ask.js';
import { loadConfig } from '../../../src/config.js';
import { loadCore, type Core } from '../../../src/core.js';
import { createLogger } from '../../../src/logger.js';
import { serveDatabase, type ServedDatabase } from '../../../adapters/postgres/serve.js';
import { dropSchema, POSTGRES_SKIP_REASON, TEST_DATABASE_URL, testSchema } from '../../servers/postgres.js';

describe.skipIf(POSTGRES_SKIP_REASON !== undefined)('the database as npm start serves it', () => {
  const schema = testSchema('serve');
  let core: Core;
  let served: ServedDatabase;

  beforeAll(async () => {
    core = loadCore();
    const config = loadConfig({ SEARCH_BACKEND: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    // The terminal chat has no core holder: its `current` has no core to give, and the synced one serves.
    served = await serveDatabase(config, createLogger({ level: 'silent' }), () => undefined);
    await served.sync(core);
  }, 60_000);
  afterAll(async () => {
    await served?.close();
    if (!POSTGRES_SKIP_REASON) await dropSchema(schema);
  });

  it('expands questions with the synced core’s lexicon when the caller has no core to give', async () => {
    const retrieval = await served.retriever.retrieve('How much did the US pay to free the Bay of Pigs prisoners?', retrievalDepth());
    const free = retrieval.query.concepts.find((c) => c.term === 'free')!;
    expect(free.related.map((r) => r.term)).toContain('releas');
  });
});
