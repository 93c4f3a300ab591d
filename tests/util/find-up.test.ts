import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findUp } from '../../src/util/find-up.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A tree root/a/b/module.js with `marker` files where asked; the module's URL and the root. */
function tree(markers: string[]): { url: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'find-up-'));
  made.push(root);
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  for (const m of markers) writeFileSync(join(root, m), '');
  return { url: pathToFileURL(join(root, 'a', 'b', 'module.js')).href, root };
}

const marked = (dir: string) => (existsSync(join(dir, 'marker')) ? dir : undefined);

describe('findUp', () => {
  it('gives the nearest directory, the module\'s own first, that the visit finds something in', () => {
    const { url, root } = tree(['marker', 'a/marker']);
    expect(findUp(url, marked)).toBe(join(root, 'a'));
  });

  it('stops after the first directory `last` holds for, finding nothing above it', () => {
    const { url, root } = tree(['marker', 'a/package.json']);
    expect(findUp(url, marked, (dir) => existsSync(join(dir, 'package.json')))).toBeUndefined();
    expect(findUp(url, marked)).toBe(root);
  });
});
