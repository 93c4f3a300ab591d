import { describe, expect, it } from 'vitest';
import { swappedQuestions } from '../../scripts/eval-typos.js';

describe('swappedQuestions', () => {
  it('types each long lower-case word of an answerable question once with its middle letters swapped', () => {
    const out = swappedQuestions([{ id: 'd1', q: 'when did Kennedy consider secret negotiations', expect: ['November 5'] }]);
    expect(out).toEqual([
      { id: 'd1~3', q: 'when did Kennedy conisder secret negotiations', expect: ['November 5'] },
      { id: 'd1~4', q: 'when did Kennedy consider sercet negotiations', expect: ['November 5'] },
      { id: 'd1~5', q: 'when did Kennedy consider secret negotaitions', expect: ['November 5'] },
    ]);
  });

  it('leaves out unanswerable questions, names, short words and words whose middle letters are the same', () => {
    expect(swappedQuestions([{ id: 'u1', q: 'how did Fidel Castro die', abstain: true }])).toEqual([]);
    expect(swappedQuestions([{ id: 'd2', q: 'who was Kissinger then', expect: ['x'] }])).toEqual([]);
    expect(swappedQuestions([{ id: 'd3', q: 'did they settle', expect: ['x'] }])).toEqual([]);
  });
});
