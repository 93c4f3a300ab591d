import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { BackchannelError } from '../src/errors.js';

const token = 'x'.repeat(60);

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof BackchannelError) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('treats empty strings as unset, so a copied .env.example starts the chat', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: ' ', CORPUS_DIR: '' })).toEqual({});
  });

  it('lists every problem, each naming its key', () => {
    const message = problems({ DISCORD_TOKEN: token, SLACK_BOT_TOKEN: 'nope', SLACK_PORT: '99999' });
    expect(message).toContain('DISCORD_APP_ID is required when DISCORD_TOKEN is set');
    expect(message).toContain('SLACK_BOT_TOKEN must start with xoxb-');
    expect(message).toContain('SLACK_PORT');
  });

  it('never echoes a secret value in its message', () => {
    const secret = 'xapp-1-SECRET-VALUE';
    expect(problems({ SLACK_APP_TOKEN: secret })).not.toContain(secret);
  });

  it('accepts a complete Discord and Slack configuration', () => {
    expect(
      loadConfig({ DISCORD_TOKEN: token, DISCORD_APP_ID: '123456789012345678', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_PORT: '3001' }),
    ).toMatchObject({ SLACK_PORT: 3001 });
  });

  describe('REDIS_URL', () => {
    it('takes a redis:// or rediss:// URL, and empty means in-process state', () => {
      expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' })).toEqual({ REDIS_URL: 'redis://127.0.0.1:6379/0' });
      expect(loadConfig({ REDIS_URL: 'rediss://user:pw@cache.example:6380' }).REDIS_URL).toBe('rediss://user:pw@cache.example:6380');
      expect(loadConfig({ REDIS_URL: '' })).toEqual({});
    });

    it('refuses anything else, naming the key but not the value', () => {
      for (const bad of ['127.0.0.1:6379', 'http://secret-cache:6379', 'redis']) {
        const message = problems({ REDIS_URL: bad });
        expect(message).toBe('Invalid configuration:\n  - REDIS_URL must be a redis:// or rediss:// URL');
      }
    });
  });

  describe('SEARCH_BACKEND, DATABASE_URL, DATABASE_POOL_SIZE', () => {
    it('takes postgres with its URL and pool size; unset means the in-memory search', () => {
      expect(loadConfig({ SEARCH_BACKEND: 'postgres', DATABASE_URL: 'postgres://bot:pw@db:5432/backchannel', DATABASE_POOL_SIZE: '20' })).toEqual({
        SEARCH_BACKEND: 'postgres',
        DATABASE_URL: 'postgres://bot:pw@db:5432/backchannel',
        DATABASE_POOL_SIZE: 20,
      });
      expect(loadConfig({ SEARCH_BACKEND: '', DATABASE_URL: '', DATABASE_POOL_SIZE: '' })).toEqual({});
    });

    it('lists each problem: postgres without a URL, a URL of another kind, a pool of 0', () => {
      expect(problems({ SEARCH_BACKEND: 'postgres' })).toBe('Invalid configuration:\n  - DATABASE_URL is required when SEARCH_BACKEND is postgres');
      const message = problems({ SEARCH_BACKEND: 'sqlite', DATABASE_URL: 'mysql://db/x', DATABASE_POOL_SIZE: '0' });
      expect(message).toContain('SEARCH_BACKEND must be memory or postgres');
      expect(message).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
      expect(message).toContain('DATABASE_POOL_SIZE must be 1 to 100');
      expect(message).not.toContain('mysql://db/x');
      expect(problems({ DATABASE_SCHEMA: 'Bad-Name' })).toContain('DATABASE_SCHEMA must be a lower-case SQL name');
      expect(loadConfig({ DATABASE_SCHEMA: 'backchannel_prod' }).DATABASE_SCHEMA).toBe('backchannel_prod');
    });
  });
});
