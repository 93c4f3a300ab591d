/**
 * Builds the timeline: walks every passage in order, sentence by sentence, carrying the year in force
 * (the document's date, then the last year the text states) so that "On December 21st" is dated, and
 * turns each dated statement into an event citing its sentence verbatim. Sentences that cite a cable
 * and state no date of their own are dated by the cable's row.
 */
import type { CableRow, Corpus, CorpusDocument, Passage } from '../corpus/types.js';
import { cableIndex, findCableIds, isCableTableText, normalizeId } from '../sources/cables.js';
import { extractDates } from './dates.js';
import { mergeEvents, type RawEvent } from './merge.js';
import { isBareDate, isReference } from './statements.js';
import type { DateContext, DateMention, EventCitation, Timeline } from './types.js';

/** The year a text states last (ignoring years filled in from the context), or undefined. */
function lastStatedYear(mentions: readonly DateMention[]): number | undefined {
  const stated = mentions.filter((m) => !m.inferred);
  const last = stated[stated.length - 1];
  return last ? Number(last.iso.slice(0, 4)) : undefined;
}

/** The year of a document's own date, when it has one. */
function documentYear(doc: CorpusDocument): number | undefined {
  return doc.meta.date.iso ? Number(doc.meta.date.iso.slice(0, 4)) : undefined;
}

/** The walk's state: what earlier text says about dates. */
interface WalkState extends DateContext {
  /** The section or comment the previous passage belongs to. */
  thread?: string;
  /** The year comments start from: the document's, else the one in force where comments begin. */
  commentYear?: number;
}

/** Consecutive passages of one section, or of one reader's comment, continue one thread. */
function threadOf(passage: Passage): string {
  return passage.comment ? `comment:${passage.comment.author}` : `section:${passage.heading ?? ''}`;
}

/**
 * Sets the context at the start of a passage. A new thread drops the anchor day; a new comment starts
 * again from the comment year; a new section takes the year its heading states, if any.
 */
function enterPassage(state: WalkState, passage: Passage, docYear: number | undefined): void {
  const thread = threadOf(passage);
  if (thread === state.thread) return;
  state.thread = thread;
  delete state.anchor;
  if (passage.comment) {
    state.commentYear ??= docYear ?? state.year;
    state.year = state.commentYear;
  } else {
    const headingYear = passage.heading ? lastStatedYear(extractDates(passage.heading)) : undefined;
    if (headingYear !== undefined) state.year = headingYear;
  }
}

type CitationBase = Pick<EventCitation, 'docId' | 'passageId' | 'title' | 'comment' | 'heading'>;

/**
 * The dated statements of one sentence: one per date it mentions, or, when it mentions none, one per
 * cable it cites (dated by the cable's row). Label lines, references and bare date lines give none.
 */
function sentenceEvents(sentence: string, [start, end]: [number, number], mentions: readonly DateMention[], base: CitationBase, cables: Map<string, CableRow>): RawEvent[] {
  if (isReference(sentence)) return [];
  const cite = (span: { start: number; end: number }, extra: Partial<EventCitation> = {}): EventCitation => ({
    ...base, text: sentence, start, end, dateText: sentence.slice(span.start, span.end), dateStart: span.start, dateEnd: span.end, ...extra,
  });
  if (mentions.length > 0) {
    if (isBareDate(sentence, mentions)) return [];
    return mentions.map((m) => ({ iso: m.iso, precision: m.precision, qualifier: m.qualifier, until: m.until, citation: cite(m, m.inferred ? { inferred: m.inferred } : {}) }));
  }
  return findCableIds(sentence).flatMap((mention) => {
    const row = cables.get(normalizeId(mention.id));
    return row ? [{ iso: row.date, precision: 'day' as const, citation: cite(mention, { cable: row.id }) }] : [];
  });
}

/**
 * Reads a document's sentences in order, each with the dates it states in the context of the text
 * before it: the year in force (the document's, then the last one the text states) and the last day
 * named, so that "On December 21st" and "The next day" are dated. Sentences `skip` accepts are not read
 * and leave the context as it was. With `from`, the walk starts at that passage (0-based), in the
 * context of the document's own date.
 */
export function walkDocument(
  doc: CorpusDocument,
  skip: (sentence: string) => boolean,
  visit: (passage: Passage, range: [number, number], sentence: string, mentions: DateMention[]) => void,
  { from = 0, to = doc.passages.length }: { from?: number; to?: number } = {},
): void {
  const docYear = documentYear(doc);
  const state: WalkState = docYear === undefined ? {} : { year: docYear };
  for (let i = Math.max(0, from); i < Math.min(to, doc.passages.length); i++) {
    const passage = doc.passages[i]!;
    enterPassage(state, passage, docYear);
    for (const range of passage.sentences) {
      const sentence = passage.text.slice(range[0], range[1]);
      if (skip(sentence)) continue;
      const mentions = extractDates(sentence, { year: state.year, anchor: state.anchor });
      if (!isReference(sentence)) {
        // What the sentence states carries over to the sentences after it.
        state.year = lastStatedYear(mentions) ?? state.year;
        state.anchor = mentions.filter((m) => m.precision === 'day').pop()?.iso ?? state.anchor;
      }
      visit(passage, range, sentence, mentions);
    }
  }
}

/** Whether a sentence is a row of one of the corpus's cable tables ("CDNW12636.pdf 7-Nov-62 HAVANA…"), which the walk skips. */
export function cableTableSentence(corpus: Corpus): (sentence: string) => boolean {
  const rows = corpus.documents.flatMap((doc) => doc.cables);
  return (sentence) => isCableTableText(sentence, rows);
}

/** The events of one document, in text order, before merging. */
function documentEvents(doc: CorpusDocument, cables: Map<string, CableRow>, skip: (sentence: string) => boolean): RawEvent[] {
  const events: RawEvent[] = [];
  let base: CitationBase | undefined;
  walkDocument(doc, skip, (passage, range, sentence, mentions) => {
    if (base?.passageId !== passage.id) base = { docId: doc.meta.id, passageId: passage.id, title: doc.meta.title, comment: passage.comment !== null, heading: passage.heading };
    events.push(...sentenceEvents(sentence, range, mentions, base, cables));
  });
  return events;
}

/**
 * Every dated statement of the corpus as a chronological timeline. The same event told by several
 * sentences (in one document or several) is one entry citing each of them; reader comments are kept
 * and marked, never merged with a document's own word.
 */
export function buildTimeline(corpus: Corpus): Timeline {
  const cables = cableIndex(corpus.documents.flatMap((doc) => doc.cables));
  const skip = cableTableSentence(corpus);
  return mergeEvents(corpus.documents.flatMap((doc) => documentEvents(doc, cables, skip)));
}
