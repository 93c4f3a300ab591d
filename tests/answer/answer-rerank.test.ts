import { describe, expect, it } from 'vitest';
import { namesItLacks } from '../../src/answer/answer-rerank.js';
import { loadCore } from '../../src/core.js';
import type { Passage } from '../../src/corpus/types.js';
import { MemoryRetriever } from '../../src/retrieval/memory.js';

const core = loadCore();
const passage = (id: string): Passage => core.corpus.passageById.get(id)!;
const previous = (p: Passage): Passage | undefined => core.corpus.documentById.get(p.docId)!.passages.find((q) => q.n === p.n - 1);
const lacks = (question: string) => {
  const retrieval = new MemoryRetriever(core.search, core.aliases).retrieve(question, 20);
  return namesItLacks(retrieval.query, retrieval, previous);
};

describe('namesItLacks', () => {
  const carter = lacks('why did talks with cuba stall during the Carter years');

  it('tells a passage that names none of the question’s names', () => {
    expect(carter(passage('back-channel-summary#p16'))).toBe(true);
  });

  it('passes a passage that names one, and the passage after it, which goes on about them', () => {
    expect(carter(passage('back-channel-summary#p28'))).toBe(false);
    expect(passage('back-channel-summary#p29').text).not.toContain('Carter');
    expect(carter(passage('back-channel-summary#p29'))).toBe(false);
    expect(carter(passage('back-channel-summary#p30'))).toBe(true);
  });

  it('never asks for a name the corpus is about, which nearly every passage holds ("Castro", "Cuba")', () => {
    const brazil = passage('back-channel-summary#p16');
    expect(brazil.text).toContain('Castro');
    expect(lacks("why did Carter's talks with Castro stall?")(brazil)).toBe(true);
    const letter = passage('kennedy-khrushchev-1961-04-18#p4');
    expect(letter.text).not.toContain('Castro');
    expect(lacks('why did Castro stall the talks?')(letter)).toBe(false);
    expect(lacks('why did Reagan stall the talks?')(letter)).toBe(true);
  });

  it('asks for no word of a longer name, nor anything of a question without names', () => {
    const tape = lacks('Who found the White House tape recording?');
    const plain = lacks('why did the talks stall');
    for (const id of ['back-channel-summary#p16', 'back-channel-summary#p30']) {
      expect(tape(passage(id))).toBe(false);
      expect(plain(passage(id))).toBe(false);
    }
  });
});
