/**
 * The real discord.js client, the real core and the real commands, against a fake Discord on
 * 127.0.0.1: slash commands, autocomplete and buttons go through the gateway and come back as REST
 * calls, which the fake records and checks against Discord's limits.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PNG } from 'pngjs';
import { EPHEMERAL } from '../../../adapters/discord/limits.js';
import { escapeMarkdown } from '../../../adapters/discord/text.js';
import { commands } from '../../../src/commands/index.js';
import type { CommandDefinition } from '../../../src/commands/types.js';
import { loadCore, type Core } from '../../../src/core.js';
import { BackchannelError } from '../../../src/errors.js';
import { autocomplete, buttonPress, customIds, FakeDiscord, slashCommand } from './fake-discord.js';
import { startBot, type Harness } from './harness.js';

const ZWSP = '\u200b';
const LONG_QUESTION = 'what did Kennedy write to Khrushchev about Cuba in April 1961 after the invasion at the Bay of Pigs';

let core: Core;
beforeAll(() => {
  core = loadCore();
});

/** The message the bot left for an interaction: its last edit, or its direct reply. */
const finalMessage = (outcome: { callback?: any; edits: any[] }) => outcome.edits.at(-1) ?? outcome.callback?.data;

describe('the Discord bot, against a fake Discord', () => {
  let fake: FakeDiscord;
  let harness: Harness;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    harness = await startBot(fake, core);
  });

  afterAll(async () => {
    await harness?.bot.stop();
    await fake?.close();
  });

  it('identifies once, with only the Guilds intent, and is ready', () => {
    expect(fake.identifies).toEqual([{ shard: [0, 1], token: expect.any(String), intents: 1 }]);
    expect(harness.bot.client.isReady()).toBe(true);
    expect(harness.lines.some((line) => line.msg === 'Discord bot ready' && line.adapter === 'discord')).toBe(true);
  });

  describe('/ask', () => {
    it('defers at once, then answers with the quote, the query terms in bold, and a numbered citation', async () => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question: 'who was Lisa Howard' }));
      const outcome = await fake.settled(id);
      expect(outcome.callback).toEqual({ type: 5, data: { flags: 0 } });
      const [edit] = outcome.edits;
      expect(edit.allowed_mentions).toEqual({ parse: [] });
      const embed = edit.embeds[0];
      expect(embed.description).toMatch(/^> .*\*\*Lisa Howard\*\*.* \[1\]/);
      expect(embed.fields[0].name).toBe('Sources');
      expect(embed.fields[0].value).toMatch(/^\[1\] .+ — .+, ¶ \d+/);
      expect(customIds(edit)).toEqual([
        'bc1:more:ask:-:question=swho was Lisa Howard&page=n2',
        expect.stringMatching(/^bc1:context:passage:p:id=s.+#p\d+$/),
        expect.stringMatching(/^bc1:cite:cite:p:id=s.+#p\d+&sentence=n\d+&through=n\d+$/),
      ]);
      expect(fake.violations).toEqual([]);
    });

    it('answers only to the asker when private is set', async () => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question: 'who was Lisa Howard', private: true }));
      const outcome = await fake.settled(id);
      expect(outcome.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      expect(outcome.edits[0].embeds[0].description).toContain('**Lisa Howard**');
    });

    it('answers /help with the list of commands', async () => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'help', {}, { guildId: null }));
      const embed = finalMessage(await fake.settled(id)).embeds[0];
      expect(embed.title).toContain('Backchannel');
      for (const name of commands.keys()) expect(embed.description).toContain(`**/${name}`);
    });
  });

  describe('autocomplete', () => {
    it('suggests sources for /source by id and by title', async () => {
      for (const typed of ['CDNW', 'kennedy']) {
        const id = fake.sendInteraction(autocomplete(fake.appId, 'source', { id: typed }, 'id'));
        const outcome = await fake.settled(id);
        expect(outcome.callback.type).toBe(8);
        const choices: Array<{ name: string; value: string }> = outcome.callback.data.choices;
        expect(choices.length).toBeGreaterThan(0);
        expect(choices.length).toBeLessThanOrEqual(25);
        expect(choices).toEqual(core.sources.complete(typed).slice(0, 25));
      }
      const byTitle = fake.sendInteraction(autocomplete(fake.appId, 'source', { id: 'Back Channel' }, 'id'));
      const titles = (await fake.settled(byTitle)).callback.data.choices.map((choice: { name: string }) => choice.name);
      expect(titles.some((name: string) => name.includes('Back Channel'))).toBe(true);
    });

    it('suggests people for /who by any word of their names', async () => {
      const id = fake.sendInteraction(autocomplete(fake.appId, 'who', { name: 'korn' }, 'name'));
      const outcome = await fake.settled(id);
      expect(outcome.callback.type).toBe(8);
      expect(outcome.callback.data.choices).toEqual([{ name: expect.stringMatching(/^Peter Kornbluh \(\d+\)$/), value: 'Peter Kornbluh' }]);
      const card = fake.sendInteraction(slashCommand(fake.appId, 'who', { name: 'Peter Kornbluh' }));
      const embed = finalMessage(await fake.settled(card)).embeds[0];
      expect(embed.title).toBe('Peter Kornbluh');
      expect(embed.description).toMatch(/^> .*\*\*Peter Kornbluh\*\*, a Cuba scholar/);
      expect(embed.description).toContain('⚠️ The corpus spells this name more than one way: “Kornbluh” (9), “Kornblush” (1).');
      expect(fake.violations).toEqual([]);
    });

    it('suggests passage ids for /passage as the user types', async () => {
      const id = fake.sendInteraction(autocomplete(fake.appId, 'passage', { id: 'kennedy' }, 'id'));
      const outcome = await fake.settled(id);
      expect(outcome.callback.type).toBe(8);
      const choices: Array<{ name: string; value: string }> = outcome.callback.data.choices;
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.value.startsWith('kennedy')).toBe(true);
        expect(core.corpus.passageById.has(choice.value)).toBe(true);
      }
    });
  });

  describe('buttons', () => {
    let answer: any;
    beforeAll(async () => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question: 'who was Lisa Howard' }));
      answer = (await fake.settled(id)).edits[0];
    });

    it('"More results" answers with the next page, for everyone to see', async () => {
      const [more] = customIds(answer);
      const id = fake.sendInteraction(buttonPress(fake.appId, more!, answer, { userId: '1300000000000000002' }));
      const outcome = await fake.settled(id);
      expect(outcome.callback).toEqual({ type: 5, data: { flags: 0 } });
      const page2 = outcome.edits[0].embeds[0];
      expect(page2.description).toMatch(/^> .* \[1\]/);
      expect(page2.description).not.toBe(answer.embeds[0].description);
    });

    it('"Show context" shows the whole passage, only to the one who pressed it', async () => {
      const context = customIds(answer)[1]!;
      const passageId = context.split('id=s')[1]!;
      const id = fake.sendInteraction(buttonPress(fake.appId, context, answer));
      const outcome = await fake.settled(id);
      expect(outcome.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      const passage = core.corpus.passageById.get(passageId)!;
      expect(outcome.edits[0].embeds[0].description).toContain(escapeMarkdown(passage.text));
    });

    it('"Cite" gives the Chicago citation of the top quote, only to the one who pressed it', async () => {
      const cite = customIds(answer)[2]!;
      const id = fake.sendInteraction(buttonPress(fake.appId, cite, answer));
      const outcome = await fake.settled(id);
      expect(outcome.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      const embed = outcome.edits[0].embeds[0];
      expect(embed.title).toMatch(/^Cite: /);
      expect(embed.description).toMatch(/^\*\*Note\*\*: .*, par\. \d+, accessed \w+ \d+, \d{4}\.\n\n\*\*Bibliography\*\*: /);
      expect(embed.description).toMatch(/\n> .+ \[1\]$/);
      expect(fake.violations).toEqual([]);
    });

    it('recovers a question too long for its button from the embed it is on', async () => {
      const asked = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question: LONG_QUESTION }));
      const message = (await fake.settled(asked)).edits[0];
      expect(message.embeds[0].footer.text).toBe(`question: ${LONG_QUESTION}`);
      const [more] = customIds(message);
      expect(more).toBe('bc1:more:ask:-:question=@&page=n2');
      const pressed = fake.sendInteraction(buttonPress(fake.appId, more!, message));
      const page2 = (await fake.settled(pressed)).edits[0].embeds[0];
      expect(page2.description).toMatch(/\*\*(Kennedy|Khrushchev|Cuba|Bay|Pigs)/);
    });

    it('says clearly when such a question can no longer be read from the message', async () => {
      const id = fake.sendInteraction(buttonPress(fake.appId, 'bc1:more:ask:-:question=@&page=n2', { embeds: [{ description: 'edited' }] }));
      const outcome = await fake.settled(id);
      expect(outcome.callback.type).toBe(4);
      expect(outcome.callback.data.flags).toBe(EPHEMERAL);
      expect(outcome.callback.data.content).toBe(
        "This button's question was too long to keep in the button, and it can no longer be read from the message. Please run /ask again.",
      );
    });

    it('answers a stale or foreign button with a clear message', async () => {
      for (const customId of ['more:who was Lisa Howard:2', 'bc1:more:retired-command:-:page=n2', 'bc1:more:ask:-:page=sNaN']) {
        const id = fake.sendInteraction(buttonPress(fake.appId, customId, answer));
        const outcome = await fake.settled(id);
        expect(outcome.callback).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/^This button no longer works/) } });
      }
    });
  });

  describe('/quiz', () => {
    it('asks with four answer buttons; a press reveals the answer to the presser alone; a forged button gets a clear message', async () => {
      const asked = fake.sendInteraction(slashCommand(fake.appId, 'quiz', { about: '1963', seed: 42 }));
      const question = (await fake.settled(asked)).edits[0];
      expect(question.embeds[0].title).toBe('Quiz · 1963');
      expect(question.embeds[0].description).toContain('\\_\\_\\_\\_\\_');
      const ids = customIds(question);
      expect(ids).toHaveLength(4);
      expect(ids.every((id) => /^bc1:choice[1-4]:quiz:p:q=s.+~\d+~\d+&choice=n[1-4]$/.test(id))).toBe(true);
      const pressed = fake.sendInteraction(buttonPress(fake.appId, ids[2]!, question));
      const reveal = await fake.settled(pressed);
      expect(reveal.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      expect(reveal.edits[0].embeds[0].description).toMatch(/^(?:ℹ️ Right: “|⚠️ Not quite: you chose “)[\s\S]*\n\n> .+ \[1\]$/);
      expect(customIds(reveal.edits[0])).toEqual([expect.stringMatching(/^bc1:next:quiz:-:seed=n\d+$/)]);
      const forged = fake.sendInteraction(buttonPress(fake.appId, 'bc1:choice1:quiz:p:q=sjfkfacts-secret-talks#p3~0~5&choice=n1', question));
      const refused = await fake.settled(forged);
      expect(refused.edits.at(-1).content).toBe('That quiz question is not one the corpus gives (the corpus may have changed since). Ask /quiz for a new one.');
      const tooHigh = fake.sendInteraction(buttonPress(fake.appId, ids[0]!.replace(/choice=n\d$/, 'choice=n7'), question));
      expect((await fake.settled(tooHigh)).callback.data.content).toMatch(/^This button no longer works/);
      expect(fake.violations).toEqual([]);
    });
  });

  describe('/timeline', () => {
    it('attaches the picture to the deferred reply as a multipart upload, shown as the embed’s image', async () => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'timeline', { period: '1963' }));
      const outcome = await fake.settled(id);
      expect(outcome.callback).toEqual({ type: 5, data: { flags: 0 } });
      const [edit] = outcome.edits;
      expect(edit.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.stringMatching(/^Timeline: 1963: \d+ events from \d+ documents on a time axis\.$/) })]);
      expect(edit.embeds[0].image).toEqual({ url: 'attachment://timeline-1963.png' });
      expect(edit.embeds[0].description).toMatch(/^\*\*1\\\. 1963\*\* · year\n\n> /);
      expect(outcome.files).toHaveLength(1);
      const [file] = outcome.files;
      expect(file!.filename).toBe('timeline-1963.png');
      const png = PNG.sync.read(file!.data);
      expect([png.width, png.height > 100]).toEqual([1200, true]);
      expect(fake.violations).toEqual([]);
    });
  });

  describe('errors', () => {
    it("shows a command's own message for a BackchannelError", async () => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'passage', { id: 'nowhere#p1' }));
      const outcome = await fake.settled(id);
      expect(outcome.edits[0].content).toBe('There is no passage "nowhere#p1" in the corpus. Passage ids look like jfkfacts-secret-talks#p3.');
      expect(outcome.edits[0].embeds).toEqual([]);
    });

    it('explains input the command refuses, naming the option', async () => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question: 'Cuba', page: 0 }));
      expect((await fake.settled(id)).edits[0].content).toMatch(/^That input to \/ask could not be used — page: /);
    });

    it('tells the user when a command is no longer available', async () => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'retired', {}));
      expect((await fake.settled(id)).edits[0].content).toBe('That command is no longer available. Type / to see the current ones.');
    });
  });
});

describe('mentions', () => {
  const ROLE = '<@&123456789012345678>';
  let dir: string;
  let fake: FakeDiscord;
  let harness: Harness;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backchannel-pings-'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        documents: [
          { id: 'pings', file: 'pings.txt', title: `Memo for @everyone and ${ROLE}`, kind: 'article', author: null, publisher: null, date: { iso: '1963-11-05', precision: 'day' } },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'pings.txt'),
      `Memo\n\nThe envoy told @everyone in Havana that the ${ROLE} committee, and <@42>, would meet Castro; see [the file](https://evil.example).\n\nA second paragraph about sugar quotas and the embargo talks in New York.\n`,
    );
    fake = await FakeDiscord.start();
    harness = await startBot(fake, loadCore({ corpusDir: dir }));
  });

  afterAll(async () => {
    await harness?.bot.stop();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pings no one, whatever the question and the corpus say', async () => {
    const question = `did @everyone ${ROLE} meet the envoy in Havana`;
    const id = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question }));
    const outcome = await fake.settled(id);
    const sent = [outcome.callback, ...outcome.edits];
    for (const body of outcome.edits) expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(sent);
    expect(text).toContain('envoy');
    // No mention survives as mention syntax: @everyone is broken by a zero-width space, <@…> is escaped.
    expect(text).not.toMatch(/@everyone/);
    expect(text).not.toMatch(/(?<!\\\\)<@/);
    expect(text).not.toMatch(/(?<!\\\\)\[the file\\\\?\]\(/);
    const embed = outcome.edits[0].embeds[0];
    expect(embed.description).toContain(`told @${ZWSP}`);
    // The role id is a query term here, so it is bold, inside the escaped mention syntax.
    expect(embed.description).toContain('\\<@&**123456789012345678**\\>');
    expect(embed.fields[0].value).toContain(`Memo for @${ZWSP}everyone and \\<@&123456789012345678\\>`);
  });
});

describe('failures and limits', () => {
  let fake: FakeDiscord;
  let harness: Harness;
  const boom: CommandDefinition = {
    name: 'boom',
    description: 'Fails',
    options: z.object({}),
    run() {
      throw new Error('database password is hunter2');
    },
  };
  const refuse: CommandDefinition = {
    name: 'refuse',
    description: 'Refuses',
    options: z.object({}),
    run() {
      throw new BackchannelError('NOT_FOUND', 'nothing here', { details: { secret: 'internal detail' } });
    },
  };

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    harness = await startBot(fake, core, { commands: new Map([...commands, ['boom', boom], ['refuse', refuse]]), cooldownMs: 60_000 });
  });

  afterAll(async () => {
    await harness?.bot.stop();
    await fake?.close();
  });

  it('shows a fixed message with a short reference, and logs the details under that reference', async () => {
    const id = fake.sendInteraction(slashCommand(fake.appId, 'boom', {}, { userId: '1300000000000000011' }));
    const content: string = (await fake.settled(id)).edits[0].content;
    const ref = /^Something went wrong on our side\. \(ref ([0-9A-F]{6})\)$/.exec(content)?.[1];
    expect(ref).toBeDefined();
    expect(content).not.toContain('hunter2');
    const logged = harness.lines.find((line) => line.ref === ref);
    expect(logged).toMatchObject({ level: 50, adapter: 'discord', command: 'boom', err: { message: 'database password is hunter2' } });
  });

  it('shows a BackchannelError’s user message, and keeps its details in the log', async () => {
    const id = fake.sendInteraction(slashCommand(fake.appId, 'refuse', {}, { userId: '1300000000000000012' }));
    const content: string = (await fake.settled(id)).edits[0].content;
    expect(content).toBe('Nothing by that name is in the corpus.');
    expect(harness.lines.find((line) => line.code === 'NOT_FOUND')).toMatchObject({ details: { secret: 'internal detail' } });
  });

  it('asks a user who is too quick to wait, politely, and lets others through', async () => {
    const user = { userId: '1300000000000000013' };
    const first = fake.sendInteraction(slashCommand(fake.appId, 'help', {}, user));
    await fake.settled(first);
    const second = fake.sendInteraction(slashCommand(fake.appId, 'help', {}, user));
    const outcome = await fake.settled(second);
    expect(outcome.callback).toEqual({
      type: 4,
      data: expect.objectContaining({ flags: EPHEMERAL, content: expect.stringMatching(/^You're going a little fast\. Please wait \d+ seconds? and try again\.$/), allowed_mentions: { parse: [] } }),
    });
    const other = fake.sendInteraction(slashCommand(fake.appId, 'help', {}, { userId: '1300000000000000014' }));
    expect((await fake.settled(other)).callback.type).toBe(5);
  });

  it('keeps the reply within Discord’s limits for a question as long as the core allows', async () => {
    const id = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question: `${'Kennedy Khrushchev Cuba Havana talks '.repeat(13)}`.trim() }, { userId: '1300000000000000015' }));
    const outcome = await fake.settled(id);
    expect(outcome.edits[0].embeds.length).toBe(1);
    expect(fake.violations).toEqual([]);
  });
});

describe('start-up, restarts and shutdown', () => {
  it('stops start-up with a message naming DISCORD_TOKEN when Discord rejects it', async () => {
    const fake = await FakeDiscord.start({ token: 'a-different-token' });
    try {
      await expect(startBot(fake, core)).rejects.toThrow(/Discord rejected DISCORD_TOKEN/);
      expect(fake.connectedShards).toEqual([]);
    } finally {
      await fake.close();
    }
  });


  it('keeps buttons working across a restart, since their state is in the custom_id', async () => {
    const core2 = core;
    const fake = await FakeDiscord.start();
    try {
      const first = await startBot(fake, core2);
      const asked = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question: LONG_QUESTION }));
      const message = (await fake.settled(asked)).edits[0];
      await first.bot.stop();
      await fake.waitFor('the first bot to disconnect', () => fake.connectedShards.length === 0 || undefined);

      const second = await startBot(fake, core2);
      try {
        for (const customId of customIds(message)) {
          const id = fake.sendInteraction(buttonPress(fake.appId, customId, message));
          const outcome = await fake.settled(id);
          expect(outcome.edits[0].embeds[0].description).toMatch(/ \[1\]/);
        }
      } finally {
        await second.bot.stop();
      }
    } finally {
      await fake.close();
    }
  });

  it('closes the gateway connection cleanly on stop, and stop can be called twice', async () => {
    const fake = await FakeDiscord.start();
    try {
      const { bot } = await startBot(fake, core);
      expect(fake.connectedShards).toEqual([0]);
      await Promise.all([bot.stop(), bot.stop()]);
      await fake.waitFor('the connection to close', () => fake.connectedShards.length === 0 || undefined);
      expect(bot.client.isReady()).toBe(false);
    } finally {
      await fake.close();
    }
  });
});
