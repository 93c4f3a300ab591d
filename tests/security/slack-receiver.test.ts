/**
 * The Slack HTTP endpoint at its boundary: only signed, fresh, well-formed requests of a sane size
 * reach the app; everything else is refused with the status Bolt's own receiver would give, and
 * nothing is run for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_RATE_LIMITS } from '../../adapters/ratelimit.js';
import { startSlack, type SlackHandle } from '../../adapters/slack/app.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import { captureLogger, FAKE_CORE, testCommands } from '../adapters/slack/fixtures.js';
import { FakeSlack, signature } from '../adapters/slack/fake-slack.js';

const BOT = 'xoxb-receiver-test';
const SECRET = 'receiver-test-signing-secret';

describe('the Slack HTTP endpoint', () => {
  let fake: FakeSlack;
  let slack: SlackHandle;
  let url: string;

  beforeAll(async () => {
    fake = await FakeSlack.start({ botToken: BOT });
    slack = await startSlack({
      core: FAKE_CORE as Core,
      config: { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET } as Config,
      logger: captureLogger('error').logger,
      commands: testCommands(),
      slackApiUrl: fake.apiUrl,
      retries: 0,
      listen: { port: 0, host: '127.0.0.1' },
      rateLimits: NO_RATE_LIMITS,
    });
    url = `http://127.0.0.1:${slack.port}`;
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  const post = (body: string, headers: Record<string, string>, path = '/slack/events') => fetch(`${url}${path}`, { method: 'POST', headers, body });
  const signed = (body: string, contentType = 'application/json', timestamp = Math.floor(Date.now() / 1000)) => ({
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(SECRET, timestamp, body),
  });

  it('answers a signed url_verification with its challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
    const response = await post(body, signed(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers an ssl_check without a signature, and runs nothing for it', async () => {
    const response = await post('ssl_check=1&token=x&command=%2Fask&text=who', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
    expect(fake.responses()).toHaveLength(0);
  });

  it('refuses unsigned, wrongly signed, stale and future requests with 401', async () => {
    const body = fake.slashCommandBody({ command: '/ask', text: 'who', response_url: fake.responseUrl('x') });
    const form = 'application/x-www-form-urlencoded';
    const now = Math.floor(Date.now() / 1000);
    expect((await post(body, { 'content-type': form })).status).toBe(401);
    expect((await post(body, { ...signed(body, form), 'x-slack-signature': `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await post(body, signed(body, form, now - 6 * 60))).status).toBe(401);
    expect((await post(body, signed(body, form, now + 6 * 60))).status).toBe(401);
    expect((await post(`${body}&text=tampered`, signed(body, form))).status).toBe(401);
  });

  it('refuses a body over 1 MB with 413, before checking anything else', async () => {
    const body = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(1024 * 1024 + 1) });
    expect((await post(body, signed(body))).status).toBe(413);
  });

  it('refuses a signed body that is not JSON with 400', async () => {
    const body = '{"type": "event_callback", ';
    expect((await post(body, signed(body))).status).toBe(400);
  });

  it('answers 404 to anything but a POST to /slack/events', async () => {
    expect((await fetch(`${url}/slack/events`)).status).toBe(404);
    const body = '{}';
    expect((await post(body, signed(body), '/elsewhere')).status).toBe(404);
  });

  it('still answers a good request after all of that', async () => {
    const body = fake.slashCommandBody({ command: '/ask', text: 'who', response_url: fake.responseUrl('good') });
    const response = await post(body, signed(body, 'application/x-www-form-urlencoded'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const answer = await fake.waitFor(() => fake.responses('good')[0], 'the answer');
    expect(JSON.stringify(answer.body)).toContain('Page 1 for: who');
  });
});
