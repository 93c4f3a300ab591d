import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeVersion, hashCodeDirs } from '../../src/cache/code-version.js';

describe('the code version of saved indexes', () => {
  it('changes when a file of the ingestion or search code changes, and not for other code', () => {
    const src = mkdtempSync(join(tmpdir(), 'bc-code-'));
    mkdirSync(join(src, 'search'));
    mkdirSync(join(src, 'adapters'));
    writeFileSync(join(src, 'search', 'engine.js'), 'export const a = 1;');
    const before = hashCodeDirs(src);
    writeFileSync(join(src, 'adapters', 'bot.js'), 'export const b = 2;');
    expect(hashCodeDirs(src)).toBe(before);
    writeFileSync(join(src, 'search', 'engine.js'), 'export const a = 2;');
    expect(hashCodeDirs(src)).not.toBe(before);
  });

  it('changes when the lexicon code changes: its table is saved with the index', () => {
    const src = mkdtempSync(join(tmpdir(), 'bc-code-'));
    mkdirSync(join(src, 'lexicon'));
    writeFileSync(join(src, 'lexicon', 'lexicon.js'), 'export const a = 1;');
    const before = hashCodeDirs(src);
    writeFileSync(join(src, 'lexicon', 'lexicon.js'), 'export const a = 2;');
    expect(hashCodeDirs(src)).not.toBe(before);
  });

  it('is the hash of the sources when running from them', () => {
    expect(codeVersion()).toBe(hashCodeDirs(fileURLToPath(new URL('../../src', import.meta.url))));
  });
});
