/**
 * The words of a quoted sentence that answer the question: the date of a "when", the sum of money of a
 * "how much did they pay", the amount of a "how much", the name of a "who", the place of a "where", the reason of a "why". Found by the kind of
 * answer asked for, never by the question's wording; words the question itself typed are not answers.
 */
import type { QuestionPeriod, QuestionType } from '../retrieval/types.js';
import { sentenceDates, type SentenceAnalysis, type SentenceDate } from './passage-analysis.js';
import { AGE, EXACT_NUMBER_WORDS, MAYBE_CAUSE_WORDS, SAW_THAT, ROLE } from './sentence-evidence.js';
import { MONTH_SOURCE } from '../timeline/calendar.js';
import { contextMonths } from '../timeline/rules.js';
import { isPersonName } from '../lexicon/person-nouns.js';
import { fold as foldText } from '../text/fold.js';
import { amountAnswer } from './amount-answer.js';
import { person, personAnswer, roleOf } from './person-answer.js';
import { CLAUSE_WORDS, countriesIn, fold, isPeoplesName, NOT_NAMES, trimmed } from './span-words.js';

/**
 * Where an event took place, when a sentence names no place: the occasion after "at" or "during" ("at
 * Nelson Mandela’s memorial service", "during a meeting of…"); not what an attempt or a look is at ("an
 * attempt at formal diplomatic talks").
 */
const OCCASION = /\b(?<!\b(?:attempts?|tries|try|efforts?|shots?|stabs?|hints?|hinted|aimed|aiming|looks?|looked|looking|good)\s+)(?:at|during)\s+((?:[\p{L}'’.-]+\s+){0,6}?(?:memorial service|funeral|summit|conference|meeting|ceremony|reception|dinner|convention|assembly|session|talks))\b/iu;
/** A place after a preposition: "in Havana", "off the coast of Florida", "to Angola". */
const PLACE = /\b(?:in|at|to|from|off|near|into|of|such as)\s+(?:the\s+(?:coast\s+of\s+)?)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/gu;
/**
 * Before a country, a preposition `PLACE` does not read but a country after it is a place too ("a back
 * channel with Brazil", "trade with Canada", "through Mexico"); a name after it may be a person's
 * ("with Castro").
 */
const COUNTRY_BEFORE = /\b(?:with|through|via|between|against|toward|towards|across|among)\s+(?:the\s+)?$/i;
/**
 * A reason: its cue and the clause that follows, up to a comma or the sentence's end. A motive or a
 * purpose counts ("motives such as…", "in an attempt to…"), and what someone saw (`SAW_THAT`: "it
 * became apparent that…"), not what someone hoped for on the way ("Castro, hoping to mend ties, was
 * insulted when…" is insulted for the when).
 */
const REASON = new RegExp(
  `\\b(?:because(?: of)?|due (?:largely )?(?:in part )?to|in order to|so that|as a result of|in retaliation for|for fear of|led to|gave way to|thanks to|motives? (?:such as|of)|in an attempt to|intended to|aimed at|eager to|anxious to|${SAW_THAT})\\b${CLAUSE_WORDS}`,
  'giu',
);
/** A reason's cue and only a word pointing back ("because of this", "due to that"): the reason is said before. */
const POINTS_BACK = /\s(?:this|that|these|those|it|which)\s*$/i;
/**
 * A clause that may give a reason or only a time, marked when the sentence gives no surer one: inside
 * the sentence ("…soured when Eisenhower chose to go golfing"), not opening it ("When Carter took
 * office in 1977, …" sets a time).
 */
const MAYBE_REASON = new RegExp(`(?<=\\S\\s+)\\b(?:${MAYBE_CAUSE_WORDS})\\b${CLAUSE_WORDS}`, 'iu');
/**
 * A reason given before its consequence: the clause before ", so" ("…he understood that this would be
 * highly unpopular amongst his constituents, so he instead signed…") or "and as a result" ("…no action
 * was taken and as a result two BTTR planes were shot down"), from the clause boundary before it.
 * Not ", so that" (a purpose, which `REASON` reads after its cue) nor "so far", "so much".
 */
const REASON_BEFORE_SO = /(?:^|[,;:]\s+)((?:[^,;:]|(?<=\d),(?=\d))+?)(?:,\s+so\s+(?!that\b|far\b|much\b|many\b|long\b)|,?\s+and\s+(?:as a result|as a consequence|consequently|therefore)\b)/iu;


/** Question types whose answer is a thing a sentence visibly holds (a date, a sum, an amount, a name, a place). */
export const TYPED: ReadonlySet<QuestionType> = new Set(['date', 'money', 'age', 'duration', 'quantity', 'person', 'place']);

/**
 * The [start, end) offsets in the sentence of the words answering a question of `type`, or null.
 * `asked` holds the question's own analyzed terms (never an answer), `period` its period (a date in
 * it is preferred for "when"), `dates` the sentence's dates (by default its own; in its narrative,
 * "On December 21st" is a day of 1962: see `narrativeDates`).
 */
export function answerSpan(sentence: SentenceAnalysis, type: QuestionType, asked: ReadonlySet<string>, period: QuestionPeriod | null, dates?: readonly SentenceDate[]): [number, number] | null {
  return scoredAnswer(sentence, type, asked, period, dates)?.span ?? null;
}

/**
 * `answerSpan` with how sure it is, comparable across the sentences of one quote for one question:
 * a "who"'s `personAnswer` score, an amount's nearness to the question's words; 0 for the rest (the
 * first sentence's answer then stands). With `counts`, a quantity is a count of things, which no sum of
 * money answers (see `QuoteQuery.countsThings`).
 */
export function scoredAnswer(
  sentence: SentenceAnalysis,
  type: QuestionType,
  asked: ReadonlySet<string>,
  period: QuestionPeriod | null,
  dates?: readonly SentenceDate[],
  counts = false,
): { span: [number, number]; score: number } | null {
  if (type === 'person') return personAnswer(sentence, asked);
  if (type === 'money' || type === 'quantity' || type === 'duration') return amountAnswer(sentence, type === 'quantity' && counts ? 'count' : type, asked, period, dates);
  if (type === 'place') return placeAnswer(sentence, asked);
  const span = unscoredAnswer(sentence, type, asked, period, dates);
  return span && { span, score: 0 };
}

function unscoredAnswer(sentence: SentenceAnalysis, type: QuestionType, asked: ReadonlySet<string>, period: QuestionPeriod | null, given: readonly SentenceDate[] | undefined): [number, number] | null {
  const text = sentence.text;
  switch (type) {
    case 'date': {
      const dates = given ?? sentenceDates(sentence);
      const inPeriod = period ? dates.find((d) => d.first <= period.last && period.first <= d.last) : undefined;
      const best = inPeriod ?? [...dates].sort((a, b) => b.end - b.start - (a.end - a.start))[0];
      if (best) return [best.start, best.end];
      // "On December 21st, a memo was signed", "visited Cuba in early November": a day or a month whose year the sentence
      // leaves to its narrative answers when, read as the timeline reads it. (With a period, only the narrative's dates,
      // given, say whether it is the period's.)
      if (period) return null;
      const day = DAY_OF_MONTH.exec(text);
      if (day) return [day.index, day.index + day[0].length];
      const month = contextMonths(text, {})[0];
      return month ? [month.start, month.end] : null;
    }
    case 'age': {
      const age = AGE.exec(text);
      return age ? [age.index, age.index + age[0].length] : null;
    }
    case 'definition':
      // "What was X?" asks what, not who: only a role beside a name of the question answers it.
      return roleOf(sentence, asked);
    case 'place':
      return placeAnswer(sentence, asked)?.span ?? null;
    case 'reason': {
      // "Because of this, Castro warned…": a cue pointing back gives no reason of its own.
      for (const cause of text.matchAll(REASON)) if (!POINTS_BACK.test(cause[0])) return trimmed(text, cause.index, cause.index + cause[0].length);
      const before = REASON_BEFORE_SO.exec(text);
      if (before) {
        const start = before.index + before[0].indexOf(before[1]!);
        return trimmed(text, start, start + before[1]!.length);
      }
      const m = MAYBE_REASON.exec(text);
      return m ? trimmed(text, m.index, m.index + m[0].length) : null;
    }
    default:
      return null;
  }
}

/**
 * The place a sentence gives for a "where", and how sure it is: a name after a preposition of place
 * ("in Havana", "off the coast of Florida"), after a bare "of" only when no other stands, then a
 * country after "with", "through"… (`COUNTRY_BEFORE`; "…policy towards Cuba" mostly says toward whom,
 * not where), then an occasion. The less sure give way to a surer place another sentence of the quote
 * gives.
 */
function placeAnswer(sentence: SentenceAnalysis, asked: ReadonlySet<string>): { span: [number, number]; score: number } | null {
  const text = sentence.text;
  // "a meeting of the Alliance for Progress held in Uruguay": after a bare "of" a name is more often a whole a thing
  // belongs to (a body, a person: "the assassination of John F. Kennedy") than where it was, so a place after
  // another preposition comes first, in this sentence or another of the quote.
  let ofPlace: [number, number] | null = null;
  for (const m of text.matchAll(PLACE)) {
    const place = m[1]!;
    // "in April 1963" is a date, not a place; "to Senators George McGovern" a person, by the title.
    const words = place.split(/\s+/);
    const [first, last] = [words[0]!, words[words.length - 1]!];
    if (NOT_NAMES.has(first) || ROLE.test(first.replace(/s$/, '')) || words.every((w) => asked.has(fold(w)))) continue;
    // "an olive branch to Fidel Castro", "to Che Guevara": a name WordNet gives a particular person ends no place ("the
    // Kennedy Library" ends as a place does).
    if (isPersonName(foldText(last).replace(/'s$/, ''))) continue;
    const at = m.index + m[0].lastIndexOf(place);
    const end = at + place.length;
    const after = text.slice(end);
    // "in CDNW12597": a document's number, no place; "from Look magazine": a publication.
    if (/^\d/.test(after) || PUBLICATION_AFTER.test(after)) continue;
    // "a member of the Cuban Five": a group counted, no place.
    if (COUNT_WORD.test(last)) continue;
    // "of John F. Kennedy": a given name and an initial, then the surname, are no place either.
    if (words.length > 1 && /^\p{Lu}$/u.test(last) && /^\.\s+\p{Lu}\p{Ll}/u.test(after)) continue;
    // "a box of Cuban cigars", "of US-Cuban relations": a people's adjective before a noun is no place, nor is a people
    // ("passed information to the British").
    if (isPeoplesName(place.split('-').pop()!) && (/^\s+\p{Ll}/u.test(after) || /\bthe\s+$/i.test(text.slice(0, at)))) continue;
    // "to Eisenhower’s administration": someone's, unless a place's ("Havana’s harbor").
    if (/[’']s$/.test(place) && !PLACE_NOUN.test(after)) continue;
    // "at the Bay of Pigs", "the Summit of the Americas": the name the words after "of" end.
    const of = m[0].startsWith('of');
    const whole = of ? NAME_BEFORE_OF.exec(text.slice(0, m.index)) : null;
    // "President of the United States", "Secretary-General of the United Nations", "Presidents of…": a title, no place.
    if (whole && ROLE.test(whole[0].split(/\s+/)[0]!.replace(/s$/, ''))) continue;
    // "Washington D.C.": a place's initials run on to their last period.
    const initials = /^\p{Lu}$/u.test(last) ? (/^\.(?:\p{Lu}\.)+/u.exec(after)?.[0].length ?? 0) : 0;
    const span: [number, number] = [whole?.index ?? at, end + (OF_NAME_AFTER.exec(after)?.[0].length ?? initials)];
    // "printed in Public Papers of the Presidents", "Foreign Relations of the United States": a book's title.
    if (TITLE_HEAD.test(text.slice(span[0], span[1]))) continue;
    if (!of || whole) return { span, score: 0 };
    ofPlace ??= span;
  }
  if (ofPlace) return { span: ofPlace, score: OF_PLACE_SCORE };
  // "…a secret back channel with Brazil": a country after a preposition `PLACE` does not read.
  const country = countriesIn(sentence).find((c) => !c.terms.every((t) => asked.has(t)) && COUNTRY_BEFORE.test(text.slice(0, c.start)));
  if (country) return { span: [country.start, country.end], score: COUNTRY_AFTER_SCORE };
  const occasion = OCCASION.exec(text);
  if (!occasion) return null;
  const start = occasion.index + occasion[0].lastIndexOf(occasion[1]!);
  return { span: [start, start + occasion[1]!.length], score: 0 };
}

/** The scores of a place after a bare "of" and of a country after `COUNTRY_BEFORE`'s prepositions, below a place after a preposition of place (0). */
const OF_PLACE_SCORE = -0.25;
const COUNTRY_AFTER_SCORE = -0.5;

/** A publication's noun after its name: "from Look magazine". */
const PUBLICATION_AFTER = /^\s+(?:magazine|newspaper|journal|weekly|daily)\b/i;
/** A number's word ending a name: "the Cuban Five", "the Big Three". */
const COUNT_WORD = new RegExp(`^(?:${EXACT_NUMBER_WORDS})$`, 'i');
/** A document's noun before the "of" of its title: "Public Papers of…", "Foreign Relations of…", "Memoirs of…". */
const TITLE_HEAD = /\b(?:Papers|Relations|Records|Documents|Proceedings|Memoirs|History|Report|Minutes|Letters|Diary|Journal|Review)\s+of\b/u;
/** A noun a possessive place is the place of: "Havana’s harbor". */
const PLACE_NOUN = /^\s+(?:harbou?r|port|coast|capital|streets?|waters|airport|shores?|outskirts|center|centre)\b/i;
/** Capitalized words before "of" (and "the") that begin a name the words after it end: "Bay of", "Summit of the". */
const NAME_BEFORE_OF = /(?:\p{Lu}[\p{L}'’-]*\s+)+(?=$)/u;
/** The words after "of" (and "the") that end a name its capitalized words begin: "…of Pigs", "…of the Americas". */
const OF_NAME_AFTER = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/u;

/** A month and its day without a year ("December 21st", "Nov. 5"). */
const DAY_OF_MONTH = new RegExp(`\\b(?:${MONTH_SOURCE})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`);


/**
 * True when the sentence holds an answer of the type at all: what ranking needs, without choosing
 * among a "who"'s names (`answerSpan` is this and the choice).
 */
export function holdsAnswer(
  sentence: SentenceAnalysis,
  type: QuestionType,
  asked: ReadonlySet<string>,
  period: QuestionPeriod | null,
  dates?: readonly SentenceDate[],
): boolean {
  if (type === 'person') return person(sentence, asked, true) !== null;
  if (type === 'money' || type === 'quantity' || type === 'duration') return amountAnswer(sentence, type, asked, period, dates, true) !== null;
  return unscoredAnswer(sentence, type, asked, period, dates) !== null;
}

