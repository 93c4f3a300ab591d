import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { htmlSource } from '../../src/corpus/formats/html.js';
import { markdownSource } from '../../src/corpus/formats/markdown.js';
import { BackchannelError } from '../../src/errors.js';
import { entry, imageOnlyPdf, put, tempDir, textPdf, writeManifest } from './temp.js';
import { ARTICLE_HTML, NOTES_MD } from './documents.js';


describe('document formats', () => {
  describe('HTML', () => {
    const source = htmlSource(ARTICLE_HTML);
    const text = source.blocks.map((b) => b.lines.join(' ')).join('\n');

    it('keeps headings as heading blocks and paragraphs and list items as blocks of their own', () => {
      expect(source.blocks.filter((b) => b.heading).map((b) => b.lines[0])).toEqual(['The Attwood Channel', 'Kennedy approves']);
      expect(source.blocks.map((b) => b.lines.join(' '))).toContain('Castro would send a plane for the envoy.');
    });

    it('drops scripts, styles, navigation, forms, asides, footers and images', () => {
      for (const chrome of ['SCRIPT TEXT', 'color: red', 'About us', 'Subscribe', 'Email', 'Related posts', 'Copyright', 'A photo of Castro', 'more script'])
        expect(text).not.toContain(chrome);
    });

    it('keeps link text without the address and decodes entities', () => {
      expect(text).toContain('the Cuban ambassador Carlos Lechuga at a party in New York & they spoke of talks.');
      expect(text).not.toContain('example.org');
    });

    it('states the title, author and published date the page gives', () => {
      expect(source.hints).toEqual({ title: 'The Attwood Channel | Cold War Notes', author: 'Jane Roe', date: '2019-03-04T10:00:00Z' });
    });
  });

  describe('Markdown', () => {
    const source = markdownSource(NOTES_MD);

    it('makes headings, paragraphs and list items blocks, with inline markup dropped', () => {
      expect(source.blocks.map((b) => [b.heading ?? false, b.lines.join(' ')])).toEqual([
        [true, 'Notes on the Attwood initiative'],
        [false, 'The back channel ran through Lisa Howard, an ABC reporter, who carried messages between Attwood and Vallejo.'],
        [true, 'Open questions'],
        [false, 'Did Kennedy tell Rusk about the Vallejo contacts?'],
        [false, 'Who in Havana knew of the plan?'],
      ]);
    });

    it('numbers blocks by their line in the file, front matter counted', () => {
      expect(source.blocks.map((b) => b.line)).toEqual([6, 8, 11, 13, 14]);
    });

    it('reads title, author and date from the front matter', () => {
      expect(source.hints).toEqual({ title: 'Study notes on the back channel', author: 'Study group', date: '1963-11' });
    });
  });

  describe('in a corpus', () => {
    it('cuts HTML, Markdown and PDF documents into passages with headings, lines and pages', async () => {
      const dir = tempDir();
      put(dir, 'article.html', ARTICLE_HTML);
      put(dir, 'notes.md', NOTES_MD);
      put(dir, 'cable.pdf', await textPdf([
        [['Havana cable 232: the talks'], ['The Cuban government is ready to discuss the release', 'of the prisoners taken at the Bay of Pigs, the', 'ambassador reports after meeting Castro.']],
        [['Donovan arrived in Havana on August 30, 1962 to negotiate the release of the prisoners.']],
      ]));
      writeManifest(dir, [entry('article', 'article.html'), entry('notes', 'notes.md', { kind: 'note' }), entry('cable', 'cable.pdf')]);
      const corpus = loadCorpus(dir);
      expect(corpus.documentById.get('article')!.meta.format).toBe('html');
      expect(corpus.passageById.get('article#p2')).toMatchObject({ heading: 'Kennedy approves' });
      expect(corpus.passageById.get('notes#p1')).toMatchObject({ heading: 'Notes on the Attwood initiative', line: 8 });
      const cable = corpus.documentById.get('cable')!.passages;
      expect(cable[0]).toMatchObject({ heading: 'Havana cable 232: the talks', page: 1 });
      expect(cable[0]!.text).toBe('The Cuban government is ready to discuss the release of the prisoners taken at the Bay of Pigs, the ambassador reports after meeting Castro.');
      expect(cable.at(-1)).toMatchObject({ page: 2, text: 'Donovan arrived in Havana on August 30, 1962 to negotiate the release of the prisoners.' });
    });

    it('refuses a PDF with no text layer, and one that is not a PDF, naming the file', async () => {
      for (const [bytes, message] of [
        [await imageOnlyPdf(), /scan\.pdf: has no text layer \(1 page of images only\?\): run OCR on it first/],
        [new TextEncoder().encode('this is not a PDF at all'), /scan\.pdf: is not a readable PDF/],
      ] as const) {
        const dir = tempDir();
        put(dir, 'scan.pdf', bytes);
        writeManifest(dir, [entry('scan', 'scan.pdf')]);
        const error = (() => {
          try {
            loadCorpus(dir);
          } catch (e) {
            return e as BackchannelError;
          }
          throw new Error('expected loading to fail');
        })();
        expect(error.code).toBe('CORPUS_INVALID');
        expect(error.message).toMatch(message);
      }
    });
  });
});
