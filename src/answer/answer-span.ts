/**
 * The words of a quoted sentence that answer the question: the date of a "when", the sum of money of a
 * "how much did they pay", the amount of a "how much", the name of a "who", the place of a "where", the reason of a "why". Found by the kind of
 * answer asked for, never by the question's wording; words the question itself typed are not answers.
 */
import type { QuestionPeriod, QuestionType } from '../retrieval/types.js';
import { analyzeFast, cachedStem } from '../retrieval/analysis.js';
import { sentenceDates, type AmountCandidate, type NameCandidate, type SentenceAnalysis, type SentenceDate } from './passage-analysis.js';
import { AGE, AGENT_BY, CURRENCY_AFTER, NUMBER_WORDS, REFERENCE_BEFORE, ROLE, SAW_THAT } from './sentence-evidence.js';
import { BoundedMap } from '../util/bounded-map.js';
import { MONTH_SOURCE } from '../timeline/calendar.js';

/**
 * Amounts and counts: "$2.9 million", "1,200", "80,000", "15 years", "several dozen", "Seventeen days",
 * and thousands written with a space after the comma ("2, 746"), which is one number.
 */
const AMOUNT = new RegExp(
  `(?:\\$\\s?)?\\b(?:\\d{1,3}(?:,\\s\\d{3})+(?![\\d,])|\\d[\\d,.]*)(?:\\s?(?:million|billion|thousand|hundred|percent|%))?|\\b(?:${NUMBER_WORDS})(?:[\\s-]+(?:${NUMBER_WORDS}|days?|years?))*\\b`,
  'giu',
);
/** A name: capitalized words, with initials ("James B. Donovan", "U Thant", "Frank Mankiewicz"). */
const NAME = /\b\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*))*/gu;
/**
 * Where an event took place, when a sentence names no place: the occasion after "at" or "during" ("at
 * Nelson Mandela’s memorial service", "during a meeting of…").
 */
const OCCASION = /\b(?:at|during)\s+((?:[\p{L}'’.-]+\s+){0,6}?(?:memorial service|funeral|summit|conference|meeting|ceremony|reception|dinner|convention|assembly|session|talks))\b/iu;
/** A place after a preposition: "in Havana", "off the coast of Florida", "to Angola". */
const PLACE = /\b(?:in|at|to|from|off|near|into|of|such as)\s+(?:the\s+(?:coast\s+of\s+)?)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/gu;
/**
 * A reason: its cue and the clause that follows, up to a comma or the sentence's end. A motive or a
 * purpose counts ("motives such as…", "in an attempt to…"), and what someone saw (`SAW_THAT`: "it
 * became apparent that…"), not what someone hoped for on the way ("Castro, hoping to mend ties, was
 * insulted when…" is insulted for the when).
 */
const REASON = new RegExp(
  `\\b(?:because(?: of)?|due (?:largely )?(?:in part )?to|in order to|so that|as a result of|in retaliation for|for fear of|led to|gave way to|thanks to|motives? (?:such as|of)|in an attempt to|intended to|aimed at|eager to|anxious to|${SAW_THAT})\\b(?:\\b\\p{Lu}\\.|[^,.;:!?])*`,
  'iu',
);
/**
 * A clause that may give a reason or only a time, marked when the sentence gives no surer one: inside
 * the sentence ("…soured when Eisenhower chose to go golfing"), not opening it ("When Carter took
 * office in 1977, …" sets a time).
 */
const MAYBE_REASON = /(?<=\S\s+)\b(?:following|after|when|suspecting|fearing)\b(?:\b\p{Lu}\.|[^,.;:!?])*/iu;
/**
 * A reason given before its consequence: the clause before ", so" ("…he understood that this would be
 * highly unpopular amongst his constituents, so he instead signed…"), from the clause boundary before it.
 * Not ", so that" (a purpose, which `REASON` reads after its cue) nor "so far", "so much".
 */
const REASON_BEFORE_SO = /(?:^|[,;:]\s+)([^,;:]+?),\s+so\s+(?!that\b|far\b|much\b|many\b|long\b)/iu;
/** Capitalized words that open sentences or clauses rather than name anyone. */
const NOT_NAMES = new Set(['I', 'We', 'You', 'Our', 'Its', 'My', 'Your', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'TV', 'News', 'House', 'White', 'Office', 'Department', 'The', 'This', 'That', 'These', 'Those', 'In', 'On', 'At', 'By', 'When', 'After', 'Before', 'But', 'And', 'Yet', 'However', 'Despite', 'During', 'Although', 'Through', 'Then', 'It', 'He', 'She', 'They', 'His', 'Her', 'Their', 'As', 'For', 'With', 'From', 'To', 'A', 'An', 'If', 'So', 'Once', 'Since', 'While', 'Following', 'Furthermore', 'Unfortunately', 'Consequently', 'Additionally', 'First', 'Here', 'There', 'Just', 'Top', 'Secret', 'President', 'Mr', 'MR']);
/**
 * What stands between a name and the role a sentence says it is: "is a", "was an", "is the", then words
 * up to the role ("LeoGrande is a renowned author"); the match ends where the article, the answer, starts.
 */
export const IS_A = /^\s+(?:is|was)\s+(?=(?:a|an|the)\b[^,.;:]*$)/;
const YEAR_ONLY = /^(1[89]\d\d|20\d\d)s?$/;

/** Question types whose answer is a thing a sentence visibly holds (a date, a sum, an amount, a name, a place). */
export const TYPED: ReadonlySet<QuestionType> = new Set(['date', 'money', 'age', 'quantity', 'person', 'place']);

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
 * first sentence's answer then stands).
 */
export function scoredAnswer(
  sentence: SentenceAnalysis,
  type: QuestionType,
  asked: ReadonlySet<string>,
  period: QuestionPeriod | null,
  dates?: readonly SentenceDate[],
): { span: [number, number]; score: number } | null {
  if (type === 'person') return personAnswer(sentence, asked);
  if (type === 'money' || type === 'quantity') return amountAnswer(sentence, type, asked, period, dates);
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
      // "On December 21st, a memo was signed": a day whose year the sentence leaves to its narrative answers when. (With
      // a period, only the narrative's dates, given, say whether it is the period's.)
      if (period) return null;
      const day = DAY_OF_MONTH.exec(text);
      return day ? [day.index, day.index + day[0].length] : null;
    }
    case 'age': {
      const age = AGE.exec(text);
      return age ? [age.index, age.index + age[0].length] : null;
    }
    case 'definition':
      // "What was X?" asks what, not who: only a role beside a name of the question answers it.
      return roleOf(sentence, asked);
    case 'place': {
      for (const m of text.matchAll(PLACE)) {
        const place = m[1]!;
        // "in April 1963" is a date, not a place; "to Senators George McGovern" a person, by the title.
        const first = place.split(/\s+/)[0]!;
        if (NOT_NAMES.has(first) || ROLE.test(first.replace(/s$/, '')) || place.split(/\s+/).every((w) => asked.has(fold(w)))) continue;
        const at = m.index + m[0].lastIndexOf(place);
        const end = at + place.length;
        const after = text.slice(end);
        // "a box of Cuban cigars", "of American troops": a people's adjective before a noun is no place.
        if (DEMONYM.test(place) && /^\s+\p{Ll}/u.test(after)) continue;
        // "to Eisenhower’s administration": someone's, unless a place's ("Havana’s harbor").
        if (/[’']s$/.test(place) && !PLACE_NOUN.test(after)) continue;
        // "at the Bay of Pigs", "the Summit of the Americas": the name the words after "of" end.
        const whole = m[0].startsWith('of') ? NAME_BEFORE_OF.exec(text.slice(0, m.index)) : null;
        return [whole?.index ?? at, end + (OF_NAME_AFTER.exec(after)?.[0].length ?? 0)];
      }
      const occasion = OCCASION.exec(text);
      if (!occasion) return null;
      const start = occasion.index + occasion[0].lastIndexOf(occasion[1]!);
      return [start, start + occasion[1]!.length];
    }
    case 'reason': {
      const cause = REASON.exec(text);
      if (cause) return trimmed(text, cause.index, cause.index + cause[0].length);
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

/** A noun a possessive place is the place of: "Havana’s harbor". */
const PLACE_NOUN = /^\s+(?:harbou?r|port|coast|capital|streets?|waters|airport|shores?|outskirts|center|centre)\b/i;
/** Capitalized words before "of" (and "the") that begin a name the words after it end: "Bay of", "Summit of the". */
const NAME_BEFORE_OF = /(?:\p{Lu}[\p{L}'’-]*\s+)+(?=$)/u;
/** The words after "of" (and "the") that end a name its capitalized words begin: "…of Pigs", "…of the Americas". */
const OF_NAME_AFTER = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/u;

/** A month and its day without a year ("December 21st", "Nov. 5"). */
const DAY_OF_MONTH = new RegExp(`\\b(?:${MONTH_SOURCE})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`);

/** One capitalized word naming a people ("Cuban", "American", "Canadian", "British", "Chinese"): an adjective before a noun. */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish)$/u;

/** Words before a name that make it a place ("in Havana", "to Cuba", "between the United States"). */
const PLACE_BEFORE = /\b(?:in|at|to|from|into|near|across|over|between|of)\s+(?:the\s+)?$/i;
/** What may stand between a role and the name it labels: "negotiator James Donovan", "Author(s): William M. LeoGrande". */
const ROLE_THEN_NAME = /^(?:\(s\))?[\s:,]{0,3}$/;

/**
 * True when a role labels the name at [start, end): just before it ("negotiator James Donovan",
 * "Author(s): William M. LeoGrande") or in apposition after it ("Slater, head of the American Department").
 */
function labelledByRole(sentence: SentenceAnalysis, start: number, end: number): boolean {
  const text = sentence.text;
  return sentence.roles.some((r) => {
    const role = sentence.tokens[r]!;
    if (role.end <= start) return ROLE_THEN_NAME.test(text.slice(role.end, start));
    return role.start > end && role.start - end <= 12 && text[end] === ',';
  });
}
/** "…was found by Peter Kornbluh": the agent of a passive. */
const AGENT_BEFORE = new RegExp(`${AGENT_BY}$`, 'i');

/**
 * "Who was Lisa Howard?": the role the sentence gives a name of the question ("correspondent Lisa
 * Howard"), or says the name is ("William M. LeoGrande is a renowned author"), as [start, end).
 */
function roleOf(sentence: SentenceAnalysis, asked: ReadonlySet<string>): [number, number] | null {
  const text = sentence.text;
  // "…a five-year-old boy named Elián Gonzalez": what the name is, said before it.
  if (text.includes('named ') || text.includes('called ')) for (const t of sentence.tokens) {
    if (!asked.has(t.term)) continue;
    const from = Math.max(0, t.start - 80);
    const named = NAMED_BEFORE.exec(text.slice(from, t.start));
    if (named) return trimmed(text, from + named.index, from + named.index + named[1]!.length);
  }
  for (const r of sentence.roles) {
    const role = sentence.tokens[r]!;
    // "Theodore Sorensen, Special Counsel to the President, reveals…": the role in apposition, up to its comma.
    const named = lastAskedBefore(sentence, asked, role.position);
    if (named && role.position - named.position <= 3 && /^,\s[^,;:]*$/.test(text.slice(named.end, role.start))) {
      const start = named.end + 2;
      const comma = text.slice(start).search(/[,;:.]|$/);
      return trimmed(text, start, start + comma);
    }
    const name = sentence.tokens.find((t) => asked.has(t.term) && t.position > role.position && t.position - role.position <= 3);
    if (name) return [role.start, name.start].map((x, i) => (i === 1 ? text.slice(0, x).trimEnd().replace(/[,:]$/, '').length : x)) as [number, number];
    const subject = lastAskedBefore(sentence, asked, role.position);
    const predicate = subject && role.position - subject.position <= 6 ? IS_A.exec(text.slice(subject.end, role.start)) : null;
    if (subject && predicate) return [subject.end + predicate[0].length, role.end];
  }
  return null;
}

/** "a five-year-old boy named ", "an exile group called ": a noun phrase of a few words naming what follows. */
const NAMED_BEFORE = /\b((?:an?|the)\s+[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,3})\s+(?:named|called)\s+$/i;

/** How many words from one of the question's a name stands to be read as said of it ("Rene Gonzalez (a member of the Cuban Five)"). */
const NEAR_ASKED = 4;

/**
 * The answer to a "who" in a sentence and how sure it is, comparable across sentences: the name most
 * likely the person asked for (a role the sentence gives a name of the question describes that name,
 * not the one asked for: "…meet Cuban president Fidel Castro" for "who was the diplomat…"). Every run
 * of capitalized words (not one the question typed, not a word that opens clauses, not a document's
 * number) is a candidate: the agent of a passive ("by Peter Kornbluh"), a titled name or one a role
 * labels (`labelledByRole`), one joined by "and" to a name the question typed ("Fidel Castro and Che
 * Guevara"), and one standing near the question's words beat a place after a
 * preposition ("in Havana"), a modifier ("US-Cuban", "Clinton’s") or a lone capitalized word; between
 * equals, the first.
 */
export function personAnswer(sentence: SentenceAnalysis, asked: ReadonlySet<string>): { span: [number, number]; score: number } | null {
  return person(sentence, asked, false);
}

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
  if (type === 'money' || type === 'quantity') return amountAnswer(sentence, type, asked, period, dates, true) !== null;
  return unscoredAnswer(sentence, type, asked, period, dates) !== null;
}

/** `personAnswer`, or with `any` the first candidate found, unscored (as `amountAnswer`'s `any`). */
function person(sentence: SentenceAnalysis, asked: ReadonlySet<string>, any: boolean): { span: [number, number]; score: number } | null {
  let best: [number, number] | null = null;
  let bestScore = -Infinity;
  for (const name of namesOf(sentence)) {
    if (name.terms.every((t) => asked.has(t))) continue;
    if (any) return { span: [name.start, name.end], score: 0 };
    let score = name.score;
    // A name the question typed is whom it asks about, not the answer ("…alongside Fidel Castro": not "Fidel Castro").
    if (name.terms.some((t) => asked.has(t))) score -= 3;
    else if (wordsToAsked(sentence, asked, name.start, name.end) <= NEAR_ASKED) score += 1;
    // Joined by "and" to a name the question typed, it did what the question asks with them ("brought Fidel Castro and Che Guevara to power").
    if (name.joined.some((t) => asked.has(t))) score += 2;
    if (score > bestScore) [best, bestScore] = [[name.start, name.end], score];
  }
  return best ? { span: best, score: bestScore } : null;
}

/** The sentence's names, scored by what holds whatever the question (cached on the sentence: every question of a type reads them). */
function namesOf(sentence: SentenceAnalysis): readonly NameCandidate[] {
  return (sentence.names ??= findNames(sentence));
}

function findNames(sentence: SentenceAnalysis): NameCandidate[] {
  const text = sentence.text;
  const names: NameCandidate[] = [];
  for (const m of text.matchAll(NAME)) {
    const words = m[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w.replace(/[’'.]/g, '')));
    // A title is the role, not the name ("Senators George McGovern").
    let titled = false;
    while (words.length > 1 && ROLE.test(words[0]!.replace(/s$/, ''))) {
      words.shift();
      titled = true;
    }
    // A role after a name is the name's owner's ("Nixon’s Secretary of State"), not part of the name.
    while (words.length > 1 && ROLE.test(words[words.length - 1]!.replace(/s$/, ''))) words.pop();
    if (!words.length) continue;
    // Joined to a prefix by a hyphen, a name is a modifier ("anti-Castro lobbyists", "pro-Soviet"), no one.
    if (m.index > 0 && text[m.index - 1] === '-' && /\p{Ll}/u.test(text[m.index - 2] ?? '')) continue;
    const start = m.index + m[0].indexOf(words[0]!);
    const end = m.index + m[0].lastIndexOf(words[words.length - 1]!) + words[words.length - 1]!.length;
    // A document's number ("CDNW12636") is no one.
    if (/\d/.test(text[m.index + m[0].length] ?? '')) continue;
    const labelled = labelledByRole(sentence, start, end);
    // A lone capitalized word opening the sentence is mostly not a name, unless a role labels it ("Slater, head of…").
    if (m.index === 0 && words.length === 1 && !labelled) continue;
    const before = text.slice(0, start);
    const last = words[words.length - 1]!;
    let score = (words.length > 1 ? 1 : 0) + (titled ? 2 : 0);
    if (AGENT_BEFORE.test(before)) score += 3;
    else if (PLACE_BEFORE.test(before)) score -= 2;
    if (labelled) score += 2;
    if (/[’']s$/.test(last) || last.includes('-') || last.length === 1) score -= 2;
    names.push({ start, end, terms: words.map(fold), score, joined: joinedNames(text, start, end) });
  }
  return names;
}

/** The capitalized words joined by "and" or "with" to the name at [start, end), on either side, analyzed. */
function joinedNames(text: string, start: number, end: number): string[] {
  const before = /(\p{Lu}[\p{L}'’-]*)\s+(?:and|with)\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
  const after = /^\s+(?:and|with)\s+(?:\p{Lu}[\p{L}'’-]*\s+)*?(\p{Lu}[\p{L}'’-]*)\b/u.exec(text.slice(end, end + 60));
  return [before?.[1], after?.[1]].filter((w) => w !== undefined).map(fold);
}

/** The farthest the question's words count from an amount a date qualifies: past it, every amount is as far. */
const ASKED_REACH = 20;

/**
 * Words of distance a share ("0.4%") or a time ("two and a half years") is put behind a count of
 * things for a "how many" that asks no time: it says what part, or how long, not how many.
 */
const SHARE_COST = 10;

/** A time a count is of, as the analyzed term of its unit ("years" → "year"), from the number's words or the word after them. */
const TIME_UNITS = '(day|week|month|year|hour|decade)s?';
const TIME_UNIT_IN = new RegExp(`(?:^|[\\s-])${TIME_UNITS}$`, 'i');
const TIME_UNIT_AFTER = new RegExp(`^(?:\\s+and\\s+a\\s+half)?\\s+${TIME_UNITS}\\b`, 'i');
function timeUnitOf(word: string, after: string): string | null {
  const unit = (TIME_UNIT_IN.exec(word) ?? TIME_UNIT_AFTER.exec(after))?.[1];
  return unit ? cachedStem(unit.toLowerCase()) : null;
}

/**
 * The amount answering a "how many" / "how much" in the sentence: the one nearest a date of the
 * question's period, in its clause, when the sentence states one ("in 1960 this had grown to
 * 7,027,000" for the population in 1960; the question's words break near ties), else nearest the
 * question's words ("two countries … 2, 746 excludables" answers "how many excludables" by 2, 746);
 * a count never answers "how much did they pay", and between equals a sum of money answers "how
 * much" before a count; a count answers "how many" before a share or a time it does not ask
 * ("100,000 people have migrated" before "this 0.4% of Cuba's population" and "the past two and a
 * half years").
 */
function amountAnswer(
  sentence: SentenceAnalysis,
  type: 'money' | 'quantity',
  asked: ReadonlySet<string>,
  period: QuestionPeriod | null,
  dates: readonly SentenceDate[] | undefined,
  any = false,
): { span: [number, number]; score: number } | null {
  let found: { span: [number, number]; score: number } | null = null;
  const dated = period && !any ? (dates ?? sentenceDates(sentence)).filter((d) => d.first <= period.last && period.first <= d.last) : [];
  const amounts = amountsOf(sentence);
  const asideOf = (a: AmountCandidate) => a.share || (a.timeUnit !== null && !asked.has(a.timeUnit));
  // A share or a time steps behind a count of things only: against a sum of money, the prison term answers.
  const counted = type === 'quantity' && !any && amounts.some((a) => !a.money && !asideOf(a) && !asked.has(a.word));
  for (const amount of amounts) {
    if (asked.has(amount.word) || (type === 'money' && !amount.money)) continue;
    if (any) return { span: [amount.start, amount.end], score: 0 };
    const toAsked = wordsToAsked(sentence, asked, amount.start, amount.end);
    // With a period, the amount its date qualifies, and of those the nearer the question's words ("the two countries …
    // in late 1984 … would allow 2, 746 excludables back into Cuba": the excludables, not the countries).
    const near = dated.length ? Math.min(...dated.map((d) => wordsBetween(sentence, amount, d) + (clauseBetween(sentence.text, amount, d) ? OTHER_CLAUSE : 0))) + Math.min(toAsked, ASKED_REACH) : toAsked;
    const aside = counted && asideOf(amount);
    const score = -(near - (amount.money ? 0.5 : 0) + (aside ? SHARE_COST : 0));
    if (!found || score > found.score) found = { span: amount.span, score };
  }
  return found;
}

/** The sentence's amounts, not a year, an ordinal or a date's digits (cached on the sentence). */
function amountsOf(sentence: SentenceAnalysis): readonly AmountCandidate[] {
  return (sentence.amounts ??= findAmounts(sentence));
}

function findAmounts(sentence: SentenceAnalysis): AmountCandidate[] {
  const text = sentence.text;
  const dates = sentenceDates(sentence);
  const amounts: AmountCandidate[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const word = m[0].trim().replace(/[,.]$/, '');
    const end = m.index + m[0].trimEnd().replace(/[,.]$/, '').length;
    if (!word || YEAR_ONLY.test(word) || /^(st|nd|rd|th)\b/.test(text.slice(end)) || dates.some((d) => m.index < d.end && d.start < end)) continue;
    // "Volume 11", "pp. 286": a reference's number counts nothing.
    if (/^\d/.test(word) && REFERENCE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    const currency = CURRENCY_AFTER.exec(text.slice(end));
    amounts.push({ start: m.index, end, word: word.toLowerCase(), money: word.startsWith('$') || currency !== null, share: /(%|percent)$/i.test(word), timeUnit: timeUnitOf(word, text.slice(end)), span: trimmed(text, m.index, end + (currency?.[0].length ?? 0)) });
  }
  return amounts;
}

/** How many words lie between the span [start, end) of the sentence and the nearest of the question's words (a large number without one). */
function wordsToAsked(sentence: SentenceAnalysis, asked: ReadonlySet<string>, start: number, end: number): number {
  const [first, last] = wordsOf(sentence, start, end);
  let nearest = 1000;
  for (const t of sentence.tokens) {
    if (!asked.has(t.term) || (t.end > start && t.start < end)) continue;
    nearest = Math.min(nearest, t.position < first ? first - t.position : t.position - last);
  }
  return nearest;
}

/** Words an amount counts as further from a date when a comma or semicolon stands between them: "in 1959 was 6,901,000; in 1960 … 7,027,000". */
const OTHER_CLAUSE = 10;

/** True when a comma, semicolon or colon stands between two spans of the text. */
function clauseBetween(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return /[,;:]/.test(a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start));
}

/** How many words lie between two spans of the sentence (0 when they overlap). */
function wordsBetween(sentence: SentenceAnalysis, a: { start: number; end: number }, b: { start: number; end: number }): number {
  const [aFirst, aLast] = wordsOf(sentence, a.start, a.end);
  const [bFirst, bLast] = wordsOf(sentence, b.start, b.end);
  return Math.max(0, bFirst - aLast, aFirst - bLast);
}

/** The first and last word positions of the span [start, end) of the sentence; a span that is no token of its own ("$2.9") stands where the next word would. */
function wordsOf(sentence: SentenceAnalysis, start: number, end: number): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const t of sentence.tokens) {
    if (t.end <= start || t.start >= end) continue;
    first = Math.min(first, t.position);
    last = Math.max(last, t.position);
  }
  if (first !== Infinity) return [first, last];
  const before = sentence.tokens.filter((t) => t.end <= start);
  const at = before.length ? before[before.length - 1]!.position + 1 : 0;
  return [at, at];
}

/** The last of the question's words standing before a position in the sentence, if any. */
function lastAskedBefore(sentence: SentenceAnalysis, asked: ReadonlySet<string>, position: number): SentenceAnalysis['tokens'][number] | undefined {
  let found: SentenceAnalysis['tokens'][number] | undefined;
  for (const t of sentence.tokens) if (t.position < position && asked.has(t.term)) found = t;
  return found;
}

/** The analyzed term of one word, to compare with the question's terms (remembered: a "who" folds every capitalized word of its quotes). */
function fold(word: string): string {
  return folded.getOr(word, foldWord);
}

const folded = new BoundedMap<string, string>(8192);
const foldWord = (word: string): string => analyzeFast(word)[0]?.term ?? word.toLowerCase();

function trimmed(text: string, start: number, end: number): [number, number] {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}
