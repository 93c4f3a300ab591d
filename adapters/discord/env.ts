/** Helpers for the Discord entry points (register, shards), which start without `adapters/start.ts`. */
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Loads `.env` from the working directory when there is one. Variables already set win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** True when the module at `moduleUrl` is the script Node was started with. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  return real(fileURLToPath(moduleUrl)) === real(entry);
}

/** The value after `--name` in argv, if any. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}
