import { describe, expect, it } from 'vitest';
import { runsOf, styledInside } from '../../src/reply/build.js';
import { renderRuns } from '../../adapters/discord/text.js';
import { runsToMrkdwn } from '../../adapters/slack/render.js';
import { renderTerminal, PLAIN } from '../../adapters/terminal/render.js';

const text = 'Castro opened a port at Mariel Harbor in April 1980.';
// "Castro" and "Mariel Harbor" are query terms; "April 1980" answers "when".
const runs = runsOf(text, [[0, 6], [24, 37]], [41, 51]);

describe('the answer span in every renderer', () => {
  it('cuts the quote into query-term, answer and plain runs', () => {
    expect(runs).toEqual([
      { text: 'Castro', marked: true },
      { text: ' opened a port at ' },
      { text: 'Mariel Harbor', marked: true },
      { text: ' in ' },
      { text: 'April 1980', answer: true },
      { text: '.' },
    ]);
  });

  it('keeps a query term inside the answer both marked and answer', () => {
    expect(runsOf('in Havana today', [[3, 9]], [3, 15])).toEqual([{ text: 'in ' }, { text: 'Havana', marked: true, answer: true }, { text: ' today', answer: true }]);
  });

  it('underlines the answer in Discord markdown', () => {
    expect(renderRuns(runs)).toBe('**Castro** opened a port at **Mariel Harbor** in __April 1980__.');
  });

  it('sets the answer in italics in Slack mrkdwn', () => {
    expect(runsToMrkdwn(runs)).toBe('*Castro* opened a port at *Mariel Harbor* in _April 1980_.');
  });

  it('underlines the answer in the terminal (underscores without a TTY)', () => {
    const reply = renderTerminal({ blocks: [{ type: 'quote', runs, citation: 1 }], actions: [], data: null, ok: true }, PLAIN);
    expect(reply).toBe('> **Castro** opened a port at **Mariel Harbor** in __April 1980__. [1]');
  });

  it('keeps the white space around a styled run outside its markers in every renderer', () => {
    expect(styledInside(' during his ', (t) => `__${t}__`)).toBe(' __during his__ ');
    expect(styledInside('  \n', (t) => `__${t}__`)).toBe('  \n');
    const spaced = runsOf('golfing during his visit.', [[19, 24]], [8, 24]);
    expect(renderRuns(spaced)).toBe('golfing __during his__ __**visit**__.');
    expect(runsToMrkdwn(spaced)).toBe('golfing _during his_ _*visit*_.');
  });
});
