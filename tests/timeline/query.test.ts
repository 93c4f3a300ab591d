import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { BackchannelError } from '../../src/errors.js';
import { buildTimeline } from '../../src/timeline/events.js';
import { describePeriod, parseTimelineRequest } from '../../src/timeline/period.js';
import { queryTimeline } from '../../src/timeline/query.js';
import type { Timeline, TimelineEvent } from '../../src/timeline/types.js';

let corpus: Corpus;
let timeline: Timeline;

beforeAll(() => {
  corpus = loadCorpus('corpus');
  timeline = buildTimeline(corpus);
});

const query = (q: string) => queryTimeline(timeline, q, corpus);

/** Index of the first event with this date (and qualifier) whose sentence contains `fragment`. */
function indexOf(events: TimelineEvent[], date: string, fragment = '', qualifier?: string): number {
  const i = events.findIndex((e) => e.date === date && e.qualifier === qualifier && e.citations.some((c) => c.text.includes(fragment)));
  expect(i, `${date} ${qualifier ?? ''} ${fragment}`).toBeGreaterThanOrEqual(0);
  return i;
}

/** The user message of the BAD_INPUT error `q` throws. */
function badInput(q: string): string {
  try {
    parseTimelineRequest(q);
  } catch (error) {
    expect(error).toBeInstanceOf(BackchannelError);
    expect((error as BackchannelError).code).toBe('BAD_INPUT');
    return (error as BackchannelError).userMessage;
  }
  throw new Error(`"${q}" was accepted`);
}

describe('parseTimelineRequest', () => {
  it('reads a year, a range, months, a day and a decade', () => {
    const period = (q: string) => {
      const p = parseTimelineRequest(q).period!;
      return [p.from, p.to, p.first, p.last, p.granularity];
    };
    expect(period('1977')).toEqual(['1977', '1977', '1977-01-01', '1977-12-31', 'year']);
    expect(period('1962-1963')).toEqual(['1962', '1963', '1962-01-01', '1963-12-31', 'year']);
    expect(period('1962–1963')).toEqual(['1962', '1963', '1962-01-01', '1963-12-31', 'year']);
    expect(period('1962 to 1963')).toEqual(['1962', '1963', '1962-01-01', '1963-12-31', 'year']);
    expect(period('1963-11')).toEqual(['1963-11', '1963-11', '1963-11-01', '1963-11-30', 'month']);
    expect(period('November 1963')).toEqual(['1963-11', '1963-11', '1963-11-01', '1963-11-30', 'month']);
    expect(period('nov. 1963')).toEqual(['1963-11', '1963-11', '1963-11-01', '1963-11-30', 'month']);
    expect(period('October 1962 - March 1963')).toEqual(['1962-10', '1963-03', '1962-10-01', '1963-03-31', 'month']);
    expect(period('1963-11-22')).toEqual(['1963-11-22', '1963-11-22', '1963-11-22', '1963-11-22', 'day']);
    expect(period('1960s')).toEqual(['1960', '1969', '1960-01-01', '1969-12-31', 'year']);
  });

  it('reads a topic after the period', () => {
    expect(parseTimelineRequest('1963 Attwood')).toMatchObject({ period: { from: '1963' }, topic: 'Attwood' });
    expect(parseTimelineRequest('  November   1963  Lisa Howard ')).toMatchObject({ period: { from: '1963-11' }, topic: 'Lisa Howard' });
  });

  it('reads nothing, or "all", as the whole timeline', () => {
    expect(parseTimelineRequest('')).toEqual({ period: null, topic: '' });
    expect(parseTimelineRequest('all Attwood')).toEqual({ period: null, topic: 'Attwood' });
  });

  it('refuses a range that runs backwards, and says which way round it goes', () => {
    expect(badInput('2015-1959')).toContain('did you mean 1959–2015');
  });

  it('refuses a month that does not exist', () => {
    expect(badInput('1963-13')).toContain('no month 13');
    expect(badInput('1962-63')).toContain('1962-1963');
  });

  it('refuses text that is not a period, and says what a period looks like', () => {
    expect(badInput('abc')).toMatch(/“abc” is not a period.*a year \(1963\)/);
    expect(badInput('63')).toContain('four digits');
    expect(badInput('November')).toContain('November of which year');
    expect(badInput('1963 to')).toContain('a range needs an end');
    expect(badInput('1963-11-31')).toContain('not a day');
  });

  it('describes periods in words', () => {
    expect(describePeriod(parseTimelineRequest('1963-11').period)).toBe('November 1963');
    expect(describePeriod(parseTimelineRequest('1962-1963').period)).toBe('1962–1963');
    expect(describePeriod(null)).toBe('the whole corpus');
  });
});

describe('queryTimeline', () => {
  it('lists 1963 in order: March, early April, May, November 5 and 22', () => {
    const { events } = query('1963');
    const order = [
      indexOf(events, '1963-03', 'In March 1963'),
      indexOf(events, '1963-04', 'In early April of 1963', 'early'),
      indexOf(events, '1963-05', 'In a May 1963 ABC News special'),
      indexOf(events, '1963-05-10', 'May 10th of that year'),
      indexOf(events, '1963-11-05', 'On November 5, 1963'),
      indexOf(events, '1963-11-22', 'November 22, 1963'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(events.every((e) => e.from <= '1963-12-31' && e.to >= '1963-01-01')).toBe(true);
  });

  it('includes in 1962 the fall, August 30, October, November 2 and 7 and December 21', () => {
    const { events } = query('1962');
    const order = [
      indexOf(events, '1962-08-30', 'He arrived at Cuba on August 30, 1962'),
      indexOf(events, '1962', 'the fall of 1962', 'fall'),
      indexOf(events, '1962-10', 'October 1962'),
      indexOf(events, '1962-11-02', 'CDNW12384'),
      indexOf(events, '1962-11-07', 'by November 7th'),
      indexOf(events, '1962-12-21', 'On December 21st'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lists 1977 with Carter taking office and Raúl Castro’s words of April 8', () => {
    const dates = query('1977').events.map((e) => e.date);
    expect(dates).toContain('1977');
    expect(dates).toContain('1977-04-08');
  });

  it('answers a range with the events of every year in it', () => {
    const years = new Set(query('1961-1962').events.map((e) => e.date.slice(0, 4)));
    expect(years).toEqual(new Set(['1961', '1962']));
  });

  it('counts an event spanning years in each of them ("between 1968 and 1972" in 1970)', () => {
    expect(query('1970').events.map((e) => e.citations[0]!.dateText)).toEqual(['between 1968 and 1972']);
  });

  it('answers a month with the events known to the month or day, "1963-11" and "November 1963" alike', () => {
    const events = query('1963-11').events;
    expect(events.map((e) => e.date)).toEqual(query('November 1963').events.map((e) => e.date));
    expect(events.every((e) => e.date.startsWith('1963-11'))).toBe(true);
    expect(events.map((e) => e.date)).toEqual(expect.arrayContaining(['1963-11-05', '1963-11-18', '1963-11-22']));
  });

  it('filters by topic, in the event’s passage or the one next to it', () => {
    const answer = query('1963 Attwood');
    const dates = answer.events.map((e) => e.date);
    expect(dates).toContain('1963-05-10'); // "…meet with William Attwood from Look magazine", same passage
    expect(dates).toContain('1963-11-22'); // "The tape captures JFK’s approval of the Attwood initiative", the passage before
    expect(dates).not.toContain('1963-03');
    expect(answer.topicTerms).toEqual(['attwood']);
  });

  it('says a period without events is empty and names the nearest years with events', () => {
    expect(query('1850')).toMatchObject({ events: [], nearest: { after: '1914' }, topicUnknown: false });
    expect(query('1966').nearest).toEqual({ before: '1965', after: '1968' });
    expect(query('2016').nearest).toEqual({ before: '2014' });
  });

  it('names the nearest months for an empty month', () => {
    expect(query('1963-06').nearest).toEqual({ before: '1963-05', after: '1963-11' });
  });

  it('tells a topic no event mentions from an empty period', () => {
    expect(query('1963 xyzzy')).toMatchObject({ events: [], topicUnknown: true });
    expect(query('1961 Attwood')).toMatchObject({ events: [], topicUnknown: false, nearest: { after: '1963' } });
  });

  it('throws BAD_INPUT for nonsense', () => {
    expect(() => query('2015-1959')).toThrow(BackchannelError);
  });
});
