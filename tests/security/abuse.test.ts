/**
 * Abuse: per-user and per-channel rate limits on both platforms. A flood is answered politely once,
 * not once per message; other people and channels are not held up; Slack still acknowledges every
 * request with a 200; memory stays bounded however many users there are.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, NO_RATE_LIMITS, rateLimitMessage, RateLimiter, type RateLimits } from '../../adapters/ratelimit.js';
import { startSlack, type SlackHandle } from '../../adapters/slack/app.js';
import { startDiscord, type DiscordBot } from '../../adapters/discord/bot.js';
import { loadConfig, type Config } from '../../src/config.js';
import { loadCore, type Core } from '../../src/core.js';
import { buttonPress, customIds, FakeDiscord, slashCommand } from '../adapters/discord/fake-discord.js';
import { captureLogger, TOKEN } from '../adapters/discord/harness.js';
import { FakeSlack } from '../adapters/slack/fake-slack.js';

const EPHEMERAL = 64;

/** Polls `check` every 10 ms until it holds, for at most `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('rate limits', () => {
  describe('the limiter', () => {
    const clock = () => {
      let t = 1_000_000;
      return { now: () => t, advance: (ms: number) => (t += ms) };
    };

    it('lets a burst through, then refuses, telling the person once per stretch of refusals', () => {
      const { now, advance } = clock();
      const limiter = new RateLimiter({ user: { burst: 3, everyMs: 1000 }, channel: null }, { now });
      expect([1, 2, 3].map(() => limiter.take('u', 'c').allowed)).toEqual([true, true, true]);
      const refused = [1, 2, 3, 4].map(() => limiter.take('u', 'c'));
      expect(refused.map((v) => v.allowed)).toEqual([false, false, false, false]);
      expect(refused.map((v) => !v.allowed && v.notify)).toEqual([true, false, false, false]);
      expect(refused[0]).toMatchObject({ scope: 'user', retryMs: 1000 });
      advance(1000);
      expect(limiter.take('u', 'c').allowed).toBe(true);
      const again = limiter.take('u', 'c');
      expect(!again.allowed && again.notify).toBe(true);
    });

    it('limits a channel across its users, telling each person once, and leaves other channels alone', () => {
      const { now } = clock();
      const limiter = new RateLimiter({ user: { burst: 5, everyMs: 1000 }, channel: { burst: 4, everyMs: 1000 } }, { now });
      const verdicts = Array.from({ length: 10 }, (_, i) => limiter.take(`u${i % 5}`, 'busy'));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(4);
      const told = verdicts.filter((v) => !v.allowed && v.notify);
      expect(told).toHaveLength(5);
      expect(told.every((v) => !v.allowed && v.scope === 'channel')).toBe(true);
      expect(limiter.take('u0', 'quiet').allowed).toBe(true);
    });

    it('refills at the configured rate, up to the burst', () => {
      const { now, advance } = clock();
      const limiter = new RateLimiter({ user: { burst: 2, everyMs: 500 }, channel: null }, { now });
      limiter.take('u', undefined);
      limiter.take('u', undefined);
      expect(limiter.take('u', undefined).allowed).toBe(false);
      advance(250);
      expect(limiter.take('u', undefined)).toMatchObject({ allowed: false, retryMs: 250 });
      advance(10_000);
      expect([1, 2, 3].map(() => limiter.take('u', undefined).allowed)).toEqual([true, true, false]);
    });

    it('keeps memory bounded under a flood of distinct users and channels', () => {
      const limiter = new RateLimiter(DEFAULT_RATE_LIMITS, { maxKeys: 1000 });
      for (let i = 0; i < 50_000; i += 1) limiter.take(`user-${i}`, `channel-${i}`);
      expect(limiter.size.users).toBeLessThanOrEqual(1000);
      expect(limiter.size.channels).toBeLessThanOrEqual(1000);
    });

    it('can be turned off, side by side', () => {
      const limiter = new RateLimiter(NO_RATE_LIMITS);
      for (let i = 0; i < 1000; i += 1) expect(limiter.take('u', 'c').allowed).toBe(true);
    });

    it('says how long to wait, in whole seconds, and who is going too fast', () => {
      expect(rateLimitMessage({ allowed: false, scope: 'user', retryMs: 1, notify: true })).toBe("You're going a little fast. Please wait 1 second and try again.");
      expect(rateLimitMessage({ allowed: false, scope: 'channel', retryMs: 2500, notify: true })).toBe('This channel is asking faster than I can answer. Please wait 3 seconds and try again.');
    });
  });

  describe('on Discord', () => {
    let core: Core;
    let fake: FakeDiscord;
    let bot: DiscordBot;
    let lines: ReturnType<typeof captureLogger>['lines'];
    const limits: RateLimits = { user: { burst: 3, everyMs: 60_000 }, channel: { burst: 6, everyMs: 60_000 } };

    beforeAll(async () => {
      core = loadCore();
      fake = await FakeDiscord.start();
      const log = captureLogger('debug');
      lines = log.lines;
      bot = await startDiscord({ core, config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: fake.appId }), logger: log.logger, api: fake.api, rateLimits: limits });
    });
    afterAll(async () => {
      await bot?.stop();
      await fake?.close();
    });

    const ignored = () => lines.filter((line) => line.msg === 'rate limited: ignored').length;
    /** The payload, moved to channel `channelId` (the fake puts every guild interaction in one channel). */
    const inChannel = <T extends { channel_id: string; channel: { id: string } }>(payload: T, channelId: string): T => ({ ...payload, channel_id: channelId, channel: { ...payload.channel, id: channelId } });

    it('answers a flood from one person three times, then tells them once, privately, and ignores the rest', async () => {
      const who = { userId: '1300000000000000301', guildId: '1400000000000000301' };
      const ids = Array.from({ length: 10 }, () => fake.sendInteraction(inChannel(slashCommand(fake.appId, 'help', {}, who), '1500000000000000301')));
      const before = ignored();
      await Promise.all(ids.slice(0, 4).map((id) => fake.settled(id)));
      await until(() => ignored() - before >= 6, 'the six ignored interactions');
      const outcomes = ids.map((id) => fake.outcome(id));
      expect(outcomes.slice(0, 3).every((o) => o.callback?.type === 5 && o.edits.length === 1)).toBe(true);
      expect(outcomes[3]!.callback).toEqual({
        type: 4,
        data: expect.objectContaining({ flags: EPHEMERAL, content: "You're going a little fast. Please wait 60 seconds and try again.", allowed_mentions: { parse: [] } }),
      });
      expect(outcomes.slice(4).every((o) => o.callback === undefined && o.edits.length === 0)).toBe(true);
    });

    it('acknowledges a flood of button presses silently after the one polite reply', async () => {
      const who = { userId: '1300000000000000302', guildId: '1400000000000000302' };
      const first = await fake.settled(fake.sendInteraction(inChannel(slashCommand(fake.appId, 'ask', { question: 'who was Lisa Howard' }, who), '1500000000000000302')));
      const message = first.edits[0];
      const presses = Array.from({ length: 6 }, () => fake.sendInteraction(inChannel(buttonPress(fake.appId, customIds(message)[0]!, message, who), '1500000000000000302')));
      await Promise.all(presses.map((id) => fake.waitFor(`press ${id}`, () => fake.outcome(id).callback)));
      const types = presses.map((id) => fake.outcome(id).callback.type);
      // Two presses left in the burst, one polite reply, then silent acknowledgements (type 6).
      expect(types).toEqual([5, 5, 4, 6, 6, 6]);
    });

    it('limits a busy channel across people, telling each person once, and leaves other channels alone', async () => {
      const people = Array.from({ length: 4 }, (_, i) => `13000000000000004${String(i).padStart(2, '0')}`);
      const start = lines.length;
      const before = lines.filter((line) => line.msg.startsWith('rate limited')).length;
      const ids = people.flatMap((userId) => [0, 1, 2].map(() => fake.sendInteraction(inChannel(slashCommand(fake.appId, 'help', {}, { userId }), '1500000000000000303'))));
      // Six answered; the other six refused (each logged, told or ignored).
      await until(() => lines.filter((line) => line.msg.startsWith('rate limited')).length - before >= 6, 'the six refusals');
      await until(() => ids.filter((id) => fake.outcome(id).callback?.type === 5).length >= 6, 'the six answers');
      const told = lines.slice(start).filter((line) => line.msg === 'rate limited: told the user').length;
      await until(() => ids.filter((id) => fake.outcome(id).callback?.type === 4).length >= told, 'the polite replies');
      const callbacks = ids.map((id) => fake.outcome(id).callback);
      expect(callbacks.filter((c) => c?.type === 5)).toHaveLength(6);
      const polite = callbacks.filter((c) => c?.type === 4);
      expect(polite.length).toBeGreaterThanOrEqual(1);
      expect(polite.length).toBeLessThanOrEqual(people.length);
      expect(polite.every((c) => c.data.content.startsWith('This channel is asking faster than I can answer.'))).toBe(true);
      const elsewhere = await fake.settled(fake.sendInteraction(inChannel(slashCommand(fake.appId, 'help', {}, { userId: people[3]! }), '1500000000000000304')));
      expect(elsewhere.callback.type).toBe(5);
    });
  });

  describe('on Slack', () => {
    let core: Core;
    let fake: FakeSlack;
    let slack: SlackHandle;
    let appUrl: string;
    const BOT = 'xoxb-abuse-test';
    const SECRET = 'abuse-test-signing-secret';
    const form = 'application/x-www-form-urlencoded';

    beforeAll(() => {
      core = loadCore();
    });
    beforeEach(async () => {
      fake = await FakeSlack.start({ botToken: BOT });
      const log = captureLogger('warn');
      slack = await startSlack({
        core,
        config: { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET } as Config,
        logger: log.logger,
        slackApiUrl: fake.apiUrl,
        retries: 0,
        listen: { port: 0, host: '127.0.0.1' },
        rateLimits: { user: { burst: 3, everyMs: 60_000 }, channel: { burst: 6, everyMs: 60_000 } },
      });
      appUrl = `http://127.0.0.1:${slack.port}`;
    });
    afterEach(async () => {
      await slack.stop();
      await fake.close();
    });

    const slash = (id: string, user: string, channel = 'C0001') =>
      fake.sendSigned(appUrl, fake.slashCommandBody({ command: '/backchannel', text: '', response_url: fake.responseUrl(id), user_id: user, channel_id: channel }), form, SECRET);

    it('acknowledges every slash command of a flood with 200, answers three, and tells the person once, privately', async () => {
      const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => slash(`f${i}`, 'UFLOOD')));
      expect(sent.every((s) => s.status === 200)).toBe(true);
      await until(() => fake.responses().length >= 4 && slack.stats().inFlight === 0, 'the answers');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const bodies = fake.responses().map((r) => r.body);
      expect(bodies).toHaveLength(4);
      const polite = bodies.filter((b) => JSON.stringify(b).includes("You're going a little fast"));
      expect(polite).toHaveLength(1);
      expect(polite[0]).toMatchObject({ response_type: 'ephemeral' });
      expect(slack.stats()).toMatchObject({ rateLimited: 7 });
    });

    it('tells a person flooding with mentions once, with an ephemeral message in the channel', async () => {
      for (let i = 0; i < 6; i += 1) {
        const body = fake.eventBody(`EvFlood${i}`, { type: 'app_mention', user: 'UMENTION', text: '<@UBOT> who was Lisa Howard', ts: `1700000400.00010${i}`, channel: 'C0002' });
        expect((await fake.sendSigned(appUrl, body, 'application/json', SECRET)).status).toBe(200);
      }
      await until(() => fake.calls('chat.postMessage').length >= 3 && fake.calls('chat.postEphemeral').length >= 1 && slack.stats().inFlight === 0, 'the answers');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fake.calls('chat.postMessage')).toHaveLength(3);
      const [ephemeral] = fake.calls('chat.postEphemeral');
      expect(fake.calls('chat.postEphemeral')).toHaveLength(1);
      expect(ephemeral!.params).toMatchObject({ channel: 'C0002', user: 'UMENTION' });
      expect(JSON.stringify(ephemeral!.params)).toContain("You're going a little fast");
    });

    it('limits a busy channel across people, telling each refused person once, and not other channels', async () => {
      const sent = await Promise.all(Array.from({ length: 12 }, (_, i) => slash(`c${i}`, `UPERSON${i % 4}`, 'CBUSY')));
      expect(sent.every((s) => s.status === 200)).toBe(true);
      expect((await slash('other', 'UPERSON0', 'CQUIET')).status).toBe(200);
      await until(() => fake.responses().length >= 8 && slack.stats().inFlight === 0, 'the answers');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const bodies = fake.responses().map((r) => JSON.stringify(r.body));
      expect(bodies.filter((b) => b.includes('Backchannel answers only by quoting'))).toHaveLength(7);
      const polite = bodies.filter((b) => b.includes('This channel is asking faster than I can answer'));
      expect(polite.length).toBeGreaterThanOrEqual(1);
      expect(polite.length).toBeLessThanOrEqual(4);
      expect(JSON.stringify(fake.responses('other')[0]?.body)).toContain('Backchannel answers only by quoting');
    });
  });
});
