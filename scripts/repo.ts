import { packageRoot, moduleDir } from '../src/util/find-up.js';

/** The repository root: the nearest folder above this file holding package.json (works from src and dist). */
export function repoRoot(): string {
  const root = packageRoot(moduleDir(import.meta.url));
  if (root === undefined) throw new Error(`package.json not found above ${moduleDir(import.meta.url)}`);
  return root;
}
