import { readFileSync } from 'node:fs';
import { problemsError } from './problems.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a document's raw text. A missing file, bytes that are not UTF-8 (reported with the byte
 * offset and line of the first bad byte) or a file with no text stop loading with the file named.
 */
export function readDocumentText(path: string): string {
  return decodeDocumentText(readDocumentBytes(path), path);
}

/** A document's bytes; a file that cannot be read stops loading with the file and the reason named. */
export function readDocumentBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw problemsError([{ file: path, message: `cannot read the document (${(cause as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
}

/** Decodes a document's bytes as UTF-8 (a BOM dropped, line ends made `\n`); see `readDocumentText`. */
export function decodeDocumentText(bytes: Uint8Array, path: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = Buffer.from(bytes.subarray(0, offset)).toString('latin1').split('\n').length;
    throw problemsError([{ file: path, line, message: `is not valid UTF-8 (first bad byte at offset ${offset}, line ${line})` }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw problemsError([{ file: path, message: 'is empty' }]);
  return text.replace(/\r\n?/g, '\n');
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}
