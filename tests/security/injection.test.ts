/**
 * Mention and markup injection, on both platforms: user text and corpus text holding `@everyone`,
 * `@here`, `<@123>`, `<@&456>`, `<!channel>`, `<!here>`, `<https://evil|click>` and Markdown/mrkdwn
 * control characters never produce a ping or a live link the corpus did not contain. Proven on the
 * rendered payloads: of the renderers directly (by example and by property), of the real core over a
 * hostile corpus, and of the live adapters against the fake Discord and the fake Slack.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply as renderDiscord, renderText } from '../../adapters/discord/render.js';
import { escapeMarkdown } from '../../adapters/discord/text.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';
import { mrkdwnText, stripFences } from '../../adapters/slack/text.js';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import { isBackchannelError } from '../../src/errors.js';
import type { Citation, Reply } from '../../src/reply/model.js';
import { buttonPress, customIds, FakeDiscord, slashCommand } from '../adapters/discord/fake-discord.js';
import { startBot, type Harness as DiscordHarness } from '../adapters/discord/harness.js';
import { SIGNING_SECRET, startHarness, type Harness as SlackHarness } from '../adapters/slack/harness.js';
import { entry, writeManifest } from '../corpus/temp.js';
import { runs } from '../property/helpers.js';
import { discordViolations, liveDiscordSyntax, slackViolations } from './inert.js';

/** The strings the issue names, and their relatives. */
const INJECTIONS = [
  '@everyone',
  '@here',
  '<@123>',
  '<@&456>',
  '<!channel>',
  '<!here>',
  '<https://evil.example|click>',
  '@EveryOne',
  '<@!123>',
  '<#789>',
  '<!everyone>',
  '<!subteam^S1>',
  '<t:0:R>',
  '</ask:1>',
  '[click](https://evil.example/masked)',
  '*bold* _it_ ~strike~ ~~gone~~ `code` ```block``` ||spoiler|| __under__',
  '> quoted',
  '# heading',
  '-# subtext',
  '1. listed',
  '&amp; &lt;b&gt; & < >',
  '\\<@123>',
  '\\',
];

/** What the hostile corpus says; its one address may be live, since the corpus contains it. */
const CORPUS_ADDRESS = 'https://corpus.example/memo';
const TYPED_ADDRESS = 'https://evil.example/typed';

function hostileCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-injection-'));
  const paragraphs = [
    'Memo on the secret talks',
    `The envoy wrote to @everyone and @here, to <@123> and the role <@&456>, about the secret talks with Havana; see ${CORPUS_ADDRESS} for the memo.`,
    'The envoy also told <!channel> and <!here> to click <https://evil.example|click> and [the file](https://evil.example/masked) before the talks.',
    'The secret talks were *urgent* and _quiet_, ~never~ `logged`, ||hidden|| from the envoy of Havana, and > quoted & noted in 1963.',
    '# Heading-like line about the envoy and the talks in Havana in November 1963.',
  ];
  writeFileSync(join(dir, 'memo.txt'), `${paragraphs.join('\n\n')}\n`);
  writeManifest(dir, [
    entry('hostile-memo', 'memo.txt', {
      title: 'Memo for @everyone <!here> <@123> <@&456> *now* [x](https://evil.example/title)',
      kind: 'article',
      date: { iso: '1963-11-05', precision: 'day' },
    }),
  ]);
  return dir;
}

/** Everything the corpus says (passages and titles): the addresses it contains may be live. */
const corpusTextOf = (core: Core) => [...core.corpus.passages.map((p) => p.text), ...core.corpus.documents.map((d) => d.meta.title)].join('\n');

/** User input for each command, every one carrying the injection strings and a typed address. */
const hostileInputs = (): Array<[string, Record<string, unknown>]> => [
  ['ask', { question: `envoy secret talks @everyone <@123> <@&456> <!channel> <!here> <https://evil.example|click> ${TYPED_ADDRESS} *now*` }],
  ['ask', { question: 'what did the envoy write to @everyone about the secret talks' }],
  ['ask', { question: `<!here> ${TYPED_ADDRESS}` }],
  ['ask', { question: `${'@everyone '.repeat(40)}`.trim() }],
  ['timeline', { period: `1963 <@&456> ${TYPED_ADDRESS}` }],
  ['timeline', { period: `<!channel> ${TYPED_ADDRESS}` }],
  ['timeline', { period: `1963 envoy @here` }],
  ['source', { id: `<@123> ${TYPED_ADDRESS}` }],
  ['source', { id: 'hostile-memo' }],
  ['source', { id: '' }],
  ['passage', { id: `<https://evil.example/typed|click>` }],
  ['passage', { id: 'hostile-memo#p2' }],
  ['passage', { id: 'hostile-memo#p3' }],
  ['help', {}],
];

const citation = (title: string): Citation => ({ n: 1, docId: 'd', passageId: 'd#p1', title, kind: title, date: title, paragraph: 1, comment: false });

/** A reply with `s` in every field a renderer shows. */
function replyWith(s: string): Reply {
  return {
    blocks: [
      { type: 'heading', text: `Heading ${s}` },
      { type: 'notice', tone: 'info', text: `Notice ${s}` },
      { type: 'quote', runs: [{ text: `Quote ${s} ` }, { text: s, marked: true }, { text: ` end ${s}` }], citation: 1 },
      { type: 'also', of: 1, items: [{ ...citation(s), n: 2 }] },
      { type: 'text', runs: [{ text: s }, { text: ` ${s}`, marked: true }] },
      { type: 'list', ordered: false, items: [[{ text: s }], [{ text: s, marked: true }]] },
      { type: 'citations', items: [citation(s), { ...citation(`Also ${s}`), n: 2 }] },
    ],
    actions: [{ id: 'more', label: `More ${s}`, command: 'ask', args: { question: s, page: 2 } }],
    data: null,
    ok: true,
  };
}

/** Every address in `s` counts as the corpus's own here: the renderers alone are tested for pings and syntax. */
const asCorpus = (s: string) => s;

describe('mention and markup injection', () => {
  // The hostile corpus, loaded once for the core's and the live adapters' tests.
  let dir: string;
  let core: Core;
  let corpusText: string;
  beforeAll(() => {
    dir = hostileCorpus();
    core = loadCore({ corpusDir: dir });
    corpusText = corpusTextOf(core);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('the renderers, given hostile text in every field', () => {
    for (const s of INJECTIONS) {
      it(`keep ${JSON.stringify(s)} inert on Discord and on Slack`, () => {
        const reply = replyWith(s);
        expect(discordViolations(renderDiscord(reply), asCorpus(s))).toEqual([]);
        expect(discordViolations(renderText(`Refused: ${s}`), asCorpus(s))).toEqual([]);
        expect(slackViolations(renderSlack(reply), asCorpus(s))).toEqual([]);
      });
    }

    it('keep any mix of injection strings and Unicode inert on both platforms', () => {
      const hostile = fc.array(fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(' ', '\n', '\\', '@', '<', '&')), { maxLength: 30 }).map((parts) => parts.join(''));
      fc.assert(
        fc.property(hostile, (s) => {
          const reply = replyWith(s);
          expect(discordViolations(renderDiscord(reply), s)).toEqual([]);
          expect(slackViolations(renderSlack(reply), s)).toEqual([]);
        }),
        runs(500),
      );
    });

    it('escape every Discord markdown character, so text shows exactly as written', async () => {
      const text = fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replaceAll('\u200b', ''));
      fc.assert(
        fc.property(text, fc.boolean(), (s, lineStart) => {
          const escaped = escapeMarkdown(s, lineStart);
          // No formatting character is left live…
          expect(liveDiscordSyntax(escaped)).not.toMatch(/[*_~`|<>[\]\\]/);
          // …nothing starts a heading or list at the start of a line…
          expect(liveDiscordSyntax(escaped)).not.toMatch(lineStart ? /(^|\n)[ \t]*(#|-#|[-+]\s|\d+\.\s)/ : /\n[ \t]*(#|-#|[-+]\s|\d+\.\s)/);
          // …and taking the escapes out gives the text back.
          expect(escaped.replace(/\\(.)/gs, '$1').replaceAll('\u200b', '')).toBe(s);
        }),
        runs(500),
      );
    });

    it('fence or escape every Slack mrkdwn character, so text shows exactly as written', () => {
      const text = fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replaceAll('\u200b', ''));
      fc.assert(
        fc.property(text, (s) => {
          const out = mrkdwnText(s);
          expect(out).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
          expect(out).not.toMatch(/(?<!\u200b)[*_~`]|[*_~`](?!\u200b)/);
          expect(stripFences(out).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(s);
        }),
        runs(500),
      );
    });
  });

  describe('the real core over a hostile corpus, with hostile input', () => {
    it('loads the hostile text as written, so the test is not vacuous', () => {
      expect(corpusText).toContain('<@123>');
      expect(corpusText).toContain('<!channel>');
      expect(corpusText).toContain('<https://evil.example|click>');
      expect(corpusText).toContain(CORPUS_ADDRESS);
    });

    for (const [name, input] of hostileInputs()) {
      it(`renders /${name} ${JSON.stringify(input).slice(0, 70)} inert on both platforms`, async () => {
        let reply: Reply;
        try {
          reply = await runCommand(commands.get(name)!, input, core);
        } catch (error) {
          if (!isBackchannelError(error)) throw error;
          reply = { blocks: [{ type: 'notice', tone: 'warning', text: error.userMessage }], actions: [], data: null, ok: false };
        }
        const discord = renderDiscord(reply);
        const slack = renderSlack(reply);
        expect(discordViolations(discord, corpusText)).toEqual([]);
        expect(slackViolations(slack, corpusText)).toEqual([]);
        expect(JSON.stringify([discord, slack])).not.toContain(TYPED_ADDRESS);
      });
    }

    it('quotes the hostile passages themselves, escaped, for a question about them', async () => {
      const reply = await runCommand(commands.get('ask')!, { question: 'envoy secret talks @everyone <!channel>' }, core);
      const discord = JSON.stringify(renderDiscord(reply));
      const slack = JSON.stringify(renderSlack(reply));
      expect(discord).toContain('\\\\<@123\\\\>');
      expect(slack).toContain('&lt;!channel&gt;');
      expect(slack).toContain('&lt;@123&gt;');
    });
  });

  describe('the live adapters, end to end', () => {
    describe('on Discord', () => {
      let fake: FakeDiscord;
      let harness: DiscordHarness;
      beforeAll(async () => {
        fake = await FakeDiscord.start();
        harness = await startBot(fake, core);
      });
      afterAll(async () => {
        await harness?.bot.stop();
        await fake?.close();
      });

      it('sends no payload that could ping or link, for every command and a button press', async () => {
        const bodies: any[] = [];
        let userId = 1_300_000_000_000_000_100n;
        for (const [name, input] of hostileInputs()) {
          userId += 1n;
          const options = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== '')) as Record<string, string>;
          const id = fake.sendInteraction(slashCommand(fake.appId, name, options, { userId: String(userId) }));
          const outcome = await fake.settled(id);
          bodies.push(outcome.callback?.data, ...outcome.edits);
        }
        const asked = bodies.find((body) => customIds(body).length > 0);
        expect(asked).toBeDefined();
        const press = fake.sendInteraction(buttonPress(fake.appId, customIds(asked)[0]!, asked, { userId: '1300000000000000999' }));
        const pressed = await fake.settled(press);
        bodies.push(pressed.callback?.data, ...pressed.edits);

        const sent = bodies.filter((body) => body && (body.content !== undefined || body.embeds !== undefined));
        expect(sent.length).toBeGreaterThan(hostileInputs().length);
        for (const body of sent) expect(discordViolations(body, corpusText)).toEqual([]);
        expect(JSON.stringify(sent)).not.toContain(TYPED_ADDRESS);
        expect(JSON.stringify(sent)).toContain('\\\\<@123\\\\>');
        expect(fake.violations).toEqual([]);
      });
    });

    describe('on Slack', () => {
      let h: SlackHarness;
      beforeAll(async () => {
        h = await startHarness({ mode: 'http', core });
      });
      afterAll(async () => {
        await h?.close();
      });

      /** The text as Slack sends it: what people type is escaped, and addresses and mentions come as markup. */
      const asSlackSends = (text: string) =>
        text
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/https:\/\/[^\s&]+/g, (url) => `<${url}>`);

      it('sends no payload that could ping or link, for every slash command and a mention', async () => {
        let n = 0;
        for (const [name, input] of hostileInputs()) {
          n += 1;
          const slash = name === 'help' ? '/backchannel' : `/${name}`;
          const text = asSlackSends(String(Object.values(input)[0] ?? ''));
          const sent = await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: slash, text, response_url: h.fake.responseUrl(`inj${n}`), user_id: `UINJ${n}` }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
          expect(sent.status).toBe(200);
        }
        const mention = h.fake.eventBody('EvInj', {
          type: 'app_mention',
          user: 'UINJM',
          text: `<@UBOT> did the envoy tell <!channel> and <!here> and <@U123> and <!subteam^S1|@team> about the secret talks? <${TYPED_ADDRESS}|click> &lt;@123&gt; *now*`,
          ts: '1700000200.000100',
          channel: 'C0INJ',
        });
        expect((await h.fake.sendSigned(h.appUrl, mention, 'application/json', SIGNING_SECRET)).status).toBe(200);

        const responses = await h.fake.waitFor(() => h.fake.responses().length >= n && h.fake.responses(), 'every answer');
        const post = await h.fake.waitFor(() => h.fake.calls('chat.postMessage')[0], 'the mention’s answer');
        const messages = [...responses.map((r) => r.body), post.params];
        for (const message of messages) expect(slackViolations(message, corpusText)).toEqual([]);
        const all = JSON.stringify(messages).replaceAll('\u200B', '');
        expect(all).not.toContain(TYPED_ADDRESS);
        expect(all).toContain('&lt;!channel&gt;');
      });
    });
  });
});
