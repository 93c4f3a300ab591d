import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ELLIPSIS, escapeMarkdown, fitRuns, renderRuns, sentenceEnds, truncate, truncateRuns } from '../../../adapters/discord/text.js';

const ZWSP = '\u200b';
const PASSAGE = 'The envoy met Castro in Havana. He carried a letter from Mr. Donovan. The talks went on for weeks without result.';

describe('Discord text helpers', () => {
  describe('escapeMarkdown', () => {
    it('neutralises emphasis, code, spoilers, quotes, masked links and mention syntax', () => {
      const hostile =
        'Use *stars*, _under_, ~~strike~~, `code`, ||spoiler||, > quote, [x](https://evil), @everyone, @here, <@&123456789012345678>, <@42>, <#7>, back\\slash';
      expect(escapeMarkdown(hostile)).toBe(
        `Use \\*stars\\*, \\_under\\_, \\~\\~strike\\~\\~, \\\`code\\\`, \\|\\|spoiler\\|\\|, \\> quote, \\[x\\](https://evil), @${ZWSP}everyone, @${ZWSP}here, \\<@&123456789012345678\\>, \\<@42\\>, \\<#7\\>, back\\\\slash`,
      );
    });

    it('escapes headings and list markers at the start of a line only', () => {
      expect(escapeMarkdown('# Heading\n-# subtext\n- item\n+ item\n1. first\n-not a list, #not a heading')).toBe(
        '\\# Heading\n\\-# subtext\n\\- item\n\\+ item\n1\\. first\n-not a list, #not a heading',
      );
      expect(escapeMarkdown('- item', false)).toBe('- item');
    });
  });

  describe('sentenceEnds', () => {
    it('finds sentence ends but not initials or abbreviations', () => {
      expect(sentenceEnds(PASSAGE)).toEqual([31, 69]);
      expect(sentenceEnds('J. F. Kennedy wrote. U.S. officials agreed. "Yes." He left.')).toEqual([20, 43, 50]);
    });
  });

  describe('truncate', () => {
    it('leaves text that fits alone', () => {
      expect(truncate(PASSAGE, PASSAGE.length)).toBe(PASSAGE);
    });

    it('cuts after the last whole sentence that fits, with an ellipsis', () => {
      expect(truncate(PASSAGE, 75)).toBe('The envoy met Castro in Havana. He carried a letter from Mr. Donovan. …');
      expect(truncate(PASSAGE, 60)).toBe('The envoy met Castro in Havana. …');
    });

    it('cuts between words when no sentence keeps half the room', () => {
      expect(truncate(PASSAGE, 30)).toBe('The envoy met Castro in…');
      expect(truncate(PASSAGE, 12)).toBe('The envoy…');
    });

    it('never cuts inside a word, leaving only the ellipsis when no word fits', () => {
      expect(truncate(PASSAGE, 2)).toBe(ELLIPSIS);
      expect(truncate('Supercalifragilisticexpialidocious', 10)).toBe(ELLIPSIS);
    });

    it('does not leave dangling punctuation before the ellipsis', () => {
      expect(truncate('In Havana, Castro waited for the reply', 14)).toBe('In Havana…');
    });

    it('always fits, and keeps a prefix of whole words', () => {
      fc.assert(
        fc.property(fc.array(fc.stringMatching(/^[A-Za-z.,!?]{1,12}$/), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 300 }), (words, max) => {
          const text = words.join(' ');
          const cut = truncate(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          if (text.length <= max) {
            expect(cut).toBe(text);
            return;
          }
          expect(cut.endsWith(ELLIPSIS)).toBe(true);
          const kept = cut.slice(0, -ELLIPSIS.length).trimEnd();
          expect(text.startsWith(kept)).toBe(true);
          // The kept text ends where a word ends.
          if (kept.length > 0) expect(/\s/.test(text[kept.length] ?? ' ') || /[,.!?]/.test(text[kept.length] ?? '')).toBe(true);
        }),
      );
    });
  });

  describe('runs', () => {
    it('renders marked runs in bold, with white space outside the stars', () => {
      expect(renderRuns([{ text: 'met ' }, { text: ' Castro ', marked: true }, { text: 'in ' }, { text: 'Havana', marked: true }, { text: '.' }])).toBe(
        'met  **Castro** in **Havana**.',
      );
    });

    it('merges neighbouring marked runs into one bold span', () => {
      expect(renderRuns([{ text: 'Bay', marked: true }, { text: ' of', marked: true }, { text: ' Pigs' }])).toBe('**Bay of** Pigs');
    });

    it('breaks @everyone even when the mark splits it', () => {
      expect(renderRuns([{ text: 'told @' }, { text: 'everyone', marked: true }])).toBe(`told @${ZWSP}**everyone**`);
    });

    it('keeps the marking when truncating runs', () => {
      const runs = [{ text: 'The envoy met ' }, { text: 'Castro', marked: true }, { text: ' in Havana. He carried a letter.' }];
      expect(truncateRuns(runs, 24)).toEqual([{ text: 'The envoy met ' }, { text: 'Castro', marked: true }, { text: ' in' }, { text: ELLIPSIS }]);
    });

    it('fits the rendering, escapes and markup included, in the room given', () => {
      const runs = [{ text: 'A *starred* passage about ' }, { text: 'Havana', marked: true }, { text: ' and the talks that followed it.' }];
      const rendered = fitRuns(runs, 40, (r) => `> ${renderRuns(r)} [1]`);
      expect(rendered).toBe('> A \\*starred\\* passage about… [1]');
      expect(rendered.length).toBeLessThanOrEqual(40);
    });
  });
});
