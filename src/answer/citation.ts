import type { Corpus, DocDate, Passage } from '../corpus/types.js';
import type { Citation } from '../reply/model.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A document date for people: "April 18, 1961", "November 1963", "1963" or "undated". */
export function formatDate(date: Pick<DocDate, 'iso' | 'precision'>): string {
  if (!date.iso || date.precision === 'undated') return 'undated';
  const [year, month, day] = date.iso.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (date.precision === 'day' && monthName && day) return `${monthName} ${Number(day)}, ${year}`;
  if (date.precision === 'month' && monthName) return `${monthName} ${year}`;
  return year ?? 'undated';
}

/** The numbered citation of a passage: document title, kind (or "reader comment"), date, paragraph. */
export function citationFor(corpus: Corpus, passage: Passage, n: number): Citation {
  const meta = corpus.documentById.get(passage.docId)!.meta;
  return {
    n,
    docId: passage.docId,
    passageId: passage.id,
    title: meta.title,
    kind: passage.comment ? `reader comment by ${passage.comment.author}` : meta.kind,
    date: formatDate(meta.date),
    paragraph: passage.paragraph,
    ...(passage.page !== undefined ? { page: passage.page } : {}),
    comment: passage.comment !== null,
  };
}

/**
 * Numbers citations one per passage, in the order they are first used, into `citations`: a passage
 * cited again keeps its number and its one line under Sources. `make` builds a passage's citation
 * under the number it gets.
 */
export function citationNumbers(citations: Citation[], make: (passageId: string, n: number) => Citation): (passageId: string) => Citation {
  return (passageId) => {
    const known = citations.find((c) => c.passageId === passageId);
    if (known) return known;
    const citation = make(passageId, citations.length + 1);
    citations.push(citation);
    return citation;
  };
}

/** `citationNumbers` of the corpus's passages, each cited by `citationFor`. */
export function passageCitations(corpus: Corpus, citations: Citation[]): (passageId: string) => Citation {
  return citationNumbers(citations, (passageId, n) => citationFor(corpus, corpus.passageById.get(passageId)!, n));
}
