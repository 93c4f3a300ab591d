import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runChat } from '../adapters/terminal/chat.js';
import { addDocument } from '../src/corpus/add.js';
import { JFK, put, tempDir } from './corpus/temp.js';

beforeAll(() => {
  process.env['BACKCHANNEL_CACHE'] = '0';
});

describe('the terminal chat over a changing corpus', () => {
  it('picks up an added record, and keeps answering through a broken change', async () => {
    const dir = tempDir(true);
    const input = new PassThrough();
    let out = '';
    const output = new PassThrough();
    output.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const done = runChat({ corpusDir: dir, input, output });
    await vi.waitFor(() => expect(out).toContain('passages from 5 documents'));

    await addDocument({ file: join(JFK, '104-10012-10022.txt'), corpusDir: dir });
    await vi.waitFor(() => expect(out).toContain('(corpus reloaded: '), { timeout: 10_000, interval: 50 });
    input.write('Who was Kostikov in Mexico City?\n');
    await vi.waitFor(() => expect(out).toContain('as a consular officer, handled this visa'), { timeout: 10_000 });

    put(dir, 'manifest.json', '{ "documents": [');
    await vi.waitFor(() => expect(out).toMatch(/\(corpus change not loaded, still answering from the last good corpus: .*manifest\.json: is not valid JSON/), { timeout: 10_000, interval: 50 });
    const before = out.length;
    input.write('Who was Kostikov in Mexico City?\n');
    await vi.waitFor(() => expect(out.slice(before)).toContain('as a consular officer, handled this visa'), { timeout: 10_000 });

    input.end();
    expect(await done).toBe(0);
  });
});
