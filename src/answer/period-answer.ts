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
import { LIST_SEPARATOR } from '../timeline/rules.js';
import type { EventCitation, Timeline, TimelineEvent } from '../timeline/types.js';
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

/**
 * The events of the period one sentence tells, as one answer: their citations, the sentence's first, and
 * the dates of the period it states, as [start, end) offsets into that sentence, in order ("Through trips
 * in January, March, and April 1963": three events of the timeline, one answer).
 */
export interface PeriodEvent {
  citations: EventCitation[];
  dates: Array<[number, number]>;
}

/**
 * The events of the timeline within the period, the document's own statements before reader comments,
 * one per sentence: an event whose sentence an earlier one quotes already adds its date to that one's.
 */
export function eventsIn(timeline: Timeline, period: QuestionPeriod): PeriodEvent[] {
  const within = (e: TimelineEvent) => e.from >= period.first && e.to <= period.last;
  const asked: Period = { from: period.first, to: period.last, first: period.first, last: period.last, granularity: period.granularity };
  // An event that only overlaps the period over a much longer span ("1977-1992" for 1985) does not tell what happened in it.
  const span = (from: string, to: string) => Date.parse(to) - Date.parse(from);
  const events = timeline.events.filter((e) => inPeriod(e, asked) && (within(e) || span(e.from, e.to) <= 2 * span(period.first, period.last)));
  // Events wholly within the period before those that only overlap it (a range of years, a whole year
  // for a season), the document's own statements before reader comments; each group in date order.
  const rank = (e: TimelineEvent) => (within(e) ? 0 : 2) + (e.comment ? 1 : 0);
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i);
  const bySentence = new Map<string, PeriodEvent>();
  const answers: PeriodEvent[] = [];
  for (const { e } of ordered) {
    const { passageId, start, dateStart, dateEnd } = e.citations[0]!;
    const key = `${passageId}:${start}`;
    const told = bySentence.get(key);
    if (told) {
      told.dates.push([dateStart, dateEnd]);
      told.citations.push(...e.citations.slice(1));
      continue;
    }
    const answer: PeriodEvent = { citations: [...e.citations], dates: [[dateStart, dateEnd]] };
    bySentence.set(key, answer);
    answers.push(answer);
  }
  for (const answer of answers) answer.dates.sort((a, b) => a[0] - b[0]);
  return answers;
}

/** What may stand between two dates of one sentence for them to be marked as one answer: the timeline's list separator. */
const BETWEEN_DATES = new RegExp(`^${LIST_SEPARATOR}$`);

/**
 * The answer a sentence's dates of the period make, as offsets into `text`, shifted by `shift`: the first,
 * run on through the dates listed with it ("January, March, and April 1963"); a date elsewhere in the
 * sentence is not marked, nor the words between.
 */
export function datesMarked(text: string, dates: ReadonlyArray<[number, number]>, shift: number): [number, number] {
  let [start, end] = [dates[0]![0] + shift, dates[0]![1] + shift];
  for (const [from, to] of dates.slice(1)) {
    if (from + shift < end || !BETWEEN_DATES.test(text.slice(end, from + shift))) break;
    end = to + shift;
  }
  return [start, end];
}

/** The answer items of some events: the first citation quoted, the others as "also in", numbered in that order from 1. */
export function periodItems(corpus: Corpus, events: readonly PeriodEvent[]): PeriodItem[] {
  let n = 1;
  return events.map(({ citations, dates }) => {
    const [primary, ...others] = citations;
    const passage = corpus.passageById.get(primary!.passageId)!;
    const quoted = quotedStatement(corpus, primary!);
    const answer = datesMarked(quoted.text, dates, quoted.dateStart - primary!.dateStart);
    const quote: Quote = { passageId: passage.id, start: quoted.start, end: quoted.end, text: quoted.text, marks: [], score: 1, answer };
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
