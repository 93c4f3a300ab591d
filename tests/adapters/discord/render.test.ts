import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COLORS, renderReply, renderText, type DiscordMessage } from '../../../adapters/discord/render.js';
import { ELLIPSIS } from '../../../adapters/discord/text.js';
import { decodeCustomId, readFooterValue } from '../../../adapters/discord/custom-id.js';
import type { Block, Citation, Reply, Run } from '../../../src/reply/model.js';
import { ABSTAIN, ANSWER, COMMENT, HELP, HOSTILE, LETTER, SUMMARY } from './fixtures.js';

const ZWSP = '\u200b';

/** Everything Discord counts toward the 6,000 characters of a message's embeds. */
function embedTotal(message: DiscordMessage): number {
  return message.embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.author?.name ?? '').length +
      (embed.fields ?? []).reduce((n, field) => n + field.name.length + field.value.length, 0),
    0,
  );
}

/** Asserts every one of Discord's message limits. */
function expectWithinLimits(message: DiscordMessage): void {
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect((message.content ?? '').length).toBeLessThanOrEqual(2000);
  expect(message.embeds.length).toBeLessThanOrEqual(10);
  expect(embedTotal(message)).toBeLessThanOrEqual(6000);
  for (const embed of message.embeds) {
    expect((embed.title ?? '').length).toBeLessThanOrEqual(256);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
  }
  expect(message.components.length).toBeLessThanOrEqual(5);
  const ids = message.components.flatMap((row) => row.components.map((button) => button.custom_id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of row.components) {
      expect(button.custom_id.length).toBeLessThanOrEqual(100);
      expect((button.label ?? '').length).toBeLessThanOrEqual(80);
    }
  }
}

const citation = (n: number, title = `Document ${n}`): Citation => ({ ...LETTER, n, passageId: `doc-${n}#p1`, title });
const words = (count: number, word = 'negotiation') => Array.from({ length: count }, () => word).join(' ');
/** Sentences of `words` words each. */
const sentences = (count: number, perSentence = 12) =>
  Array.from({ length: count }, (_, i) => `Sentence ${i + 1} speaks of ${words(perSentence - 4)}.`).join(' ');

describe('rendering a reply for Discord', () => {
  describe('exact output', () => {
    it('renders an answer: quotes with terms in bold, numbered citations, "also in", and buttons', () => {
      expect(renderReply(ANSWER)).toEqual({
        embeds: [
          {
            color: COLORS.info,
            description:
              '> I have previously stated, and I repeat now, that the **United States** intends no military intervention in **Cuba**. [1]\n' +
              'Also in [3]\n\n' +
              '> It’s thanks in large part to James Donovan and Lisa Howard’s efforts that talks continued between America and **Cuba**. [2]',
            fields: [
              {
                name: 'Sources',
                value:
                  '[1] Kennedy to Khrushchev: The U.S. will not invade Cuba — presidential letter, April 18, 1961, ¶ 3\n' +
                  '[2] Back Channel to Cuba Summary — book summary, undated, ¶ 54\n' +
                  '[3] Nov. 5, 1963: JFK considers secret talks with Castro — reader comment, November 5, 1963, ¶ 41',
              },
            ],
          },
        ],
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 1, label: 'More results', custom_id: 'bc1:more:ask:-:question=sdid the US plan to invade Cuba&page=n2' },
              { type: 2, style: 2, label: 'Show context', custom_id: 'bc1:context:passage:p:id=skennedy-khrushchev-1961-04-18#p3' },
            ],
          },
        ],
        allowed_mentions: { parse: [] },
      });
    });

    it('escapes corpus and user text so nothing formats, links or mentions', () => {
      expect(renderReply(HOSTILE)).toEqual({
        embeds: [
          {
            color: COLORS.info,
            title: 'Results for \\*you\\* \\<@&123456789012345678\\>',
            description:
              `> Tell @${ZWSP}**everyone** and \\<@&123456789012345678\\>: see \\[the file\\](https://evil.example), \\*\\*now\\*\\* or \\~\\~never\\~\\~ \\\`x\\\` \\|\\|y\\|\\| \\_z\\_.\n` +
              '> \\> quoted [1]\n\n' +
              `\\# not a heading @${ZWSP}here \\<@42\\> \\<#7\\>`,
            fields: [{ name: 'Sources', value: `[1] Memo for @${ZWSP}everyone \\[x\\](https://evil.example) — presidential letter, April 18, 1961, ¶ 3` }],
          },
        ],
        components: [],
        allowed_mentions: { parse: [] },
      });
    });

    it('makes the first heading the title and bolds only the marked runs of a list', () => {
      expect(renderReply(HELP)).toEqual({
        embeds: [
          {
            color: COLORS.info,
            title: 'Backchannel answers only by quoting its documents.',
            description: '- **/ask \\<question\\>** — Ask a question\n- **/help** — What Backchannel can do',
          },
        ],
        components: [],
        allowed_mentions: { parse: [] },
      });
    });

    it('colours a reply that is not an answer, and numbers an ordered list', () => {
      expect(renderReply(ABSTAIN)).toEqual({
        embeds: [
          {
            color: COLORS.warning,
            description: 'ℹ️ The corpus doesn’t say. It covers these documents:\n\n1. Back Channel to Cuba Summary\n2. Kennedy to Khrushchev: The U.S. will not invade Cuba',
          },
        ],
        components: [],
        allowed_mentions: { parse: [] },
      });
    });

    it('lists "also in" sources that are not numbered citations in a field of their own', () => {
      const reply: Reply = {
        ...ANSWER,
        blocks: [ANSWER.blocks[0]!, { type: 'also', of: 1, items: [{ ...COMMENT, n: 9 }] }, { type: 'citations', items: [LETTER] }],
        actions: [],
      };
      expect(renderReply(reply).embeds[0]!.fields).toEqual([
        { name: 'Sources', value: '[1] Kennedy to Khrushchev: The U.S. will not invade Cuba — presidential letter, April 18, 1961, ¶ 3' },
        { name: 'Also in, for [1]', value: '- Nov. 5, 1963: JFK considers secret talks with Castro — reader comment, November 5, 1963, ¶ 41' },
      ]);
    });

    it('renders a plain message as escaped content with no mentions', () => {
      expect(renderText('Wait a moment, @everyone.')).toEqual({
        content: `Wait a moment, @${ZWSP}everyone.`,
        embeds: [],
        components: [],
        allowed_mentions: { parse: [] },
      });
    });
  });

  describe("Discord's limits", () => {
    it('cuts long quotes at sentence boundaries and keeps every citation number', () => {
      const quotes: Block[] = Array.from({ length: 8 }, (_, i) => ({ type: 'quote', runs: [{ text: sentences(20) }], citation: i + 1 }));
      const reply: Reply = { blocks: [...quotes, { type: 'citations', items: quotes.map((_, i) => citation(i + 1)) }], actions: [], data: null, ok: true };
      const message = renderReply(reply);
      expectWithinLimits(message);
      const description = message.embeds[0]!.description!;
      expect(description.length).toBeGreaterThan(3000);
      const parts = description.split('\n\n');
      expect(parts).toHaveLength(8);
      parts.forEach((part, i) => {
        expect(part).toMatch(new RegExp(`^> Sentence 1 .*\\. ${ELLIPSIS} \\[${i + 1}\\]$`));
      });
      for (let n = 1; n <= 8; n += 1) expect(message.embeds[0]!.fields![0]!.value).toContain(`[${n}] Document ${n}`);
    });

    it('cuts a quote with no sentence end that fits between words, never inside one', () => {
      const text = words(1000, 'Havana');
      const reply: Reply = { blocks: [{ type: 'quote', runs: [{ text }], citation: 1 }, { type: 'citations', items: [citation(1)] }], actions: [], data: null, ok: true };
      const description = renderReply(reply).embeds[0]!.description!;
      expect(description).toMatch(/^> (Havana )*Havana… \[1\]$/);
      expect(description.length).toBeLessThanOrEqual(4096);
    });

    it('keeps a line for every one of many citations with long titles, shortening titles first', () => {
      const items = Array.from({ length: 40 }, (_, i) => citation(i + 1, `A very long document title ${words(30, 'about')} number ${i + 1}`));
      const reply: Reply = {
        blocks: [...items.map((c): Block => ({ type: 'quote', runs: [{ text: sentences(5) }], citation: c.n })), { type: 'citations', items }],
        actions: [],
        data: null,
        ok: true,
      };
      const message = renderReply(reply);
      expectWithinLimits(message);
      const sources = message.embeds[0]!.fields!.map((field) => field.value).join('\n');
      for (const c of items) {
        expect(sources).toContain(`[${c.n}] `);
        expect(message.embeds[0]!.description).toContain(`[${c.n}]`);
      }
    });

    it('still lists every citation number when there are hundreds of them', () => {
      const items = Array.from({ length: 300 }, (_, i) => citation(i + 1, `Title ${i + 1} ${words(10)}`));
      const message = renderReply({ blocks: [{ type: 'citations', items }], actions: [], data: null, ok: true });
      expectWithinLimits(message);
      const sources = message.embeds[0]!.fields!.map((field) => field.value).join('\n');
      expect(sources.split('\n')).toEqual(items.map((c) => `[${c.n}] ¶ 3`));
    });

    it('makes at most 25 buttons in rows of 5, each custom_id within 100 characters', () => {
      const actions = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, label: `Action ${i} ${words(20)}`, command: 'ask', args: { question: `question ${i}`, page: i + 1 } }));
      const message = renderReply({ blocks: [{ type: 'text', runs: [{ text: 'Buttons' }] }], actions, data: null, ok: true });
      expectWithinLimits(message);
      expect(message.components.flatMap((row) => row.components)).toHaveLength(25);
    });

    it('carries a question too long for the custom_id in the footer, verbatim', () => {
      const question = `what did Kennedy write to Khrushchev about Cuba in April 1961 after the invasion at the Bay of Pigs, and why ${words(20)}?`;
      const message = renderReply({ ...ANSWER, actions: [{ id: 'more', label: 'More results', command: 'ask', args: { question, page: 2 } }] });
      expectWithinLimits(message);
      const id = message.components[0]!.components[0]!.custom_id;
      expect(decodeCustomId(id)?.elided).toEqual(['question']);
      expect(readFooterValue(message.embeds[0]!.footer?.text, 'question')).toBe(question);
    });

    it('leaves out a button whose long value would clash with another one carried in the footer', () => {
      const long = (n: number) => `question number ${n} ${words(10)}`;
      const actions = [1, 2].map((n) => ({ id: `more${n}`, label: `More ${n}`, command: 'ask', args: { question: long(n), page: 2 } }));
      const message = renderReply({ ...ANSWER, actions });
      expect(message.components[0]!.components.map((button) => button.label)).toEqual(['More 1']);
      expect(message.embeds[0]!.footer?.text).toBe(`question: ${long(1)}`);
    });

    it('stays within every limit for any reply, and never drops a quote’s citation number', () => {
      const run = fc.record({ text: fc.string({ maxLength: 900 }), marked: fc.boolean() }) as fc.Arbitrary<Run>;
      const text = fc.array(fc.constantFrom('Havana', 'talks', '*', '_', '@everyone', '<@&1>', '[x](https://e)', '.', ' ', '\n', 'Castro.'), { maxLength: 400 }).map((parts) => parts.join(''));
      const runs = fc.array(fc.oneof(run, text.map((t) => ({ text: t }))), { minLength: 1, maxLength: 6 });
      const reply = fc
        .record({
          heading: fc.option(fc.string({ maxLength: 400 })),
          quotes: fc.array(runs, { minLength: 0, maxLength: 12 }),
          texts: fc.array(runs, { maxLength: 3 }),
          titles: fc.array(fc.string({ maxLength: 400 }), { minLength: 12, maxLength: 12 }),
          question: fc.string({ maxLength: 700 }),
        })
        .map(({ heading, quotes, texts, titles, question }): Reply => {
          const items = quotes.map((_, i) => ({ ...citation(i + 1), title: titles[i] ?? '' }));
          const blocks: Block[] = [
            ...(heading === null ? [] : [{ type: 'heading' as const, text: heading }]),
            ...quotes.map((r, i): Block => ({ type: 'quote', runs: r, citation: i + 1 })),
            ...texts.map((r): Block => ({ type: 'text', runs: r })),
            ...(items.length ? [{ type: 'citations' as const, items }] : []),
          ];
          return { blocks, actions: [{ id: 'more', label: 'More results', command: 'ask', args: { question, page: 2 } }], data: null, ok: true };
        });
      fc.assert(
        fc.property(reply, (r) => {
          const message = renderReply(r);
          expectWithinLimits(message);
          const embed = message.embeds[0]!;
          const sources = (embed.fields ?? []).map((field) => field.value).join('\n');
          for (const block of r.blocks) {
            if (block.type !== 'quote') continue;
            expect(embed.description).toContain(` [${block.citation}]`);
            expect(sources).toContain(`[${block.citation}] `);
          }
          expect(embed.description ?? '').not.toMatch(/@everyone/);
        }),
        { numRuns: 150 },
      );
    });
  });

  it('marks a reader comment once, whether or not its kind says so', () => {
    const reply: Reply = { blocks: [{ type: 'citations', items: [{ ...SUMMARY, comment: true }] }], actions: [], data: null, ok: true };
    expect(renderReply(reply).embeds[0]!.fields![0]!.value).toBe('[2] Back Channel to Cuba Summary — book summary, undated, ¶ 54, reader comment');
    const byName: Reply = { blocks: [{ type: 'citations', items: [{ ...COMMENT, kind: 'reader comment by JSA' }] }], actions: [], data: null, ok: true };
    expect(renderReply(byName).embeds[0]!.fields![0]!.value).toBe('[3] Nov. 5, 1963: JFK considers secret talks with Castro — reader comment by JSA, November 5, 1963, ¶ 41');
  });
});
