import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { renderTerminal, terminalWrap, PLAIN, ANSI, type TerminalWrap } from '../../adapters/terminal/render.js';
import type { Reply } from '../../src/reply/model.js';

const reply: Reply = {
  ok: true,
  data: {},
  blocks: [
    { type: 'quote', runs: [{ text: 'Castro told correspondent ' }, { text: 'Lisa Howard', marked: true }, { text: ' that…\nsecond line' }], citation: 1 },
    { type: 'also', of: 1, items: [{ n: 2, docId: 'b', passageId: 'b#p4', title: 'Doc B', kind: 'book summary', date: 'undated', paragraph: 50, comment: false }] },
    {
      type: 'citations',
      items: [
        { n: 1, docId: 'a', passageId: 'a#p12', title: 'Doc A', kind: 'article', date: 'November 5, 1963', paragraph: 14, comment: false },
        { n: 2, docId: 'b', passageId: 'b#p4', title: 'Doc B', kind: 'book summary', date: 'undated', paragraph: 50, page: 3, comment: false },
      ],
    },
    { type: 'notice', tone: 'warning', text: 'Careful.' },
  ],
  actions: [
    { id: 'more', label: 'More results', command: 'ask', args: { question: 'who was Lisa Howard', page: 2 } },
    { id: 'context', label: 'Show context', command: 'passage', args: { id: 'a#p12' }, private: true },
  ],
};

describe('renderTerminal', () => {
  it('renders quotes as block quotes with marked terms, citations (with the page of a paged source) and follow-ups as commands', () => {
    expect(renderTerminal(reply, PLAIN)).toBe(
      [
        '> Castro told correspondent **Lisa Howard** that…\n> second line [1]',
        '   also in [2] Doc B',
        'Sources\n[1] Doc A (article, November 5, 1963, ¶ 14) — a#p12\n[2] Doc B (book summary, undated, ¶ 50, p. 3) — b#p4',
        'Note: Careful.',
        'More results: /ask "who was Lisa Howard" --page 2\nShow context: /passage "a#p12"',
      ].join('\n\n'),
    );
  });

  it('uses ANSI bold on a terminal', () => {
    expect(renderTerminal({ ...reply, blocks: reply.blocks.slice(0, 1), actions: [] }, ANSI)).toContain('\x1b[1mLisa Howard\x1b[22m');
  });

  it('keeps the spaces around a marked or answering run outside its markers', () => {
    const answer: Reply = {
      ok: true,
      data: {},
      blocks: [
        {
          type: 'quote',
          runs: [{ text: 'Things soured ' }, { text: 'when Eisenhower went golfing during his ', answer: true }, { text: 'visit', answer: true, marked: true }, { text: '.' }],
          citation: 1,
        },
      ],
      actions: [],
    };
    expect(renderTerminal(answer, PLAIN)).toBe('> Things soured __when Eisenhower went golfing during his__ __**visit**__. [1]');
    expect(renderTerminal(answer, ANSI)).toBe('> Things soured \x1b[4mwhen Eisenhower went golfing during his\x1b[24m \x1b[4m\x1b[1mvisit\x1b[22m\x1b[24m. [1]');
  });

  describe('on a terminal of a given width', () => {
    const at = (columns: number): TerminalWrap => ({ columns, wrap: wrapAnsi });
    const long: Reply = {
      ok: true,
      data: {},
      blocks: [
        { type: 'quote', runs: [{ text: 'In a May 1963 ABC News special on Cuba, Castro told correspondent ' }, { text: 'Lisa Howard', marked: true }, { text: ' that he considered a rapprochement possible.' }], citation: 1 },
        { type: 'list', ordered: true, items: [[{ text: 'Attwood and Howard kept the back channel to Havana open through the autumn of 1963' }]] },
        { type: 'citations', items: [{ n: 1, docId: 'a', passageId: 'jfkfacts-secret-talks#p12', title: 'Nov. 5, 1963: JFK considers secret talks with Castro', kind: 'article', date: 'November 5, 1963', paragraph: 14, comment: false }] },
      ],
      actions: [],
    };

    it('wraps quotes at word boundaries, each line a block-quote line', () => {
      expect(renderTerminal(long, PLAIN, at(44)).split('\n\n')[0]).toBe(
        [
          '> In a May 1963 ABC News special on Cuba,',
          '> Castro told correspondent **Lisa Howard**',
          '> that he considered a rapprochement',
          '> possible. [1]',
        ].join('\n'),
      );
    });

    it('hangs a list item and a source under their first line', () => {
      const [, list, sources] = renderTerminal(long, PLAIN, at(44)).split('\n\n');
      expect(list).toBe('1. Attwood and Howard kept the back channel\n   to Havana open through the autumn of 1963');
      expect(sources).toBe(
        ['Sources', '[1] Nov. 5, 1963: JFK considers secret', '    talks with Castro (article, November 5,', '    1963, ¶ 14) — jfkfacts-secret-talks#p12'].join('\n'),
      );
    });

    it('counts columns without ANSI styles, and keeps a style open across a break', () => {
      const lines = renderTerminal({ ...long, blocks: long.blocks.slice(0, 1) }, ANSI, at(44)).split('\n');
      expect(lines.map((line) => line.replace(/\x1b\[\d+m/g, ''))).toEqual([
        '> In a May 1963 ABC News special on Cuba,',
        '> Castro told correspondent Lisa Howard that',
        '> he considered a rapprochement possible.',
        '> [1]',
      ]);
      expect(lines[1]).toContain('\x1b[1mLisa Howard\x1b[22m');
    });

    it('leaves lines whole on a terminal too narrow to wrap into', () => {
      expect(renderTerminal(long, PLAIN, at(20))).toBe(renderTerminal(long, PLAIN));
    });

    it('wraps nothing written to a pipe or a file', async () => {
      expect(await terminalWrap({ isTTY: false, columns: 80 })).toBeUndefined();
      expect(await terminalWrap({})).toBeUndefined();
      const layout = await terminalWrap({ isTTY: true, columns: 80 });
      expect(layout?.columns).toBe(80);
    });
  });
});
