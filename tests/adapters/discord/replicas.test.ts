import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPHEMERAL } from '../../../adapters/discord/limits.js';
import { commands } from '../../../src/commands/index.js';
import type { Core } from '../../../src/core.js';
import { REDIS_SKIP_REASON, TestRedis } from '../../servers/redis.js';
import { noteSkipped } from '../../servers/skip.js';
import { FakeDiscord, slashCommand } from './fake-discord.js';
import { startBot, type Harness } from './harness.js';

/** Two Discord bots (as two shards or replicas) sharing their rate limits through one Redis. */
describe.skipIf(REDIS_SKIP_REASON !== undefined)('two Discord bots sharing Redis', () => {
  let redis: TestRedis;
  const fakes: FakeDiscord[] = [];
  const bots: Harness[] = [];

  beforeAll(async () => {
    redis = await TestRedis.start();
    for (let i = 0; i < 2; i += 1) {
      const fake = await FakeDiscord.start();
      fakes.push(fake);
      // /help reads nothing of the core.
      bots.push(await startBot(fake, {} as Core, { commands, cooldownMs: 60_000, redisUrl: redis.url }));
    }
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.bot.stop()));
    await Promise.all(fakes.map((f) => f.close()));
    await redis?.kill();
  });

  it('refuses on one bot the command a person just ran on the other, and lets another person through', async () => {
    const [a, b] = fakes as [FakeDiscord, FakeDiscord];
    const user = { userId: '1300000000000000101' };
    const first = await a.settled(a.sendInteraction(slashCommand(a.appId, 'help', {}, user)));
    expect(first.callback.type).toBe(5);
    const second = await b.settled(b.sendInteraction(slashCommand(b.appId, 'help', {}, user)));
    expect(second.callback).toEqual({
      type: 4,
      data: expect.objectContaining({ flags: EPHEMERAL, content: expect.stringMatching(/^You're going a little fast\. Please wait \d+ seconds? and try again\.$/) }),
    });
    const other = await b.settled(b.sendInteraction(slashCommand(b.appId, 'help', {}, { userId: '1300000000000000102' })));
    expect(other.callback.type).toBe(5);
  });
});

noteSkipped('two Discord bots sharing Redis', REDIS_SKIP_REASON);
