import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadCore } from '../src/core.js';
import { loadCorpus } from '../src/corpus/load.js';
import { PassageSearch } from '../src/search/passage-search.js';

describe('loadCore', () => {
  it('builds, document by document as they are ingested, exactly the index of the whole corpus at once', () => {
    const core = loadCore({ cache: false });
    const whole = new PassageSearch(loadCorpus(core.corpus.dir));
    whole.engine.freeze();
    expect(serialize(core.search.engine.exportState()).equals(serialize(whole.engine.exportState()))).toBe(true);
    expect(core.load).toMatchObject({ source: 'built' });
  });
});
