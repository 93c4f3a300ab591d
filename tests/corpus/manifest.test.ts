import { mkdtempSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { BackchannelError } from '../../src/errors.js';

const seed = new URL('../../corpus', import.meta.url).pathname;

/** A copy of the bundled corpus that a test may break. */
function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bc-corpus-'));
  cpSync(seed, dir, { recursive: true });
  return dir;
}

function editManifest(dir: string, edit: (m: { documents: Array<Record<string, unknown>> }) => void) {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest));
}

function loadError(dir: string): BackchannelError {
  try {
    loadCorpus(dir);
  } catch (error) {
    if (error instanceof BackchannelError) return error;
    throw error;
  }
  throw new Error('expected loading to fail');
}

describe('loading a corpus', () => {
  it('loads the bundled corpus: five documents', () => {
    expect(loadCorpus(seed).documents.map((d) => d.meta.kind).sort()).toEqual([
      'article', 'book description', 'book summary', 'cable digest', 'presidential letter',
    ]);
  });

  describe('refuses, naming the file and the field,', () => {
    it('a manifest that is not JSON', () => {
      const dir = corpusCopy();
      writeFileSync(join(dir, 'manifest.json'), '{ "documents": [');
      const error = loadError(dir);
      expect(error.code).toBe('CORPUS_INVALID');
      expect(error.message).toMatch(/manifest\.json: is not valid JSON/);
    });

    it('a document of an unknown kind', () => {
      const dir = corpusCopy();
      editManifest(dir, (m) => (m.documents[2]!.kind = 'poem'));
      expect(loadError(dir).message).toMatch(/manifest\.json: documents\[2\]\.kind/);
    });

    it('a date whose precision does not match', () => {
      const dir = corpusCopy();
      editManifest(dir, (m) => (m.documents[0]!.date = { iso: '1963', precision: 'day' }));
      expect(loadError(dir).message).toMatch(/documents\[0\]\.date/);
    });

    it('a duplicate id', () => {
      const dir = corpusCopy();
      editManifest(dir, (m) => (m.documents[1]!.id = m.documents[0]!.id));
      expect(loadError(dir).message).toMatch(/documents\[1\]\.id "jfkfacts-secret-talks" duplicates documents\[0\]\.id/);
    });

    it('a missing file', () => {
      const dir = corpusCopy();
      editManifest(dir, (m) => (m.documents[3]!.file = 'nowhere.txt'));
      expect(loadError(dir).message).toMatch(/nowhere\.txt: cannot read the document \(ENOENT\)/);
    });

    it('an empty file', () => {
      const dir = corpusCopy();
      writeFileSync(join(dir, 'canadian-cables-1962-11-07.txt'), '  \n\n');
      expect(loadError(dir).message).toMatch(/canadian-cables-1962-11-07\.txt: is empty/);
    });

    it('bytes that are not UTF-8, with where the first one is', () => {
      const dir = corpusCopy();
      writeFileSync(join(dir, 'canadian-cables-1962-11-07.txt'), Buffer.from([0x61, 0x0a, 0x62, 0xff, 0x63]));
      expect(loadError(dir).message).toMatch(/canadian-cables-1962-11-07\.txt: is not valid UTF-8 \(first bad byte at offset 3, line 2\)/);
    });

    it('a cleaning rule that is not a valid regular expression', () => {
      const dir = corpusCopy();
      editManifest(dir, (m) => (m.documents[0]!.cleaning = { dropParagraphs: ['(unclosed'] }));
      expect(loadError(dir).message).toMatch(/documents\[0\]\.cleaning\.dropParagraphs\[0\] is not a valid regular expression/);
    });
  });
});
