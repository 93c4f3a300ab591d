/**
 * What answering shares with retrieval's reading of text: the same analyzer (a quote's sentence is
 * read exactly as the question and the index were), how much a lexicon relation counts, the
 * question a chat message wraps in greetings and thanks, its contractions whole (`unwrapped`), and
 * the words a money question says which sum of a deal it asks by (`SUM_AT_FIRST`, `SUM_IN_THE_END`), and
 * the irregular verb forms the aliases relate (`IRREGULAR_VERB_FORMS`). The
 * answer code takes these from here, its types from `types.ts`, and nothing from `src/search/`.
 */
export { analyzeFast, cachedStem } from '../search/engine-analyze.js';
export type { AnalyzedToken } from '../search/analyzer.js';
export { RELATED } from '../search/query-expansion.js';
export { IRREGULAR_VERB_FORMS } from '../search/aliases.js';
export { unwrapped, SUM_AT_FIRST, SUM_IN_THE_END } from '../search/question-type.js';
