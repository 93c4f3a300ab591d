import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCorpusCommand } from '../../adapters/cli/corpus.js';
import { loadCore, type Core } from '../../src/core.js';
import { runCommand } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { ask } from '../../src/answer/ask.js';
import { JFK, SEED, tempDir } from './temp.js';

/**
 * The real records of tests/fixtures/jfk added to a copy of the seed corpus with `corpus add`, as a
 * member would: the small version of the fifty-record check (`scripts/jfk-sample.ts` runs that one
 * on ../shared).
 */
let core: Core;
const records = readdirSync(JFK).filter((f) => f.endsWith('.txt'));

beforeAll(async () => {
  process.env['BACKCHANNEL_CACHE'] = '0';
  const dir = tempDir(true);
  const io = { out: () => {}, err: (line: string) => console.error(line) };
  for (const file of records) expect(await runCorpusCommand(['add', join(JFK, file), '--corpus', dir], io)).toBe(0);
  expect(await runCorpusCommand(['check', dir], io)).toBe(0);
  core = loadCore({ corpusDir: dir });
});

describe('JFK records added with corpus add', () => {
  it('are all loaded as records', () => {
    expect(core.corpus.documents.filter((d) => d.meta.kind === 'record')).toHaveLength(records.length);
  });

  it('answer a question about Oswald in Mexico City by quoting a record that tells of it, with its citation', async () => {
    const reply = await runCommand(commands.get('ask')!, { question: 'What did Oswald do at the Soviet Embassy in Mexico City?' }, core);
    expect(reply.ok).toBe(true);
    const result = ask(core, 'What did Oswald do at the Soviet Embassy in Mexico City?', { limit: 3 });
    const top = result.results[0]!;
    expect(top.passage.docId).toMatch(/^104-10012-1002[24]$/);
    expect(top.quote.text).toMatch(/Oswald/i);
    expect(top.quote.text).toMatch(/Mexico City/);
    expect(JSON.stringify(reply.data)).toContain(core.corpus.documentById.get(top.passage.docId)!.meta.title);
  });

  it('answer a question about the DRE from the memorandum that names it', () => {
    const top = ask(core, 'Who funded the Cuban Student Directorate in Miami?', { limit: 3 }).results[0]!;
    expect(top.passage.docId).toBe('104-10181-10117');
    expect(top.quote.text).toMatch(/DRE|Directorate/);
  });

  it('leave the development questions answered by the same passages as the seed corpus alone', () => {
    const seed = loadCore({ corpusDir: SEED });
    const questions = readFileSync(new URL('../../data/eval/questions.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { q: string; abstain?: boolean })
      .filter((q) => !q.abstain);
    const top = (c: Core, q: string) => ask(c, q, { limit: 1 }).results[0]?.passage.id ?? null;
    const changed = questions.filter(({ q }) => top(core, q) !== top(seed, q)).map(({ q }) => q);
    expect(changed).toEqual([]);
  });

  it('put the records on the timeline and in /source', async () => {
    const card = await runCommand(commands.get('source')!, { id: '104-10181-10117' }, core);
    expect(JSON.stringify(card.data)).toContain('Possible DRE Animus Towards President Kennedy');
    const timeline = await runCommand(commands.get('timeline')!, { query: '1963' }, core);
    expect(JSON.stringify(timeline.data)).toContain('104-10012-10022');
  });
});
