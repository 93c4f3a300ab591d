import { describe, expect, it } from 'vitest';
import { escapeSlack, fromSlackText, mrkdwnBold, mrkdwnText, neutralizeFormatting, stripFences } from '../../../adapters/slack/text.js';

const Z = '\u200B';

describe('Slack text', () => {
  describe('escapeSlack', () => {
    it('escapes &, < and > so that no broadcast, mention or link can form', () => {
      expect(escapeSlack('<!channel> <!here> <@U123> <https://evil|click> A&B')).toBe(
        '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil|click&gt; A&amp;B',
      );
    });

    it('escapes nothing else: quotes, apostrophes and entities-to-be stay as they are', () => {
      expect(escapeSlack(`"It's" 'fine' © — #general @here :wave:`)).toBe(`"It's" 'fine' © — #general @here :wave:`);
    });

    it('escapes an ampersand that already looks like an entity, so &lt; shows as typed', () => {
      expect(escapeSlack('&lt;!channel&gt;')).toBe('&amp;lt;!channel&amp;gt;');
    });
  });

  describe('neutralizeFormatting', () => {
    it('fences *, _, ~ and ` with zero-width spaces on both sides', () => {
      expect(neutralizeFormatting('*bold* _it_ ~x~ `c`')).toBe(
        `${Z}*${Z}bold${Z}*${Z} ${Z}_${Z}it${Z}_${Z} ${Z}~${Z}x${Z}~${Z} ${Z}\`${Z}c${Z}\`${Z}`,
      );
    });

    it('leaves the visible text unchanged', () => {
      const text = 'Operation *Mongoose* and file_name ~1962 `code`';
      expect(stripFences(neutralizeFormatting(text))).toBe(text);
    });
  });

  describe('mrkdwnBold', () => {
    it('wraps the text in asterisks with any outer whitespace kept outside them', () => {
      expect(mrkdwnBold(' Castro ')).toBe(' *Castro* ');
    });

    it('escapes and fences what it wraps', () => {
      expect(mrkdwnBold('A&B_C')).toBe(`*A&amp;B${Z}_${Z}C*`);
    });

    it('leaves whitespace-only text unbolded', () => {
      expect(mrkdwnBold('  ')).toBe('  ');
    });
  });

  describe('mrkdwnText', () => {
    it('escapes before fencing', () => {
      expect(mrkdwnText('<*>')).toBe(`&lt;${Z}*${Z}&gt;`);
    });
  });

  describe('fromSlackText', () => {
    it('removes the bot’s own mention and keeps the question', () => {
      expect(fromSlackText('<@UBOT> who was James Donovan?', { botUserId: 'UBOT' })).toBe('who was James Donovan?');
    });

    it('turns other mentions, channels and broadcasts into readable words', () => {
      expect(fromSlackText('<@U123> <@U456|ana> in <#C1|general> <!channel> <!here> <!subteam^S1|@historians>')).toBe(
        '@U123 @ana in #general @channel @here @historians',
      );
    });

    it('turns links into their label, or their address when they have none', () => {
      expect(fromSlackText('see <https://a.example/x|the memo> and <https://b.example>')).toBe('see the memo and https://b.example');
    });

    it('decodes &amp;, &lt; and &gt; after reading the markup', () => {
      expect(fromSlackText('AT&amp;T &lt;@U123&gt; &amp;lt;')).toBe('AT&T <@U123> &lt;');
    });

    it('collapses whitespace and trims', () => {
      expect(fromSlackText('  <@UBOT>\n  hello   there ', { botUserId: 'UBOT' })).toBe('hello there');
    });
  });
});
