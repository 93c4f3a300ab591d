/**
 * Walking up from a directory to find what lies beside the build or the checkout: the build's code
 * version, the repository's cache directory, the lexicon's committed table, the repository's root for
 * the scripts. Code runs from src/ (tests), dist/src/ (the build) or dist/cli/ (the bundle), so each
 * looks upwards from its own module (`moduleDir`) rather than at a fixed path.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The first defined result of `visit` over `start` and each directory above it, nearest first;
 * `undefined` when none gives one. With `last`, the walk also ends after the first directory `last`
 * holds true for (the repository's root: `isPackageRoot`).
 */
export function findUp<T>(start: string, visit: (dir: string) => T | undefined, last: (dir: string) => boolean = () => false): T | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const found = visit(dir);
    if (found !== undefined) return found;
    if (last(dir) || dirname(dir) === dir) return undefined;
  }
}

/**
 * A data file committed in `src/<folder>`, for the module at `moduleUrl` in that folder: beside the
 * module (src/<folder>, or dist/src/<folder> where the build copies it), else in src/<folder> above it
 * (the bundled CLI runs from dist/cli). Throws when there is none.
 */
export function committedFile(moduleUrl: string, folder: string, file: string): string {
  const found = findUp(moduleDir(moduleUrl), (dir) => [join(dir, file), join(dir, 'src', folder, file)].find((path) => existsSync(path)));
  if (found === undefined) throw new Error(`${file} not found above ${fileURLToPath(moduleUrl)}`);
  return found;
}

/** The directory of a module, from its `import.meta.url`. */
export function moduleDir(moduleUrl: string): string {
  return dirname(fileURLToPath(moduleUrl));
}

/** True for a package's root directory: it holds a package.json. */
export function isPackageRoot(dir: string): boolean {
  return existsSync(join(dir, 'package.json'));
}

/** The nearest package root at or above `start` (the repository's, for code inside it), or undefined. */
export function packageRoot(start: string): string | undefined {
  return findUp(start, (dir) => (isPackageRoot(dir) ? dir : undefined));
}
