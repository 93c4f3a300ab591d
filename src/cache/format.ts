/**
 * The saved-index file: a fixed header, then sections of raw bytes, each 8-byte aligned so typed
 * arrays can view them in place.
 *
 *   0   8  magic "BCINDEX\0"
 *   8   4  format version (u32 LE)
 *   12  4  reserved (0)
 *   16 32  key: SHA-256 of corpus bytes, engine version, options and code (see key.ts)
 *   48  8  payload length (u64 LE)
 *   56 32  SHA-256 of the payload
 *   88  8  reserved (0)
 *   96 …   payload: u32 length of the table of contents (JSON), the table, padding to 8, sections
 *
 * A file that is too short, has another magic or version, a payload of the wrong length or a wrong
 * checksum is refused with the reason; what its sections decode to is not to be trusted before
 * `CacheFile.verified` (a large file's checksum is computed while they are decoded).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { checksumAlongside, DEFAULT_CHECKSUM, type ChecksumOptions } from './checksum.js';

export const MAGIC = Buffer.from('BCINDEX\0', 'latin1');
export const FORMAT_VERSION = 2;
const HEADER = 96;

export type Section = Uint8Array | Uint32Array | Float64Array;
type Kind = 'u8' | 'u32' | 'f64';

interface Entry {
  name: string;
  kind: Kind;
  offset: number;
  length: number;
}

/** Why a saved index was refused. */
export class CacheFileError extends Error {
  constructor(
    readonly reason: 'missing' | 'corrupt' | 'stale',
    message: string,
  ) {
    super(message);
  }
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;
const kindOf = (s: Section): Kind => (s instanceof Uint32Array ? 'u32' : s instanceof Float64Array ? 'f64' : 'u8');

/**
 * Writes the sections under `key` to `path` atomically: a temporary file in the same directory,
 * flushed, then renamed over the target.
 */
export function writeCacheFile(path: string, key: Buffer, sections: Record<string, Section>): number {
  const entries: Entry[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(sections)) {
    entries.push({ name, kind: kindOf(data), offset, length: data.length });
    offset += data.byteLength + pad8(data.byteLength);
  }
  const toc = Buffer.from(JSON.stringify(entries), 'utf8');
  const tocBlock = Buffer.alloc(4 + toc.length + pad8(4 + toc.length));
  tocBlock.writeUInt32LE(toc.length, 0);
  toc.copy(tocBlock, 4);
  const zeros = Buffer.alloc(8);
  const parts: Uint8Array[] = [tocBlock];
  for (const data of Object.values(sections)) {
    parts.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    const p = pad8(data.byteLength);
    if (p) parts.push(zeros.subarray(0, p));
  }
  const hash = createHash('sha256');
  let payloadLength = 0;
  for (const part of parts) {
    hash.update(part);
    payloadLength += part.byteLength;
  }
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(FORMAT_VERSION, 8);
  key.copy(header, 16, 0, 32);
  header.writeBigUInt64LE(BigInt(payloadLength), 48);
  hash.digest().copy(header, 56);
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeAll(fd, header);
    for (const part of parts) writeAll(fd, part);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return HEADER + payloadLength;
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let done = 0; done < data.byteLength; ) done += writeSync(fd, data, done, data.byteLength - done);
}

/** A saved-index file, read: its sections, and the wait for its checksum. */
export interface CacheFile {
  sections: Record<string, Section>;
  /**
   * Throws `CacheFileError` (corrupt) unless the payload's checksum is the one saved: call it before
   * trusting what the sections decode to. Waits for the checksum when a worker computes it (see
   * `checksumAlongside`); the first call's verdict stands.
   */
  verified(): void;
  /**
   * What `read` makes of the sections, once the checksum is right. A damaged file is reported as
   * damaged (`CacheFileError`, corrupt), not by what `read` broke on.
   */
  decode<T>(read: (sections: Record<string, Section>) => T): T;
}

/** Reads `path` and checks it against `key`: the sections, or a `CacheFileError` saying why not. */
export function readCacheFile(path: string, key: Buffer): Record<string, Section> {
  return openCacheFile(path, key).decode((sections) => sections);
}

/**
 * Reads `path` and checks its header against `key`, while the payload's checksum is computed
 * alongside (a large file's on a worker thread, see `checksumAlongside`): the sections, to be trusted
 * once `verified()` returns, or a `CacheFileError` saying why not.
 */
export function openCacheFile(path: string, key: Buffer, options: ChecksumOptions = {}): CacheFile {
  const file = readWhole(path, options.alongsideFrom ?? DEFAULT_CHECKSUM.alongsideFrom);
  if (file.length < HEADER) throw new CacheFileError('corrupt', `truncated header (${file.length} bytes)`);
  if (!file.subarray(0, 8).equals(MAGIC)) throw new CacheFileError('corrupt', 'wrong magic: not a saved index');
  const version = file.readUInt32LE(8);
  if (version !== FORMAT_VERSION) throw new CacheFileError('stale', `format version ${version}, expected ${FORMAT_VERSION}`);
  if (!file.subarray(16, 48).equals(key.subarray(0, 32))) throw new CacheFileError('stale', 'built from another corpus, engine or options');
  const payloadLength = Number(file.readBigUInt64LE(48));
  if (file.length !== HEADER + payloadLength) throw new CacheFileError('corrupt', `payload is ${file.length - HEADER} bytes, header says ${payloadLength}`);
  const payload = file.subarray(HEADER);
  const digest = checksumAlongside(payload, options);
  let verdict: boolean | undefined;
  const verified = () => {
    verdict ??= digest().equals(file.subarray(56, 88));
    if (!verdict) throw new CacheFileError('corrupt', 'checksum mismatch');
  };
  // What a damaged payload broke on matters less than that it is damaged.
  const orDamaged = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      verified();
      throw error;
    }
  };
  const sections = orDamaged(() => sectionsOf(payload));
  return {
    sections,
    verified,
    decode: (read) => {
      const decoded = orDamaged(() => read(sections));
      verified();
      return decoded;
    },
  };
}

/** The sections of a payload, viewed in place. */
function sectionsOf(payload: Buffer): Record<string, Section> {
  // Typed arrays need aligned offsets; a Buffer from the pool may not start at one.
  const aligned = payload.byteOffset % 8 === 0 ? payload : Buffer.from(payload);
  const tocLength = aligned.readUInt32LE(0);
  let entries: Entry[];
  try {
    entries = JSON.parse(aligned.subarray(4, 4 + tocLength).toString('utf8')) as Entry[];
  } catch {
    throw new CacheFileError('corrupt', 'unreadable table of contents');
  }
  const base = 4 + tocLength + pad8(4 + tocLength);
  const sections: Record<string, Section> = {};
  for (const { name, kind, offset, length } of entries) {
    const width = kind === 'u32' ? 4 : kind === 'f64' ? 8 : 1;
    const start = aligned.byteOffset + base + offset;
    if (base + offset + length * width > aligned.length) throw new CacheFileError('corrupt', `section ${name} runs past the end`);
    sections[name] =
      kind === 'u32' ? new Uint32Array(aligned.buffer, start, length) : kind === 'f64' ? new Float64Array(aligned.buffer, start, length) : new Uint8Array(aligned.buffer, start, length);
  }
  return sections;
}

/**
 * The file's bytes: from `sharedFrom` bytes on a `SharedArrayBuffer`, which a worker thread can hash
 * while this one decodes, read in chunks; a smaller file as `readFileSync` reads it.
 */
function readWhole(path: string, sharedFrom: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new CacheFileError('missing', `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const size = fstatSync(fd).size;
    if (size < sharedFrom) return readFileSync(fd);
    const file = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const read = readSync(fd, file, at, Math.min(READ_CHUNK, size - at), at);
      if (read === 0) break;
      at += read;
    }
    return file.subarray(0, at);
  } catch (error) {
    throw new CacheFileError('missing', `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

/** Bytes read at a time into a shared buffer. */
const READ_CHUNK = 16 * 1024 * 1024;
