/**
 * /ask answered from PostgreSQL by the bot itself: the real `npm start` process (adapters/start.ts,
 * its terminal chat) with SEARCH_BACKEND=postgres, and the real Discord and Slack adapters against
 * their fakes, each with a database that then dies and comes back (a relay to the test server that
 * cuts every connection and closes its port, as a crash does). While it is down every adapter says
 * "Search is unavailable, try again shortly." — never a crash or a hang — and answers again within
 * seconds of its return.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSearch } from '../../../adapters/postgres/index.js';
import { PostgresRetriever } from '../../../adapters/postgres/retriever.js';
import { loadCore, type Core } from '../../../src/core.js';
import { ERROR_CODES } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { FakeDiscord, slashCommand } from '../discord/fake-discord.js';
import { startBot, type Harness as DiscordHarness } from '../discord/harness.js';
import { typeScriptExecArgv } from '../discord/ts-loader.js';
import { SIGNING_SECRET, shownText, startHarness, type Harness as SlackHarness } from '../slack/harness.js';
import { DatabaseRelay, dropSchema, POSTGRES_SKIP_REASON, TEST_DATABASE_URL, testSchema } from '../../servers/postgres.js';
import { noteSkipped } from '../../servers/skip.js';
import { until } from '../../util/until.js';

const START = fileURLToPath(new URL('../../../adapters/start.ts', import.meta.url));
const UNAVAILABLE = ERROR_CODES.SEARCH_UNAVAILABLE;
const FORM = 'application/x-www-form-urlencoded';

/** Passages the bot wrote into its schema. */
async function passagesIn(schema: string): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return Number((await client.query(`select count(*) as n from "${schema}".passages`)).rows[0].n);
  } finally {
    await client.end();
  }
}

noteSkipped('/ask from PostgreSQL in the bot', POSTGRES_SKIP_REASON);

describe.skipIf(POSTGRES_SKIP_REASON !== undefined)('/ask from PostgreSQL in the bot', () => {
  describe('npm start (its terminal chat) with SEARCH_BACKEND=postgres', () => {
    const schema = testSchema('start');
    let relay: DatabaseRelay;
    let child: ChildProcess;
    let out = '';
    let err = '';
    let exit: Promise<number | null>;

    /** Sends a line and resolves with what the chat printed for it (up to its next prompt). */
    const say = async (line: string, what: string): Promise<string> => {
      const from = out.length;
      child.stdin!.write(`${line}\n`);
      return until(() => {
        const printed = out.slice(from);
        return /\n> $|^> $/.test(printed) && printed.length > 2 && printed;
      }, what);
    };

    beforeAll(async () => {
      relay = await DatabaseRelay.start();
      child = spawn(process.execPath, [...typeScriptExecArgv(), START], {
        env: { ...process.env, SEARCH_BACKEND: 'postgres', DATABASE_URL: relay.url, DATABASE_SCHEMA: schema, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', LOG_LEVEL: 'warn' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      await until(() => out.includes('Ask a question, or /help.'), 'the chat to start', 60_000);
    }, 90_000);

    afterAll(async () => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await relay?.down();
      await dropSchema(schema);
    });

    it('writes the corpus into the database at start and answers /ask from it', async () => {
      expect(await passagesIn(schema)).toBeGreaterThan(50);
      const answer = await say('who was Lisa Howard', 'an answer');
      expect(answer).toContain('Lisa Howard');
      expect(answer).toMatch(/\[1\] /);
    });

    it('says search is unavailable while the database is down, and answers again within seconds of its return', async () => {
      await relay.down();
      const started = Date.now();
      expect(await say('who was Lisa Howard', 'the outage message')).toContain(UNAVAILABLE);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await say('/ask What did Carter open in Havana? --page 2', 'a second outage message')).toContain(UNAVAILABLE);
      expect(child.exitCode).toBeNull();

      await relay.up();
      const back = Date.now();
      let answer = await say('who was Lisa Howard', 'an answer after the return');
      // The first question after the return may find the pool's broken connection: it is retried on a fresh one.
      while (!answer.includes('**Lisa Howard**') && Date.now() - back < 5_000) answer = await say('who was Lisa Howard', 'an answer after the return');
      expect(answer).toContain('Lisa Howard');
      expect(answer).not.toContain(UNAVAILABLE);
      expect(Date.now() - back).toBeLessThan(5_000);
    }, 30_000);

    it('leaves at /quit with status 0, having logged no fault of its own', async () => {
      child.stdin!.write('/quit\n');
      expect(await exit).toBe(0);
      expect(err).not.toMatch(/"level":(50|60)/);
    });
  });

  describe('the Discord and Slack adapters, with a core that retrieves from PostgreSQL', () => {
    const schema = testSchema('adapters');
    let relay: DatabaseRelay;
    let search: PostgresSearch;
    let core: Core;
    let fake: FakeDiscord;
    let discord: DiscordHarness;
    let slack: SlackHarness;
    let n = 0;

    const discordAsk = async (question: string) => {
      const id = fake.sendInteraction(slashCommand(fake.appId, 'ask', { question }));
      const outcome = await fake.settled(id);
      return { callback: outcome.callback, text: JSON.stringify(outcome.edits.at(-1) ?? outcome.callback?.data) };
    };
    const slackAsk = async (question: string) => {
      const id = `pg${(n += 1)}`;
      await slack.fake.sendSigned(slack.appUrl, slack.fake.slashCommandBody({ command: '/ask', text: question, response_url: slack.fake.responseUrl(id) }), FORM, SIGNING_SECRET);
      const [answer] = await slack.fake.waitFor(() => slack.fake.responses(id).length > 0 && slack.fake.responses(id), `the answer to ${id}`);
      return shownText(answer!.body as { blocks?: unknown; text?: unknown });
    };

    beforeAll(async () => {
      relay = await DatabaseRelay.start();
      const base = loadCore();
      search = await PostgresSearch.open({ url: relay.url, logger: createLogger({ level: 'silent' }), schema });
      await search.replaceCorpus(base.corpus);
      core = loadCore({ retriever: new PostgresRetriever(search) });
      fake = await FakeDiscord.start();
      discord = await startBot(fake, core);
      slack = await startHarness({ mode: 'http', core });
    }, 60_000);

    afterAll(async () => {
      await discord?.bot.stop();
      await fake?.close();
      await slack?.close();
      await search?.close();
      await relay?.down();
      await dropSchema(schema);
    });

    it('answer /ask from the database', async () => {
      const onDiscord = await discordAsk('who was Lisa Howard');
      expect(onDiscord.callback).toEqual({ type: 5, data: { flags: 0 } });
      expect(onDiscord.text).toContain('Lisa Howard');
      expect(await slackAsk('who was Lisa Howard')).toContain('Lisa Howard');
    });

    it('defer on Discord at once and then say search is unavailable while the database is down, as Slack does', async () => {
      await relay.down();
      const onDiscord = await discordAsk('who was Lisa Howard');
      expect(onDiscord.callback).toEqual({ type: 5, data: { flags: 0 } });
      expect(onDiscord.text).toContain(UNAVAILABLE);
      expect(await slackAsk('who was Lisa Howard')).toContain(UNAVAILABLE);
      expect(discord.lines.some((line) => line.code === 'SEARCH_UNAVAILABLE')).toBe(true);
      expect(fake.violations).toEqual([]);
    }, 30_000);

    it('answer again once it is back', async () => {
      await relay.up();
      const back = Date.now();
      let text = (await discordAsk('who was Lisa Howard')).text;
      while (text.includes(UNAVAILABLE) && Date.now() - back < 5_000) text = (await discordAsk('who was Lisa Howard')).text;
      expect(text).toContain('Lisa Howard');
      expect(text).not.toContain(UNAVAILABLE);
      expect(await slackAsk('who was Lisa Howard')).not.toContain(UNAVAILABLE);
    }, 30_000);
  });
});
