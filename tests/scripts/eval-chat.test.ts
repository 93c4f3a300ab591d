import { describe, expect, it } from 'vitest';
import { chattedQuestions } from '../../scripts/eval-chat.js';

describe('chattedQuestions', () => {
  it('wraps each question, unanswerable ones too, in the next opening and closing, in turn', () => {
    const out = chattedQuestions([
      { id: 'd1', q: 'Who was Lisa Howard?', expect: ['correspondent'] },
      { id: 'd2', q: 'When did JFK consider secret talks with Castro?', expect: ['November 5'] },
      { id: 'u1', q: 'Who won the 1998 world cup?', abstain: true },
    ]);
    expect(out).toEqual([
      { id: 'd1~chat', q: 'hi! who was Lisa Howard?', expect: ['correspondent'] },
      { id: 'd2~chat', q: 'hey, quick question - when did JFK consider secret talks with Castro? thanks!', expect: ['November 5'] },
      { id: 'u1~chat', q: 'ok so who won the 1998 world cup? pls', abstain: true },
    ]);
  });

  it('types a frame word of every third question in a chat’s shorthand, and a name keeps its capital', () => {
    const out = chattedQuestions([
      { id: 'd1', q: 'Why did Kennedy impose the embargo?', expect: ['x'] },
      { id: 'd2', q: 'What did Castro say about the embargo?', expect: ['x'] },
      { id: 'd3', q: 'What did Castro say about the embargo?', expect: ['x'] },
      { id: 'd4', q: 'Kissinger sent whom to Havana?', expect: ['x'] },
    ]);
    expect(out.map((q) => q.q)).toEqual([
      'hi! y did Kennedy impose the embargo?',
      'hey, quick question - what did Castro say about the embargo? thanks!',
      'ok so what did Castro say about the embargo? pls',
      'sorry, one more question: Kissinger sent whom to Havana? thx',
    ]);
  });
});
