/**
 * The timeline as a platform-neutral reply: each event's date (its precision visible), its sentence
 * quoted verbatim with the citation, other documents telling the same event, and a notice when a
 * period is empty naming the nearest periods that have events. `data` is the `--json` shape.
 */
import { passageCitations } from '../answer/citation.js';
import type { Corpus } from '../corpus/types.js';
import { notice, runsOf } from '../reply/build.js';
import type { Block, Citation, Reply } from '../reply/model.js';
import { MONTH_NAMES } from './calendar.js';
import type { TimelineAnswer } from './query.js';
import type { TimelineEvent } from './types.js';
import { termSpans } from './words.js';
import { quotedStatement } from './quoted.js';
import { timelineSvg } from '../picture/timeline-svg.js';

/** Events shown on one page of the reply (`data` always holds them all). */
export const EVENTS_PER_PAGE = 20;

/** The date with its precision visible: `1963-11-05`, `1963-04 (early)`, `1962 (fall)`, `1968–1972`. */
export function eventDateLabel(event: Pick<TimelineEvent, 'date' | 'qualifier' | 'until'>): string {
  const base = event.until ? `${event.date}–${event.until}` : event.date;
  return event.qualifier ? `${base} (${event.qualifier})` : base;
}

/** The `--json` shape of one event. */
export function eventJson(event: TimelineEvent) {
  return {
    date: event.date,
    precision: event.precision,
    ...(event.qualifier && { qualifier: event.qualifier }),
    ...(event.until && { until: event.until }),
    comment: event.comment,
    text: event.text,
    citations: event.citations.map((c) => ({ docId: c.docId, passageId: c.passageId, title: c.title, text: c.text, comment: c.comment })),
  };
}

/** The `--json` shape of an answer: `{ query, from, to, topic, events, nearest }`. */
export function timelineData(answer: TimelineAnswer) {
  const first = answer.events[0];
  const last = answer.events[answer.events.length - 1];
  return {
    query: answer.query,
    from: answer.period?.from ?? first?.date.slice(0, 4) ?? null,
    to: answer.period?.to ?? (last ? (last.until ?? last.date.slice(0, 4)) : null),
    topic: answer.topic,
    events: answer.events.map(eventJson),
    nearest: answer.nearest,
  };
}

/** A period key for people: `1963`, `May 1963`, `May 10, 1963`. */
function describeKey(key: string): string {
  const [y, m, d] = key.split('-');
  if (!m) return y!;
  const month = MONTH_NAMES[Number(m) - 1]!;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}

/** What to say when nothing matched. */
function emptyMessage(answer: TimelineAnswer): string {
  const about = answer.topic ? ` about “${answer.topic}”` : '';
  if (answer.topicUnknown) return `No dated statement in the corpus mentions “${answer.topic}”.`;
  const unit = !answer.period || answer.period.granularity === 'year' ? 'year' : answer.period.granularity;
  const near = [answer.nearest.before, answer.nearest.after].filter((k): k is string => !!k).map(describeKey);
  const tail =
    near.length === 0 ? '' : near.length === 1 ? `; the nearest ${unit} with events is ${near[0]}` : `; the nearest ${unit}s with events are ${near[0]} and ${near[1]}`;
  return `No events${about} in ${answer.label}${tail}.`;
}

/** Sorted, merged [start, end) ranges. */
function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The blocks of one event, numbering its citations into `citations` (one number per passage). */
function eventBlocks(event: TimelineEvent, answer: TimelineAnswer, corpus: Corpus, citations: Citation[], n: number): Block[] {
  const number = passageCitations(corpus, citations);
  const [primary, ...others] = event.citations;
  const label = [{ text: `${n}. ${eventDateLabel(event)}`, marked: true }, { text: ` · ${event.precision}${event.comment ? ' · reader comment' : ''}` }];
  const quoted = quotedStatement(corpus, primary!);
  const marks = mergeRanges([
    [quoted.dateStart, quoted.dateEnd],
    ...termSpans(quoted.text, answer.topicTerms).map((t): [number, number] => [t.start, t.end]),
  ]);
  const blocks: Block[] = [
    { type: 'text', runs: label },
    { type: 'quote', runs: runsOf(quoted.text, marks), citation: number(primary!.passageId).n },
  ];
  const also = [...new Map(others.map((c) => [c.passageId, number(c.passageId)])).values()].filter((c) => c.passageId !== primary!.passageId);
  if (also.length) blocks.push({ type: 'also', of: number(primary!.passageId).n, items: also });
  return blocks;
}

/**
 * The reply to a timeline request, showing page `page` (1-based) of `EVENTS_PER_PAGE` events.
 * `ok` is false when no event matched.
 */
export function timelineReply(answer: TimelineAnswer, corpus: Corpus, page = 1): Reply {
  const data = timelineData(answer);
  const heading: Block = { type: 'heading', text: `Timeline: ${answer.label}${answer.topic ? ` · ${answer.topic}` : ''}` };
  if (answer.events.length === 0) return { blocks: [heading, notice('info', emptyMessage(answer))], actions: [], data, ok: false };
  const pages = Math.ceil(answer.events.length / EVENTS_PER_PAGE);
  const current = Math.min(Math.max(1, page), pages);
  const shown = answer.events.slice((current - 1) * EVENTS_PER_PAGE, current * EVENTS_PER_PAGE);
  const citations: Citation[] = [];
  const offset = (current - 1) * EVENTS_PER_PAGE;
  const blocks: Block[] = [
    heading,
    ...(current === 1 ? [timelinePicture(answer, corpus)] : []),
    ...shown.flatMap((e, i) => eventBlocks(e, answer, corpus, citations, offset + i + 1)),
    { type: 'citations', items: citations },
  ];
  const actions: Reply['actions'] = [];
  if (pages > 1) {
    const from = (current - 1) * EVENTS_PER_PAGE + 1;
    blocks.push(notice('info', `Events ${from}–${from + shown.length - 1} of ${answer.events.length}, oldest first.`));
    if (current < pages) actions.push({ id: 'more', label: 'Later events', command: 'timeline', args: { period: answer.query, page: current + 1 } });
  }
  return { blocks, actions, data: { ...data, page: current, pages }, ok: true };
}

/** The picture of every event of the answer, numbered as the list numbers them. */
function timelinePicture(answer: TimelineAnswer, corpus: Corpus): Block {
  const title = `Timeline: ${answer.label}${answer.topic ? ` · ${answer.topic}` : ''}`;
  const titles = new Map(corpus.documents.map((d) => [d.meta.id, d.meta.title]));
  const period = answer.period ? { first: answer.period.first, last: answer.period.last } : {};
  const picture = timelineSvg({ title, events: answer.events, titles, ...period });
  const docs = new Set(answer.events.map((e) => e.citations[0]!.docId)).size;
  const missing = picture.left.length ? `; ${picture.left.length} not drawn for lack of room` : '';
  const slug = answer.query.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'all';
  return {
    type: 'picture',
    file: `timeline-${slug.slice(0, 40)}.png`,
    alt: `${title}: ${answer.events.length} events from ${docs} document${docs === 1 ? '' : 's'} on a time axis${missing}.`,
    svg: picture.svg,
    width: picture.width,
    height: picture.height,
  };
}

/** The reply to a request that could not be read: the reason, and the shape of a good request. */
export function badTimelineReply(query: string, message: string): Reply {
  return {
    blocks: [notice('error', message)],
    actions: [],
    data: { query, from: null, to: null, topic: '', events: [], error: message },
    ok: false,
  };
}
