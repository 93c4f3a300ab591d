import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_SKIP_REASON, TestRedis } from '../../servers/redis.js';
import { noteSkipped } from '../../servers/skip.js';
import { FAKE_CORE, testCommands } from './fixtures.js';
import { SIGNING_SECRET, startHarness, type Harness } from './harness.js';

/** Two replicas of the Slack app (real Bolt, HTTP mode) sharing one Redis, as behind a load balancer. */
describe.skipIf(REDIS_SKIP_REASON !== undefined)('two Slack replicas sharing Redis', () => {
  let redis: TestRedis;
  let replicas: Harness[] = [];

  beforeAll(async () => {
    redis = await TestRedis.start();
  });
  afterEach(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    replicas = [];
    await redis.resume();
  });
  afterAll(async () => {
    await redis?.kill();
  });

  const start = async () => {
    replicas = [
      await startHarness({ mode: 'http', core: FAKE_CORE, commands: testCommands(), redisUrl: redis.url }),
      await startHarness({ mode: 'http', core: FAKE_CORE, commands: testCommands(), redisUrl: redis.url }),
    ];
    return replicas as [Harness, Harness];
  };
  const mention = (h: Harness, eventId: string, ts: string, user = 'U0001') =>
    h.fake.eventBody(eventId, { type: 'app_mention', user, text: '<@UBOT> who was Lisa Howard', ts, channel: 'C0001' });
  const retryHeaders = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };
  const posts = (...hs: Harness[]) => hs.flatMap((h) => h.fake.calls('chat.postMessage'));
  /** Polls: the replicas' fakes are separate, so no one fake's arrivals tell when both are done. */
  const until = async (check: () => boolean, what: string, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('answers an event once when Slack retries it on the other replica', async () => {
    const [a, b] = await start();
    const body = mention(a, 'EvAcross', '3.000001');
    expect((await a.fake.sendSigned(a.appUrl, body, 'application/json', SIGNING_SECRET)).status).toBe(200);
    await a.fake.waitFor(() => a.fake.calls('chat.postMessage')[0], 'the answer');
    expect((await b.fake.sendSigned(b.appUrl, body, 'application/json', SIGNING_SECRET, retryHeaders)).status).toBe(200);
    await b.log.waitFor((l) => l.msg === 'duplicate event ignored' && l.event_id === 'EvAcross', 'the retry to be ignored');
    await Promise.all([a.slack.stop(), b.slack.stop()]);
    expect(posts(a, b)).toHaveLength(1);
  });

  it('answers once when the event and its retry reach both replicas at the same moment', async () => {
    const [a, b] = await start();
    const bodies = Array.from({ length: 20 }, (_, i) => mention(a, `EvRace${i}`, `4.0000${10 + i}`, `U${100 + i}`));
    await Promise.all(
      bodies.flatMap((body) => [
        a.fake.sendSigned(a.appUrl, body, 'application/json', SIGNING_SECRET),
        b.fake.sendSigned(b.appUrl, body, 'application/json', SIGNING_SECRET, retryHeaders),
      ]),
    );
    await until(() => posts(a, b).length >= 20, 'twenty answers');
    await Promise.all([a.slack.stop(), b.slack.stop()]);
    const threads = posts(a, b).map((call) => call.params.thread_ts);
    expect(threads).toHaveLength(20);
    expect(new Set(threads).size).toBe(20);
  });

  it("counts a person's questions across replicas: the sixth in a burst is refused, wherever it lands", async () => {
    const [a, b] = await start();
    for (let i = 0; i < 6; i += 1) {
      const h = i % 2 ? b : a;
      await h.fake.sendSigned(h.appUrl, mention(h, `EvBurst${i}`, `5.00000${i}`, 'UFAST'), 'application/json', SIGNING_SECRET);
    }
    // Each request is acknowledged before it is counted, so under load the fifth may be counted after the
    // sixth: the notice goes to whichever replica counted sixth.
    const notices = () => [...a.fake.calls('chat.postEphemeral'), ...b.fake.calls('chat.postEphemeral')];
    await until(() => posts(a, b).length >= 5 && notices().length >= 1, 'five answers and a notice');
    await Promise.all([a.slack.stop(), b.slack.stop()]);
    expect(posts(a, b)).toHaveLength(5);
    const notice = notices();
    expect(notice).toHaveLength(1);
    expect(JSON.stringify(notice[0]!.params)).toContain('going a little fast');
  });

  it('keeps answering, each event once per replica, while Redis is down', async () => {
    const [a, b] = await start();
    await redis.kill();
    const body = mention(a, 'EvOutage', '6.000001');
    await a.fake.sendSigned(a.appUrl, body, 'application/json', SIGNING_SECRET);
    await a.fake.sendSigned(a.appUrl, body, 'application/json', SIGNING_SECRET, retryHeaders);
    await a.fake.waitFor(() => a.fake.calls('chat.postMessage')[0], 'the answer during the outage');
    await a.log.waitFor((l) => l.msg === 'duplicate event ignored' && l.event_id === 'EvOutage', 'the retry to be ignored by the same replica');
    await redis.resume();
    await a.log.waitFor((l) => l.msg === 'Redis is back: shared state again', 'Redis to be back', 5000);
    await b.log.waitFor((l) => l.msg === 'Redis is back: shared state again', 'Redis to be back', 5000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The event a answered during the outage was shared on Redis's return: a later retry on b is ignored.
    await b.fake.sendSigned(b.appUrl, body, 'application/json', SIGNING_SECRET, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    await b.log.waitFor((l) => l.msg === 'duplicate event ignored' && l.event_id === 'EvOutage', 'the late retry to be ignored');
    await Promise.all([a.slack.stop(), b.slack.stop()]);
    expect(posts(a, b)).toHaveLength(1);
  });
});

noteSkipped('two Slack replicas sharing Redis', REDIS_SKIP_REASON);
