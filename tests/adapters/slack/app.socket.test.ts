/**
 * The real Bolt app in Socket Mode against a fake Slack: `apps.connections.open` hands out a ws://
 * URL on 127.0.0.1, the fake says hello, sends envelopes and reads the acknowledgements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCore } from '../../../src/core.js';
import { decodeAction } from '../../../adapters/slack/render.js';
import { startSlack } from '../../../adapters/slack/app.js';
import type { Config } from '../../../src/config.js';
import { FakeSlack } from './fake-slack.js';
import { captureLogger } from './fixtures.js';
import { APP_TOKEN, BOT_TOKEN, shownText, startHarness, type Harness } from './harness.js';

type Button = { action_id: string; value: string; text: { text: string } };

describe('Slack app, Socket Mode', () => {
  describe('with the real core and commands', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ mode: 'socket', core: loadCore() });
    });
    afterAll(async () => {
      await h?.close();
    });

    const slashPayload = (text: string, id: string) => ({
      token: 'verification-token',
      team_id: h.fake.teamId,
      team_domain: 'fake',
      channel_id: 'C0001',
      channel_name: 'general',
      user_id: 'U0001',
      user_name: 'student',
      command: '/ask',
      text,
      api_app_id: 'A0001',
      is_enterprise_install: 'false',
      response_url: h.fake.responseUrl(id),
      trigger_id: '1.2.3',
    });

    it('connects with the app token and no public URL', () => {
      expect(h.slack.mode).toBe('socket');
      expect(h.slack.port).toBeUndefined();
      expect(h.fake.calls('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
      expect(h.fake.socketCount).toBe(1);
    });

    it('acknowledges a slash command over the socket and answers through the response_url', async () => {
      const envelope = h.fake.sendEnvelope('slash_commands', slashPayload('who was Lisa Howard', 'sm-ask'));
      await h.fake.waitFor(() => h.fake.acks(envelope)[0], 'the acknowledgement');
      const answer = await h.fake.waitFor(() => h.fake.responses('sm-ask')[0], 'the answer');
      expect(answer.body.response_type).toBe('in_channel');
      expect(shownText(answer.body)).toContain('*Lisa Howard*');
    });

    it('answers a mention in its thread, once, however many times Slack retries it', async () => {
      const payload = h.fake.eventPayload('SmEv1', { type: 'app_mention', user: 'U0001', text: '<@UBOT> who was Lisa Howard', ts: '1700000500.000500', channel: 'C0002' });
      const first = h.fake.sendEnvelope('events_api', payload);
      await h.fake.waitFor(() => h.fake.acks(first)[0], 'the acknowledgement');
      const retry = h.fake.sendEnvelope('events_api', payload, { retry_attempt: 1, retry_reason: 'timeout' });
      await h.fake.waitFor(() => h.fake.acks(retry)[0], 'the retry’s acknowledgement');
      await h.log.waitFor((l) => l.msg === 'duplicate event ignored' && l.event_id === 'SmEv1', 'the retry to be ignored');
      const post = await h.fake.waitFor(() => h.fake.calls('chat.postMessage').find((c) => c.params.channel === 'C0002'), 'the answer');
      expect(post.params.thread_ts).toBe('1700000500.000500');
    });

    it('answers a direct message', async () => {
      const payload = h.fake.eventPayload('SmEv2', { type: 'message', channel_type: 'im', channel: 'D0002', user: 'U0001', text: 'who was Lisa Howard', ts: '1700000600.000600' });
      h.fake.sendEnvelope('events_api', payload);
      const post = await h.fake.waitFor(() => h.fake.calls('chat.postMessage').find((c) => c.params.channel === 'D0002'), 'the answer');
      expect(post.params.thread_ts).toBeUndefined();
      expect(shownText(post.params)).toContain('*Lisa Howard*');
    });

    it('acknowledges a button press and replaces the message with the next page', async () => {
      h.fake.sendEnvelope('slash_commands', slashPayload('who was Lisa Howard', 'sm-first'));
      const first = await h.fake.waitFor(() => h.fake.responses('sm-first')[0], 'page 1');
      const more = (first.body.blocks as Array<{ type: string; elements?: Button[] }>)
        .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
        .find((b) => b.text.text === 'More results');
      expect(decodeAction(more?.value)?.a.page).toBe(2);
      const envelope = h.fake.sendEnvelope('interactive', h.fake.actionPayload({ button: more!, response_url: h.fake.responseUrl('sm-more') }));
      await h.fake.waitFor(() => h.fake.acks(envelope)[0], 'the acknowledgement');
      const page2 = await h.fake.waitFor(() => h.fake.responses('sm-more')[0], 'page 2');
      expect(page2.body.replace_original).toBe(true);
      expect(page2.body.blocks).not.toEqual(first.body.blocks);
    });

    it('disconnects cleanly on stop, and stop can be called twice', async () => {
      await h.slack.stop();
      await h.fake.waitFor(() => h.fake.records.some((r) => r.kind === 'socket-close'), 'the socket to close');
      expect(h.fake.socketCount).toBe(0);
      await h.slack.stop();
      // Everything under way has finished: the retried mention was answered exactly once.
      expect(h.fake.calls('chat.postMessage').filter((c) => c.params.channel === 'C0002')).toHaveLength(1);
    });
  });

  describe('when Slack refuses the tokens', () => {
    it('fails to start with a configuration error naming the rejected bot token', async () => {
      const fake = await FakeSlack.start({ botToken: 'xoxb-the-real-one', appToken: APP_TOKEN });
      try {
        await expect(
          startSlack({
            core: {} as never,
            config: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN } as Config,
            logger: captureLogger().logger,
            slackApiUrl: fake.apiUrl,
            retries: 0,
          }),
        ).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: 'Slack rejected SLACK_BOT_TOKEN (invalid_auth)' });
        expect(fake.socketCount).toBe(0);
      } finally {
        await fake.close();
      }
    });

    it('fails to start with a configuration error naming a rejected app token', async () => {
      const fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: 'xapp-the-real-one' });
      try {
        await expect(
          startSlack({
            core: {} as never,
            config: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN } as Config,
            logger: captureLogger().logger,
            slackApiUrl: fake.apiUrl,
            retries: 0,
          }),
        ).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/^Slack rejected SLACK_APP_TOKEN \(invalid_auth\)/) });
        expect(fake.socketCount).toBe(0);
      } finally {
        await fake.close();
      }
    });
  });
});
