import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashCodeDirs } from '../../src/cache/code-version.js';
import { runCliCaptured } from './run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { bin: Record<string, string> }).bin['backchannel']!;

/** The built `backchannel` command (npm ci builds it: prepare runs `npm run build`). */
function runBuilt(args: string[]) {
  expect(existsSync(root + bin), `${bin} is missing: run npm run build`).toBe(true);
  return spawnSync(process.execPath, [root + bin, ...args], { encoding: 'utf8', env: { ...process.env, BACKCHANNEL_CACHE: '0' } });
}

describe('the bundled backchannel command', () => {
  it('answers as the sources do', async () => {
    const built = runBuilt(['ask', 'What did Carter open in Havana?', '--json']);
    expect(built.status, built.stderr).toBe(0);
    const { stdout } = await runCliCaptured(['ask', 'What did Carter open in Havana?', '--json']);
    const answer = (text: string) => (JSON.parse(text) as { results: Array<{ citation: unknown; quote: unknown }> }).results.map((r) => [r.citation, r.quote]);
    expect(answer(built.stdout)).toEqual(answer(stdout));
  });

  it('loads the commands it keeps apart only when they are used', () => {
    const built = runBuilt(['corpus', 'check']);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/5 documents load, \d+ passages; no problems/);
  });

  it('keys saved indexes by the same code version as the unbundled build', () => {
    const written = JSON.parse(readFileSync(`${root}dist/code-version.json`, 'utf8')) as { code: string };
    expect(written.code).toBe(hashCodeDirs(`${root}dist/src`));
  });
});
