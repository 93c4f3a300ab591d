import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferDate, inferId, inferKind, inferTitle, looksLikeOcr, parseDate } from '../../src/corpus/infer.js';
import { textSource } from '../../src/corpus/formats/text.js';
import { htmlSource } from '../../src/corpus/formats/html.js';
import { markdownSource } from '../../src/corpus/formats/markdown.js';
import { ARTICLE_HTML, NOTES_MD } from './documents.js';
import { JFK } from './temp.js';

const jfk = (id: string) => textSource(readFileSync(join(JFK, `${id}.txt`), 'utf8'));

describe('metadata inference', () => {
  describe('title', () => {
    it('takes the title the file states: <title>, front matter', () => {
      expect(inferTitle(htmlSource(ARTICLE_HTML), 'document')).toEqual({ value: 'The Attwood Channel | Cold War Notes', from: 'the <title>' });
      expect(inferTitle(markdownSource(NOTES_MD), 'note')?.value).toBe('Study notes on the back channel');
    });

    it('takes the first heading of a Markdown file without front matter', () => {
      expect(inferTitle(markdownSource('Intro line\n\n# The real title\n\nText.'), 'note')).toEqual({ value: 'The real title', from: 'the first heading' });
    });

    it('takes the first line of plain text, cut at a word when long', () => {
      expect(inferTitle(textSource('\n\nMemo on the talks\n\nBody.'), 'document')).toEqual({ value: 'Memo on the talks', from: 'the first line' });
      const long = inferTitle(textSource(`${'word '.repeat(40)}end`), 'document')!.value;
      expect(long.length).toBeLessThanOrEqual(100);
      expect(long.endsWith('word…')).toBe(true);
    });

    it('names a record by its number and SUBJECT line, or its number alone', () => {
      expect(inferTitle(jfk('104-10181-10117'), 'record')?.value).toBe('104-10181-10117: Possible DRE Animus Towards President Kennedy');
      expect(inferTitle(jfk('104-10012-10024'), 'record')?.value).toBe('Record 104-10012-10024');
    });
  });

  describe('date', () => {
    it('takes the date the file states', () => {
      expect(inferDate(htmlSource(ARTICLE_HTML)).value).toEqual({ iso: '2019-03-04', precision: 'day' });
      expect(inferDate(markdownSource(NOTES_MD)).value).toEqual({ iso: '1963-11', precision: 'month' });
    });

    it('takes the first full date of the text, skipping the release banner', () => {
      expect(inferDate(jfk('104-10181-10117'))).toEqual({ value: { iso: '1967-03-08', precision: 'day' }, from: 'the text: "8 March 1967"' });
      expect(inferDate(jfk('104-10012-10024')).value).toEqual({ iso: '1982-05-10', precision: 'day' });
    });

    it("prefers a record's DATE field", () => {
      expect(inferDate(jfk('124-10300-10012')).value).toEqual({ iso: '1967-07-14', precision: 'day' });
    });

    it('falls back to a month, then a bare year, then undated', () => {
      expect(inferDate(textSource('Notes\n\nIn March 1963 the talks began; by 1964 they were over.')).value).toEqual({ iso: '1963-03', precision: 'month' });
      expect(inferDate(textSource('Notes\n\nThe talks of 1963 came to nothing.')).value).toEqual({ iso: '1963', precision: 'year' });
      expect(inferDate(textSource('Notes with no date at all.')).value).toEqual({ iso: null, precision: 'undated' });
    });

    it.each([
      ['1963-11-05', { iso: '1963-11-05', precision: 'day' }],
      ['1963-11', { iso: '1963-11', precision: 'month' }],
      ['1963', { iso: '1963', precision: 'year' }],
      ['undated', { iso: null, precision: 'undated' }],
      ['November 5, 1963', { iso: '1963-11-05', precision: 'day' }],
      ['5 Nov 1963', { iso: '1963-11-05', precision: 'day' }],
      ['1963-13', null],
      ['next week', null],
    ])('parses a given date "%s"', (text, expected) => {
      expect(parseDate(text)).toEqual(expected);
    });
  });

  describe('kind and id', () => {
    it('reads archival OCR as a record, Markdown as a note, anything else as a document', () => {
      expect(looksLikeOcr(jfk('104-10162-10107'))).toBe(true);
      expect(inferKind(jfk('104-10012-10022'), 'txt').value).toBe('record');
      expect(inferKind(markdownSource(NOTES_MD), 'md').value).toBe('note');
      expect(inferKind(htmlSource(ARTICLE_HTML), 'html').value).toBe('document');
    });

    it('makes an id of the file name, numbered when taken', () => {
      expect(inferId('/x/Attwood Notes (Draft).md', new Set()).value).toBe('attwood-notes-draft');
      expect(inferId('Café.txt', new Set(['cafe', 'cafe-2'])).value).toBe('cafe-3');
    });
  });
});
