import * as z from 'zod';
import { ask, askThrough, DEFAULT_ASK, type AskResult } from '../answer/ask.js';
import type { Block, Citation, Reply } from '../reply/model.js';
import { notice, runsOf } from '../reply/build.js';
import type { CommandDefinition } from './types.js';
import { cleanInput, INPUT_LIMITS } from './limits.js';
import { helpBlocks } from './help.js';
import { sentencesOf } from '../cite/reply.js';
import { citationNumbers } from '../answer/citation.js';
import { unwrapped } from '../retrieval/analysis.js';

const options = z.object({
  question: z
    .string({ error: 'is missing: ask a question, e.g. /ask who was Lisa Howard' })
    .transform(cleanInput)
    .pipe(z.string().max(INPUT_LIMITS.questionChars, `is too long: at most ${INPUT_LIMITS.questionChars} characters, please`))
    .describe('Your question, e.g. "who was Lisa Howard"'),
  page: z.coerce.number().int().min(1).max(INPUT_LIMITS.maxPage).default(1).describe('Page of results (3 a page)'),
});

/** /ask: the answer, quoted from the documents, with citations. */
export const askCommand: CommandDefinition<typeof options> = {
  name: 'ask',
  description: 'Ask a question; the answer is quoted from the documents, with citations',
  options,
  positional: 'question',
  run({ question, page }, core) {
    if (!question) {
      return { blocks: [notice('info', 'Ask a question after /ask, e.g. /ask who was Lisa Howard.'), ...helpBlocks()], actions: [], data: { query: '', answered: false, results: [] }, ok: false };
    }
    const titles = core.corpus.documents.map((d) => d.meta.title);
    // The in-memory index answers at once; a server's retriever after its one round of queries.
    if (!core.retriever) return askReply(ask(core, question, { page }), titles);
    return askThrough(core, core.retriever, question, { page }).then((result) => askReply(result, titles));
  },
};

/** The question as the engine read it, for `--json`: its answer type and period. */
function questionData(result: AskResult) {
  const { type, period, readAs } = result.analyzed;
  return { type, period: period ? { from: period.first, to: period.last, text: period.text } : null, ...(readAs ? { readAs } : {}) };
}

/** What the reply says first when the question was read with a word respelled: "Read “presdient” as “president”." */
function readAsBlocks(result: AskResult): Block[] {
  const readAs = result.analyzed.readAs;
  if (!readAs) return [];
  return [notice('info', `Read ${readAs.map(({ typed, read }) => `“${typed}” as “${read}”`).join(', ')}.`)];
}

/** A message of a greeting or thanks and nothing else ("hi", "thanks!"): no question at all, rather than one of stop words. */
function onlyChat(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{L}/u.test(unwrapped(text));
}

/**
 * A word that stands for someone or something named before ("he", "them", "that"): in a question with
 * no other words ("who was he?"), it points back to an earlier question, and each is read on its own.
 */
const POINTING = /\b(he|she|him|his|her|hers|they|them|their|it|its|this|that|these|those)\b/i;

/** What a question with no words to search for is told: what it can ask, whom it should name, or that it has none. */
function noTermsText(query: string): string {
  if (onlyChat(query)) return 'Ask about a person, an event or a date of US–Cuba back-channel diplomacy, 1959–2015, such as “who was Lisa Howard?”, and the documents are quoted in answer.';
  const pointing = POINTING.exec(query);
  if (pointing) return `Each question is read on its own, so “${pointing[1]!.toLowerCase()}” names no one here. Ask again with the name, such as “who was William Attwood?”.`;
  return 'That question has no words to search for. Ask about a person, an event or a date.';
}

/** Turns an ask result into the platform-neutral reply (and the `--json` shape in `data`). */
export function askReply(result: AskResult, titles: string[]): Reply {
  const reply = replyOf(result, titles);
  return { ...reply, blocks: [...readAsBlocks(result), ...reply.blocks] };
}

function replyOf(result: AskResult, titles: string[]): Reply {
  const question = questionData(result);
  if (!result.answered) {
    const period = result.analyzed.period;
    const text =
      result.reason === 'no-terms'
        ? noTermsText(result.query)
        : result.reason === 'bad-period'
          ? `${result.analyzed.periodProblem ?? 'That period cannot be.'} Ask about a year such as 1963, a range such as 1962-1963, or a month such as November 1963.`
          : result.reason === 'no-events' && period
            ? `The corpus doesn't say what happened in ${period.text}: none of its documents dates an event then. Try /timeline for the years it covers.`
            : `The corpus doesn't say. It covers US–Cuba back-channel diplomacy, 1959–2015, in these documents:`;
    const blocks: Block[] = [notice('info', text)];
    if (result.reason === 'weak-match' || result.reason === 'no-match') blocks.push({ type: 'list', ordered: false, items: titles.map((t) => [{ text: t }]) });
    const nearest: Citation[] = [];
    if (result.nearest.length) {
      blocks.push({ type: 'text', runs: [{ text: 'Nearest passages, which do not answer it:' }] });
      for (const item of result.nearest) {
        const citation = { ...item.citation, n: nearest.length + 1 };
        nearest.push(citation);
        blocks.push({ type: 'quote', runs: runsOf(item.quote.text, item.quote.marks, item.quote.answer), citation: citation.n });
      }
      blocks.push({ type: 'citations', items: nearest });
    }
    const data = {
      query: result.query,
      question,
      answered: false,
      reason: result.reason,
      results: [],
      nearest: result.nearest.map((item) => ({ passageId: item.passage.id, quote: item.quote.text })),
      suggestions: titles,
    };
    return { blocks, actions: [], data, ok: false };
  }
  if (result.results.length === 0) {
    // A page past the last one (a stale "More results" button, or a page typed by hand).
    const text = `There are no more results for that question: page ${result.page} is past the last one. Ask again for page 1.`;
    return { blocks: [notice('info', text)], actions: [], data: { query: result.query, question, answered: true, page: result.page, hasMore: false, results: [] }, ok: false };
  }
  const blocks: Block[] = [];
  const citations: Citation[] = [];
  // A passage cited again keeps its number ("what happened in the seventies" quotes two sentences of one paragraph,
  // which were listed as two sources).
  const made = new Map(result.results.flatMap((item) => [item.citation, ...item.also]).map((c) => [c.passageId, c]));
  const cite = citationNumbers(citations, (passageId, n) => ({ ...made.get(passageId)!, n }));
  for (const item of result.results) {
    const citation = cite(item.passage.id);
    blocks.push({ type: 'quote', runs: runsOf(item.quote.text, item.quote.marks, item.quote.answer), citation: citation.n });
    const also = item.also.filter((c) => c.passageId !== item.passage.id).map((c) => cite(c.passageId));
    if (also.length) blocks.push({ type: 'also', of: citation.n, items: also });
  }
  blocks.push({ type: 'citations', items: citations });
  const first = result.results[0]!;
  const actions: Reply['actions'] = [
    { id: 'context', label: 'Show context', command: 'passage', args: { id: first.passage.id }, private: true },
    { id: 'cite', label: 'Cite', command: 'cite', args: { id: first.passage.id, ...sentencesOf(first.passage, first.quote.start, first.quote.end) }, private: true },
  ];
  if (result.hasMore) actions.unshift({ id: 'more', label: 'More results', command: 'ask', args: { question: result.query, page: result.page + 1 } });
  return {
    blocks,
    actions,
    ok: true,
    data: {
      query: result.query,
      question,
      answered: true,
      page: result.page,
      hasMore: result.hasMore,
      results: result.results.map((item) => ({
        rank: item.rank,
        docId: item.passage.docId,
        passageId: item.passage.id,
        score: Number(item.score.toFixed(4)),
        text: item.passage.text,
        quote: item.quote.text,
        // The words that answer, as offsets into `quote` (and `text` at `quoteStart`), when the quote holds them.
        quoteStart: item.quote.start,
        answer: item.quote.answer ? { start: item.quote.answer[0], end: item.quote.answer[1], text: item.quote.text.slice(...item.quote.answer) } : null,
        citation: { title: item.citation.title, kind: item.citation.kind, date: item.citation.date, paragraph: item.citation.paragraph },
        also: item.also.map((c) => ({ docId: c.docId, passageId: c.passageId, title: c.title })),
      })),
    },
  };
}

export { DEFAULT_ASK };
