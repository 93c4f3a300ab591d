import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { loadCore } from '../../src/core.js';
import { runCommand } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { ARTICLE_HTML, NOTES_MD } from '../corpus/documents.js';
import { JFK, imageOnlyPdf, manifestOf, put, tempDir, textPdf } from '../corpus/temp.js';

beforeAll(() => {
  process.env['BACKCHANNEL_CACHE'] = '0'; // temporary corpora: no saved index
});

const cli = (...argv: string[]) => runCliCaptured(argv);

describe('backchannel corpus add', () => {
  describe('round trips', () => {
    it('copies a Markdown file in, writes its entry from what the file states, and prints it to confirm', async () => {
      const corpus = tempDir(true);
      const notes = put(tempDir(), 'Attwood notes.md', NOTES_MD);
      const { code, stdout } = await cli('corpus', 'add', notes, '--corpus', corpus);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Added .*Attwood notes\.md as "attwood-notes" \(md, \d+ passages?\):/);
      expect(stdout).toMatch(/title +Study notes on the back channel +\(the front matter\)/);
      expect(stdout).toMatch(/date +1963-11 \(month\) +\(the front matter\)/);
      expect(stdout).toMatch(/kind +note +\(the \.md extension\)/);
      expect(stdout).toContain('To correct one, add the file again with it:');
      expect(readFileSync(join(corpus, 'Attwood notes.md'), 'utf8')).toBe(NOTES_MD);
      expect(manifestOf(corpus).documents.at(-1)).toEqual({
        id: 'attwood-notes',
        file: 'Attwood notes.md',
        title: 'Study notes on the back channel',
        kind: 'note',
        author: 'Study group',
        publisher: null,
        date: { iso: '1963-11', precision: 'month' },
        cleaning: { dropParagraphs: [], sentencePerParagraph: false, readerComments: false, ocr: false },
      });
      const loaded = loadCorpus(corpus);
      expect(loaded.documents).toHaveLength(6);
      expect(loaded.passages.some((p) => p.docId === 'attwood-notes' && p.text.includes('carried messages between Attwood and Vallejo'))).toBe(true);
    });

    it('takes the given fields over inferred ones, and a second add corrects the entry without adding another', async () => {
      const corpus = tempDir(true);
      const page = put(tempDir(), 'attwood.html', ARTICLE_HTML);
      expect((await cli('corpus', 'add', page, '--corpus', corpus, '--kind', 'article', '--publisher', 'Cold War Notes')).code).toBe(0);
      const first = manifestOf(corpus).documents.at(-1)!;
      expect(first).toMatchObject({ id: 'attwood', kind: 'article', publisher: 'Cold War Notes', author: 'Jane Roe', date: { iso: '2019-03-04', precision: 'day' } });
      const again = await cli('corpus', 'add', page, '--corpus', corpus, '--title', 'The Attwood channel', '--date', 'November 5, 1963');
      expect(again.stdout).toMatch(/^Updated .*attwood\.html as "attwood"/);
      expect(again.stdout).toMatch(/kind +article +\(kept from the manifest\)/);
      const documents = manifestOf(corpus).documents;
      expect(documents).toHaveLength(6);
      expect(documents.at(-1)).toMatchObject({ title: 'The Attwood channel', kind: 'article', publisher: 'Cold War Notes', date: { iso: '1963-11-05', precision: 'day' } });
    });

    it('adds a PDF by its text layer and an OCR record with the OCR cleaning on', async () => {
      const corpus = tempDir(true);
      const pdf = put(tempDir(), 'havana-cable.pdf', await textPdf([[['The ambassador met Castro on 7 November 1962 to discuss U Thant and the inspections.']]], { title: 'Havana cable 232' }));
      expect((await cli('corpus', 'add', pdf, '--corpus', corpus)).code).toBe(0);
      expect((await cli('corpus', 'add', join(JFK, '104-10181-10117.txt'), '--corpus', corpus)).code).toBe(0);
      const [cable, record] = manifestOf(corpus).documents.slice(-2);
      expect(cable).toMatchObject({ id: 'havana-cable', title: 'Havana cable 232', kind: 'document', date: { iso: '1962-11-07', precision: 'day' } });
      expect(record).toMatchObject({ kind: 'record', title: '104-10181-10117: Possible DRE Animus Towards President Kennedy', cleaning: { ocr: true } });
      const loaded = loadCorpus(corpus);
      expect(loaded.documentById.get('havana-cable')!.passages[0]).toMatchObject({ page: 1 });
      expect(loaded.documentById.get('104-10181-10117')!.passages.map((p) => p.text).join(' ')).not.toContain('SECRET');
    });

    it('makes new documents visible to /source and /timeline like the original five', async () => {
      const corpus = tempDir(true);
      await cli('corpus', 'add', put(tempDir(), 'attwood.html', ARTICLE_HTML), '--corpus', corpus, '--title', 'The Attwood channel');
      const core = loadCore({ corpusDir: corpus });
      const card = await runCommand(commands.get('source')!, { id: 'attwood' }, core);
      expect(JSON.stringify(card.data)).toContain('The Attwood channel');
      const list = await runCommand(commands.get('source')!, {}, core);
      expect(JSON.stringify(list.data)).toContain('The Attwood channel');
      const timeline = await runCommand(commands.get('timeline')!, { query: 'November 1963' }, core);
      expect(JSON.stringify(timeline.data)).toContain('Kennedy approved a secret meeting with Castro');
    });
  });

  describe('refusals, with nothing written', () => {
    it('refuses an unknown format', async () => {
      const corpus = tempDir(true);
      const { code, stderr } = await cli('corpus', 'add', put(tempDir(), 'notes.docx', 'x'), '--corpus', corpus);
      expect(code).toBe(1);
      expect(stderr).toMatch(/notes\.docx: unknown format \(expected \.txt, \.md, \.html or \.pdf\)/);
      expect(manifestOf(corpus).documents).toHaveLength(5);
    });

    it('refuses a PDF without a text layer, naming the file', async () => {
      const corpus = tempDir(true);
      const { code, stderr } = await cli('corpus', 'add', put(tempDir(), 'scan.pdf', await imageOnlyPdf()), '--corpus', corpus);
      expect(code).toBe(1);
      expect(stderr).toMatch(/scan\.pdf: has no text layer/);
      expect(existsSync(join(corpus, 'scan.pdf'))).toBe(false);
      expect(manifestOf(corpus).documents).toHaveLength(5);
    });

    it('refuses a document with no text left after cleaning, a bad kind, a bad date and a taken id', async () => {
      const corpus = tempDir(true);
      const stamps = put(tempDir(), 'stamps.txt', 'SECRET\n\n## Page 1\n\nSECRET\n\n104-10012-10024\n');
      expect((await cli('corpus', 'add', stamps, '--corpus', corpus, '--kind', 'record')).stderr).toMatch(/stamps\.txt: has no text left after cleaning/);
      const note = put(tempDir(), 'note.txt', 'A note on the talks with Havana in 1963, long enough to make a passage of its own.');
      expect((await cli('corpus', 'add', note, '--corpus', corpus, '--kind', 'poem')).stderr).toMatch(/--kind "poem" is not a kind/);
      expect((await cli('corpus', 'add', note, '--corpus', corpus, '--date', 'someday')).stderr).toMatch(/--date "someday" is not a date/);
      expect((await cli('corpus', 'add', note, '--corpus', corpus, '--id', 'back-channel-summary')).stderr).toMatch(/--id "back-channel-summary" is already the id/);
      expect(manifestOf(corpus).documents).toHaveLength(5);
    });

    it('writes nothing on --dry-run but says what it would add', async () => {
      const corpus = tempDir(true);
      const { code, stdout } = await cli('corpus', 'add', put(tempDir(), 'notes.md', NOTES_MD), '--corpus', corpus, '--dry-run');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Would add /);
      expect(existsSync(join(corpus, 'notes.md'))).toBe(false);
      expect(manifestOf(corpus).documents).toHaveLength(5);
    });
  });

  it('starts a new corpus in an empty directory', async () => {
    const corpus = join(tempDir(), 'new-corpus');
    expect((await cli('corpus', 'add', put(tempDir(), 'notes.md', NOTES_MD), '--corpus', corpus)).code).toBe(0);
    expect(loadCorpus(corpus).documents.map((d) => d.meta.id)).toEqual(['notes']);
  });
});
