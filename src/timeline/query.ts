/**
 * Answers a timeline request: the events of a period, optionally about a topic, in order; and when
 * there are none, the nearest periods that have some.
 */
import type { Corpus, Passage } from '../corpus/types.js';
import { fineness } from './calendar.js';
import { describePeriod, parseTimelineRequest, type Granularity, type Period } from './period.js';
import type { Timeline, TimelineEvent } from './types.js';
import { stemSet, topicTerms } from './words.js';

/** The answer to a timeline request. */
export interface TimelineAnswer {
  /** The request as typed. */
  query: string;
  /** The period; null for the whole timeline. */
  period: Period | null;
  /** The period in words ("1963", "November 1963", "the whole corpus"). */
  label: string;
  /** The topic as typed; empty for none. */
  topic: string;
  /** Stemmed topic words, for marking them in quotes. */
  topicTerms: string[];
  /** The matching events, in order. */
  events: TimelineEvent[];
  /** When `events` is empty: the nearest periods (same granularity) before and after with events. */
  nearest: { before?: string; after?: string };
  /** When `events` is empty: true if the topic matches no event at any date. */
  topicUnknown: boolean;
}

/** Minimum fineness of an event for each granularity of request: a month shows no year-wide events. */
const MIN_FINENESS: Record<Granularity, number> = { year: 1, month: 3, day: 4 };

/** True when the event falls in the period, known at least as finely as the period is asked. */
export function inPeriod(event: TimelineEvent, period: Period | null): boolean {
  if (!period) return true;
  return event.from <= period.last && period.first <= event.to && fineness(event.precision, event.qualifier) >= MIN_FINENESS[period.granularity];
}

/** Consecutive passages of one section, or of one reader's comment, tell one story. */
const threadOf = (p: Passage) => (p.comment ? `comment:${p.comment.author}` : `section:${p.heading ?? ''}`);

/** A passage with the passages just before and after it in the same section or comment. */
export function neighbourhood(corpus: Corpus, passageId: string): Passage[] {
  const passage = corpus.passageById.get(passageId);
  if (!passage) return [];
  const all = corpus.documentById.get(passage.docId)?.passages ?? [];
  const at = all.indexOf(passage);
  return [all[at - 1], passage, all[at + 1]].filter((p): p is Passage => p !== undefined && threadOf(p) === threadOf(passage));
}

/**
 * True when every topic word is in the text or section heading of the passage of one of the event's
 * citations, or of a passage next to it in the same section ("The tape captures JFK’s approval of the
 * Attwood initiative" / "That was Nov. 5, 1963. Seventeen days later…").
 */
export function aboutTopic(event: TimelineEvent, terms: readonly string[], corpus: Corpus): boolean {
  if (terms.length === 0) return true;
  return event.citations.some((c) => {
    const words = stemsNear(c, corpus);
    return terms.every((t) => words.has(t));
  });
}

/**
 * The stems around a citation, worked out once per citation: the timeline and its corpus never change
 * under a core, and stemming three passages for every event on every request made a topic slow.
 */
const nearStems = new WeakMap<object, Set<string>>();
function stemsNear(c: TimelineEvent['citations'][number], corpus: Corpus): Set<string> {
  let words = nearStems.get(c);
  if (!words) {
    const near = neighbourhood(corpus, c.passageId);
    words = stemSet([c.heading ?? '', c.text, ...near.map((p) => p.text)].join(' '));
    nearStems.set(c, words);
  }
  return words;
}

/** The keys of the periods (years, months or days) an event may be counted in. */
function keysOf(event: TimelineEvent, granularity: Granularity): string[] {
  if (fineness(event.precision, event.qualifier) < MIN_FINENESS[granularity]) return [];
  if (granularity === 'day') return [event.from];
  const width = granularity === 'year' ? 4 : 7;
  const keys: string[] = [];
  for (let y = Number(event.from.slice(0, 4)); y <= Number(event.to.slice(0, 4)); y++) {
    if (granularity === 'year') keys.push(String(y));
    else for (let m = 1; m <= 12; m++) keys.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return keys.filter((k) => k >= event.from.slice(0, width) && k <= event.to.slice(0, width));
}

function nearestTo(events: readonly TimelineEvent[], period: Period): { before?: string; after?: string } {
  const width = period.granularity === 'year' ? 4 : period.granularity === 'month' ? 7 : 10;
  const start = period.first.slice(0, width);
  const end = period.last.slice(0, width);
  let before: string | undefined;
  let after: string | undefined;
  for (const key of events.flatMap((e) => keysOf(e, period.granularity))) {
    if (key < start && (before === undefined || key > before)) before = key;
    if (key > end && (after === undefined || key < after)) after = key;
  }
  return { ...(before && { before }), ...(after && { after }) };
}

/**
 * Runs a timeline request (see `parseTimelineRequest` for what it accepts; bad input throws
 * `BackchannelError('BAD_INPUT')`). The corpus gives the passages the topic filter reads.
 */
export function queryTimeline(timeline: Timeline, query: string, corpus: Corpus): TimelineAnswer {
  const { period, topic } = parseTimelineRequest(query);
  const terms = topicTerms(topic);
  const onTopic = timeline.events.filter((e) => aboutTopic(e, terms, corpus));
  const events = onTopic.filter((e) => inPeriod(e, period));
  const empty = events.length === 0;
  return {
    query,
    period,
    label: describePeriod(period),
    topic,
    topicTerms: terms,
    events,
    nearest: empty && period ? nearestTo(onTopic, period) : {},
    topicUnknown: empty && terms.length > 0 && onTopic.length === 0,
  };
}
