/**
 * Secrets never reach the logs (pino `redact` by key, and every line scrubbed of the configured values
 * and of anything shaped like a token), nor error replies. The end-to-end test runs both adapters
 * against the fakes with the logger built as `npm start` builds it, makes them fail in every way that
 * carries a secret (a handler's error quoting the tokens, a Web API call that cannot connect and
 * carries its Authorization header, an interaction webhook that refuses, holding its token in the
 * URL), captures the raw log stream and searches it, and everything sent to users, for the secrets.
 */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { startDiscord } from '../../adapters/discord/bot.js';
import { startSlack } from '../../adapters/slack/app.js';
import { commands } from '../../src/commands/index.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config.js';
import { loadCore, type Core } from '../../src/core.js';
import { CENSOR, createLogger, scrubSecrets, secretsOf } from '../../src/logger.js';
import { FakeDiscord, slashCommand } from '../adapters/discord/fake-discord.js';
import { FakeSlack } from '../adapters/slack/fake-slack.js';

const DISCORD_TOKEN = `MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake0.${'s3cr3t'.repeat(7)}`;
const SLACK_BOT_TOKEN = 'xoxb-1111-2222-s3cr3tb0tt0k3n';
const SLACK_APP_TOKEN = 'xapp-1-A111-2222-s3cr3tapp';
const SLACK_SIGNING_SECRET = 'plain-words-signing-secret-9f8e7d';

/** A logger built as start.ts builds it, writing raw lines to an array. */
function captured(level: string, config: Record<string, unknown>) {
  const raw: string[] = [];
  const logger = createLogger({ level, secrets: secretsOf(config), destination: { write: (line: string) => void raw.push(line) } as never });
  return { logger, raw, text: () => raw.join('') };
}

/** A command whose failure quotes every secret, as a careless library might. */
const leak: CommandDefinition = {
  name: 'leak',
  description: 'Fails, quoting secrets',
  options: z.object({}),
  run() {
    const error = new Error(`could not connect with ${DISCORD_TOKEN} / ${SLACK_BOT_TOKEN} / ${SLACK_APP_TOKEN} / ${SLACK_SIGNING_SECRET}`);
    Object.assign(error, { request: { headers: { Authorization: `Bearer ${SLACK_BOT_TOKEN}` }, body: { token: SLACK_BOT_TOKEN, nested: { deeper: { secret: SLACK_SIGNING_SECRET } } } } });
    throw error;
  },
};

/** Polls `check` every 10 ms until it holds, for at most `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const SECRETS = [DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET];

describe('secrets', () => {
  describe('the logger', () => {
    const config = { DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET };

    it('redacts secrets by key', () => {
      const log = captured('info', config);
      log.logger.info({ config, token: 'abc-def-ghi', headers: { authorization: 'x' }, req: { headers: { authorization: 'Bot abc' } }, options: { signingSecret: 'abc' } }, 'keys');
      const line = JSON.parse(log.raw[0]!) as Record<string, unknown>;
      expect(line).toMatchObject({ config: CENSOR, token: CENSOR, headers: CENSOR, req: { headers: { authorization: CENSOR } }, options: { signingSecret: CENSOR } });
    });

    it('scrubs the configured values wherever they appear: messages, stacks, nested objects, escaped in JSON', () => {
      const log = captured('info', config);
      const error = new Error(`token ${DISCORD_TOKEN} and "${SLACK_SIGNING_SECRET}"`);
      log.logger.error({ err: error, deep: { a: { b: { c: [SLACK_APP_TOKEN, `quoted "${SLACK_SIGNING_SECRET}"`] } } } }, `message with ${SLACK_BOT_TOKEN}`);
      log.logger.child({ adapter: 'x' }).warn({ url: `http://127.0.0.1/api/v10/webhooks/123/${'i'.repeat(40)}/messages/@original` }, 'child');
      const text = log.text();
      for (const secret of [...SECRETS, 'i'.repeat(40)]) expect(text).not.toContain(secret);
      expect(text.split(CENSOR).length).toBeGreaterThan(6);
      expect(text).toContain('/webhooks/123/[redacted]');
    });

    it('scrubs token-shaped strings even when no secret was configured', () => {
      const text = scrubSecrets(
        [
          `Authorization: Bearer ${SLACK_BOT_TOKEN}`,
          `Bot ${DISCORD_TOKEN}`,
          'xoxp-123-456-abc xoxe.xoxp-1-abc xapp-1-A-2-abc',
          'https://hooks.slack.com/commands/T1/123/AbCdEf0123456789',
          '/interactions/1234/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MA/callback',
          `v0=${'a'.repeat(64)}`,
        ].join('\n'),
      );
      for (const secret of [SLACK_BOT_TOKEN, DISCORD_TOKEN, 'xoxp-123', 'AbCdEf0123456789', 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MA', 'a'.repeat(64), 'xapp-1']) expect(text).not.toContain(secret);
      expect(text).toContain('hooks.slack.com/commands/[redacted]');
      expect(text).toContain('/interactions/1234/[redacted]/callback');
    });

    it('leaves ordinary lines alone', () => {
      expect(scrubSecrets('Discord bot ready: Bot answered 12 questions about Havana in 1963')).toBe('Discord bot ready: Bot answered 12 questions about Havana in 1963');
    });
  });

  describe('a failing run of both adapters, with the log captured', () => {
    let core: Core;
    const sentToUsers: unknown[] = [];
    let logText = '';

    beforeAll(async () => {
      core = loadCore();
      const all = new Map([...commands, ['leak', leak]]);

      // Discord: a handler that throws with the secrets, and an interaction webhook that refuses.
      const fakeDiscord = await FakeDiscord.start();
      const discordConfig = loadConfig({ DISCORD_TOKEN, DISCORD_APP_ID: fakeDiscord.appId });
      const discordLog = captured('trace', { ...discordConfig, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET });
      const bot = await startDiscord({ core, config: discordConfig, logger: discordLog.logger, api: fakeDiscord.api, commands: all, cooldownMs: 0 });
      try {
        const leaked = await fakeDiscord.settled(fakeDiscord.sendInteraction(slashCommand(fakeDiscord.appId, 'leak', {}, { userId: '1300000000000000201' })));
        sentToUsers.push(leaked.callback, ...leaked.edits);
        // A webhook that no longer knows the interaction's token: every edit is refused with 404.
        const payload = slashCommand(fakeDiscord.appId, 'help', {}, { userId: '1300000000000000202' });
        const id = fakeDiscord.sendInteraction(payload);
        (fakeDiscord as unknown as { tokenToInteraction: Map<string, string> }).tokenToInteraction.delete(payload.token);
        await fakeDiscord.waitFor('the refused edit to be logged', () => discordLog.raw.some((line) => line.includes('could not tell the user about an error')) || undefined);
        sentToUsers.push(fakeDiscord.outcome(id).callback);
        expect(discordLog.text()).toContain('/webhooks/');
        expect(discordLog.text()).not.toContain(payload.token);
      } finally {
        await bot.stop();
        await fakeDiscord.close();
      }

      // Slack: the same handler, a response_url that refuses, then a Web API that cannot be reached.
      const fakeSlack = await FakeSlack.start({ botToken: SLACK_BOT_TOKEN });
      const slackConfig = { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET } as Parameters<typeof startSlack>[0]['config'];
      const slackLog = captured('debug', { ...slackConfig, DISCORD_TOKEN, SLACK_APP_TOKEN });
      const slack = await startSlack({ core, config: slackConfig, logger: slackLog.logger, commands: all, slackApiUrl: fakeSlack.apiUrl, retries: 0, listen: { port: 0, host: '127.0.0.1' } });
      const appUrl = `http://127.0.0.1:${slack.port}`;
      try {
        const form = 'application/x-www-form-urlencoded';
        await fakeSlack.sendSigned(appUrl, fakeSlack.slashCommandBody({ command: '/leak', text: '', response_url: fakeSlack.responseUrl('leak'), user_id: 'U1' }), form, SLACK_SIGNING_SECRET);
        sentToUsers.push((await fakeSlack.waitFor(() => fakeSlack.responses('leak')[0], 'the refusal')).body);
        fakeSlack.failResponseUrls = true;
        await fakeSlack.sendSigned(appUrl, fakeSlack.slashCommandBody({ command: '/ask', text: 'who was Lisa Howard', response_url: fakeSlack.responseUrl('expired'), user_id: 'U2' }), form, SLACK_SIGNING_SECRET);
        await until(() => slackLog.raw.some((line) => line.includes('could not deliver')), 'the failed delivery');
        // The Web API goes away: chat.postMessage cannot connect, and its error holds the request's headers.
        const mention = fakeSlack.eventBody('EvLeak', { type: 'app_mention', user: 'U3', text: '<@UBOT> who was Lisa Howard', ts: '1700000300.000100', channel: 'C1' });
        await fakeSlack.close();
        // Nothing listens on the fake's port now: the test signs and sends Slack's request itself.
        const timestamp = Math.floor(Date.now() / 1000);
        const signature = `v0=${createHmac('sha256', SLACK_SIGNING_SECRET).update(`v0:${timestamp}:${mention}`).digest('hex')}`;
        const response = await fetch(`${appUrl}/slack/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
          body: mention,
        });
        expect(response.status).toBe(200);
        await until(() => slackLog.raw.filter((line) => line.includes('could not deliver')).length >= 2, 'the failed chat.postMessage');
      } finally {
        await slack.stop();
      }
      logText = discordLog.text() + slackLog.text();
    }, 60_000);

    it('logged the failures, with their details', () => {
      expect(logText).toContain('interaction failed');
      expect(logText).toContain('command failed');
      expect(logText).toContain('could not deliver an answer to Slack');
      expect(logText).toContain('could not connect with');
      expect(logText).toContain(CENSOR);
    });

    it('wrote no token or signing secret to the log', () => {
      for (const secret of SECRETS) expect(logText).not.toContain(secret);
      // Nor any fragment long enough to matter, nor an Authorization header's credentials.
      for (const secret of SECRETS) expect(logText).not.toContain(secret.slice(-16));
      expect(logText).not.toMatch(/Bearer (?!\[redacted\])/);
    });

    it('showed users a fixed message with a reference, and no secret', () => {
      const shown = JSON.stringify(sentToUsers);
      expect(shown).toMatch(/Something went wrong on our side\. \(ref [0-9A-F]{6}\)/);
      for (const secret of SECRETS) expect(shown).not.toContain(secret);
      expect(shown).not.toContain('could not connect');
    });
  });
});
