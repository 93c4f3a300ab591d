import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli.js';
import { checkCorpus } from '../../src/corpus/check.js';
import { imageOnlyPdf, put, SEED, tempDir, textPdf } from '../corpus/temp.js';

const cli = (...argv: string[]) => runCliCaptured(argv);

/** A copy of the seed corpus with one of each problem `corpus check` reports. */
async function brokenCorpus(): Promise<string> {
  const dir = tempDir(true);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const doc = (id: string, file: string, kind = 'document') => ({ id, file, title: id, kind, author: null, publisher: null, date: { iso: null, precision: 'undated' } });
  manifest.documents[2].kind = 'poem';
  manifest.documents.push(
    doc('scan', 'scan.pdf'),
    doc('garbled', 'garbled.pdf'),
    doc('stamps', 'stamps.txt', 'record'),
    doc('notes', 'notes.docx'),
    doc('scan', 'scan-again.pdf'),
    doc('latin', 'latin.txt'),
  );
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  put(dir, 'scan.pdf', await imageOnlyPdf());
  put(dir, 'scan-again.pdf', await textPdf([[['A second scan, this one with a text layer about Havana.']]]));
  put(dir, 'garbled.pdf', '%PDF-1.4 this file was cut short');
  put(dir, 'stamps.txt', 'SECRET\n\n## Page 1\n\nSECRET\n\n---\n');
  put(dir, 'notes.docx', 'x');
  put(dir, 'latin.txt', Buffer.from('Line one\nLa Habana, caf\xe9\n', 'latin1'));
  put(dir, 'stray.md', '# Not listed\n\nA note nobody added.');
  put(dir, 'image.png', 'png');
  return dir;
}

describe('backchannel corpus check', () => {
  it('passes the bundled corpus with exit status 0', async () => {
    const { code, stdout, stderr } = await cli('corpus', 'check', SEED);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/corpus: 5 documents load, \d+ passages; no problems\.\n$/);
    expect(code).toBe(0);
  });

  describe('on a broken corpus', () => {
    it('lists every problem with its file and line, and exits with status 1', async () => {
      const dir = await brokenCorpus();
      const { code, stdout, stderr } = await cli('corpus', 'check', dir);
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      const m = `${dir}/manifest.json`;
      const text = readFileSync(m, 'utf8').split('\n');
      const lineOf = (needle: string, nth = 0) => text.map((l, i) => (l.includes(needle) ? i + 1 : 0)).filter(Boolean)[nth];
      expect(lines).toEqual([
        expect.stringMatching(new RegExp(`^${m}:${lineOf('"kind": "poem"')}: documents\\[2\\]\\.kind Invalid option`)),
        `${m}:${lineOf('"file": "notes.docx"')}: documents[8].file has an unknown format (expected .txt, .md, .html or .pdf, or set "format")`,
        `${m}:${lineOf('"id": "scan"', 1)}: documents[9].id "scan" duplicates documents[5].id`,
        `${dir}/scan.pdf: has no text layer (1 page of images only?): run OCR on it first`,
        expect.stringMatching(new RegExp(`^${dir}/garbled\\.pdf: is not a readable PDF`)),
        `${dir}/stamps.txt: has no text left after cleaning`,
        `${dir}/latin.txt:2: is not valid UTF-8 (first bad byte at offset 23, line 2)`,
      ]);
      expect(stdout).toContain(`${dir}/stray.md: warning: is not listed in manifest.json, so it is not read (add it with: backchannel corpus add)`);
      expect(stdout).toContain(`${dir}/image.png: warning: has an unknown format, so it is not read (expected .txt, .md, .html or .pdf)`);
      expect(stdout).toMatch(/: 4 documents load, \d+ passages; 7 problems, 2 warnings\.\n$/);
    });

    it('points to the line of a JSON syntax error', async () => {
      const dir = tempDir(true);
      writeFileSync(join(dir, 'manifest.json'), '{\n  "documents": [\n    { "id": "a", }\n  ]\n}\n');
      const { code, stderr } = await cli('corpus', 'check', '--corpus', dir);
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`^${dir}/manifest\\.json:3: is not valid JSON \\(.*; line 3, column \\d+\\)`));
    });

    it('reports the same problems as data, for scripts (--json)', async () => {
      const dir = await brokenCorpus();
      const report = await checkCorpus(dir);
      expect(report.ok).toBe(false);
      expect(report.documents).toBe(4);
      expect(report.problems.filter((p) => p.severity !== 'warning').map((p) => p.file.slice(dir.length + 1))).toEqual([
        'manifest.json', 'manifest.json', 'manifest.json', 'scan.pdf', 'garbled.pdf', 'stamps.txt', 'latin.txt',
      ]);
      const { code, stdout } = await cli('corpus', 'check', dir, '--json');
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject({ ok: false, documents: 4 });
    });
  });

  it('refuses two directories', async () => {
    expect((await cli('corpus', 'check', 'a', 'b')).code).toBe(2);
  });
});
