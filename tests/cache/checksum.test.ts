import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksum, checksumAlongside } from '../../src/cache/checksum.js';
import { CacheFileError, openCacheFile, readCacheFile, writeCacheFile } from '../../src/cache/format.js';

/** `bytes` copied onto a SharedArrayBuffer, as a large saved index is read. */
function shared(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}

describe('checksumAlongside', () => {
  const payload = randomBytes(3 * 1024 * 1024);

  it('gives the payload’s SHA-256 from a worker thread, asked for as often as wanted', () => {
    const wait = checksumAlongside(shared(payload), { alongsideFrom: 0 });
    expect(wait()).toEqual(checksum(payload));
    expect(wait()).toEqual(checksum(payload));
  });

  it('hashes the payload itself when the worker has not answered in time', () => {
    const wait = checksumAlongside(shared(payload), { alongsideFrom: 0, waitMs: 0 });
    expect(wait()).toEqual(checksum(payload));
  });

  it('hashes a payload that is small or not shared at once', () => {
    expect(checksumAlongside(shared(payload))()).toEqual(checksum(payload));
    expect(checksumAlongside(payload, { alongsideFrom: 0 })()).toEqual(checksum(payload));
  });
});

describe('a saved index checked alongside its decoding', () => {
  const key = Buffer.alloc(32, 3);
  const sections = { text: randomBytes(1 << 20), numbers: new Uint32Array(randomBytes(1 << 20).buffer) };

  function saved(): { path: string; done: () => void } {
    const dir = mkdtempSync(join(tmpdir(), 'backchannel-checksum-'));
    const path = join(dir, 'x.idx');
    writeCacheFile(path, key, sections);
    return { path, done: () => rmSync(dir, { recursive: true, force: true }) };
  }

  it('reads the sections a large file holds, as a small one is read', () => {
    const { path, done } = saved();
    const file = openCacheFile(path, key, { alongsideFrom: 0 });
    file.verified();
    expect(Buffer.from(file.sections['text']!)).toEqual(sections.text);
    expect(Array.from(file.sections['numbers']!)).toEqual(Array.from(sections.numbers));
    expect(readCacheFile(path, key)['text']).toEqual(file.sections['text']);
    done();
  });

  it('refuses a damaged payload once asked whether it is sound', () => {
    const { path, done } = saved();
    const bytes = readFileSync(path);
    bytes[bytes.length - 100]! ^= 1;
    writeFileSync(path, bytes);
    const file = openCacheFile(path, key, { alongsideFrom: 0 });
    expect(() => file.verified()).toThrow(/checksum mismatch/);
    expect(() => file.verified()).toThrow(CacheFileError);
    done();
  });

  it('calls a file whose table of contents is damaged corrupt by its checksum, not by what it broke on', () => {
    const { path, done } = saved();
    const bytes = readFileSync(path);
    bytes[96 + 6] = 0xff;
    writeFileSync(path, bytes);
    expect(() => openCacheFile(path, key, { alongsideFrom: 0 })).toThrow(/checksum mismatch/);
    done();
  });
});
