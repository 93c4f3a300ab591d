import { describe, expect, it } from 'vitest';
import { passageWith, passagesOf, seedCorpus } from './helpers.js';

describe('passages', () => {
  it('have stable ids numbered from 1 within each document', () => {
    for (const doc of seedCorpus().documents) {
      expect(doc.passages.map((p) => p.id)).toEqual(doc.passages.map((_, i) => `${doc.meta.id}#p${i + 1}`));
    }
  });

  it('carry the heading of their section, and headings are never passages of their own', () => {
    const p = passageWith('Frank Mankiewicz');
    expect(p.heading).toBe('When Nixon Took Office, He Refused to Negotiate With Cuba on Plane Hijackings – Until Henry Kissinger Intervened');
    expect(seedCorpus().passages.some((q) => q.text === 'Castro and Kennedy' || q.text === 'Wrap Up')).toBe(false);
  });

  it('group the one-sentence paragraphs of the book summary under their heading', () => {
    const p = passageWith('sending Alan Gross into Cuba');
    expect(p.text).toContain('Gross was sentenced to 15 years in prison');
    expect(passagesOf('back-channel-summary').length).toBeLessThan(60);
  });

  it('keep an attribution line with the quotation above it', () => {
    const p = passageWith('Our relations are like a bridge in war-time.');
    expect(p.text).toContain('—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977');
  });

  it('keep the signature with the last paragraph of the letter', () => {
    expect(passageWith('those determined to be free.').text.endsWith('\nJohn F. Kennedy')).toBe(true);
  });

  it('stay a few sentences long', () => {
    for (const p of seedCorpus().passages) expect(p.text.split(/\s+/).length).toBeLessThanOrEqual(170);
  });

  it('give sentence ranges that cover the text verbatim, never crossing a paragraph break', () => {
    for (const p of seedCorpus().passages) {
      expect(p.sentences.length).toBeGreaterThan(0);
      for (const [s, e] of p.sentences) {
        expect(e).toBeGreaterThan(s);
        expect(p.text.slice(s, e)).not.toContain('\n');
        expect(p.text.slice(s, e)).toBe(p.text.slice(s, e).trim());
      }
    }
  });

  it('point to the raw line where they start', () => {
    const p = passageWith('Seventeen days later, JFK was shot dead.');
    expect(p.line).toBe(15);
  });
});
