import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManifest, readManifest } from '../../src/corpus/manifest.js';
import { entry, tempDir, writeManifest } from './temp.js';

describe('manifest fields for new formats', () => {
  it('infers the format from the extension, and lets the entry name it', () => {
    const dir = tempDir();
    writeManifest(dir, [entry('a', 'a.TXT'), entry('b', 'b.markdown'), entry('c', 'c.htm'), entry('d', 'd.pdf'), entry('e', 'e.log', { format: 'txt' })]);
    expect(readManifest(dir).map((d) => d.format)).toEqual(['txt', 'md', 'html', 'pdf', 'txt']);
  });

  it('turns the OCR cleaning on for records unless the entry says otherwise', () => {
    const dir = tempDir();
    writeManifest(dir, [
      entry('a', 'a.txt', { kind: 'record' }),
      entry('b', 'b.txt', { kind: 'record', cleaning: { ocr: false } }),
      entry('c', 'c.txt', { kind: 'note' }),
      entry('d', 'd.txt', { kind: 'document', cleaning: { ocr: true } }),
    ]);
    expect(readManifest(dir).map((d) => d.cleaning.ocr)).toEqual([true, false, false, true]);
  });

  describe('refuses, naming the file, the field and its line,', () => {
    it('a file of an unknown format', () => {
      const dir = tempDir();
      writeManifest(dir, [entry('a', 'a.txt'), entry('b', 'b.docx')]);
      const line = readFileSync(join(dir, 'manifest.json'), 'utf8').split('\n').findIndex((l) => l.includes('"b.docx"')) + 1;
      expect(checkManifest(dir).problems).toEqual([
        { file: join(dir, 'manifest.json'), line, message: 'documents[1].file has an unknown format (expected .txt, .md, .html or .pdf, or set "format")' },
      ]);
      expect(() => readManifest(dir)).toThrow(`documents[1].file has an unknown format (expected .txt, .md, .html or .pdf, or set "format") (line ${line})`);
    });

    it('a missing field, at the line of its entry', () => {
      const dir = tempDir();
      const { title: _, ...untitled } = entry('a', 'a.txt');
      writeManifest(dir, [untitled]);
      expect(checkManifest(dir).problems).toEqual([{ file: join(dir, 'manifest.json'), line: 3, message: expect.stringMatching(/^documents\[0\]\.title /) }]);
    });

    it('every bad entry, while keeping the good ones', () => {
      const dir = tempDir();
      writeManifest(dir, [entry('a', 'a.txt'), entry('B', 'b.txt'), entry('c', 'c.txt', { kind: 'poem' })]);
      const { documents, problems } = checkManifest(dir);
      expect(documents.map((d) => d.id)).toEqual(['a']);
      expect(problems.map((p) => p.message.slice(0, 16))).toEqual(['documents[1].id ', 'documents[2].kin']);
    });
  });
});
