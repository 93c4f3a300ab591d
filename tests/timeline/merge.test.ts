import { describe, expect, it } from 'vitest';
import { dateBounds } from '../../src/timeline/calendar.js';
import { mergeEvents, overlap, type RawEvent } from '../../src/timeline/merge.js';
import type { EventCitation } from '../../src/timeline/types.js';

let serial = 0;

/** A dated sentence as the walk produces it (offsets are made up, texts are the corpus’). */
function raw(iso: string, docId: string, text: string, extra: Partial<EventCitation> & Partial<Pick<RawEvent, 'qualifier' | 'until'>> = {}): RawEvent {
  const { qualifier, until, ...citation } = extra;
  const precision = iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year';
  return {
    iso,
    precision,
    qualifier,
    until,
    citation: {
      docId, passageId: `${docId}#p${++serial}`, title: docId, heading: null, text, start: 0, end: text.length,
      dateText: '', dateStart: 0, dateEnd: 0, comment: false, ...citation,
    },
  };
}

const DANIEL = 'Just as Jean Daniel was talking to Fidel Castro about the opportunity for peace between the two nations on November 22, 1963, he received a phone call informing him of the president’s death.';
const SHOT = 'Seventeen days later, JFK was shot dead.';
const FORT_WORTH = 'Listen to what Kennedy said in Fort Worth, before the Chamber down there, on the morning of November 22, about Vietnam.';

describe('mergeEvents', () => {
  it('merges one day told by two documents into one entry with both citations', () => {
    const { events } = mergeEvents([raw('1963-11-22', 'jfk', SHOT, { inferred: 'relative' }), raw('1963-11-22', 'summary', DANIEL)]);
    expect(events).toHaveLength(1);
    expect(events[0]!.citations.map((c) => c.docId)).toEqual(['summary', 'jfk']);
    expect(events[0]!.text).toBe(DANIEL); // the explicit date is the primary citation
  });

  it('never merges a reader comment with a document’s own word', () => {
    const { events } = mergeEvents([raw('1963-11-22', 'summary', DANIEL), raw('1963-11-22', 'jfk', FORT_WORTH, { comment: true })]);
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.comment).sort()).toEqual([false, true]);
  });

  it('keeps two facts of one day in one document apart', () => {
    const { events } = mergeEvents([
      raw('1962-11-07', 'digest', 'Thant believed much was dependent on Mikoyan’s effort to repair Cuban and Soviet differences (CDNW12597).', { cable: 'CDNW12597' }),
      raw('1962-11-07', 'digest', 'At a meeting of the North Atlantic Council, the US Permanent Representative read his instructions allowed to the other representatives, and the Canadians reported the discussion (CDNW12626).', { cable: 'CDNW12626' }),
    ]);
    expect(events).toHaveLength(2);
  });

  it('merges sentences of one document sharing most of their facts', () => {
    const { events } = mergeEvents([
      raw('1963-11-05', 'jfk', 'On November 5, 1963, President Kennedy was exploring the idea.'),
      raw('1963-11-05', 'jfk', 'On Nov. 5, President Kennedy was exploring the idea of talks with Havana.', { inferred: 'year' }),
      raw('1963-11-05', 'jfk', 'Havana harbour was quiet that day.'),
    ]);
    expect(events.map((e) => e.citations.length).sort()).toEqual([1, 2]);
  });

  it('keeps different qualifiers of one month apart', () => {
    const { events } = mergeEvents([raw('1963-04', 'a', 'In early April of 1963, talks.', { qualifier: 'early' }), raw('1963-04', 'b', 'In April 1963, talks.')]);
    expect(events).toHaveLength(2);
  });

  it('orders by first day, coarser dates first, and lists the years touched', () => {
    const { events, years } = mergeEvents([
      raw('1963-11-05', 'a', 'Kennedy explored talks.'),
      raw('1963', 'b', 'Negotiations escalated throughout.'),
      raw('1962', 'c', 'Hijackings rose sharply.', { until: '1964' }),
      raw('1963-04', 'd', 'Donovan visited Havana.', { qualifier: 'early' }),
    ]);
    expect(events.map((e) => e.date)).toEqual(['1962', '1963', '1963-04', '1963-11-05']);
    expect(years).toEqual([1962, 1963, 1964]);
  });
});

describe('overlap', () => {
  it('is 1 when one set of facts is inside the other and 0 when nothing is shared', () => {
    const w = new Map([['a', 1], ['b', 2], ['c', 3]]);
    expect(overlap(new Set(['a', 'b']), new Set(['a', 'b', 'c']), w)).toBe(1);
    expect(overlap(new Set(['a']), new Set(['c']), w)).toBe(0);
    expect(overlap(new Set(), new Set(['c']), w)).toBe(0);
  });
});

describe('dateBounds', () => {
  it('gives the days each precision and qualifier may denote', () => {
    expect(dateBounds('1963-11-05', 'day')).toEqual(['1963-11-05', '1963-11-05']);
    expect(dateBounds('1963-04', 'month', 'early')).toEqual(['1963-04-01', '1963-04-10']);
    expect(dateBounds('1963-02', 'month', 'late')).toEqual(['1963-02-21', '1963-02-28']);
    expect(dateBounds('1962', 'season', 'fall')).toEqual(['1962-09-01', '1962-11-30']);
    expect(dateBounds('1962', 'season', 'winter')).toEqual(['1962-12-01', '1963-02-28']);
    expect(dateBounds('1984', 'year', 'late')).toEqual(['1984-09-01', '1984-12-31']);
    expect(dateBounds('1968', 'year', undefined, '1972')).toEqual(['1968-01-01', '1972-12-31']);
  });
});
