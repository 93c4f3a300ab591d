/**
 * Process faults, in a real child process running both adapters the way `npm start` does (the guard
 * and the signal handling of `adapters/process.ts`), against the fake Discord and the fake Slack: an
 * exception in one handler never takes the process down, exceptions and rejections outside every
 * handler are logged and the process keeps answering, and SIGTERM lets replies in flight finish
 * before the process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, slashCommand } from '../adapters/discord/fake-discord.js';
import { TOKEN } from '../adapters/discord/harness.js';
import { typeScriptExecArgv } from '../adapters/discord/ts-loader.js';
import { FakeSlack } from '../adapters/slack/fake-slack.js';
import { until } from '../util/until.js';

const BOT_TOKEN = 'xoxb-fault-test-token';
const SIGNING_SECRET = 'fault-test-signing-secret';
const CHILD = fileURLToPath(new URL('./child-bot.ts', import.meta.url));
const FORM = 'application/x-www-form-urlencoded';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

describe('process faults, in a child process running both adapters', () => {
  let fakeDiscord: FakeDiscord;
  let fakeSlack: FakeSlack;
  let child: ChildProcess;
  let appUrl = '';
  const logs: LogLine[] = [];
  const stray: string[] = [];
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  let user = 1_300_000_000_000_000_500n;
  const nextUser = () => String((user += 1n));

  beforeAll(async () => {
    fakeDiscord = await FakeDiscord.start();
    fakeSlack = await FakeSlack.start({ botToken: BOT_TOKEN });
    child = spawn(process.execPath, [...typeScriptExecArgv(), CHILD], {
      env: {
        ...process.env,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: fakeDiscord.appId,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        FAKE_DISCORD_API: fakeDiscord.api,
        FAKE_SLACK_API: fakeSlack.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const lines = err.split('\n');
      err = lines.pop() ?? '';
      for (const line of lines) {
        try {
          logs.push(JSON.parse(line) as LogLine);
        } catch {
          stray.push(line);
        }
      }
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    const ready = await until(() => /\{"ready":true.*\}/.exec(out)?.[0], `the child to be ready (stderr: ${stray.join(' ')})`, 60_000);
    appUrl = `http://127.0.0.1:${(JSON.parse(ready) as { slackPort: number }).slackPort}`;
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await fakeDiscord?.close();
    await fakeSlack?.close();
  });

  const slash = (command: string, text: string, id: string, responseUrl = fakeSlack.responseUrl(id)) =>
    fakeSlack.sendSigned(appUrl, fakeSlack.slashCommandBody({ command, text, response_url: responseUrl, user_id: `U${id}` }), FORM, SIGNING_SECRET);
  const slackAnswer = (id: string) => fakeSlack.waitFor(() => fakeSlack.responses(id)[0], `the Slack answer ${id}`, 10_000);
  const discordAnswer = async (name: string, options: Record<string, string> = {}) => {
    const outcome = await fakeDiscord.settled(fakeDiscord.sendInteraction(slashCommand(fakeDiscord.appId, name, options, { userId: nextUser() })), 10_000);
    return outcome.edits.at(-1) ?? outcome.callback?.data;
  };

  it('logs an exception and a rejection that escape every handler, and keeps answering on both platforms', async () => {
    expect((await slash('/stray', '', 'stray')).status).toBe(200);
    await slackAnswer('stray');
    const exception = await until(() => logs.find((l) => l.msg.startsWith('uncaught exception')), 'the uncaught exception in the log');
    const rejection = await until(() => logs.find((l) => l.msg.startsWith('unhandled rejection')), 'the unhandled rejection in the log');
    expect(exception).toMatchObject({ level: 50, err: { message: 'a stray exception from a timer' } });
    expect(rejection).toMatchObject({ level: 50, err: { message: 'a rejection nobody handles' } });

    await slash('/ask', 'who was Lisa Howard', 'after-stray');
    expect(JSON.stringify((await slackAnswer('after-stray')).body)).toContain('Lisa Howard');
    expect(JSON.stringify(await discordAnswer('ask', { question: 'who was Lisa Howard' }))).toContain('Lisa Howard');
    expect(child.exitCode).toBeNull();
  });

  it('answers the next request after a handler fails, with a reference for the failed one', async () => {
    await slash('/bad', '', 'bad');
    expect(JSON.stringify((await slackAnswer('bad')).body)).toMatch(/Something went wrong on our side\. \(ref [0-9A-F]{6}\)/);
    expect((await discordAnswer('bad')).content).toMatch(/^Something went wrong on our side\. \(ref [0-9A-F]{6}\)$/);
    // The child's log lines reach us on its stderr, which may trail the answers: wait for both.
    const failures = () => logs.filter((l) => l.msg === 'command failed' || l.msg === 'interaction failed');
    await until(() => failures().length >= 2, 'both failures in the log');
    expect(failures().length).toBeGreaterThanOrEqual(2);

    await slash('/backchannel', '', 'after-bad');
    expect(JSON.stringify((await slackAnswer('after-bad')).body)).toContain('Backchannel answers only by quoting');
    expect(JSON.stringify(await discordAnswer('help'))).toContain('Backchannel answers only by quoting');
    expect(child.exitCode).toBeNull();
  });

  it('on SIGTERM, finishes the replies in flight on both platforms, then exits with status 0', async () => {
    // A response_url that takes a second to accept the answer: the Slack reply is in flight.
    const received: string[] = [];
    let completed = 0;
    const slow: Server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push(body);
        setTimeout(() => {
          completed += 1;
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        }, 1000);
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/respond/slow`;
      await slash('/ask', 'who was Lisa Howard', 'in-flight', slowUrl);
      await until(() => received.length > 0, 'the Slack answer to reach the slow response_url');
      // A Discord command busy for a while: acknowledged, its answer not yet sent.
      const id = fakeDiscord.sendInteraction(slashCommand(fakeDiscord.appId, 'slow', {}, { userId: nextUser() }));
      await fakeDiscord.waitFor('the slow command to be acknowledged', () => fakeDiscord.outcome(id).callback ?? undefined);

      const signalled = Date.now();
      child.kill('SIGTERM');
      const { code } = await exit;
      expect(code).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(15_000);

      expect(completed).toBe(1);
      expect(received[0]).toContain('Lisa Howard');
      expect(JSON.stringify(fakeDiscord.outcome(id).edits)).toContain('slow answer delivered');
      const order = logs.map((l) => l.msg);
      expect(order).toContain('stopping: finishing replies in flight');
      expect(order.at(-1)).toBe('stopped');
      expect(logs.some((l) => l.msg === 'could not deliver an answer to Slack')).toBe(false);
      expect(logs.at(-1)).toMatchObject({ code: 0 });
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  }, 30_000);
});
