import type { Corpus, Passage } from '../corpus/types.js';
import { cableTableSentence, walkDocument } from '../timeline/events.js';
import { BoundedMap } from '../util/bounded-map.js';
import { sentenceDate, type NarrativeDates, type SentenceDate } from './passage-analysis.js';

/**
 * How many passages before one the walk reads for its context: the narrative's year is nearly always
 * stated that near ("He arrived at Cuba on August 30, 1962…" two passages before "On December 21st"),
 * and reading a long record from its start took 0.1–0.5 s a question on the 107 MB corpus.
 */
const CONTEXT_PASSAGES = 3;

/** Passages read so far: per sentence start, its dates in the narrative. */
const read = new BoundedMap<Passage, Map<number, SentenceDate[]>>(4096);

/**
 * The dates of a passage's sentences read as the timeline reads them, by the same walk: in the context
 * of the text before them, so that "On December 21st, a memo was signed…" after "He arrived at Cuba on
 * August 30, 1962" is a day of 1962, and "Seventeen days later" after "Nov. 5, 1963" is November 22.
 * What a question's period is tested against, so that `/ask … in December 1962` finds what `/timeline
 * 1962` lists. The walk starts `CONTEXT_PASSAGES` before the passage, from the document's own date.
 */
export function narrativeDates(corpus: Corpus): NarrativeDates {
  let reader = readers.get(corpus);
  if (!reader) readers.set(corpus, (reader = readerOf(corpus)));
  return reader;
}

/** One reader per corpus, its cable tables' rows gathered once. */
const readers = new WeakMap<Corpus, NarrativeDates>();

function readerOf(corpus: Corpus): NarrativeDates {
  const skip = cableTableSentence(corpus);
  return (passage: Passage) =>
    read.getOr(passage, () => {
      const dates = new Map<number, SentenceDate[]>();
      const doc = corpus.documentById.get(passage.docId);
      const at = doc ? (doc.passages[passage.n - 1] === passage ? passage.n - 1 : doc.passages.indexOf(passage)) : -1;
      if (!doc || at < 0) return dates;
      walkDocument(doc, skip, (p, [start], _sentence, mentions) => p === passage && dates.set(start, mentions.map(sentenceDate)), { from: at - CONTEXT_PASSAGES, to: at + 1 });
      return dates;
    });
}
