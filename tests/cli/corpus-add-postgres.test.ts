import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWithDatabase } from '../../adapters/cli/corpus-database.js';
import { runCorpusCommand } from '../../adapters/cli/corpus.js';
import { addDocument } from '../../src/corpus/add.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createLogger } from '../../src/logger.js';
import { PostgresSearch } from '../../adapters/postgres/index.js';
import { NOTES_MD } from '../corpus/documents.js';
import { put, tempDir } from '../corpus/temp.js';
import { DatabaseRelay, dropSchema, POSTGRES_SKIP_REASON, testSchema } from '../servers/postgres.js';
import { noteSkipped } from '../servers/skip.js';

describe.skipIf(POSTGRES_SKIP_REASON !== undefined)('backchannel corpus add with SEARCH_BACKEND=postgres', () => {
  const schema = testSchema('add');
  let relay: DatabaseRelay;
  let search: PostgresSearch;
  const env = () => ({ SEARCH_BACKEND: 'postgres', DATABASE_URL: relay.url, DATABASE_SCHEMA: schema });
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCorpusCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, env());
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };
  /** The corpus directory's manifest and file list, to show that nothing changed. */
  const snapshot = (dir: string) => ({ manifest: readFileSync(join(dir, 'manifest.json'), 'utf8'), notes: existsSync(join(dir, 'Attwood notes.md')) });

  beforeAll(async () => {
    process.env['BACKCHANNEL_CACHE'] = '0';
    relay = await DatabaseRelay.start();
    search = await PostgresSearch.open({ url: relay.url, schema, logger: createLogger({ level: 'silent' }) });
  });
  afterAll(async () => {
    await search?.close();
    await relay?.down();
    if (!POSTGRES_SKIP_REASON) await dropSchema(schema);
  });

  it('adds the file to the directory and the corpus to the database, in one transaction', async () => {
    const dir = tempDir(true);
    const notes = put(tempDir(), 'Attwood notes.md', NOTES_MD);
    const { code, stdout } = await run(['add', notes, '--corpus', dir]);
    expect(code).toBe(0);
    const passages = loadCorpus(dir).passages.length;
    expect(stdout).toContain(`PostgreSQL now holds the corpus: ${passages} passages, written in one transaction.`);
    expect(await search.passageCount()).toBe(passages);
    const { hits } = await search.retrieve('study notes back channel', 10);
    expect(hits.some((h) => h.passage.docId === 'attwood-notes')).toBe(true);
  });

  it('fails clearly while the database is down, and writes nothing', async () => {
    const dir = tempDir(true);
    const before = snapshot(dir);
    const held = await search.passageCount();
    await relay.down();
    try {
      const notes = put(tempDir(), 'Attwood notes.md', NOTES_MD);
      const { code, stderr } = await run(['add', notes, '--corpus', dir]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^backchannel corpus add: PostgreSQL unavailable during schema migration: .*; nothing was added \(the directory and the database keep the last good corpus\)$/);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      await relay.up();
    }
    expect(await search.passageCount()).toBe(held);
  });

  it('puts the directory back when the database fails after the file was added: nothing is lost', async () => {
    const dir = tempDir(true);
    const before = snapshot(dir);
    const held = await search.passageCount();
    const notes = put(tempDir(), 'Attwood notes.md', NOTES_MD);
    const config = { SEARCH_BACKEND: 'postgres' as const, DATABASE_URL: relay.url, DATABASE_SCHEMA: schema };
    const failing = addWithDatabase(config, dir, notes, async () => {
      const added = await addDocument({ file: notes, corpusDir: dir });
      await relay.down(); // the database goes away between the file and the transaction
      return added;
    });
    await expect(failing).rejects.toMatchObject({ code: 'SEARCH_UNAVAILABLE' });
    expect(snapshot(dir)).toEqual(before);
    await relay.up();
    expect(await search.passageCount()).toBe(held);
  });
});

noteSkipped('backchannel corpus add with SEARCH_BACKEND=postgres', POSTGRES_SKIP_REASON);
