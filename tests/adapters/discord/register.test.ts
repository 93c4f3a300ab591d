import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationPayload } from '../../../adapters/discord/commands.js';
import { main, registerCommands } from '../../../adapters/discord/register.js';
import { commands } from '../../../src/commands/index.js';
import { FakeDiscord } from './fake-discord.js';
import { TOKEN } from './harness.js';

const GUILD = '1400000000000000009';

describe('npm run discord:register', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN });
  });

  afterAll(async () => {
    await fake?.close();
  });

  const puts = () => fake.requests.filter((request) => request.method === 'PUT');

  it('overwrites the guild’s commands in one request when DISCORD_GUILD_ID is set', async () => {
    const done = await registerCommands({ token: TOKEN, appId: fake.appId, guildId: GUILD, api: fake.api });
    expect(done).toEqual({ scope: 'guild', route: `/applications/${fake.appId}/guilds/${GUILD}/commands`, names: [...commands.keys()] });
    const [put] = puts();
    expect(put).toMatchObject({ path: `/applications/${fake.appId}/guilds/${GUILD}/commands`, authorization: `Bot ${TOKEN}` });
    expect(put!.body).toEqual(registrationPayload(commands));
  });

  it('is idempotent: running it again sends the same body and leaves the same commands', async () => {
    const before = fake.registered.get(GUILD);
    await registerCommands({ token: TOKEN, appId: fake.appId, guildId: GUILD, api: fake.api });
    const [first, second] = puts();
    expect(second!.body).toEqual(first!.body);
    expect(fake.registered.get(GUILD)!.map((command) => [command.id, command.name])).toEqual(before!.map((command) => [command.id, command.name]));
  });

  it('registers globally when no guild is set', async () => {
    const done = await registerCommands({ token: TOKEN, appId: fake.appId, api: fake.api });
    expect(done.scope).toBe('global');
    expect(puts().at(-1)!.path).toBe(`/applications/${fake.appId}/commands`);
    expect(fake.registered.get('global')!.map((command) => command.name)).toEqual([...commands.keys()]);
  });

  it('names DISCORD_TOKEN when Discord rejects it', async () => {
    await expect(registerCommands({ token: `${TOKEN}x`, appId: fake.appId, api: fake.api })).rejects.toThrow(/Discord rejected DISCORD_TOKEN/);
  });

  it('names DISCORD_APP_ID when Discord does not know the application', async () => {
    await expect(registerCommands({ token: TOKEN, appId: '1100000000000000999', api: fake.api })).rejects.toThrow(/DISCORD_APP_ID/);
  });

  describe('configuration', () => {
    it('stops with a message naming a missing DISCORD_TOKEN', async () => {
      await expect(main({ DISCORD_APP_ID: fake.appId })).rejects.toThrow(/DISCORD_TOKEN is not set/);
    });

    it('stops with a message naming a malformed value', async () => {
      await expect(main({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: 'not-an-id' })).rejects.toThrow(/DISCORD_APP_ID must be a Discord id/);
      await expect(main({ DISCORD_TOKEN: 'short', DISCORD_APP_ID: fake.appId })).rejects.toThrow(/DISCORD_TOKEN looks too short/);
      await expect(main({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: fake.appId, DISCORD_GUILD_ID: 'general' })).rejects.toThrow(/DISCORD_GUILD_ID must be a Discord id/);
    });
  });
});
