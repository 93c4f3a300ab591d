import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../../adapters/slack/limits.js';
import { decodeAction, encodeAction, renderReply, type SectionBlock, type SlackBlock } from '../../../adapters/slack/render.js';
import type { Citation, Reply } from '../../../src/reply/model.js';
import { CITATION, HOSTILE_PASSAGE } from './fixtures.js';

const Z = '\u200B';
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });
const reply = (blocks: Reply['blocks'], actions: Reply['actions'] = []): Reply => ({ blocks, actions, data: null, ok: true });
const sectionText = (block: SlackBlock | undefined) => (block as SectionBlock).text.text;

describe('renderReply', () => {
  describe('a typical answer', () => {
    const answer = reply(
      [
        { type: 'heading', text: 'Back channel, 1963' },
        {
          type: 'quote',
          runs: [{ text: 'Kennedy wanted an ' }, { text: 'accommodation', marked: true }, { text: ' with Castro.\nA second line.' }],
          citation: 1,
        },
        { type: 'list', ordered: true, items: [[{ text: 'one' }], [{ text: 'two', marked: true }]] },
        { type: 'notice', tone: 'warning', text: 'Only one source says this.' },
        { type: 'citations', items: [{ ...CITATION, title: 'JFK & Castro' }] },
        { type: 'also', of: 1, items: [{ ...CITATION, n: 2, title: 'Summary', kind: 'book summary', date: 'undated', paragraph: 1 }] },
      ],
      [{ id: 'more', label: 'More results', command: 'ask', args: { question: 'x', page: 2 } }],
    );

    it('renders every block exactly: a quote with bold query terms and its number, citations in context blocks, a button', () => {
      expect(renderReply(answer)).toEqual({
        text: 'Kennedy wanted an accommodation with Castro.\nA second line. [1]',
        blocks: [
          { type: 'section', text: mrkdwn('*Back channel, 1963*') },
          { type: 'section', text: mrkdwn('> Kennedy wanted an *accommodation* with Castro.\n> A second line. [1]') },
          { type: 'section', text: mrkdwn('1. one\n2. *two*') },
          { type: 'section', text: mrkdwn(':warning: Only one source says this.') },
          { type: 'context', elements: [mrkdwn('*[1]* JFK &amp; Castro — article, November 5, 1963, ¶ 3')] },
          { type: 'context', elements: [mrkdwn('Saying the same as [1]: [2] Summary (book summary, undated, ¶ 1)')] },
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: 'backchannel:more:0',
                text: { type: 'plain_text', text: 'More results', emoji: true },
                value: '{"c":"ask","a":{"question":"x","page":2}}',
              },
            ],
          },
        ],
      });
    });
  });

  describe('escaping', () => {
    it('renders corpus text that tries to ping, mention and link as inert text', () => {
      const out = renderReply(reply([{ type: 'quote', runs: [{ text: HOSTILE_PASSAGE }], citation: 1 }]));
      expect(out.blocks).toEqual([
        {
          type: 'section',
          text: mrkdwn(`> Memo to &lt;!channel&gt;: ask &lt;@U123&gt; &amp; see &lt;https://evil.example|click&gt; ${Z}*${Z}now${Z}*${Z}. [1]`),
        },
      ]);
      expect(out.text).toBe(`Memo to &lt;!channel&gt;: ask &lt;@U123&gt; &amp; see &lt;https://evil.example|click&gt; ${Z}*${Z}now${Z}*${Z}. [1]`);
    });

    it('never lets a raw <, > or unescaped & through, in any block or the fallback', () => {
      const hostileCitation: Citation = { ...CITATION, title: '<!here> & <@U1>', date: '<!everyone>' };
      const out = renderReply(
        reply([
          { type: 'heading', text: '<!channel>' },
          { type: 'text', runs: [{ text: '<@U123>', marked: true }] },
          { type: 'list', ordered: false, items: [[{ text: '<#C1|general>' }]] },
          { type: 'notice', tone: 'error', text: '<!subteam^S1>' },
          { type: 'citations', items: [hostileCitation] },
          { type: 'also', of: 1, items: [hostileCitation] },
        ]),
      );
      const json = JSON.stringify(out);
      expect(json).not.toMatch(/<|>/);
      expect(json.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    });

    it('bolds only the marked runs, and fences formatting characters inside them', () => {
      const out = renderReply(reply([{ type: 'text', runs: [{ text: 'a_b ' }, { text: 'Cuba_libre', marked: true }, { text: ' ~x~' }] }]));
      expect(sectionText(out.blocks[0])).toBe(`a${Z}_${Z}b *Cuba${Z}_${Z}libre* ${Z}~${Z}x${Z}~${Z}`);
    });

    it('bolds a marked run line by line when it spans a line break', () => {
      const out = renderReply(reply([{ type: 'text', runs: [{ text: 'two\nlines', marked: true }] }]));
      expect(sectionText(out.blocks[0])).toBe('*two*\n*lines*');
    });
  });

  describe('limits', () => {
    const sentence = 'The envoy carried the message to Havana without delay. ';

    it('cuts an over-long quote at a sentence boundary, marks the cut, and keeps the citation number', () => {
      const long = sentence.repeat(80).trim();
      const text = sectionText(renderReply(reply([{ type: 'quote', runs: [{ text: long }], citation: 7 }])).blocks[0]);
      expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(text.endsWith('without delay. […] [7]')).toBe(true);
      expect(text.length).toBeGreaterThan(SLACK_LIMITS.sectionText - sentence.length - 10);
    });

    it('counts the escaped length, not the raw length, against the limit', () => {
      const long = '<&> is a sign. '.repeat(300).trim();
      const text = sectionText(renderReply(reply([{ type: 'quote', runs: [{ text: long }], citation: 1 }])).blocks[0]);
      expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(text).toMatch(/is a sign\. \[…\] \[1\]$/);
    });

    it('keeps bold markers balanced when a cut falls inside a marked run', () => {
      const runs = [{ text: 'x'.repeat(2970) + ' ' }, { text: 'Kennedy Castro Donovan Attwood', marked: true }];
      const text = sectionText(renderReply(reply([{ type: 'text', runs }])).blocks[0]);
      expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(text).toMatch(/ \*Kennedy Castro Donovan\* \[…\]$/);
      expect(text.match(/\*/g)?.length).toBe(2);
    });

    it('drops content blocks, never citations, notices or buttons, when there are more than 50 blocks', () => {
      const quotes = Array.from({ length: 60 }, (_, i) => ({ type: 'quote' as const, runs: [{ text: `Quote ${i + 1}.` }], citation: 1 }));
      const out = renderReply(
        reply([...quotes, { type: 'notice', tone: 'info', text: 'Note.' }, { type: 'citations', items: [CITATION] }], [
          { id: 'more', label: 'More results', command: 'ask', args: { question: 'q', page: 2 } },
        ]),
      );
      expect(out.blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
      expect(out.blocks.slice(-4)).toEqual([
        { type: 'section', text: mrkdwn(':information_source: Note.') },
        { type: 'context', elements: [mrkdwn('*[1]* JFK’s secret talks with Castro — article, November 5, 1963, ¶ 3')] },
        { type: 'context', elements: [mrkdwn('Some of this answer was left out to fit in a Slack message.')] },
        expect.objectContaining({ type: 'actions' }),
      ]);
      expect(sectionText(out.blocks[0])).toBe('> Quote 1. [1]');
      expect(sectionText(out.blocks[45])).toBe('> Quote 46. [1]');
    });

    it('packs many citations into at most 10 context elements', () => {
      const items = Array.from({ length: 23 }, (_, i) => ({ ...CITATION, n: i + 1 }));
      const out = renderReply(reply([{ type: 'citations', items }]));
      expect(out.blocks).toHaveLength(1);
      const elements = (out.blocks[0] as { elements: { text: string }[] }).elements;
      expect(elements).toHaveLength(8);
      expect(elements.map((e) => e.text).join('\n').split('\n')).toHaveLength(23);
    });

    it('truncates a long button label to 75 characters and caps the action_id at 255', () => {
      const out = renderReply(reply([], [{ id: 'x'.repeat(300), label: 'L'.repeat(100), command: 'ask', args: {} }]));
      const button = (out.blocks[0] as { elements: { action_id: string; text: { text: string } }[] }).elements[0];
      expect(button?.text.text.length).toBe(SLACK_LIMITS.buttonText);
      expect(button?.action_id.length).toBe(SLACK_LIMITS.actionId);
    });

    it('leaves out a button whose state would not fit in its 2,000-character value', () => {
      const out = renderReply(reply([], [{ id: 'more', label: 'More', command: 'ask', args: { question: 'q'.repeat(2000) } }]));
      expect(out.blocks).toEqual([]);
    });
  });

  describe('empty blocks', () => {
    it('leaves out blocks that would render empty, which Slack would refuse', () => {
      const out = renderReply(
        reply([
          { type: 'text', runs: [] },
          { type: 'text', runs: [{ text: '  ' }] },
          { type: 'list', ordered: false, items: [] },
          { type: 'citations', items: [] },
          { type: 'text', runs: [{ text: 'kept' }] },
        ]),
      );
      expect(out.blocks).toEqual([{ type: 'section', text: mrkdwn('kept') }]);
    });

    it('still has fallback text when there is nothing else', () => {
      expect(renderReply(reply([]))).toEqual({ text: 'Backchannel', blocks: [] });
    });
  });

  describe('action values', () => {
    it('round-trips a command, its arguments and privacy through a button value', () => {
      const value = encodeAction({ id: 'more', label: 'More', command: 'ask', args: { question: 'q', page: 2, exact: true }, private: true });
      expect(decodeAction(value)).toEqual({ c: 'ask', a: { question: 'q', page: 2, exact: true }, p: 1 });
    });

    it('rejects values that are not ours', () => {
      expect(decodeAction('not json')).toBeUndefined();
      expect(decodeAction('{"c":"ask","a":{"x":{"nested":1}}}')).toBeUndefined();
      expect(decodeAction(undefined)).toBeUndefined();
    });
  });
});
