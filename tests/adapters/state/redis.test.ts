import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter, type RateLimits, type Verdict } from '../../../adapters/ratelimit.js';
import { RedisState, type RedisStateOptions } from '../../../adapters/state/redis.js';
import { MemoryState, openSharedState } from '../../../adapters/state/shared-state.js';
import { captureLogger } from '../slack/fixtures.js';
import { REDIS_SKIP_REASON, TestRedis } from '../../servers/redis.js';
import { noteSkipped } from '../../servers/skip.js';

const SLOW: RateLimits = { user: { burst: 3, everyMs: 600_000 }, channel: { burst: 5, everyMs: 600_000 } };

describe('shared state', () => {
  describe('without REDIS_URL', () => {
    it('is in-process memory, as before', async () => {
      const state = await openSharedState({ logger: captureLogger().logger, namespace: 'slack' });
      expect(state).toBeInstanceOf(MemoryState);
      expect(await state.firstTime('e:Ev1')).toBe(true);
      expect(await state.firstTime('e:Ev1')).toBe(false);
      await state.close();
    });
  });

  describe.skipIf(REDIS_SKIP_REASON !== undefined)('in Redis', () => {
    let redis: TestRedis;
    const open: RedisState[] = [];
    let n = 0;
    const state = async (overrides: Partial<RedisStateOptions> = {}, prefix = `t${++n}:`) => {
      const log = captureLogger('debug');
      const opened = await RedisState.open({ url: redis.url, limits: SLOW, logger: log.logger, prefix, ...overrides });
      open.push(opened);
      return { state: opened, log };
    };
    /** Two replicas sharing one Redis (the same key prefix), as two bots with the same REDIS_URL. */
    const replicas = async (overrides: Partial<RedisStateOptions> = {}) => {
      const prefix = `t${++n}:`;
      return [await state(overrides, prefix), await state(overrides, prefix)] as const;
    };

    beforeAll(async () => {
      redis = await TestRedis.start();
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
      await redis.resume();
    });
    afterAll(async () => {
      await redis?.kill();
    });

    describe('deduplication', () => {
      it('answers a key once across two replicas', async () => {
        const [a, b] = await replicas();
        expect(await a.state.firstTime('e:Ev1')).toBe(true);
        expect(await b.state.firstTime('e:Ev1')).toBe(false);
        expect(await a.state.firstTime('e:Ev1')).toBe(false);
        expect(await b.state.firstTime('e:Ev2')).toBe(true);
      });

      it('lets exactly one replica win when both see the same keys at the same moment', async () => {
        const [a, b] = await replicas();
        const keys = Array.from({ length: 200 }, (_, i) => `e:Race${i}`);
        const wins = await Promise.all(keys.flatMap((key) => [a.state.firstTime(key), b.state.firstTime(key)]));
        for (let i = 0; i < keys.length; i += 1) expect([wins[2 * i], wins[2 * i + 1]].filter(Boolean)).toHaveLength(1);
      });

      it('keeps each key with an expiry, never forever', async () => {
        const { Redis } = await import('ioredis');
        const [a] = await replicas();
        await a.state.firstTime('e:Ttl');
        const client = new Redis(redis.url);
        const keys = await client.keys('*seen:e:Ttl');
        const ttl = await client.pttl(keys[0]!);
        await client.quit();
        expect(keys).toHaveLength(1);
        expect(ttl).toBeGreaterThan(59 * 60 * 1000);
        expect(ttl).toBeLessThanOrEqual(60 * 60 * 1000);
      });
    });

    describe('rate limits', () => {
      it('counts a user across replicas: a burst of 3 is 3 in all, not 3 each', async () => {
        const [a, b] = await replicas();
        const verdicts = [await a.state.take('U1', 'C1'), await b.state.take('U1', 'C2'), await a.state.take('U1', 'C3'), await b.state.take('U1', 'C4'), await a.state.take('U1', 'C5')];
        expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false]);
        expect(verdicts[3]).toMatchObject({ allowed: false, scope: 'user', notify: true });
        expect(verdicts[4]).toMatchObject({ allowed: false, scope: 'user', notify: false });
        expect((verdicts[3] as Extract<Verdict, { allowed: false }>).retryMs).toBeGreaterThan(599_000);
      });

      it('counts a channel across replicas and tells each refused person once', async () => {
        const [a, b] = await replicas();
        const takes = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 ? a : b).state.take(`U${i}`, 'Cbusy')));
        expect(takes.every((v) => v.allowed)).toBe(true);
        expect(await a.state.take('U9', 'Cbusy')).toMatchObject({ allowed: false, scope: 'channel', notify: true });
        expect(await b.state.take('U9', 'Cbusy')).toMatchObject({ allowed: false, scope: 'channel', notify: false });
        expect(await b.state.take('U8', 'Cbusy')).toMatchObject({ allowed: false, scope: 'channel', notify: true });
        expect(await a.state.take('U9', 'Cquiet')).toEqual({ allowed: true });
      });

      it('gives the same verdicts as the in-process limiter for the same requests', async () => {
        // Refills are negligible here, and the two rates differ, so no verdict hangs on which clock read first.
        const limits: RateLimits = { user: { burst: 2, everyMs: 600_000 }, channel: { burst: 3, everyMs: 300_000 } };
        const [a, b] = await replicas({ limits });
        const local = new RateLimiter(limits);
        let seed = 7;
        const pick = (k: number) => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return seed % k;
        };
        for (let i = 0; i < 120; i += 1) {
          const user = pick(5) === 0 ? undefined : `U${pick(6)}`;
          const channel = pick(5) === 0 ? undefined : `C${pick(4)}`;
          const shared = await (i % 2 ? a : b).state.take(user, channel);
          const { retryMs: _l, ...expected } = local.take(user, channel) as Verdict & { retryMs?: number };
          const { retryMs: _s, ...got } = shared as Verdict & { retryMs?: number };
          expect(got, `request ${i} by ${user} in ${channel}`).toEqual(expected);
        }
        local.close();
      });

      it('refills a bucket with time, as the in-process limiter does', async () => {
        const [a] = await replicas({ limits: { user: { burst: 1, everyMs: 200 }, channel: null } });
        expect((await a.state.take('U1', 'C1')).allowed).toBe(true);
        expect((await a.state.take('U1', 'C1')).allowed).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 250));
        expect((await a.state.take('U1', 'C1')).allowed).toBe(true);
      });
    });

    describe('when Redis goes away', () => {
      it('keeps answering from memory at once, logs the outage once, and shares again when Redis returns', async () => {
        const [a, b] = await replicas({ commandTimeoutMs: 100 });
        expect(await a.state.firstTime('e:Before')).toBe(true);
        await redis.kill();

        const started = performance.now();
        const during = [await a.state.firstTime('e:During'), await a.state.firstTime('e:During'), await b.state.firstTime('e:Other')];
        const verdict = await a.state.take('U1', 'C1');
        expect(performance.now() - started).toBeLessThan(500);
        expect(during).toEqual([true, false, true]);
        expect(verdict).toEqual({ allowed: true });
        // Each replica still remembers what it answered itself.
        expect(await a.state.firstTime('e:Before')).toBe(false);
        for (let i = 0; i < 50; i += 1) await a.state.firstTime(`e:Many${i}`);
        const warnings = a.log.lines.filter((l) => l.msg.startsWith('Redis is unreachable'));
        expect(warnings).toHaveLength(1);
        expect(a.log.lines.filter((l) => l.msg.startsWith('Redis is still unreachable'))).toHaveLength(0);

        await redis.resume();
        const back = performance.now();
        await a.log.waitFor((l) => l.msg === 'Redis is back: shared state again', 'Redis to be back', 5000);
        await b.log.waitFor((l) => l.msg === 'Redis is back: shared state again', 'Redis to be back', 5000);
        expect(performance.now() - back).toBeLessThan(3000);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(a.state.shared).toBe(true);
        // What a answered during the outage was written to Redis on its return: b does not answer it again.
        expect(await b.state.firstTime('e:During')).toBe(false);
        expect(await a.state.firstTime('e:Other')).toBe(false);
        expect(await b.state.firstTime('e:After')).toBe(true);
        expect(await a.state.firstTime('e:After')).toBe(false);
      });

      it('logs again only once a minute while the outage lasts', async () => {
        let now = 1_000_000;
        const { state: s, log } = await state({ now: () => now, commandTimeoutMs: 100 });
        await redis.kill();
        await s.firstTime('e:1');
        now += 30_000;
        await s.firstTime('e:2');
        now += 31_000;
        await s.firstTime('e:3');
        await s.take('U1', 'C1');
        expect(log.lines.filter((l) => l.msg.startsWith('Redis is unreachable'))).toHaveLength(1);
        const still = log.lines.filter((l) => l.msg.startsWith('Redis is still unreachable'));
        expect(still).toHaveLength(1);
        expect(still[0]).toMatchObject({ level: 40, downForMs: 61_000 });
      });

      it('starts and answers from memory when Redis is not there at start-up, then shares once it is', async () => {
        await redis.kill();
        const { state: s, log } = await state({ connectWaitMs: 200 });
        expect(s.shared).toBe(false);
        expect(await s.firstTime('e:Early')).toBe(true);
        expect(log.lines.some((l) => l.msg.startsWith('Redis is unreachable'))).toBe(true);
        await redis.resume();
        await log.waitFor((l) => l.msg === 'Redis is back: shared state again', 'Redis to be back', 5000);
        expect(s.shared).toBe(true);
      });
    });
  });
});

noteSkipped('shared state in Redis', REDIS_SKIP_REASON);
