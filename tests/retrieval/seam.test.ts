import { describe, expect, it } from 'vitest';
import { answer, ask, retrievalDepth } from '../../src/answer/ask.js';
import { loadCore } from '../../src/core.js';
import { MemoryRetriever } from '../../src/retrieval/memory.js';
import type { Retrieval } from '../../src/retrieval/types.js';

const core = loadCore();
const retriever = new MemoryRetriever(core.search, core.aliases);

describe('the retrieval seam', () => {
  it('answers through the in-memory retriever exactly as ask does', () => {
    const question = 'How many Cubans left through Mariel Harbor?';
    const direct = ask(core, question);
    const seamed = answer(core, retriever.retrieve(question, retrievalDepth()));
    expect(seamed.results.map((r) => [r.passage.id, r.quote.text])).toEqual(direct.results.map((r) => [r.passage.id, r.quote.text]));
  });

  it('reads the passages and statistics of the retrieval alone', () => {
    const retrieved = retriever.retrieve('who was Lisa Howard', retrievalDepth());
    // Another backend might rank differently: the answer follows the retrieval it is given.
    const reversed: Retrieval = { ...retrieved, hits: [...retrieved.hits].reverse() };
    const result = answer({ corpus: core.corpus }, reversed, { rerank: 0 });
    expect(result.results[0]!.passage.id).toBe(retrieved.hits.at(-1)!.passage.id);
    const nothing: Retrieval = { ...retrieved, hits: [] };
    expect(answer({ corpus: core.corpus }, nothing).reason).toBe('no-match');
  });
});
