/**
 * The real Bolt app in HTTP mode against a fake Slack on 127.0.0.1: signed requests in, Web API calls
 * and response_url posts out. Waits are on the fake's records (event-driven, with a deadline).
 */
import { rmSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCore, type Core } from '../../../src/core.js';
import { decodeAction } from '../../../adapters/slack/render.js';
import { BOOM, FAKE_CORE, testCommands } from './fixtures.js';
import { hostileCorpusDir, shownText, SIGNING_SECRET, startHarness, type Harness } from './harness.js';

type Button = { action_id: string; value: string; text: { text: string } };
const buttonsOf = (blocks: Array<{ type: string; elements?: unknown[] }>): Button[] =>
  blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Button[]);

let core: Core;
beforeAll(() => {
  core = loadCore();
});

describe('Slack app, HTTP mode', () => {
  describe('with the real core and commands', () => {
    let h: Harness;
    beforeEach(async () => {
      h = await startHarness({ mode: 'http', core });
    });
    afterEach(async () => {
      await h.close();
    });

    it('acknowledges /ask at once with an empty 200 and answers in the channel through the response_url', async () => {
      const url = h.fake.responseUrl('ask1');
      const sent = await h.fake.sendSigned(
        h.appUrl,
        h.fake.slashCommandBody({ command: '/ask', text: 'who was Lisa Howard', response_url: url }),
        'application/x-www-form-urlencoded',
        SIGNING_SECRET,
      );
      expect(sent).toEqual({ status: 200, body: '' });
      const [answer] = await h.fake.waitFor(() => h.fake.responses('ask1').length > 0 && h.fake.responses('ask1'), 'the /ask answer');
      expect(answer?.body.response_type).toBe('in_channel');
      const blocks = answer?.body.blocks as Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }>;
      expect(blocks[0]?.type).toBe('section');
      expect(blocks[0]?.text?.text).toMatch(/^> .*\*Lisa Howard\*.* \[1\]$/s);
      expect(blocks.some((b) => b.type === 'context' && b.elements?.[0]?.text.startsWith('*[1]* '))).toBe(true);
      expect(buttonsOf(blocks).map((b) => b.text.text)).toEqual(['More results', 'Show context', 'Cite']);
      expect(answer?.body.text).toMatch(/Lisa Howard.* \[1\]$/);
    });

    it('answers /ask privately when the text starts or ends with "private"', async () => {
      for (const [id, text] of [
        ['p1', 'private who was Lisa Howard'],
        ['p2', 'who was Lisa Howard private'],
      ] as const) {
        const url = h.fake.responseUrl(id);
        await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/ask', text, response_url: url }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
        const [answer] = await h.fake.waitFor(() => h.fake.responses(id).length > 0 && h.fake.responses(id), `private answer ${id}`);
        expect(answer?.body.response_type).toBe('ephemeral');
        expect(shownText(answer!.body)).toContain('*Lisa Howard*');
      }
    });

    it('runs help from its slash command and from "/ask help"', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/backchannel', text: '', response_url: h.fake.responseUrl('h1') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/ask', text: 'help', response_url: h.fake.responseUrl('h2') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [one] = await h.fake.waitFor(() => h.fake.responses('h1').length > 0 && h.fake.responses('h1'), 'help');
      const [two] = await h.fake.waitFor(() => h.fake.responses('h2').length > 0 && h.fake.responses('h2'), 'ask help');
      expect(shownText(one!.body)).toContain('Backchannel answers only by quoting');
      expect(two?.body.blocks).toEqual(one?.body.blocks);
      // Help names each command as this workspace types it: help itself is /backchannel here.
      expect(shownText(one!.body)).toContain('*/backchannel* — What Backchannel can do');
      expect(shownText(one!.body)).not.toContain('/help');
      expect(shownText(one!.body)).toContain('*/ask &lt;question&gt;* — Ask a question');
    });

    it('answers a mention in a thread under it, with the bot’s mention stripped from the question', async () => {
      const body = h.fake.eventBody('Ev1', { type: 'app_mention', user: 'U0001', text: '<@UBOT> who was Lisa Howard?', ts: '1700000100.000100', channel: 'C0001', event_ts: '1700000100.000100' });
      expect((await h.fake.sendSigned(h.appUrl, body, 'application/json', SIGNING_SECRET)).status).toBe(200);
      const [post] = await h.fake.waitFor(() => h.fake.calls('chat.postMessage').length > 0 && h.fake.calls('chat.postMessage'), 'the answer');
      expect(post?.params.channel).toBe('C0001');
      expect(post?.params.thread_ts).toBe('1700000100.000100');
      expect(shownText(post!.params)).toContain('*Lisa Howard*');
      const more = buttonsOf(post?.params.blocks).find((b) => b.text.text === 'More results');
      expect(decodeAction(more?.value)).toEqual({ c: 'ask', a: { question: 'who was Lisa Howard?', page: 2 } });
    });

    it('answers a mention made inside a thread in that same thread', async () => {
      const body = h.fake.eventBody('Ev2', { type: 'app_mention', user: 'U0001', text: '<@UBOT> who was Lisa Howard', ts: '1700000200.000200', thread_ts: '1700000150.000150', channel: 'C0001', event_ts: '1700000200.000200' });
      await h.fake.sendSigned(h.appUrl, body, 'application/json', SIGNING_SECRET);
      const [post] = await h.fake.waitFor(() => h.fake.calls('chat.postMessage').length > 0 && h.fake.calls('chat.postMessage'), 'the answer');
      expect(post?.params.thread_ts).toBe('1700000150.000150');
    });

    it('answers a direct message once, in the conversation, not in a thread, and ignores its own messages', async () => {
      const own = h.fake.eventBody('Ev3', { type: 'message', channel_type: 'im', channel: 'D0001', user: 'UBOT', bot_id: 'BBOT', text: 'an earlier answer', ts: '1700000300.000001' });
      const edited = h.fake.eventBody('Ev4', { type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D0001', ts: '1700000300.000002' });
      const dm = h.fake.eventBody('Ev5', { type: 'message', channel_type: 'im', channel: 'D0001', user: 'U0001', text: '<@UBOT> who was Lisa Howard', ts: '1700000300.000003' });
      // The same message, mentioning the bot, also arrives as an app_mention.
      const alsoMention = h.fake.eventBody('Ev6', { type: 'app_mention', channel: 'D0001', user: 'U0001', text: '<@UBOT> who was Lisa Howard', ts: '1700000300.000003' });
      for (const body of [own, edited, dm, alsoMention]) await h.fake.sendSigned(h.appUrl, body, 'application/json', SIGNING_SECRET);
      const [post] = await h.fake.waitFor(() => h.fake.calls('chat.postMessage').length > 0 && h.fake.calls('chat.postMessage'), 'the answer');
      expect(post?.params.channel).toBe('D0001');
      expect(post?.params.thread_ts).toBeUndefined();
      await h.slack.stop();
      expect(h.fake.calls('chat.postMessage')).toHaveLength(1);
    });

    it('replaces the message with the next page when "More results" is pressed, and shows context privately', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/ask', text: 'who was Lisa Howard', response_url: h.fake.responseUrl('first') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [first] = await h.fake.waitFor(() => h.fake.responses('first').length > 0 && h.fake.responses('first'), 'page 1');
      const [more, context] = buttonsOf(first!.body.blocks);

      const press = (button: Button, id: string) =>
        h.fake.sendSigned(h.appUrl, h.fake.actionBody(h.fake.actionPayload({ button: button, response_url: h.fake.responseUrl(id) })), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      expect((await press(more!, 'more')).status).toBe(200);
      const [page2] = await h.fake.waitFor(() => h.fake.responses('more').length > 0 && h.fake.responses('more'), 'page 2');
      expect(page2?.body.replace_original).toBe(true);
      expect(page2?.body.blocks[0].text.text).toMatch(/^> /);
      expect(page2?.body.blocks).not.toEqual(first?.body.blocks);
      const next = buttonsOf(page2!.body.blocks).find((b) => b.text.text === 'More results');
      if (next) expect(decodeAction(next.value)?.a.page).toBe(3);

      await press(context!, 'ctx');
      const [shown] = await h.fake.waitFor(() => h.fake.responses('ctx').length > 0 && h.fake.responses('ctx'), 'the context');
      expect(shown?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(shown?.body.blocks.some((b: { text?: { text: string } }) => b.text?.text.startsWith('> '))).toBe(true);

      const cite = buttonsOf(first!.body.blocks).find((b) => b.text.text === 'Cite')!;
      expect(decodeAction(cite.value)).toMatchObject({ c: 'cite', a: { id: expect.stringMatching(/#p\d+$/), sentence: expect.any(Number), through: expect.any(Number) }, p: 1 });
      await press(cite, 'cite');
      const [cited] = await h.fake.waitFor(() => h.fake.responses('cite').length > 0 && h.fake.responses('cite'), 'the citation');
      expect(cited?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(shownText(cited!.body)).toMatch(/\*Note\*: .*, par\. \d+, accessed /);
      expect(shownText(cited!.body)).toContain('*Bibliography*: ');
    });

    it('answers /who with a person card, and the nearest names for a name the corpus lacks', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/who', text: 'Lisa Howard', response_url: h.fake.responseUrl('w1') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/who', text: 'Zebulon Quartz', response_url: h.fake.responseUrl('w2') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [card] = await h.fake.waitFor(() => h.fake.responses('w1').length > 0 && h.fake.responses('w1'), '/who');
      expect(card?.body.response_type).toBe('in_channel');
      expect(shownText(card!.body)).toContain('correspondent *Lisa Howard* that');
      const [missing] = await h.fake.waitFor(() => h.fake.responses('w2').length > 0 && h.fake.responses('w2'), '/who nobody');
      expect(shownText(missing!.body)).toContain('No one named “Zebulon Quartz” is in the corpus.');
    });

    it('uploads the /timeline picture into the channel through Slack’s upload flow, beside the answer', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/timeline', text: '1962-10', response_url: h.fake.responseUrl('t1'), channel_id: 'C0009' }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [answer] = await h.fake.waitFor(() => h.fake.responses('t1').length > 0 && h.fake.responses('t1'), '/timeline');
      expect(answer?.body.response_type).toBe('in_channel');
      const [complete] = await h.fake.waitFor(() => h.fake.calls('files.completeUploadExternal').length > 0 && h.fake.calls('files.completeUploadExternal'), 'the upload');
      const [asked] = h.fake.calls('files.getUploadURLExternal');
      expect(asked?.params).toMatchObject({ filename: 'timeline-1962-10.png', alt_text: expect.stringMatching(/^Timeline: October 1962: 1 events? from 1 document on a time axis\.$/) });
      const [upload] = h.fake.fileUploads();
      expect(Number(asked!.params.length)).toBeGreaterThan(1000);
      const start = upload!.body.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const png = PNG.sync.read(upload!.body.subarray(start, start + Number(asked!.params.length)));
      expect(png.width).toBe(1200);
      expect(complete?.params.channel_id).toBe('C0009');
      expect(JSON.parse(complete!.params.files)).toEqual([{ id: upload!.fileId, title: 'timeline-1962-10.png' }]);
    });

    it('uploads no picture for a private /timeline (a file cannot be shown to one person only)', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/timeline', text: 'private 1963', response_url: h.fake.responseUrl('t2') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [answer] = await h.fake.waitFor(() => h.fake.responses('t2').length > 0 && h.fake.responses('t2'), '/timeline private');
      expect(answer?.body.response_type).toBe('ephemeral');
      await h.slack.stop();
      expect(h.fake.calls('files.getUploadURLExternal')).toHaveLength(0);
    });

    it('asks /quiz with four buttons, and reveals the answer privately when one is pressed', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/quiz', text: '1963 seed:42', response_url: h.fake.responseUrl('q1') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [asked] = await h.fake.waitFor(() => h.fake.responses('q1').length > 0 && h.fake.responses('q1'), '/quiz');
      expect(asked?.body.response_type).toBe('in_channel');
      expect(shownText(asked!.body)).toContain('Quiz · 1963');
      const buttons = buttonsOf(asked!.body.blocks);
      expect(buttons).toHaveLength(4);
      expect(decodeAction(buttons[1]!.value)).toEqual({ c: 'quiz', a: { q: expect.stringMatching(/~\d+~\d+$/), choice: 2 }, p: 1 });
      const body = h.fake.actionBody(h.fake.actionPayload({ button: buttons[1]!, response_url: h.fake.responseUrl('q2') }));
      await h.fake.sendSigned(h.appUrl, body, 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [reveal] = await h.fake.waitFor(() => h.fake.responses('q2').length > 0 && h.fake.responses('q2'), 'the reveal');
      expect(reveal?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(shownText(reveal!.body)).toMatch(/Right: “|Not quite: you chose “/);
    });

    it('answers /cite with the citation, and /cite with a passage it lacks with a clear message, privately', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/cite', text: 'kennedy-khrushchev-1961-04-18#p2 format:bibtex', response_url: h.fake.responseUrl('c1') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/cite', text: 'nonsense', response_url: h.fake.responseUrl('c2') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [bibtex] = await h.fake.waitFor(() => h.fake.responses('c1').length > 0 && h.fake.responses('c1'), '/cite');
      expect(shownText(bibtex!.body)).toContain('@misc{kennedy-khrushchev-1961-04-18-p');
      const [missing] = await h.fake.waitFor(() => h.fake.responses('c2').length > 0 && h.fake.responses('c2'), '/cite nonsense');
      expect(missing?.body.response_type).toBe('ephemeral');
      expect(shownText(missing!.body)).toContain('There is no passage \\"nonsense\\" in the corpus.');
    });
  });

  describe('with the global fetch unusable', () => {
    // Its FinalizationRegistry entries made every answer promoted garbage (see lean-fetch.ts).
    const globalFetch = globalThis.fetch;
    let h: Harness;
    beforeEach(async () => {
      // Installed before the app is made (Bolt keeps the fetch it finds then); the test's own
      // requests to the app still pass.
      globalThis.fetch = (input, init) =>
        h && String(input).startsWith(h.appUrl) ? globalFetch(input, init) : Promise.reject(new Error('the global fetch was used'));
      h = await startHarness({ mode: 'http', core });
    });
    afterEach(async () => {
      globalThis.fetch = globalFetch;
      await h.close();
    });

    it('still delivers answers to response_urls and through the Web API', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/ask', text: 'who was Lisa Howard', response_url: h.fake.responseUrl('nf') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      await h.fake.waitFor(() => h.fake.responses('nf').length > 0, 'the /ask answer');
      const mention = h.fake.eventBody('EvNF', { type: 'app_mention', channel: 'C0001', user: 'U0001', text: '<@UBOT> who was Lisa Howard', ts: '1700000400.000001' });
      await h.fake.sendSigned(h.appUrl, mention, 'application/json', SIGNING_SECRET);
      const [post] = await h.fake.waitFor(() => h.fake.calls('chat.postMessage').length > 0 && h.fake.calls('chat.postMessage'), 'the mention answer');
      expect(shownText(post!.params)).toContain('*Lisa Howard*');
    });
  });

  describe('with corpus text that tries to ping a channel', () => {
    let h: Harness;
    let dir: string;
    beforeAll(async () => {
      dir = hostileCorpusDir();
      h = await startHarness({ mode: 'http', core: loadCore({ corpusDir: dir }) });
    });
    afterAll(async () => {
      await h?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('delivers the quote and its citation with &, < and > escaped, so nothing becomes a mention or a link', async () => {
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/ask', text: 'secret talks envoy', response_url: h.fake.responseUrl('hostile') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [answer] = await h.fake.waitFor(() => h.fake.responses('hostile').length > 0 && h.fake.responses('hostile'), 'the answer');
      const shown = shownText(answer!.body);
      expect(shown).toContain('&lt;!channel&gt;');
      expect(shown).toContain('&lt;@U123&gt;');
      expect(shown).toContain('&lt;https://evil.example|click here&gt;');
      expect(shown).toContain('Memo &lt;!here&gt; &amp; notes');
      expect(shown).not.toMatch(/<[!@#h]/);
      // The asterisks are fenced so they show as typed rather than turning the word bold.
      const Z = '\u200B';
      expect(JSON.stringify(answer!.body)).toContain(`${Z}*${Z}urgent${Z}*${Z}`);
    });
  });

  describe('with test commands', () => {
    let h: Harness;
    beforeEach(async () => {
      h = await startHarness({ mode: 'http', core: FAKE_CORE, commands: testCommands([BOOM]) });
    });
    afterEach(async () => {
      await h.close();
    });

    const slash = (command: string, text: string, id: string) =>
      h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command, text, response_url: h.fake.responseUrl(id) }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
    const answerTo = async (id: string) => (await h.fake.waitFor(() => h.fake.responses(id)[0], `answer ${id}`)).body;

    it('turns <!channel> and <@U123> in a mentioned question into plain words', async () => {
      const body = h.fake.eventBody('EvQ', { type: 'app_mention', user: 'U0001', text: '<@UBOT> did <!channel> hear from <@U123|ana> &amp; <@U456>?', ts: '1.000001', channel: 'C0001' });
      await h.fake.sendSigned(h.appUrl, body, 'application/json', SIGNING_SECRET);
      const post = await h.fake.waitFor(() => h.fake.calls('chat.postMessage')[0], 'the answer');
      expect(post.params.blocks[0].text.text).toBe('Page 1 for: did @channel hear from @ana &amp; @U456?');
      expect(JSON.stringify(post.params)).not.toMatch(/<[!@]/);
    });

    it('shows a question typed with literal <!channel> and <@U123> escaped, as typed', async () => {
      await slash('/ask', 'is &lt;!channel&gt; or &lt;@U123&gt; in it', 'typed');
      const answer = await answerTo('typed');
      expect(answer.blocks[0].text.text).toBe('Page 1 for: is &lt;!channel&gt; or &lt;@U123&gt; in it');
    });

    it('reads named options after the positional text', async () => {
      await slash('/timeline', '1963 topic:"missile crisis"', 'tl');
      expect((await answerTo('tl')).blocks[0].text.text).toBe('Timeline 1963 about missile crisis');
    });

    it('shows a BackchannelError’s user message, only to the person who asked', async () => {
      await slash('/source', 'nope', 'nf');
      const answer = await answerTo('nf');
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.blocks[0].text.text).toBe(':x: Nothing by that name is in the corpus.');
    });

    it('shows bad input with the command’s usage', async () => {
      await slash('/ask', '', 'bad');
      const answer = await answerTo('bad');
      expect(answer.blocks[0].text.text).toMatch(/^:warning: .*question.*Usage: \/ask \[private\] &lt;question&gt; \[page:…\]$/);
    });

    it('shows a fixed apology with a reference for any other error, and logs the error under that reference', async () => {
      await slash('/boom', '', 'boom');
      const answer = await answerTo('boom');
      const ref = /\(ref ([0-9A-F]{6})\)$/.exec(answer.blocks[0].text.text)?.[1];
      expect(answer.blocks[0].text.text).toBe(`:x: Something went wrong on our side. (ref ${ref})`);
      expect(JSON.stringify(answer)).not.toContain('secret internal detail');
      const line = await h.log.waitFor((l) => l.ref === ref, 'the error log line');
      expect(line).toMatchObject({ level: 50, adapter: 'slack', command: 'boom', msg: 'command failed' });
      expect(JSON.stringify(line.err)).toContain('secret internal detail');
    });

    it('rejects a request with a bad signature with 401, and runs nothing', async () => {
      const body = h.fake.slashCommandBody({ command: '/ask', text: 'q', response_url: h.fake.responseUrl('forged') });
      const sent = await h.fake.sendSigned(h.appUrl, body, 'application/x-www-form-urlencoded', 'not-the-signing-secret');
      expect(sent.status).toBe(401);
      await h.slack.stop();
      expect(h.fake.responses()).toEqual([]);
    });

    it('rejects a correctly signed request with a stale timestamp with 401', async () => {
      const body = h.fake.eventBody('EvOld', { type: 'app_mention', user: 'U0001', text: '<@UBOT> q', ts: '1.1', channel: 'C0001' });
      const sent = await h.fake.sendSigned(h.appUrl, body, 'application/json', SIGNING_SECRET, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
      expect(sent.status).toBe(401);
      await h.slack.stop();
      expect(h.fake.calls('chat.postMessage')).toEqual([]);
    });

    it('answers an event Slack retries only once', async () => {
      const body = h.fake.eventBody('EvRetry', { type: 'app_mention', user: 'U0001', text: '<@UBOT> once', ts: '2.000001', channel: 'C0001' });
      expect((await h.fake.sendSigned(h.appUrl, body, 'application/json', SIGNING_SECRET)).status).toBe(200);
      const retry = await h.fake.sendSigned(h.appUrl, body, 'application/json', SIGNING_SECRET, {
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      });
      expect(retry.status).toBe(200);
      await h.log.waitFor((l) => l.msg === 'duplicate event ignored' && l.event_id === 'EvRetry', 'the duplicate to be ignored');
      await h.slack.stop();
      expect(h.fake.calls('chat.postMessage')).toHaveLength(1);
    });

    it('edits the message with chat.update when the response_url has expired', async () => {
      h.fake.failResponseUrls = true;
      const button = { action_id: 'backchannel:more:0', value: JSON.stringify({ c: 'ask', a: { question: 'q', page: 2 } }) };
      const payload = h.fake.actionPayload({ button, response_url: h.fake.responseUrl('expired'), channel_id: 'C0009', message_ts: '9.000009' });
      await h.fake.sendSigned(h.appUrl, h.fake.actionBody(payload), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const update = await h.fake.waitFor(() => h.fake.calls('chat.update')[0], 'chat.update');
      expect(update.params).toMatchObject({ channel: 'C0009', ts: '9.000009' });
      expect(update.params.blocks[0].text.text).toBe('Page 2 for: q');
    });

    it('ignores a button whose value is not one of ours', async () => {
      const payload = h.fake.actionPayload({ button: { action_id: 'backchannel:more:0', value: '{"evil":true}' }, response_url: h.fake.responseUrl('junk') });
      expect((await h.fake.sendSigned(h.appUrl, h.fake.actionBody(payload), 'application/x-www-form-urlencoded', SIGNING_SECRET)).status).toBe(200);
      await h.log.waitFor((l) => l.msg === 'button without a readable value ignored', 'the warning');
      await h.slack.stop();
      expect(h.fake.responses()).toEqual([]);
    });
  });
});
