import type { Passage } from '../corpus/types.js';
import { analyze } from '../search/analyzer.js';
import type { AnalyzedQuery, QuestionType } from '../search/query.js';
import { conceptFound } from './evidence.js';

/** A verbatim quote: `text` is exactly `passage.text.slice(start, end)`. */
export interface Quote {
  passageId: string;
  start: number;
  end: number;
  text: string;
  /** Query terms inside the quote, as [start, end) offsets into `text`; adjacent marks are merged. */
  marks: Array<[number, number]>;
  /** How well the quote answers the question (coverage plus answer-type evidence); comparable within one question. */
  score: number;
}

/** How quotes are chosen. */
export const QUOTE_RULES = {
  /** A quote is one sentence, or two when the second adds to the answer; three only after a question or a colon. */
  maxSentences: 3,
  /** No quote of several sentences grows past this many words. */
  maxWords: 70,
  /** Weight of a focus term (a lower-case word of the question: what is asked) against a name. */
  focusWeight: 2,
  /** Cost of each sentence beyond the first, so a longer quote must earn its place. */
  extraSentenceCost: 0.06,
  /** Bonus for taking along a sentence that continues the one before ("This ultimately led to…"). */
  continuationBonus: 0.08,
  /** Cost of a quote that ends on a question: it asks rather than answers. */
  endsOnQuestionCost: 0.25,
} as const;

const MONTH = /\b(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sept?(ember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\b\.?\s+\d|\b(January|February|March|April|June|July|August|September|October|November|December)\b/;
const YEAR = /\b(1[89]\d\d|20\d\d)s?\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;
const ROLE = /\b(president|secretary|diplomat|reporter|correspondent|journalist|negotiator|advis[eo]r|aide|scholar|analyst|ambassador|senator|general|chairman|leader|head|minister|official|author|professor|editor|representative|counsel|operative|spokesman|envoy|agent|officer)\b/i;
const AGENT = /\bby\s+(\p{Lu}[\p{L}.'’-]*\s?){1,3}/u;
const NAMED = /\bnamed\s+\p{Lu}/u;
const CAUSE = /\b(because|due to|since|so that|in order to|as a result|in retaliation|led to|caused?|affront|after|when)\b/i;
const PLACE = /\b(in|at|to|from)\s+\p{Lu}/u;
const SPEECH = /[“"‘].{2,}[”"’]|\b(said|says|told|wrote|asked|replied|warned|declared|noted|observed|stated)\b/u;
const QUESTION_END = /\?[”"’')\]]*$/u;
const CONTINUES = /^[“"‘(]?(this|that|these|those|it|he|she|they|his|her|their|its|such|there|then|thus|so|yet|and|but)\b/i;

/** Evidence that a sentence holds the kind of answer the question asks for. */
function typeBonus(type: QuestionType, sentence: string): number {
  switch (type) {
    case 'date':
      return MONTH.test(sentence) ? 0.45 : YEAR.test(sentence) ? 0.3 : 0;
    case 'quantity':
      return NUMBER.test(sentence) ? 0.35 : 0;
    case 'person':
      return Math.min(0.4, (ROLE.test(sentence) ? 0.2 : 0) + (AGENT.test(sentence) ? 0.2 : 0) + (NAMED.test(sentence) ? 0.15 : 0));
    case 'reason':
      return CAUSE.test(sentence) ? 0.15 : 0;
    case 'place':
      return PLACE.test(sentence) ? 0.1 : 0;
    case 'speech':
      return SPEECH.test(sentence) ? 0.25 : 0;
    default:
      return 0;
  }
}

/** An attribution line under a quotation ("—Raúl Castro to…"): its words belong to every sentence it attributes. */
const ATTRIBUTION_LINE = /\n([—–]\s?\p{Lu}[^\n]*)$/u;

interface SentenceInfo {
  start: number;
  end: number;
  words: number;
  terms: Set<string>;
  bonus: number;
  question: boolean;
  continues: boolean;
  endsWithColon: boolean;
}

/**
 * Picks the sentence, or the few consecutive sentences, of `passage` that best answer `query`: the
 * weighted share of the question's terms they hold (names count once, the words of what is asked
 * twice), plus evidence of the kind of answer asked for (a date for "when", a number for "how many",
 * a role or an agent for "who", a quotation for "what did … say"). A question in the text is quoted
 * with what follows it. The quote is verbatim, with the query terms marked.
 */
export function pickQuote(passage: Passage, query: AnalyzedQuery, idf: (term: string) => number): Quote {
  const attribution = ATTRIBUTION_LINE.exec(passage.text);
  const attributionStart = attribution ? passage.text.length - attribution[1]!.length : Infinity;
  const attributionTerms = attribution ? analyze(attribution[1]!).map((t) => t.term) : [];
  const weightOf = (c: AnalyzedQuery['concepts'][number]) => idf(c.term) * (c.focus ? QUOTE_RULES.focusWeight : 1);
  const totalWeight = query.concepts.reduce((sum, c) => sum + weightOf(c), 0) || 1;

  const sentences: SentenceInfo[] = passage.sentences.map(([start, end]) => {
    const text = passage.text.slice(start, end);
    const terms = new Set(analyze(text).map((t) => t.term));
    if (start < attributionStart && attribution) for (const t of attributionTerms) terms.add(t);
    return {
      start,
      end,
      words: text.split(/\s+/).length,
      terms,
      bonus: start >= attributionStart ? -0.2 : typeBonus(query.type, text),
      question: QUESTION_END.test(text),
      continues: CONTINUES.test(text),
      endsWithColon: text.endsWith(':'),
    };
  });

  let best = { from: 0, to: 0, score: -Infinity };
  sentences.forEach((first, from) => {
    const terms = new Set<string>();
    let words = 0;
    let bonus = 0;
    let extras = 0;
    for (let to = from; to < sentences.length && to - from < QUOTE_RULES.maxSentences; to++) {
      const s = sentences[to]!;
      if (to > from) {
        const previous = sentences[to - 1]!;
        if (to - from === 2 && !first.question && !first.endsWithColon) break;
        if (words + s.words > QUOTE_RULES.maxWords) break;
        extras += QUOTE_RULES.extraSentenceCost - (s.continues || previous.question || previous.endsWithColon ? QUOTE_RULES.continuationBonus : 0);
      }
      for (const t of s.terms) terms.add(t);
      words += s.words;
      bonus = Math.max(bonus, s.bonus);
      let found = 0;
      for (const c of query.concepts) if (conceptFound(c, terms)) found += weightOf(c);
      const score = found / totalWeight + bonus - extras - (s.question ? QUOTE_RULES.endsOnQuestionCost : 0) - (words < 5 ? 0.15 : 0) - from * 0.003;
      if (score > best.score) best = { from, to, score };
    }
  });

  const start = sentences[best.from]?.start ?? 0;
  const end = sentences[best.to]?.end ?? passage.text.length;
  const text = passage.text.slice(start, end);
  return { passageId: passage.id, start, end, text, marks: markTerms(text, query.markTerms), score: Math.max(0, best.score) };
}

/** Offsets of the words of `text` whose analyzed term is one of `terms`, neighbours merged. */
export function markTerms(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  for (const token of analyze(text)) {
    if (!terms.has(token.term)) continue;
    const last = marks.at(-1);
    if (last && /^\s+$/.test(text.slice(last[1], token.start))) last[1] = token.end;
    else marks.push([token.start, token.end]);
  }
  return marks;
}
