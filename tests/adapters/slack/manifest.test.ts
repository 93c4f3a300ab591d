import { describe, expect, it } from 'vitest';
import { buildManifest, main, toYaml } from '../../../adapters/slack/manifest.js';
import { commands as realCommands } from '../../../src/commands/index.js';
import { testCommands } from './fixtures.js';

describe('Slack app manifest', () => {
  describe('buildManifest', () => {
    it('declares Socket Mode, the scopes, the events, interactivity and one slash command per definition', () => {
      const manifest = buildManifest(testCommands());
      expect(manifest.settings).toEqual({
        event_subscriptions: { bot_events: ['app_mention', 'message.im'] },
        interactivity: { is_enabled: true },
        org_deploy_enabled: false,
        socket_mode_enabled: true,
        token_rotation_enabled: false,
      });
      expect(manifest.oauth_config.scopes.bot).toEqual(['app_mentions:read', 'chat:write', 'commands', 'files:write', 'im:history', 'im:read', 'im:write']);
      expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
      expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/ask', '/backchannel', '/timeline', '/source']);
      expect(manifest.features.slash_commands[0]).toEqual({
        command: '/ask',
        description: 'Ask a question; get quotes from the documents, with citations.',
        usage_hint: '[private] <question> [page:…]',
        should_escape: false,
      });
    });

    it('points everything at <url>/slack/events in HTTP mode', () => {
      const manifest = buildManifest(testCommands(), { httpUrl: 'https://bot.example.org/' });
      expect(manifest.settings.socket_mode_enabled).toBe(false);
      expect(manifest.settings.event_subscriptions.request_url).toBe('https://bot.example.org/slack/events');
      expect(manifest.settings.interactivity.request_url).toBe('https://bot.example.org/slack/events');
      expect(manifest.features.slash_commands.every((c) => c.url === 'https://bot.example.org/slack/events')).toBe(true);
    });

    it('is built from the registered commands by default', () => {
      expect(buildManifest().features.slash_commands.map((c) => c.command)).toEqual(
        [...realCommands.keys()].map((name) => (name === 'help' ? '/backchannel' : `/${name}`)),
      );
    });
  });

  describe('toYaml', () => {
    it('writes nested objects and lists with quoted strings', () => {
      expect(toYaml({ a: { b: ['x', 'y: z'], c: true }, d: [{ e: 1, f: 'g' }], h: [] })).toBe(
        ['a:', '  b:', '    - "x"', '    - "y: z"', '  c: true', 'd:', '  - e: 1', '    f: "g"', 'h: []', ''].join('\n'),
      );
    });
  });

  describe('main', () => {
    it('prints JSON by default and YAML with --yaml', () => {
      const json = JSON.parse(main([], testCommands()));
      expect(json.display_information.name).toBe('Backchannel');
      expect(main(['--yaml'], testCommands())).toMatch(/^_metadata:\n {2}major_version: 1\n/);
    });

    it('takes --http with an https URL and refuses anything else', () => {
      expect(JSON.parse(main(['--http', 'https://x.example'], testCommands())).settings.socket_mode_enabled).toBe(false);
      expect(() => main(['--http', 'http://x.example'], testCommands())).toThrow(/https/);
      expect(() => main(['--bogus'], testCommands())).toThrow(/Unknown argument/);
    });
  });
});
