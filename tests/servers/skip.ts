import { describe, it } from 'vitest';

/**
 * Where a server is missing, its tests are skipped out loud: a skipped test named with the reason,
 * and the reason on stderr, so `npm test` says which tests did not run and why.
 */
export function noteSkipped(what: string, reason: string | undefined): void {
  if (reason === undefined) return;
  console.warn(`${what}: ${reason}`);
  describe(what, () => {
    it.skip(reason, () => {});
  });
}
