import type { Passage } from '../corpus/types.js';
import { BoundedMap } from '../util/bounded-map.js';
import { analyzeFast } from '../retrieval/analysis.js';
import type { AnalyzedToken } from '../retrieval/analysis.js';
import type { QuestionPeriod, QuestionType } from '../retrieval/types.js';
import { extractDates } from '../timeline/dates.js';
import type { DateMention } from '../timeline/types.js';
import { dateBounds } from '../timeline/calendar.js';
import { ROLE, SAID_THAT, answerPattern, typeBonus } from './sentence-evidence.js';
import { attributionLine } from '../text/attribution.js';

/** One sentence of a passage, analyzed once whatever the question. */
export interface SentenceAnalysis {
  /** [start, end) offsets into the passage's text. */
  start: number;
  end: number;
  text: string;
  /** Its analyzed tokens (stop words dropped), offsets relative to `text`. */
  tokens: AnalyzedToken[];
  /** The sentence's own terms. */
  own: Set<string>;
  /** Its own terms and, for a quotation, its attribution's. */
  terms: Set<string>;
  /**
   * For an attribution line ("—Raúl Castro to Senators…, April 8, 1977"): its terms and the whole
   * quotation's, which it holds for a question about the saying (who said it, to whom, when).
   */
  attributes?: Set<string>;
  words: number;
  /** Ends on a question mark: it asks rather than answers. */
  question: boolean;
  /**
   * Opens by continuing the sentence before: `refers` to it ("This…", "He…", "Their…", "Despite these
   * concerns…", "Though he…"), or only links to it ("But…", "Then…", "So…").
   */
  continues: 'refers' | 'links' | false;
  /** Opens inside a quotation the sentence before opened ("…“possible if the government wishes it. In that case,” he said"). */
  insideQuotation: boolean;
  /** States a consequence of what came before ("as a result", "because of this", "with no other option"): its cause is the sentence before. */
  consequence: boolean;
  endsWithColon: boolean;
  /** Wholly in parentheses or brackets, an aside: a picture's credit, a note ("(Official White House Photo by Pete Souza)."). */
  aside: boolean;
  /** Indexes into `tokens` of role words ("correspondent", "ambassador"). */
  roles: number[];
  /** `typeBonus` of the sentence for each question type, filled on first use. */
  bonusByType: Partial<Record<QuestionType, number>>;
  /** Word positions where the answer a type looks for stands (a month, a number, "by <Name>"), filled on first use. */
  answersByType: Partial<Record<QuestionType, number[]>>;
  /** The dates the sentence states (first and last day each may mean, and where it stands), filled on first use. */
  dates?: SentenceDate[];
  /** Where the content of an indirect speech begins ("Thant reported that |Castro…"), −1 for none; filled on first use. */
  saidThat?: number;
  /** The amounts the sentence states, whatever the question (see answer-span.ts); filled on first use. */
  amounts?: readonly AmountCandidate[];
  /** The names the sentence holds, whatever the question: a "who"'s candidates (see answer-span.ts); filled on first use. */
  names?: readonly NameCandidate[];
  /** The countries the sentence names as nouns (see span-words.ts); filled on first use. */
  countries?: readonly CountryMention[];
}

/** An amount a sentence states ("$2.9 million", "1,200", "Seventeen days"): what answering "how much / how many" reads of it. */
export interface AmountCandidate {
  /** [start, end) of the number in the sentence. */
  start: number;
  end: number;
  /** The number as typed, lower case (a question that typed it does not ask for it). */
  word: string;
  /** A sum of money ("$62 million", "53 million dollars"). */
  money: boolean;
  /** A share rather than a count ("0.4%", "40 percent"). */
  share: boolean;
  /** The count of a time ("two and a half years", "15 years", "Seventeen days"): its unit. */
  timeUnit: string | null;
  /** The analyzed unit of the rate the amount is stated at ("20,000 people per year", "$5 million annually": "year"), or null. */
  rateUnit: string | null;
  /** The words to mark: the number and its currency after it. */
  span: [number, number];
  /** The words to mark for a "how long": the number and its time's unit after it ("15 years"); `span` when it has none. */
  timeSpan: [number, number];
}

/** A country a sentence names as a noun ("…a back channel with Brazil"): [start, end) and its analyzed terms. */
export interface CountryMention {
  start: number;
  end: number;
  terms: string[];
}

/** A run of capitalized words a sentence holds: what answering "who" reads of it, before the question is known. */
export interface NameCandidate {
  /** [start, end) of the name in the sentence (a title before it left out). */
  start: number;
  end: number;
  /** Its words, each analyzed as the question's terms are. */
  terms: string[];
  /**
   * Its score whatever the question: more for several words, a title, the agent of a passive, a role
   * labelling it; less after a place's preposition or as a modifier ("Clinton's").
   */
  score: number;
  /** It stands after a preposition of place ("in Havana", "to Castro"): more likely a place than someone. */
  afterPlace: boolean;
  /** Capitalized words joined to it by "and" / "with", analyzed: the question typing one makes it a co-agent. */
  joined: string[];
  /**
   * In a sentence opening with a participle's phrase ("Sent to Cuba … by President John F. Kennedy …, Donovan
   * had secured…"): `subject` for the main clause's subject after it, who does the participle's deed too
   * ("Donovan"), and `agent` for the participle's agent in it ("John F. Kennedy"), with the participle analyzed
   * ("sent"): that agent did the participle's deed alone.
   */
  opening?: { role: 'subject' } | { role: 'agent'; participle: string };
}

/** A date a sentence states: the days it may mean and its [start, end) offsets in the sentence. */
export interface SentenceDate {
  first: string;
  last: string;
  start: number;
  end: number;
}

/**
 * The dates of a passage's sentences read in their narrative, by sentence start (see
 * `narrativeDates`); a sentence it does not list (a cable table's row) is read by itself.
 */
export type NarrativeDates = (passage: Passage) => ReadonlyMap<number, readonly SentenceDate[]>;

/** A passage's antecedent (see antecedent.ts): the terms of what its first sentence speaks of, and the credit they earn there. */
export interface Antecedent {
  terms: ReadonlySet<string>;
  /** `QUOTE_RULES.antecedentCredit` for a noun named again, `QUOTE_RULES.referenceCredit` for a reference back. */
  credit: number;
}

/** What choosing a quote reads of a passage whatever the question. */
export interface PassageAnalysis {
  /** Offset where an attribution line ("—Raúl Castro to…") starts; Infinity without one. */
  attributionStart: number;
  headingTerms: Set<string>;
  sentences: SentenceAnalysis[];
  /** Every term of its sentences (their `own`), filled on first use (see `textTerms`). */
  terms?: Set<string>;
  /** What its first sentence speaks of from the passage before (see `antecedentOf`), filled on first use. */
  antecedent?: Antecedent;
}

/** Every term of a passage's sentences, its heading's left out (cached on the analysis). */
export function textTerms(analysis: PassageAnalysis): Set<string> {
  if (!analysis.terms) {
    analysis.terms = new Set();
    for (const s of analysis.sentences) for (const t of s.own) analysis.terms.add(t);
  }
  return analysis.terms;
}

/** Analyses of recently quoted passages, oldest first. */
const analyses = new BoundedMap<Passage, PassageAnalysis>(4096);

const QUESTION_END = /\?[”"’')\]]*$/u;
/** What states a consequence of the sentence before: "as a result", "this led to", "because of this", "with no other option". */
const CONSEQUENCE = /\b(as a result|as a consequence|consequently|therefore|in response|in retaliation|this (led|prompted|caused)|which (led|prompted|caused)|because of (this|that|these|it)|due to (this|that|these|it)|(with|left with|having) no other (option|choice))\b/i;
/**
 * A sentence whose subject "then" acts on what the sentence before set out ("…economic sanctions … were
 * having little effect on Castro's government. | Kissinger then sent political advisor Frank Mankiewicz…"):
 * for a "why", its cause is that sentence, as for a consequence. (Read on the nine sets: no figure moved
 * but a held-out set's quote@1, +0.02.)
 */
const SEQUEL = /^(?:\p{Lu}[\p{L}’'.-]*\s+){1,3}then\b/u;
const QUOTE_MARK = /[“”"]/;
const ASIDE = /^\s*[(\[][^()[\]]*[)\]][.”"]?\s*$/;
/** Words that point back to the sentence before, opening a sentence or after its opening conjunction. */
const REFERRING = 'this|that|these|those|he|she|they|his|her|their';
/**
 * A sentence that refers to the one before: "This…", "He…", "Their…", or such a word after an opening
 * conjunction, "Though he wanted…", "Despite these concerns…" (not "it" there: "When it came to…" refers
 * to nothing).
 */
const REFERS = new RegExp(`^[“"‘(]?(?:${REFERRING}|it|its|such|(?:though|although|while|when|after|before|once|as|despite|in spite of)\\s+(?:${REFERRING}))\\b`, 'i');
const LINKS = /^[“"‘(]?(there|then|thus|so|yet|and|but)\b/i;

/** The passage's sentences analyzed (cached for the most recently used passages). */
export function analysisOf(passage: Passage): PassageAnalysis {
  return analyses.getOr(passage, analyze);
}

function analyze(passage: Passage): PassageAnalysis {
  // An attribution line under a quotation ("—Raúl Castro to…"): its words belong to every sentence it attributes.
  const attribution = attributionLine(passage.text);
  const attributionStart = attribution?.start ?? Infinity;
  const attributionTerms = attribution ? analyzeFast(attribution.text).map((t) => t.term) : [];
  const headingTerms = new Set(passage.heading ? analyzeFast(passage.heading).map((t) => t.term) : []);
  let openQuotes = 0;
  let openStraight = false;
  const sentences = passage.sentences.map(([start, end]): SentenceAnalysis => {
    const text = passage.text.slice(start, end);
    const insideQuotation = openQuotes > 0 || openStraight;
    // Most sentences hold no quotation mark: only those are read character by character.
    if (QUOTE_MARK.test(text)) {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 0x201c) openQuotes++;
        else if (ch === 0x201d) openQuotes = Math.max(0, openQuotes - 1);
        else if (ch === 0x22) openStraight = !openStraight;
      }
    }
    const tokens = analyzeFast(text);
    const own = new Set(tokens.map((t) => t.term));
    // The same set unless an attribution lends its words (chooseQuote then tests it once).
    const terms = start < attributionStart && attribution ? new Set([...own, ...attributionTerms]) : own;
    const roles: number[] = [];
    tokens.forEach((t, i) => ROLE.test(t.surface) && roles.push(i));
    return {
      start,
      end,
      text,
      tokens,
      own,
      terms,
      words: text.split(/\s+/).length,
      question: QUESTION_END.test(text),
      continues: REFERS.test(text) ? 'refers' : LINKS.test(text) ? 'links' : false,
      insideQuotation,
      consequence: CONSEQUENCE.test(text) || SEQUEL.test(text),
      endsWithColon: text.endsWith(':'),
      aside: ASIDE.test(text),
      roles,
      bonusByType: {},
      answersByType: {},
    };
  });
  // The attribution line attributes the whole quotation: about the act of speaking, it holds the quotation's words.
  const line = sentences.find((s) => s.start >= attributionStart);
  if (line) line.attributes = new Set([...line.own, ...sentences.flatMap((s) => (s === line ? [] : [...s.own]))]);
  return { attributionStart, headingTerms, sentences };
}

/** The dates a sentence states by itself (cached on the sentence), read by the timeline's own `extractDates`. */
export function sentenceDates(sentence: SentenceAnalysis): SentenceDate[] {
  return (sentence.dates ??= extractDates(sentence.text).map(sentenceDate));
}

/** A sentence's dates in its narrative when `inContext` (a passage's `NarrativeDates`) lists it, else those it states by itself. */
export function datesOf(sentence: SentenceAnalysis, inContext: ReadonlyMap<number, readonly SentenceDate[]> | undefined): readonly SentenceDate[] {
  return inContext?.get(sentence.start) ?? sentenceDates(sentence);
}

/** A date the timeline's parser found, as the days it may mean and where it stands. */
export function sentenceDate(m: DateMention): SentenceDate {
  const [first, last] = dateBounds(m.iso, m.precision, m.qualifier, m.until);
  return { first, last, start: m.start, end: m.end };
}

/** How many passages back, under the same heading, a passage that states no date takes its time from. */
const NARRATIVE_STEPS = 2;

/**
 * True when one of the passage's sentences states a date overlapping the period (with `within`, inside
 * it: see `datesInPeriod`), each sentence's own dates or, with `dated`, those its narrative gives it
 * ("On December 21st" in 1962). A passage that states no date is of the time of the passage before it
 * under the same heading, when `previous` finds that one (a narrative's time carries on: "…continued
 * his efforts in 1976." | "…events that unfolded soon after – … bombing a Cuban airline"), up to
 * `NARRATIVE_STEPS` back; never a reader comment's.
 */
export function passageInPeriod(
  passage: Passage,
  period: QuestionPeriod,
  { within = false, previous, dated }: { within?: boolean; previous?: (passage: Passage) => Passage | undefined; dated?: NarrativeDates } = {},
): boolean {
  let at: Passage | undefined = passage;
  for (let step = 0; at && step <= NARRATIVE_STEPS; step++) {
    const sentences = analysisOf(at).sentences;
    const inContext = dated?.(at);
    if (sentences.some((s) => datesOf(s, inContext).length > 0)) return sentences.some((s) => datesInPeriod(datesOf(s, inContext), period, within));
    if (!previous) break;
    at = narrativeBefore(passage, previous(at));
  }
  return !passage.comment && datesInPeriod(headingDates(passage.heading), period, within);
}

/** The dates of headings (few, and read by every question with a period). */
const headingDatesCache = new Map<string, SentenceDate[]>();

/**
 * The dates a heading states: a letter's dateline ("The U.S. will not invade Cuba — Washington, April
 * 18, 1961"), a section's year ("…Relations in 1963"). A passage under it that states no date, nor do
 * the passages its narrative goes on from, is of that time: the letter's "More than 100,000 refugees
 * have recently fled" was written in April 1961.
 */
function headingDates(heading: string | null): readonly SentenceDate[] {
  if (!heading) return [];
  let dates = headingDatesCache.get(heading);
  if (!dates) headingDatesCache.set(heading, (dates = extractDates(heading).map(sentenceDate)));
  return dates;
}

/**
 * `before`, a passage earlier in the document than `passage`, when `passage` continues its narrative:
 * both under the same heading, and neither a reader comment; else undefined.
 */
export function narrativeBefore(passage: Passage, before: Passage | undefined): Passage | undefined {
  return before && !before.comment && !passage.comment && before.heading === passage.heading ? before : undefined;
}

/**
 * True when one of the dates overlaps the period, or with `within`, lies inside it: "1961-63" overlaps
 * "11/18/63" but is not within it, and says little of that day. A date more than half of which is in
 * the period counts as within it: "in 1977" is within "the Carter years", which began on January 20.
 */
export function datesInPeriod(dates: readonly SentenceDate[], period: QuestionPeriod, within = false): boolean {
  for (const d of dates) {
    if (d.first > period.last || period.first > d.last) continue;
    if (!within || (period.first <= d.first && d.last <= period.last) || mostlyIn(d, period)) return true;
  }
  return false;
}

/**
 * Whether more than half of an overlapping date's days fall in the period, and the date is no longer
 * than the period: "1977–1992" is mostly in the eighties but is not a time within them.
 */
function mostlyIn(d: SentenceDate, period: QuestionPeriod): boolean {
  const length = Date.parse(d.last) - Date.parse(d.first);
  if (length > Date.parse(period.last) - Date.parse(period.first)) return false;
  const from = Date.parse(d.first > period.first ? d.first : period.first);
  const to = Date.parse(d.last < period.last ? d.last : period.last);
  return (to - from) * 2 > length;
}

/** The sentence's `typeBonus` for a question type (cached on the sentence). */
export function sentenceTypeBonus(sentence: SentenceAnalysis, type: QuestionType): number {
  return (sentence.bonusByType[type] ??= typeBonus(type, sentence.text));
}

/** Where the content of the sentence's indirect speech begins, after a verb of saying and "that" (`SAID_THAT`), or −1 (cached on the sentence). */
export function saidThatEnd(sentence: SentenceAnalysis): number {
  if (sentence.saidThat === undefined) {
    const said = SAID_THAT.exec(sentence.text);
    sentence.saidThat = said ? said.index + said[0].length : -1;
  }
  return sentence.saidThat;
}

/** Word positions in the sentence where the answer a question type looks for begins (cached on the sentence). */
export function answerPositions(sentence: SentenceAnalysis, type: QuestionType): number[] {
  let positions = sentence.answersByType[type];
  if (!positions) {
    positions = [];
    const pattern = answerPattern(type);
    if (pattern) {
      for (const m of sentence.text.matchAll(pattern)) {
        const at = sentence.tokens.find((t) => t.end > m.index);
        if (at) positions.push(at.position);
      }
    }
    sentence.answersByType[type] = positions;
  }
  return positions;
}
