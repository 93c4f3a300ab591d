import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore, type Core } from '../../src/core.js';
import { ask } from '../../src/answer/ask.js';
import { indexPath } from '../../src/cache/index-cache.js';
import { readCacheFile, writeCacheFile, CacheFileError } from '../../src/cache/format.js';

const bundled = fileURLToPath(new URL('../../corpus', import.meta.url));

let work: string;
let corpusDir: string;
let cacheDir: string;
let logged: string[];

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'backchannel-cache-'));
  corpusDir = join(work, 'corpus');
  cacheDir = join(work, 'index');
  cpSync(bundled, corpusDir, { recursive: true });
  logged = [];
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const load = () => loadCore({ corpusDir, cache: { dir: cacheDir, log: (m) => logged.push(m) } });
const answers = (core: Core) =>
  ['who was Lisa Howard', 'When did JFK consider secret talks with Castro?', 'Atwod'].map((q) => {
    const r = ask(core, q);
    return { answered: r.answered, results: r.results.map((i) => [i.passage.id, i.score, i.quote.text]) };
  });

describe('the saved index', () => {
  describe('when it is current', () => {
    it('is built and saved on the first start, and loaded on the next', () => {
      const first = load();
      expect(first.load.source).toBe('built');
      expect(first.load.cacheBytes).toBeGreaterThan(0);
      const second = load();
      expect(second.load.source).toBe('cache');
      expect(second.corpus.passages.length).toBe(first.corpus.passages.length);
      expect(logged).toEqual([]);
    });

    it('gives exactly the answers of a freshly built core', () => {
      const built = loadCore({ corpusDir, cache: false });
      load();
      const cached = load();
      expect(cached.load.source).toBe('cache');
      expect(answers(cached)).toEqual(answers(built));
      expect(cached.corpus.passages).toEqual(built.corpus.passages);
      expect(cached.corpus.documents.map((d) => d.meta)).toEqual(built.corpus.documents.map((d) => d.meta));
      expect(cached.corpus.documents.map((d) => d.cables)).toEqual(built.corpus.documents.map((d) => d.cables));
    });

    it('is written atomically, leaving no temporary file behind', () => {
      load();
      expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(readdirSync(cacheDir)).toHaveLength(1);
    });

    it('is neither read nor written with the cache off', () => {
      const core = loadCore({ corpusDir, cache: false });
      expect(core.load.source).toBe('built');
      expect(core.load.cachePath).toBeNull();
      expect(() => readdirSync(cacheDir)).toThrow();
    });
  });

  describe('when it is stale', () => {
    it('is rebuilt when a document’s bytes change', () => {
      load();
      appendFileSync(join(corpusDir, 'kennedy-to-khrushchev-1961-04-18.txt'), '\n\nA new paragraph about Khrushchev and the zeppelin question.\n');
      const core = load();
      expect(core.load.source).toBe('built');
      expect(core.load.rebuiltBecause).toMatch(/^stale/);
      expect(core.search.engine.has('zeppelin')).toBe(true);
      expect(load().load.source).toBe('cache');
    });

    it('is rebuilt when the manifest changes', () => {
      load();
      const path = join(corpusDir, 'manifest.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"documents"', '"documents" '));
      expect(load().load.source).toBe('built');
    });

    it('is rebuilt when the engine options change', () => {
      load();
      const core = loadCore({ corpusDir, cache: { dir: cacheDir }, search: { boosts: { text: 1, heading: 0.5, title: 0.3 } } });
      expect(core.load.source).toBe('built');
    });
  });

  describe('when it is corrupt', () => {
    const corruptions: Array<[string, (bytes: Buffer) => Buffer, RegExp]> = [
      ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2)), /payload is|truncated/],
      ['cut inside the header', (b) => b.subarray(0, 40), /truncated header/],
      ['of another kind (wrong magic)', (b) => Buffer.concat([Buffer.from('NOTINDEX'), b.subarray(8)]), /wrong magic/],
      ['altered in its payload (checksum mismatch)', (b) => {
        const c = Buffer.from(b);
        c[c.length - 100]! ^= 0xff;
        return c;
      }, /checksum/],
    ];
    for (const [name, damage, reason] of corruptions) {
      it(`is reported and rebuilt, never served, when ${name}`, () => {
        load();
        const path = indexPath(corpusDir, cacheDir);
        writeFileSync(path, damage(readFileSync(path)));
        const core = load();
        expect(core.load.source).toBe('built');
        expect(core.load.rebuiltBecause).toMatch(reason);
        expect(logged.join('\n')).toMatch(/corrupt/);
        expect(ask(core, 'who was Lisa Howard').answered).toBe(true);
        expect(load().load.source).toBe('cache');
      });
    }

    it('is rebuilt when written by another format version', () => {
      load();
      const path = indexPath(corpusDir, cacheDir);
      const bytes = readFileSync(path);
      bytes.writeUInt32LE(999, 8);
      writeFileSync(path, bytes);
      const core = load();
      expect(core.load.source).toBe('built');
      expect(core.load.rebuiltBecause).toMatch(/format version 999/);
    });

    it('is rebuilt when its sections decode to an inconsistent index', () => {
      load();
      const path = indexPath(corpusDir, cacheDir);
      const key = readFileSync(path).subarray(16, 48);
      const sections = readCacheFile(path, key);
      writeCacheFile(path, key, { ...sections, sorted: new Uint32Array(3) });
      const core = load();
      expect(core.load.source).toBe('built');
      expect(logged.join('\n')).toMatch(/corrupt/);
    });
  });

  describe('the file format', () => {
    it('round-trips typed sections at aligned offsets', () => {
      const path = join(work, 'x.idx');
      const key = Buffer.alloc(32, 7);
      writeCacheFile(path, key, { a: new Uint8Array([1, 2, 3]), b: new Uint32Array([4, 5]), c: new Float64Array([0.1, 1e300]) });
      const back = readCacheFile(path, key);
      expect(Array.from(back['a']!)).toEqual([1, 2, 3]);
      expect(Array.from(back['b']!)).toEqual([4, 5]);
      expect(Array.from(back['c']!)).toEqual([0.1, 1e300]);
    });

    it('refuses a file saved under another key as stale', () => {
      const path = join(work, 'x.idx');
      writeCacheFile(path, Buffer.alloc(32, 1), { a: new Uint8Array([1]) });
      expect(() => readCacheFile(path, Buffer.alloc(32, 2))).toThrow(CacheFileError);
      try {
        readCacheFile(path, Buffer.alloc(32, 2));
      } catch (error) {
        expect((error as CacheFileError).reason).toBe('stale');
      }
    });
  });
});
