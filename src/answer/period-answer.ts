/**
 * "What happened in 1977?": a question that names a period and nothing else is answered from the
 * timeline's events of that period, in order, each quoted and cited with its date marked as the
 * answer.
 */
import type { Corpus, Passage } from '../corpus/types.js';
import type { Citation } from '../reply/model.js';
import type { QuestionPeriod } from '../retrieval/types.js';
import type { Period } from '../timeline/period.js';
import { inPeriod } from '../timeline/query.js';
import type { Timeline, TimelineEvent } from '../timeline/types.js';
import { quotedStatement } from '../timeline/quoted.js';
import { citationFor } from './citation.js';
import type { Quote } from './extract.js';

/** An event of the period as an answer: its passage, its sentence quoted with the date marked, its citations. */
export interface PeriodItem {
  passage: Passage;
  quote: Quote;
  citation: Citation;
  also: Citation[];
}

/** The events of the timeline within the period, the document's own statements before reader comments. */
export function eventsIn(timeline: Timeline, period: QuestionPeriod): TimelineEvent[] {
  const within = (e: TimelineEvent) => e.from >= period.first && e.to <= period.last;
  const asked: Period = { from: period.first, to: period.last, first: period.first, last: period.last, granularity: period.granularity };
  // An event that only overlaps the period over a much longer span ("1977-1992" for 1985) does not tell what happened in it.
  const span = (from: string, to: string) => Date.parse(to) - Date.parse(from);
  const events = timeline.events.filter((e) => inPeriod(e, asked) && (within(e) || span(e.from, e.to) <= 2 * span(period.first, period.last)));
  // Events wholly within the period before those that only overlap it (a range of years, a whole year
  // for a season), the document's own statements before reader comments; each group in date order.
  const rank = (e: TimelineEvent) => (within(e) ? 0 : 2) + (e.comment ? 1 : 0);
  return events.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map(({ e }) => e);
}

/** The answer items of some events: the first citation quoted, the others as "also in", numbered in that order from 1. */
export function periodItems(corpus: Corpus, events: readonly TimelineEvent[]): PeriodItem[] {
  let n = 1;
  return events.map((event) => {
    const [primary, ...others] = event.citations;
    const passage = corpus.passageById.get(primary!.passageId)!;
    const quoted = quotedStatement(corpus, primary!);
    const quote: Quote = { passageId: passage.id, start: quoted.start, end: quoted.end, text: quoted.text, marks: [], score: 1, answer: [quoted.dateStart, quoted.dateEnd] };
    const citation = citationFor(corpus, passage, n++);
    const seen = new Set([passage.docId]);
    const also: Citation[] = [];
    for (const c of others) {
      if (seen.has(c.docId)) continue;
      seen.add(c.docId);
      also.push(citationFor(corpus, corpus.passageById.get(c.passageId)!, n++));
    }
    return { passage, quote, citation, also };
  });
}
