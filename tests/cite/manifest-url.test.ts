import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cli/run-cli.js';
import { checkCorpus } from '../../src/corpus/check.js';
import { loadCore } from '../../src/core.js';
import { citeReply } from '../../src/cite/reply.js';
import { NOTES_MD } from '../corpus/documents.js';
import { entry, manifestOf, put, tempDir, writeManifest } from '../corpus/temp.js';

beforeAll(() => {
  process.env['BACKCHANNEL_CACHE'] = '0'; // temporary corpora: no saved index
});

const ARTICLE = 'Talks in Havana\n\nThe envoy met the minister in Havana in March 1963 to talk about prisoners.\n';

describe('a document’s url in the manifest', () => {
  it('is written by corpus add --url, kept on a re-add, and cited by /cite', async () => {
    const corpus = tempDir(true);
    const notes = put(tempDir(), 'notes.md', NOTES_MD);
    const added = await runCliCaptured(['corpus', 'add', notes, '--url', 'https://example.org/notes', '--corpus', corpus]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/url +https:\/\/example\.org\/notes +\(given\)/);
    expect(manifestOf(corpus).documents.at(-1)).toMatchObject({ id: 'notes', url: 'https://example.org/notes' });
    await runCliCaptured(['corpus', 'add', notes, '--title', 'Notes', '--corpus', corpus]);
    expect(manifestOf(corpus).documents.at(-1)).toMatchObject({ title: 'Notes', url: 'https://example.org/notes' });
    const core = loadCore({ corpusDir: corpus, cache: false });
    const reply = citeReply(core.corpus, { id: 'notes#p1', format: 'chicago', accessed: new Date('2026-12-04T00:00:00Z') });
    expect((reply.data as { chicago: { note: string } }).chicago.note).toMatch(/, accessed December 4, 2026, https:\/\/example\.org\/notes\.$/);
  });

  it('refuses an address that is not http or https with a domain name, writing nothing', async () => {
    const corpus = tempDir(true);
    const notes = put(tempDir(), 'notes.md', NOTES_MD);
    for (const url of ['javascript:alert(1)', 'ftp://example.org/x', 'http://localhost/x', 'example.org']) {
      const { code, stderr } = await runCliCaptured(['corpus', 'add', notes, '--url', url, '--corpus', corpus]);
      expect(code).toBe(1);
      expect(stderr).toContain(`--url "${url}" is not an http or https address with a domain name`);
    }
    expect(manifestOf(corpus).documents.some((d) => d['file'] === 'notes.md')).toBe(false);
  });

  it('is checked by corpus check, which names the field and its line', async () => {
    const dir = tempDir();
    put(dir, 'a.txt', ARTICLE);
    writeManifest(dir, [entry('a', 'a.txt', { url: 'mailto:someone@example.org' })]);
    const report = await checkCorpus(dir);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.message)).toEqual(['documents[0].url must be an http or https address with a domain name']);
    expect(report.problems[0]!.line).toBeGreaterThan(1);
  });
});
