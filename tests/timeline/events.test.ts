import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildTimeline } from '../../src/timeline/events.js';
import type { Timeline, TimelineEvent } from '../../src/timeline/types.js';

let corpus: Corpus;
let timeline: Timeline;

beforeAll(() => {
  corpus = loadCorpus('corpus');
  timeline = buildTimeline(corpus);
});

/** The events whose sentence (any citation) contains `fragment`. */
const withText = (fragment: string): TimelineEvent[] => timeline.events.filter((e) => e.citations.some((c) => c.text.includes(fragment)));

/** The one event with this date whose sentence contains `fragment`. */
function event(date: string, fragment: string): TimelineEvent {
  const found = withText(fragment).filter((e) => e.date === date);
  expect(found, `${date}: ${fragment}`).toHaveLength(1);
  return found[0]!;
}

describe('buildTimeline', () => {
  describe('texts and citations', () => {
    it('quotes every sentence verbatim from its passage', () => {
      expect(timeline.events.length).toBeGreaterThan(50);
      for (const e of timeline.events) {
        expect(e.text).toBe(e.citations[0]!.text);
        for (const c of e.citations) {
          const passage = corpus.passageById.get(c.passageId)!;
          expect(passage.text.slice(c.start, c.end)).toBe(c.text);
          expect(passage.sentences).toContainEqual([c.start, c.end]);
          expect(c.text.slice(c.dateStart, c.dateEnd)).toBe(c.dateText);
          expect(c.title).toBe(corpus.documentById.get(c.docId)!.meta.title);
        }
      }
    });

    it('lists events in chronological order', () => {
      const starts = timeline.events.map((e) => e.from);
      expect(starts).toEqual([...starts].sort());
    });

    it('gives every event an ISO date of its precision', () => {
      const lengths = { day: 10, month: 7, year: 4, season: 4 };
      for (const e of timeline.events) expect(e.date).toHaveLength(lengths[e.precision]);
    });

    it('lists the years events touch', () => {
      expect(timeline.years).toContain(1959);
      expect(timeline.years).toContain(1963);
      expect(timeline.years).not.toContain(1966);
      expect(timeline.years).toEqual([...timeline.years].sort((a, b) => a - b));
    });
  });

  describe('what is not an event', () => {
    it('takes nothing from page chrome and no impossible year', () => {
      const thisYear = new Date().getUTCFullYear();
      for (const e of timeline.events) expect(Number(e.date.slice(0, 4))).toBeLessThanOrEqual(thisYear);
      expect(timeline.events.some((e) => e.date.startsWith('2103') || e.date.startsWith('2013'))).toBe(false);
    });

    it('skips label lines and bibliographic references', () => {
      for (const e of timeline.events) {
        expect(e.text).not.toMatch(/^(Written|Source):/);
        expect(e.text).not.toMatch(/\bpp\.\s\d/);
      }
    });

    it('skips sentences that are only a date ("That was Nov. 5, 1963.")', () => {
      expect(withText('That was Nov. 5, 1963.')).toEqual([]);
    });
  });

  describe('years from the context', () => {
    it('dates "On December 21st" with 1962, the year the section narrates', () => {
      const e = event('1962-12-21', 'On December 21st, a memo was signed');
      expect(e.citations[0]!.inferred).toBe('year');
    });

    it('dates "May 10th of that year" with 1963', () => {
      expect(event('1963-05-10', 'May 10th of that year').precision).toBe('day');
    });

    it('dates "by November 7th" with the digest’s 1962', () => {
      expect(event('1962-11-07', 'by November 7th').citations[0]!.dateText).toBe('November 7th');
    });

    it('dates the letter’s "April 18" with the letter’s year', () => {
      event('1961-04-18', 'marked for release at 6:45 p.m. April 18');
    });
  });

  describe('merging', () => {
    it('makes the Dallas news of November 22, 1963 one entry citing both documents', () => {
      const e = event('1963-11-22', 'Jean Daniel was talking to Fidel Castro');
      expect(e.text).toContain('November 22, 1963');
      expect(new Set(e.citations.map((c) => c.docId))).toEqual(new Set(['back-channel-summary', 'jfkfacts-secret-talks']));
      expect(e.citations.map((c) => c.text)).toContain('Seventeen days later, JFK was shot dead.');
    });

    it('merges "On November 5, 1963" and "As the Nov. 5 recording shows" in one document', () => {
      const e = event('1963-11-05', 'On November 5, 1963, President Kennedy was exploring the idea.');
      expect(e.text).toBe('On November 5, 1963, President Kennedy was exploring the idea.');
      expect(e.citations.some((c) => c.text.startsWith('As the Nov. 5 recording shows'))).toBe(true);
    });

    it('keeps distinct facts of the same month apart', () => {
      expect(withText('In March 1963 he said').filter((e) => e.date === '1963-03')).toHaveLength(1);
      expect(timeline.events.filter((e) => e.date === '1963-03')).toHaveLength(2);
    });
  });

  describe('reader comments', () => {
    it('keeps comment dates but marks them', () => {
      const speech = event('1963-11-18', 'In his last speech on Cuba, 11/18/63');
      expect(speech.comment).toBe(true);
      expect(event('1963-11-19', 'The next day the Dallas Times Herald').comment).toBe(true);
    });

    it('dates a comment’s "November 22" with the article’s year and never merges it with the document’s own word', () => {
      const e = event('1963-11-22', 'on the morning of November 22, about Vietnam');
      expect(e.comment).toBe(true);
      expect(e.citations.every((c) => c.comment)).toBe(true);
    });
  });

  describe('cables', () => {
    it('dates a sentence citing CDNW12384 with its row, 2-Nov-62', () => {
      const e = event('1962-11-02', 'see CDNW12621 and CDNW12384');
      expect(e.citations[0]!.cable).toBe('CDNW12384');
      expect(e.citations[0]!.dateText).toBe('CDNW12384');
    });

    it('dates sentences citing the other cables with 7-Nov-62', () => {
      for (const id of ['CDNW12597', 'CDNW12598', 'CDNW12414', 'CDNW12626', 'CDNW12621'])
        expect(timeline.events.some((e) => e.date === '1962-11-07' && e.citations.some((c) => c.cable === id)), id).toBe(true);
    });

    it('lets a sentence’s own date win over its cable’s', () => {
      const e = event('1962-11', 'visited Cuba in early November (CDNW12597)');
      expect(e.qualifier).toBe('early');
      expect(withText('visited Cuba in early November').map((x) => x.date)).toEqual(['1962-11']);
    });

    it('never makes a table row an event', () => {
      expect(timeline.events.some((e) => /\.pdf\s+\d/.test(e.text))).toBe(false);
    });
  });
});
