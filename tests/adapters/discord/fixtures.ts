/** Fixed replies for the renderer tests, shaped like the core's commands' replies. */
import type { Citation, Reply } from '../../../src/reply/model.js';

export const LETTER: Citation = {
  n: 1,
  docId: 'kennedy-khrushchev-1961-04-18',
  passageId: 'kennedy-khrushchev-1961-04-18#p3',
  title: 'Kennedy to Khrushchev: The U.S. will not invade Cuba',
  kind: 'presidential letter',
  date: 'April 18, 1961',
  paragraph: 3,
  comment: false,
};

export const SUMMARY: Citation = {
  n: 2,
  docId: 'back-channel-summary',
  passageId: 'back-channel-summary#p21',
  title: 'Back Channel to Cuba Summary',
  kind: 'book summary',
  date: 'undated',
  paragraph: 54,
  comment: false,
};

export const COMMENT: Citation = {
  n: 3,
  docId: 'jfkfacts-secret-talks',
  passageId: 'jfkfacts-secret-talks#p40',
  title: 'Nov. 5, 1963: JFK considers secret talks with Castro',
  kind: 'reader comment',
  date: 'November 5, 1963',
  paragraph: 41,
  comment: true,
};

/** An answer: two quotes with query terms marked, an "also in", citations and two buttons. */
export const ANSWER: Reply = {
  blocks: [
    {
      type: 'quote',
      runs: [
        { text: 'I have previously stated, and I repeat now, that the ' },
        { text: 'United States', marked: true },
        { text: ' intends no military intervention in ' },
        { text: 'Cuba', marked: true },
        { text: '.' },
      ],
      citation: 1,
    },
    { type: 'also', of: 1, items: [COMMENT] },
    {
      type: 'quote',
      runs: [
        { text: 'It’s thanks in large part to James Donovan and Lisa Howard’s efforts that talks continued between America and ' },
        { text: 'Cuba', marked: true },
        { text: '.' },
      ],
      citation: 2,
    },
    { type: 'citations', items: [LETTER, SUMMARY, COMMENT] },
  ],
  actions: [
    { id: 'more', label: 'More results', command: 'ask', args: { question: 'did the US plan to invade Cuba', page: 2 } },
    { id: 'context', label: 'Show context', command: 'passage', args: { id: 'kennedy-khrushchev-1961-04-18#p3' }, private: true },
  ],
  data: null,
  ok: true,
};

/** Corpus and user text that tries to format, link and mention. */
export const HOSTILE: Reply = {
  blocks: [
    { type: 'heading', text: 'Results for *you* <@&123456789012345678>' },
    {
      type: 'quote',
      runs: [
        { text: 'Tell @' },
        { text: 'everyone', marked: true },
        { text: ' and <@&123456789012345678>: see [the file](https://evil.example), **now** or ~~never~~ `x` ||y|| _z_.\n> quoted' },
      ],
      citation: 1,
    },
    { type: 'text', runs: [{ text: '# not a heading @here <@42> <#7>' }] },
    { type: 'citations', items: [{ ...LETTER, title: 'Memo for @everyone [x](https://evil.example)' }] },
  ],
  actions: [],
  data: null,
  ok: true,
};

/** Help: a heading (the embed's title) and a list with marked command names. */
export const HELP: Reply = {
  blocks: [
    { type: 'heading', text: 'Backchannel answers only by quoting its documents.' },
    {
      type: 'list',
      ordered: false,
      items: [
        [{ text: '/ask <question>', marked: true }, { text: ' — Ask a question' }],
        [{ text: '/help', marked: true }, { text: ' — What Backchannel can do' }],
      ],
    },
  ],
  actions: [],
  data: null,
  ok: true,
};

/** An abstention: a notice and a list of titles, not ok. */
export const ABSTAIN: Reply = {
  blocks: [
    { type: 'notice', tone: 'info', text: 'The corpus doesn’t say. It covers these documents:' },
    { type: 'list', ordered: true, items: [[{ text: 'Back Channel to Cuba Summary' }], [{ text: 'Kennedy to Khrushchev: The U.S. will not invade Cuba' }]] },
  ],
  actions: [],
  data: null,
  ok: false,
};

export const FIXTURES = { ANSWER, HOSTILE, HELP, ABSTAIN };
