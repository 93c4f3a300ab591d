/**
 * Walking up from a module's own directory to find what lies beside the build or the checkout: the
 * build's code version, the repository's cache directory, the lexicon's committed table. The module
 * runs from src/ (tests), dist/src/ (the build) or dist/cli/ (the bundle), so each looks upwards
 * rather than at a fixed path.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The first defined result of `visit` over the directory of `moduleUrl` (an `import.meta.url`) and
 * each directory above it, nearest first; `undefined` when none gives one. With `last`, the walk also
 * ends after the first directory `last` holds true for (the repository's root: its package.json).
 */
export function findUp<T>(moduleUrl: string, visit: (dir: string) => T | undefined, last: (dir: string) => boolean = () => false): T | undefined {
  for (let dir = dirname(fileURLToPath(moduleUrl)); ; dir = dirname(dir)) {
    const found = visit(dir);
    if (found !== undefined) return found;
    if (last(dir) || dirname(dir) === dir) return undefined;
  }
}
