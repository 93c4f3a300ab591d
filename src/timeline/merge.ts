/**
 * Merges the sentences that tell the same event into one timeline entry, and orders the entries.
 *
 * Two sentences tell the same event when they give the same date (same ISO prefix, qualifier and range)
 * and either share most of their rarer fact words, or name the same day in different documents (two
 * documents naming one exact day are telling of one happening). Reader comments merge only with
 * comments, and dates read off a cable's row never merge across documents on the day alone.
 */
import { dateBounds, fineness } from './calendar.js';
import type { EventCitation, MentionPrecision, Qualifier, Timeline, TimelineEvent } from './types.js';
import { factTerms } from './words.js';

/** One dated sentence, before merging. */
export interface RawEvent {
  iso: string;
  precision: MentionPrecision;
  qualifier?: Qualifier | undefined;
  until?: string | undefined;
  citation: EventCitation;
}

/** Weighted share of fact words two sentences must have in common to tell the same event. */
export const SAME_FACT_THRESHOLD = 0.5;

type Weights = Map<string, number>;

/** Inverse document frequency of each fact word over the distinct sentences. */
function inverseFrequencies(termSets: ReadonlyArray<Set<string>>): Weights {
  const df = new Map<string, number>();
  for (const set of termSets) for (const term of set) df.set(term, (df.get(term) ?? 0) + 1);
  const weights: Weights = new Map();
  for (const [term, n] of df) weights.set(term, Math.log(1 + termSets.length / n));
  return weights;
}

/** Shared weight over the smaller sentence's weight: 1 when one sentence's facts are all in the other. */
export function overlap(a: Set<string>, b: Set<string>, weights: Weights): number {
  const weigh = (set: Set<string>) => [...set].reduce((sum, t) => sum + (weights.get(t) ?? 0), 0);
  const smaller = Math.min(weigh(a), weigh(b));
  if (smaller === 0) return 0;
  const shared = [...a].filter((t) => b.has(t)).reduce((sum, t) => sum + (weights.get(t) ?? 0), 0);
  return shared / smaller;
}

interface Entry {
  raw: RawEvent;
  citations: EventCitation[];
  terms: Array<Set<string>>;
}

const sentenceKey = (c: EventCitation) => `${c.passageId}@${c.start}`;
const dateKey = (r: RawEvent) => `${r.iso}|${r.qualifier ?? ''}|${r.until ?? ''}`;

/** How directly a citation states the date: 0 in full, 1 with the year from the context, 2 from a cable. */
function indirectness(c: EventCitation): number {
  return (c.cable ? 2 : 0) + (c.inferred ? 1 : 0) + (c.comment ? 4 : 0);
}

function sameEvent(entry: Entry, raw: RawEvent, terms: Set<string>, weights: Weights): boolean {
  if (entry.citations[0]!.comment !== raw.citation.comment) return false;
  if (entry.citations.some((c) => sentenceKey(c) === sentenceKey(raw.citation))) return true;
  if (entry.terms.some((t) => overlap(t, terms, weights) >= SAME_FACT_THRESHOLD)) return true;
  return (
    raw.precision === 'day' &&
    !raw.citation.cable &&
    entry.citations.every((c) => !c.cable && c.docId !== raw.citation.docId)
  );
}

function toEvent(entry: Entry): TimelineEvent {
  const { iso, precision, qualifier, until } = entry.raw;
  const citations = entry.citations
    .map((c, i) => ({ c, i }))
    .sort((a, b) => indirectness(a.c) - indirectness(b.c) || a.i - b.i)
    .map(({ c }) => c);
  const [from, to] = dateBounds(iso, precision, qualifier, until);
  return {
    date: iso,
    precision,
    ...(qualifier && { qualifier }),
    ...(until && { until }),
    text: citations[0]!.text,
    comment: citations.every((c) => c.comment),
    citations,
    from,
    to,
  };
}

/** Chronological: by first day, coarser dates first, then shorter spans, then corpus order. */
function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.from.localeCompare(b.from) ||
    fineness(a.precision, a.qualifier) - fineness(b.precision, b.qualifier) ||
    a.to.localeCompare(b.to)
  );
}

/** The years from `from` to `to` of every event, ascending. */
function yearsOf(events: readonly TimelineEvent[]): number[] {
  const years = new Set<number>();
  for (const e of events) for (let y = Number(e.from.slice(0, 4)); y <= Number(e.to.slice(0, 4)); y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** Merges dated sentences (in corpus order) into the timeline. */
export function mergeEvents(raws: readonly RawEvent[]): Timeline {
  const termsOf = new Map<string, Set<string>>();
  for (const r of raws) termsOf.set(sentenceKey(r.citation), new Set(factTerms(r.citation.text)));
  const weights = inverseFrequencies([...termsOf.values()]);
  const byDate = new Map<string, Entry[]>();
  for (const raw of raws) {
    const terms = termsOf.get(sentenceKey(raw.citation))!;
    const entries = byDate.get(dateKey(raw)) ?? [];
    byDate.set(dateKey(raw), entries);
    const entry = entries.find((e) => sameEvent(e, raw, terms, weights));
    if (!entry) entries.push({ raw, citations: [raw.citation], terms: [terms] });
    else if (!entry.citations.some((c) => sentenceKey(c) === sentenceKey(raw.citation))) {
      entry.citations.push(raw.citation);
      entry.terms.push(terms);
    }
  }
  const events = [...byDate.values()].flat().map(toEvent);
  // Array.prototype.sort is stable, so equal dates keep corpus order.
  events.sort(compareEvents);
  return { events, years: yearsOf(events) };
}
