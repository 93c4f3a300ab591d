import { describe, expect, it } from 'vitest';
import { allText, passageWith, passagesOf, seedCorpus } from './helpers.js';

describe('ingestion of the bundled corpus', () => {
  describe('page chrome', () => {
    it.each([
      ['the comment form', 'Leave a Reply'],
      ['the email notice of the comment form', 'Your email address will not be published'],
      ['the comment policy after the form', 'In seeking to expand the range of informed debate'],
      ['the Akismet notice', 'Akismet'],
      ['the affiliate notice', 'affiliate'],
      ['the error banner', 'An unknown error has occurred'],
      ['the search widget', 'Search by'],
      ['the Most Popular list', 'Most Popular'],
      ['a Most Popular item with its impossible date', 'March 21, 2103'],
      ['the photo licence', 'may not be used in commercial or political materials'],
      ['the blog author box', 'Chief Editor of this blog'],
      ['the rating line', 'Rating: 4.6/5'],
      ['the archive link to the next page', 'Khrushchev Responds'],
      ['the licence footer', 'Copyleft'],
    ])('drops %s', (_name, fragment) => {
      expect(allText()).not.toContain(fragment);
    });

    it('keeps the title once though the page repeats it four times', () => {
      const title = 'Back Channel to Cuba: The Hidden History of Negotiations between Washington and Havana';
      expect(passagesOf('back-channel-description').every((p) => !p.text.includes(title))).toBe(true);
      expect(passagesOf('back-channel-description')[0]!.heading).toBe(title);
    });

    it('drops image alt text that repeats the heading above it', () => {
      expect(allText()).not.toContain('Explosion of La Coubre Sparked\n');
      expect(passagesOf('back-channel-summary').some((p) => p.text.startsWith('Explosion of La Coubre Sparked'))).toBe(false);
    });

    it('keeps the photo caption and its credit while dropping the licence after it', () => {
      const p = passageWith('The culmination of years of talks');
      expect(p.text).toContain('(Official White House Photo by Pete Souza).');
      expect(p.text).not.toContain('This official White House photograph');
    });
  });

  describe('repairs of scraping damage', () => {
    it('joins a name split after its initial', () => {
      expect(passageWith('John F. Kennedy was no stranger to strategic planning').docId).toBe('back-channel-summary');
      expect(passageWith('advisor Philip W. Bonsal spoke out against this decision').docId).toBe('back-channel-summary');
      expect(allText()).toContain('George H.W. Bush only negotiated');
    });

    it('does not join a sentence that merely follows an initial', () => {
      const p = passageWith('He arrived at Cuba on August 30, 1962');
      expect(p.text).toContain('ace negotiator James B.\nHe arrived');
    });

    it('rejoins a word broken across a hard-wrapped line', () => {
      expect(passageWith('as fast as it was destroyed.').docId).toBe('back-channel-description');
      expect(allText()).not.toMatch(/\bde stroyed\b/);
    });

    it('joins hard-wrapped lines of one paragraph with spaces', () => {
      expect(allText()).toContain('who blew it up—I think it was you who blew it up.');
    });
  });

  describe('reader comments', () => {
    const comments = passagesOf('jfkfacts-secret-talks').filter((p) => p.comment);

    it('keeps them, each with its author', () => {
      expect(new Set(comments.map((p) => p.comment!.author))).toEqual(new Set(['LMB', 'Chris Roberts', 'Jean Davison', 'JSA', 'George Simmons']));
    });

    it('never mixes them with the article text', () => {
      const article = passagesOf('jfkfacts-secret-talks').filter((p) => !p.comment);
      expect(article.at(-1)!.text).toContain('JFK was dead and so was the Attwood initiative.');
      expect(comments.every((p) => p.heading === null)).toBe(true);
      expect(comments[0]!.text.startsWith('Well, now you have it.')).toBe(true);
    });
  });

  describe('cable tables', () => {
    it('parses every row and indexes none of them as prose', () => {
      const doc = seedCorpus().documentById.get('canadian-cables-1962-11-07')!;
      expect(doc.cables.map((c) => c.id)).toEqual(['CDNW12597', 'CDNW12598', 'CDNW12636', 'CDNW12414', 'CDNW12626', 'CDNW12621', 'CDNW12384']);
      expect(allText()).not.toContain('CDNW12597.pdf');
      expect(allText()).not.toContain('Item Date From To Number');
    });

    it('reads date, sender, recipient and number of a row', () => {
      const doc = seedCorpus().documentById.get('canadian-cables-1962-11-07')!;
      expect(doc.cables.find((c) => c.id === 'CDNW12636')).toMatchObject({
        item: 'CDNW12636.pdf',
        date: '1962-11-07',
        rawDate: '7-Nov-62',
        from: 'HAVANA',
        to: 'EXTERNAL',
        number: '232',
        heading: 'The Future of Cuba',
      });
      expect(doc.cables.find((c) => c.id === 'CDNW12384')).toMatchObject({ date: '1962-11-02', rawDate: '2-Nov-62', number: '3253' });
    });
  });
});
