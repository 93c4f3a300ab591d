/**
 * `corpus add` with SEARCH_BACKEND=postgres: the database must take the new corpus as well as the
 * directory. The database is opened first, so that when it is unreachable nothing is written at all.
 * Then the file is added and the whole corpus written to the database in one transaction; if that
 * fails, the directory is put back as it was (the manifest, and the file's earlier bytes or its
 * absence), so the directory and the database still hold the same last good corpus and nothing is lost.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Config } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { BackchannelError, isBackchannelError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import type { LoadedCorpus } from '../postgres/index.js';

/** Runs `add` (which writes the file and the manifest), then writes the corpus to the database; undoes `add` if that fails. */
export async function addWithDatabase<T>(config: Config, corpusDir: string, file: string, add: () => Promise<T>): Promise<{ added: T; loaded: LoadedCorpus }> {
  try {
    return await addThenWrite(config, corpusDir, file, add);
  } catch (error) {
    if (!isBackchannelError(error) || error.code !== 'SEARCH_UNAVAILABLE') throw error;
    throw new BackchannelError('SEARCH_UNAVAILABLE', `${error.message}; nothing was added (the directory and the database keep the last good corpus)`, {
      cause: error,
      details: error.details,
    });
  }
}

async function addThenWrite<T>(config: Config, corpusDir: string, file: string, add: () => Promise<T>): Promise<{ added: T; loaded: LoadedCorpus }> {
  const { PostgresSearch } = await import('../postgres/index.js');
  const search = await PostgresSearch.open({
    url: config.DATABASE_URL!,
    poolSize: 1,
    ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}),
    logger: createLogger({ level: 'silent' }),
  });
  try {
    const dir = resolve(corpusDir);
    const saved = [join(dir, 'manifest.json'), join(dir, basename(file))].map((path) => ({ path, bytes: existsSync(path) ? readFileSync(path) : null }));
    const added = await add();
    try {
      return { added, loaded: await search.replaceCorpus(loadCorpus(dir)) };
    } catch (error) {
      for (const { path, bytes } of saved) {
        if (bytes) writeFileSync(path, bytes);
        else rmSync(path, { force: true });
      }
      throw error;
    }
  } finally {
    await search.close();
  }
}
