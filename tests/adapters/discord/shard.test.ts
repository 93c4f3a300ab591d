/**
 * Two shards under discord.js's ShardingManager: two child processes, each running the bot
 * (`shard-bot.ts`, through a TypeScript loader) against the fake Discord, each answering the
 * interactions of its own shard. Kept in its own file: the ShardingManager marks the process it runs
 * in as a sharding manager (process.env), which no other test should see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShards, type Shards } from '../../../adapters/discord/shard.js';
import { bundledCorpusDir } from '../../../src/core.js';
import { FakeDiscord, slashCommand } from './fake-discord.js';
import { captureLogger, TOKEN } from './harness.js';
import { typeScriptExecArgv } from './ts-loader.js';

describe('sharding with the ShardingManager', () => {
  let fake: FakeDiscord;
  let shards: Shards | undefined;
  const saved = { ...process.env };
  const { logger, lines } = captureLogger('info');

  beforeAll(async () => {
    fake = await FakeDiscord.start({ shards: 2, token: TOKEN });
    // What each shard process reads at start-up; the manager adds DISCORD_TOKEN and the shard.
    Object.assign(process.env, { DISCORD_APP_ID: fake.appId, LOG_LEVEL: 'warn', CORPUS_DIR: bundledCorpusDir() });
    delete process.env.DISCORD_GUILD_ID;
    shards = await startShards({
      token: TOKEN,
      logger,
      totalShards: 'auto',
      api: fake.api,
      execArgv: typeScriptExecArgv(),
      spawnDelayMs: 0,
      spawnTimeoutMs: 45_000,
      respawn: false,
    });
  }, 90_000);

  afterAll(async () => {
    await shards?.stop();
    await fake?.close();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('spawns as many shards as Discord recommends, each identifying as its own shard', () => {
    expect(shards!.manager.totalShards).toBe(2);
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.connectedShards).toEqual([0, 1]);
    expect(lines.filter((line) => line.msg === 'shard ready').map((line) => line.shard).sort()).toEqual([0, 1]);
  });

  it('answers on each shard the interactions of the guilds that shard serves', async () => {
    for (const shard of [0, 1]) {
      const guildId = FakeDiscord.guildOnShard(shard, 2);
      expect(fake.shardFor(guildId)).toBe(shard);
      const id = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question: 'who was Lisa Howard' }, { guildId, userId: `130000000000000010${shard}` }));
      const outcome = await fake.settled(id, 15_000);
      expect(outcome.callback.type).toBe(5);
      expect(outcome.edits[0].embeds[0].description).toContain('**Lisa Howard**');
    }
  });

  it('stops every shard cleanly: each closes its gateway connection and its process exits', async () => {
    const children = shards!.manager.shards.map((shard) => shard.process!);
    await shards!.stop();
    for (const child of children) expect(child.exitCode).toBe(0);
    await fake.waitFor('both connections to close', () => fake.connectedShards.length === 0 || undefined);
  });
});
