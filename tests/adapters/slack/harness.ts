/** Starts the real Slack adapter against a fake Slack, in either mode, and tears both down. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlack, type SlackHandle } from '../../../adapters/slack/app.js';
import type { CommandDefinition } from '../../../src/commands/types.js';
import type { Config } from '../../../src/config.js';
import type { Core } from '../../../src/core.js';
import { entry, writeManifest } from '../../corpus/temp.js';
import { FakeSlack } from './fake-slack.js';
import { captureLogger } from './fixtures.js';

export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-test-app-token';
export const SIGNING_SECRET = 'test-signing-secret-1234';

export interface Harness {
  fake: FakeSlack;
  slack: SlackHandle;
  /** HTTP mode: the app's base URL. */
  appUrl: string;
  log: ReturnType<typeof captureLogger>;
  /** Stops the app (draining answers under way), then the fake. */
  close(): Promise<void>;
}

export async function startHarness(options: {
  mode: 'http' | 'socket';
  core: Core;
  commands?: ReadonlyMap<string, CommandDefinition>;
  /** Shared state in this Redis (as REDIS_URL would give). */
  redisUrl?: string;
}): Promise<Harness> {
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN, ...(options.mode === 'socket' ? { appToken: APP_TOKEN } : {}) });
  const log = captureLogger('info');
  const config = (
    options.mode === 'socket'
      ? { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN }
      : { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET }
  ) as Config;
  if (options.redisUrl) config.REDIS_URL = options.redisUrl;
  let slack: SlackHandle;
  try {
    slack = await startSlack({
      core: options.core,
      config,
      logger: log.logger,
      ...(options.commands ? { commands: options.commands } : {}),
      slackApiUrl: fake.apiUrl,
      retries: 0,
      listen: { port: 0, host: '127.0.0.1' },
    });
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    slack,
    appUrl: `http://127.0.0.1:${slack.port ?? 0}`,
    log,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}

/** Text an answer would show, with mrkdwn's zero-width fences taken out. */
export function shownText(message: { blocks?: unknown; text?: unknown }): string {
  return JSON.stringify([message.text, message.blocks]).replaceAll('\u200B', '');
}

/** A corpus directory of one document whose text and title try to ping, mention and link. */
export function hostileCorpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-slack-'));
  writeFileSync(
    join(dir, 'memo.txt'),
    [
      'Memo on the back channel',
      '',
      'The envoy wrote to <!channel> and to <@U123> about the secret talks & the *urgent* reply, see <https://evil.example|click here>.',
      '',
      'A second paragraph says the talks with Havana went on through the winter of 1963.',
      '',
    ].join('\n'),
  );
  writeManifest(dir, [
    entry('hostile-memo', 'memo.txt', {
      title: 'Memo <!here> & notes',
      kind: 'article',
      date: { iso: '1963', precision: 'year' },
    }),
  ]);
  return dir;
}
