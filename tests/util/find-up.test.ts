import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findUp } from '../../src/util/find-up.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A tree root/a/b with `marker` files where asked; its deepest directory and the root. */
function tree(markers: string[]): { start: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'find-up-'));
  made.push(root);
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  for (const m of markers) writeFileSync(join(root, m), '');
  return { start: join(root, 'a', 'b'), root };
}

const marked = (dir: string) => (existsSync(join(dir, 'marker')) ? dir : undefined);

describe('findUp', () => {
  it('gives the nearest directory, the start first, that the visit finds something in', () => {
    const { start, root } = tree(['marker', 'a/marker']);
    expect(findUp(start, marked)).toBe(join(root, 'a'));
  });

  it('stops after the first directory `last` holds for, finding nothing above it', () => {
    const { start, root } = tree(['marker', 'a/package.json']);
    expect(findUp(start, marked, (dir) => existsSync(join(dir, 'package.json')))).toBeUndefined();
    expect(findUp(start, marked)).toBe(root);
  });
});
