/**
 * What a reply quotes for a dated statement: its sentence, verbatim, and for an attribution line
 * ("—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977", the date of a
 * quotation) the sentence it attributes too, the one above it: the line alone says who, to whom and
 * when, not what was said.
 */
import type { Corpus } from '../corpus/types.js';
import { attributionLine } from '../text/attribution.js';
import type { EventCitation } from './types.js';

/** A span of the passage's text to quote: offsets into the passage, the date's into `text`. */
export interface QuotedStatement {
  start: number;
  end: number;
  text: string;
  dateStart: number;
  dateEnd: number;
}

/** The span a reply quotes for one citation of an event (see the file's comment). */
export function quotedStatement(corpus: Corpus, citation: EventCitation): QuotedStatement {
  const { start, end, text, dateStart, dateEnd } = citation;
  const passage = corpus.passageById.get(citation.passageId);
  const above = passage && attributionLine(passage.text)?.start === start ? passage.sentences.findLast(([, e]) => e <= start) : undefined;
  if (!passage || !above) return { start, end, text, dateStart, dateEnd };
  const shift = start - above[0];
  return { start: above[0], end, text: passage.text.slice(above[0], end), dateStart: dateStart + shift, dateEnd: dateEnd + shift };
}
