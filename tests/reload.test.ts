import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoreHolder, type CoreHolder, type ReloadResult } from '../src/reload.js';
import { ask } from '../src/answer/ask.js';
import { addDocument } from '../src/corpus/add.js';
import type { Core } from '../src/core.js';
import { JFK, manifestOf, put, tempDir } from './corpus/temp.js';

beforeAll(() => {
  process.env['BACKCHANNEL_CACHE'] = '0'; // temporary corpora: no saved index
});

const KOSTIKOV = 'Who was Kostikov in Mexico City?';
const CARTER = 'What did Carter open in Havana?';

const answers = (core: Core, q: string) => ask(core, q, { limit: 3 });
const topDoc = (core: Core, q: string) => answers(core, q).results[0]?.passage.docId;

let holders: CoreHolder[] = [];
afterEach(() => {
  for (const h of holders) h.close();
  holders = [];
});

function holder(dir: string, extra: Parameters<typeof createCoreHolder>[0] = {}) {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const h = createCoreHolder({ core: { corpusDir: dir }, watch: false, logger, ...extra });
  holders.push(h);
  return { h, logger };
}

/** Resolves with the next reload the holder reports, or rejects after `ms`. */
function nextReload(events: ReloadResult[], ms = 10_000): Promise<ReloadResult> {
  const seen = events.length;
  return vi.waitFor(() => {
    if (events.length <= seen) throw new Error('no reload yet');
    return events[seen]!;
  }, { timeout: ms, interval: 25 });
}

describe('hot reload of the corpus', () => {
  describe('a change that loads', () => {
    it('is swapped in: the new document answers, through `current` and through the proxy', async () => {
      const dir = tempDir(true);
      const { h, logger } = holder(dir);
      const proxy = h.proxy;
      expect(answers(proxy, KOSTIKOV).answered).toBe(false);
      await addDocument({ file: join(JFK, '104-10012-10022.txt'), corpusDir: dir });
      const result = await h.reload();
      expect(result).toMatchObject({ ok: true, documents: 6 });
      expect(topDoc(h.current, KOSTIKOV)).toBe('104-10012-10022');
      expect(topDoc(proxy, KOSTIKOV)).toBe('104-10012-10022');
      expect(proxy.corpus).toBe(h.current.corpus);
      expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ documents: 6 }), 'corpus reloaded');
    });

    it('shares one reload between callers that ask at once', async () => {
      const { h } = holder(tempDir(true));
      const [a, b] = [h.reload(), h.reload()];
      const [ra, rb] = await Promise.all([a, b]);
      expect(ra).toBe(rb);
      expect(ra.ok).toBe(true);
    });
  });

  describe('a change that breaks the corpus', () => {
    it('keeps the last good index answering and logs the reason', async () => {
      const dir = tempDir(true);
      const { h, logger } = holder(dir);
      const before = h.current;
      writeFileSync(join(dir, 'manifest.json'), '{ "documents": [');
      const result = await h.reload();
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.reason).toMatch(/manifest\.json: is not valid JSON/);
      expect(h.current).toBe(before);
      expect(topDoc(h.proxy, CARTER)).toBe('back-channel-summary');
      expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.anything(), reason: expect.stringMatching(/not valid JSON/) }), expect.stringContaining('still serving'));
    });

    it('keeps serving when a listed PDF is unreadable, and recovers once it is fixed', async () => {
      const dir = tempDir(true);
      const { h } = holder(dir);
      const manifest = manifestOf(dir);
      manifest.documents.push({ id: 'scan', file: 'scan.pdf', title: 'Scan', kind: 'record', author: null, publisher: null, date: { iso: null, precision: 'undated' } });
      put(dir, 'scan.pdf', 'not a pdf');
      put(dir, 'manifest.json', JSON.stringify(manifest));
      const failed = await h.reload();
      expect(failed.ok === false && failed.reason).toMatch(/scan\.pdf: is not a readable PDF/);
      expect(h.current.corpus.documents).toHaveLength(5);
      expect(topDoc(h.proxy, CARTER)).toBe('back-channel-summary');
      manifest.documents.pop();
      put(dir, 'manifest.json', JSON.stringify(manifest));
      expect((await h.reload()).ok).toBe(true);
    });
  });

  describe('watching the directory', () => {
    it('reloads by itself after a change, once the changes settle', async () => {
      const dir = tempDir(true);
      const events: ReloadResult[] = [];
      const { h } = holder(dir, { watch: true, debounceMs: 50, onReload: (r) => events.push(r) });
      const reloaded = nextReload(events);
      await addDocument({ file: join(JFK, '104-10012-10024.txt'), corpusDir: dir });
      expect(await reloaded).toMatchObject({ ok: true, documents: 6 });
      expect(topDoc(h.proxy, KOSTIKOV)).toBe('104-10012-10024');
    });

    it('stops watching when closed', async () => {
      const dir = tempDir(true);
      const events: ReloadResult[] = [];
      const { h } = holder(dir, { watch: true, debounceMs: 20, onReload: (r) => events.push(r) });
      h.close();
      put(dir, 'manifest.json', '{ "documents": [');
      await new Promise((r) => setTimeout(r, 200));
      expect(events).toEqual([]);
    });
  });

  it('refuses to start on a broken corpus: there is nothing to serve', () => {
    const dir = tempDir(true);
    put(dir, 'manifest.json', '{}');
    expect(() => holder(dir)).toThrow(/manifest\.json: documents/);
  });
});
