/**
 * The PostgreSQL backend as `npm start` runs it (`SEARCH_BACKEND=postgres`): the database opened and
 * its schema brought up to date, a retriever for the core (`/ask` then retrieves from the database),
 * and the database's corpus kept to the corpus directory's: written at start when it differs and
 * after each reload, each time in one transaction.
 */
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import { PostgresSearch } from './index.js';
import { PostgresRetriever } from './retriever.js';

export interface ServedDatabase {
  search: PostgresSearch;
  /** What the core retrieves through. */
  retriever: PostgresRetriever;
  /** Brings the database's corpus up to that core's; on failure it keeps the last good one, and logs it. */
  sync(core: Core): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database of the configuration. `current` gives the core being served, read at each
 * question (see `PostgresRetrieverOptions.core`); when it has none yet, or is not given, the core last
 * synced. Throws
 * `SEARCH_UNAVAILABLE` when the database cannot be reached.
 */
export async function serveDatabase(config: Config, logger: Logger, current?: () => Core | undefined): Promise<ServedDatabase> {
  const search = await PostgresSearch.open({
    url: config.DATABASE_URL!,
    poolSize: config.DATABASE_POOL_SIZE ?? 10,
    ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}),
    logger,
  });
  let synced: Core | undefined;
  return {
    search,
    // The core being served when there is one to ask (the bot's holder), else the one last synced (the chat's).
    retriever: new PostgresRetriever(search, { core: () => current?.() ?? synced }),
    sync: async (core) => {
      synced = core;
      try {
        const loaded = await search.ensureCorpus(core.corpus);
        logger.info(loaded, loaded.unchanged ? 'PostgreSQL already holds this corpus' : 'corpus written to PostgreSQL');
      } catch (error) {
        logger.error({ err: error }, 'could not write the corpus to PostgreSQL; it keeps the last good corpus');
      }
    },
    close: () => search.close(),
  };
}
