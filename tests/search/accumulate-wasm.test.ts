import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCUMULATE_WASM } from '../../src/search/accumulate-wasm.js';
import { compileWat } from '../../scripts/build-wasm.js';

describe('the WebAssembly of the search loops', () => {
  it('is accumulate.wat as compiled now (run `npm run build:wasm` after editing it)', async () => {
    const text = readFileSync(new URL('../../src/search/accumulate.wat', import.meta.url), 'utf8');
    const compiled = await compileWat('accumulate.wat', text);
    expect(Buffer.from(ACCUMULATE_WASM, 'base64').equals(Buffer.from(compiled))).toBe(true);
  });
});
