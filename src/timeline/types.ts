/**
 * The shapes of the timeline: date mentions found in a sentence, and the events built from them.
 */

/** How exactly a mentioned date is known. `season` is a season of a year ("the fall of 1962"). */
export type MentionPrecision = 'day' | 'month' | 'year' | 'season';

/** A part of the period: early / mid / late (of a month or a year), or the season of a year. */
export type Qualifier = 'early' | 'mid' | 'late' | 'fall' | 'spring' | 'summer' | 'winter';

/** One date found in a sentence. */
export interface DateMention {
  /**
   * ISO prefix of the precision: `1963-11-05` (day), `1963-11` (month), `1963` (year and season).
   */
  iso: string;
  precision: MentionPrecision;
  /** early / mid / late, or the season when `precision` is `season`. Absent when none. */
  qualifier?: Qualifier;
  /** Last year of a year range ("between 1968 and 1972" → `1972`). Absent for a single date. */
  until?: string;
  /** Offset of the matched text in the sentence. */
  start: number;
  /** Offset just past the matched text. */
  end: number;
  /** The matched text, verbatim (`sentence.slice(start, end)`). */
  text: string;
  /**
   * Where a missing part came from: `year` when the year was taken from the context ("by November
   * 7th" in a digest of 1962), `relative` when counted from an earlier day ("Seventeen days later").
   * Absent when the text states the date in full.
   */
  inferred?: 'year' | 'relative';
}

/** What `extractDates` knows from the text before the sentence. */
export interface DateContext {
  /** The year in force: the last explicit year earlier in the text, else the document's year. */
  year?: number;
  /** The last day mentioned earlier in the same passage (`YYYY-MM-DD`), for "the next day". */
  anchor?: string;
}

/** A passage that tells of an event. */
export interface EventCitation {
  docId: string;
  passageId: string;
  /** The document's title. */
  title: string;
  /** The heading of the passage's section, or null. */
  heading: string | null;
  /** The sentence, verbatim: `passage.text.slice(start, end)`. */
  text: string;
  /** Offset of the sentence in the passage text. */
  start: number;
  /** Offset just past the sentence in the passage text. */
  end: number;
  /** The date as this sentence words it ("early April of 1963"), or the cable id that dates it. */
  dateText: string;
  /** Offset of `dateText` in the sentence (`text`). */
  dateStart: number;
  /** Offset just past `dateText` in the sentence. */
  dateEnd: number;
  /** True when the passage is a reader comment, not the document's own text. */
  comment: boolean;
  /** Set when the date comes from a cited cable's row, not from the sentence: the cable's id. */
  cable?: string;
  /** Copied from the mention: how a missing part of the date was filled in. */
  inferred?: 'year' | 'relative';
}

/** One dated event: a date and the sentences (one per citation) that tell of it. */
export interface TimelineEvent {
  /** ISO prefix of the precision (`1963`, `1963-04`, `1963-11-05`). */
  date: string;
  precision: MentionPrecision;
  qualifier?: Qualifier;
  /** Last year of a range, when the event spans years. */
  until?: string;
  /** The first citation's sentence, verbatim. */
  text: string;
  /** True when every citation is a reader comment. */
  comment: boolean;
  /** The first (primary) citation states the date most explicitly; the others tell the same event. */
  citations: EventCitation[];
  /** First day the date may denote, `YYYY-MM-DD`. */
  from: string;
  /** Last day the date may denote, `YYYY-MM-DD`. */
  to: string;
}

/** Every dated event of the corpus, in chronological order. */
export interface Timeline {
  events: TimelineEvent[];
  /** The years that some event touches, ascending. */
  years: number[];
}

