import { describe, expect, it } from 'vitest';
import { parseSlackConfig, startSlack } from '../../../adapters/slack/app.js';
import type { Config } from '../../../src/config.js';
import { captureLogger, FAKE_CORE } from './fixtures.js';

describe('Slack configuration', () => {
  it('accepts Socket Mode (bot and app tokens) and HTTP mode (bot token and signing secret)', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '12345678', SLACK_PORT: 8080 })).toMatchObject({ SLACK_PORT: 8080 });
  });

  it('fails clearly, naming each key, when a token is missing or malformed', () => {
    expect(() => parseSlackConfig({})).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('SLACK_BOT_TOKEN is required to run the Slack app') }));
    expect(() => parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is required/);
    expect(() => parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/SLACK_BOT_TOKEN must start with xoxb-[\s\S]*SLACK_APP_TOKEN must start with xapp-/);
  });

  it('never echoes a token in the error', () => {
    try {
      parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxp-secret-value' });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('secret-value');
      return;
    }
    throw new Error('expected a configuration error');
  });

  it('refuses to start without valid configuration, before contacting Slack', async () => {
    await expect(startSlack({ core: FAKE_CORE, config: {} as Config, logger: captureLogger().logger })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
