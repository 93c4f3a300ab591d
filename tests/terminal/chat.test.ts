import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../adapters/terminal/chat.js';

async function chat(lines: string[]): Promise<string> {
  let out = '';
  const output = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
  await runChat({ input: Readable.from([lines.join('\n') + '\n']), output });
  return out;
}

describe('the terminal chat', () => {
  it('answers a plain line as a question and runs slash commands', async () => {
    const out = await chat(['who was Lisa Howard', '/source CDNW12636', '/help']);
    expect(out).toContain('**Lisa Howard**');
    expect(out).toContain('HAVANA → EXTERNAL');
    expect(out).toContain('/timeline <period>');
  });

  it('takes flags and quoted words after a command', async () => {
    const out = await chat(['/ask "who was Lisa Howard" --page 2']);
    expect(out).toContain('[1]');
    expect(out).not.toContain('could not be used');
  });

  it('says what went wrong and goes on after bad input', async () => {
    const out = await chat(['/nonsense', '/ask --bogus', `/ask ${'x'.repeat(600)}`, 'who was Lisa Howard']);
    expect(out).toContain('Unknown command /nonsense. Try /help.');
    expect(out).toContain("Unknown option '--bogus'");
    expect(out).toContain('is too long: at most 500 characters');
    expect(out).toContain('**Lisa Howard**');
  });

  it('stops at /quit', async () => {
    const out = await chat(['/quit', 'who was Lisa Howard']);
    expect(out).not.toContain('Lisa Howard**');
  });
});
