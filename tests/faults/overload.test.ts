/**
 * Overload: answers are paced behind acknowledgements, so Slack gets its 200 at once however much
 * work is queued; when the queue is too long to wait in, the answer is a clear "busy", never silence;
 * every request gets exactly one reply.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { NO_RATE_LIMITS } from '../../adapters/ratelimit.js';
import { BUSY_MESSAGE, startSlack, type SlackHandle } from '../../adapters/slack/app.js';
import { Busy, Gate, Pacer } from '../../adapters/slack/pace.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import { captureLogger } from '../adapters/discord/harness.js';
import { FakeSlack } from '../adapters/slack/fake-slack.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A client in its own process: signs and sends every body at once; prints status, body and ms to headers for each. */
const BURST_CLIENT = `
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
const [url, secret, json] = process.argv.slice(-3);
const bodies = JSON.parse(json);
const results = await Promise.all(bodies.map((body) => new Promise((resolve, reject) => {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', secret).update('v0:' + timestamp + ':' + body).digest('hex');
  const started = performance.now();
  const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature } });
  req.on('response', (res) => {
    const ms = performance.now() - started;
    let text = '';
    res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
    res.on('end', () => resolve({ status: res.statusCode, body: text, ms }));
  });
  req.on('error', reject);
  req.end(body);
})));
process.stdout.write(JSON.stringify(results));
`;

describe('overload', () => {
  describe('the pacer', () => {
    it('runs jobs in order, high priority first, with low priority every third turn', async () => {
      const pacer = new Pacer();
      const order: string[] = [];
      const jobs = [
        ...['l1', 'l2', 'l3'].map((id) => pacer.run(() => order.push(id), 'low')),
        ...['h1', 'h2', 'h3', 'h4'].map((id) => pacer.run(() => order.push(id), 'high')),
      ];
      await Promise.all(jobs);
      expect(order).toEqual(['h1', 'h2', 'l1', 'h3', 'h4', 'l2', 'l3']);
    });

    it('resolves with what a job returns or resolves to, and rejects with what it throws', async () => {
      const pacer = new Pacer();
      await expect(pacer.run(() => 42)).resolves.toBe(42);
      await expect(pacer.run(async () => 'later')).resolves.toBe('later');
      await expect(
        pacer.run(() => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
    });

    it('yields to the event loop between slices, so I/O is never kept waiting behind the queue', async () => {
      const pacer = new Pacer({ sliceMs: 5 });
      const busyFor = (ms: number) => () => {
        const until = performance.now() + ms;
        while (performance.now() < until);
      };
      const all = Array.from({ length: 40 }, () => pacer.run(busyFor(2)));
      let turns = 0;
      const timer = setInterval(() => turns++, 0);
      await Promise.all(all);
      clearInterval(timer);
      // 80 ms of work in slices of about 5 ms: a timer gets turns between them (run in one go, it would get none).
      expect(turns).toBeGreaterThanOrEqual(5);
    });

    it('refuses low-priority work as busy once the expected wait is over the limit, and counts it', async () => {
      const pacer = new Pacer({ maxWaitMs: 10 });
      const slow = () => {
        const until = performance.now() + 4;
        while (performance.now() < until);
      };
      const first = Array.from({ length: 3 }, () => pacer.run(slow));
      await Promise.all(first);
      const queued = Array.from({ length: 20 }, () => pacer.run(slow).then(() => 'ran', (error: unknown) => (error instanceof Busy ? 'busy' : 'failed')));
      const outcomes = await Promise.all(queued);
      expect(outcomes.filter((o) => o === 'busy').length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o === 'ran').length).toBeGreaterThan(0);
      expect(outcomes).not.toContain('failed');
      expect(pacer.counts.busy).toBe(outcomes.filter((o) => o === 'busy').length);
      await tick();
    });

    it('never refuses high-priority work', async () => {
      const pacer = new Pacer({ maxWaitMs: 0 });
      const lows = await Promise.allSettled([pacer.run(() => 1, 'low'), pacer.run(() => 1, 'low'), pacer.run(() => 1, 'low')]);
      expect(lows.map((l) => l.status)).toContain('rejected');
      await expect(Promise.all(Array.from({ length: 50 }, () => pacer.run(() => 1, 'high')))).resolves.toHaveLength(50);
    });
  });

  describe('the gate', () => {
    it('lets at most its number of tasks run at once, and the rest in order', async () => {
      const gate = new Gate(2);
      let active = 0;
      let most = 0;
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          gate.run(async () => {
            active += 1;
            most = Math.max(most, active);
            await new Promise((resolve) => setTimeout(resolve, 5));
            order.push(i);
            active -= 1;
          }),
        ),
      );
      expect(most).toBe(2);
      expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    });
  });

  describe('the Slack app under a burst of slow commands', () => {
    const BOT = 'xoxb-overload-test';
    const SECRET = 'overload-test-signing-secret';
    let fake: FakeSlack;
    let slack: SlackHandle;

    /** A command that takes `ms` of CPU, as a hard question would. */
    const slow = (ms: number): CommandDefinition => ({
      name: 'slow',
      description: 'Takes a while',
      options: z.object({}),
      run() {
        const until = performance.now() + ms;
        while (performance.now() < until);
        return { blocks: [{ type: 'text', runs: [{ text: 'slow answer' }] }], actions: [], data: null, ok: true };
      },
    });

    async function start(ms: number, maxWaitMs?: number): Promise<string> {
      fake = await FakeSlack.start({ botToken: BOT });
      slack = await startSlack({
        core: {} as Core,
        config: { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET } as Config,
        logger: captureLogger('error').logger,
        commands: new Map([['slow', slow(ms)]]),
        slackApiUrl: fake.apiUrl,
        retries: 0,
        listen: { port: 0, host: '127.0.0.1' },
        rateLimits: NO_RATE_LIMITS,
        ...(maxWaitMs !== undefined ? { pace: { maxWaitMs } } : {}),
      });
      return `http://127.0.0.1:${slack.port}`;
    }

    afterEach(async () => {
      await slack?.stop();
      await fake?.close();
    });

    /**
     * Sends `count` signed slash commands at once from a separate process (a client sharing this
     * process's event loop would itself be served one turn at a time) and returns, for each, its
     * status, body and the time to its response's headers.
     */
    const burst = (appUrl: string, count: number) =>
      new Promise<Array<{ status: number; body: string; ms: number }>>((resolve, reject) => {
        const bodies = Array.from({ length: count }, (_, i) => fake.slashCommandBody({ command: '/slow', text: '', response_url: fake.responseUrl(`r${i}`), user_id: `U${i}` }));
        const child = spawn(process.execPath, ['--input-type=module', '-e', BURST_CLIENT, `${appUrl}/slack/events`, SECRET, JSON.stringify(bodies)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
        child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Array<{ status: number; body: string; ms: number }>) : reject(new Error(`burst client exited with ${code}`))));
      });

    it('acknowledges every request at once while the answers queue, then delivers every answer', async () => {
      const appUrl = await start(40);
      const sent = await burst(appUrl, 30);
      // 30 answers take 1.2 s of CPU; an acknowledgement waits for a turn or two of the event loop
      // (one answer each), never for the queue: every one is in while answers are still queued, and
      // within Slack's 3 seconds.
      const answeredByThen = fake.responses().length;
      expect(sent.every((s) => s.status === 200 && s.body === '')).toBe(true);
      expect(answeredByThen).toBeLessThan(30);
      expect(Math.max(...sent.map((s) => s.ms))).toBeLessThan(3000);
      await fake.waitFor(() => fake.responses().length >= 30, 'every answer', 20_000);
      expect(fake.responses().every((r) => JSON.stringify(r.body).includes('slow answer'))).toBe(true);
      expect(slack.stats()).toMatchObject({ busy: 0, failed: 0 });
    });

    it('on stop, answers every request it has acknowledged before it stops, even those not yet read', async () => {
      const appUrl = await start(20);
      const sent = await burst(appUrl, 30);
      expect(sent.every((s) => s.status === 200)).toBe(true);
      await slack.stop();
      expect(fake.responses()).toHaveLength(30);
      expect(new Set(fake.responses().map((r) => r.id)).size).toBe(30);
    });

    it('answers "busy", clearly and privately, when the queue is too long to wait in, and loses nothing', async () => {
      const appUrl = await start(30, 200);
      const sent = await burst(appUrl, 40);
      expect(sent.every((s) => s.status === 200)).toBe(true);
      await fake.waitFor(() => fake.responses().length >= 40, 'a reply to every request', 20_000);
      const bodies = fake.responses().map((r) => r.body);
      const busy = bodies.filter((b) => JSON.stringify(b).includes(BUSY_MESSAGE.slice(0, 30)));
      expect(busy.length).toBeGreaterThan(0);
      expect(busy.every((b) => b.response_type === 'ephemeral')).toBe(true);
      expect(bodies.length - busy.length).toBeGreaterThan(0);
      expect(new Set(fake.responses().map((r) => r.id)).size).toBe(40);
      expect(slack.stats().busy).toBe(busy.length);
    });
  });
});
