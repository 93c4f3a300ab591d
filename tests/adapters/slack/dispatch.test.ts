import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../adapters/slack/dispatch.js';
import { BackchannelError } from '../../../src/errors.js';
import { BOOM, captureLogger, FAKE_CORE, testCommands } from './fixtures.js';

const sectionText = (message: { blocks: unknown[] }, i = 0) => (message.blocks[i] as { text: { text: string } }).text.text;

describe('dispatch', () => {
  const setup = () => {
    const log = captureLogger('debug');
    return { log, env: { commands: testCommands([BOOM]), core: FAKE_CORE, logger: log.logger } };
  };

  it('runs the command with its options validated and renders the reply', async () => {
    const { env, log } = setup();
    const out = await dispatch(env, { command: 'ask', input: { question: 'who', page: 3 }, surface: 'slash' });
    expect(out.failed).toBe(false);
    expect(sectionText(out.message)).toBe('Page 3 for: who');
    expect(log.lines.at(-1)).toMatchObject({ msg: 'command answered', command: 'ask', surface: 'slash', ok: true });
  });

  it('applies the schema’s defaults', async () => {
    const { env } = setup();
    expect(sectionText((await dispatch(env, { command: 'ask', input: { question: 'who' }, surface: 'dm' })).message)).toBe('Page 1 for: who');
  });

  it('shows bad input as a warning naming the option, followed by the usage', async () => {
    const { env } = setup();
    const out = await dispatch(env, { command: 'ask', input: { question: 'q', page: 0 }, surface: 'slash', usage: 'Usage: /ask <question>' });
    expect(out.failed).toBe(true);
    expect(sectionText(out.message)).toMatch(/^:warning: .*page.*Usage: \/ask &lt;question&gt;$/);
  });

  it('shows a BackchannelError thrown while reading input as its user message', async () => {
    const { env } = setup();
    const out = (await dispatch(env, {
      command: 'ask',
      input: () => {
        throw new BackchannelError('BAD_INPUT', 'detail', { userMessage: 'No free text, please.' });
      },
      surface: 'slash',
    }));
    expect(sectionText(out.message)).toBe(':warning: No free text, please.');
  });

  it('shows an unknown command as such', async () => {
    const { env } = setup();
    expect(sectionText((await dispatch(env, { command: 'nope', input: {}, surface: 'action' })).message)).toBe(':warning: That command is not available.');
  });

  it('hides an unexpected error behind a fixed message with a reference, and logs it with that reference', async () => {
    const { env, log } = setup();
    const out = await dispatch(env, { command: 'boom', input: {}, surface: 'mention', user: 'U1', channel: 'C1' });
    const ref = /ref ([0-9A-F]{6})/.exec(sectionText(out.message))?.[1];
    expect(sectionText(out.message)).toBe(`:x: Something went wrong on our side. (ref ${ref})`);
    expect(out.message.text).not.toContain('secret');
    const line = log.lines.find((l) => l.ref === ref);
    expect(line).toMatchObject({ level: 50, msg: 'command failed', command: 'boom', user: 'U1', channel: 'C1' });
    expect((line?.err as { message: string }).message).toBe('secret internal detail');
  });
});
