/**
 * Reading a quoted sentence around its answer: the analyzed term of a word, the word positions of a
 * span, how far the question's words stand from it, and the capitalized words that name no one.
 */
import { analyzeFast } from '../retrieval/analysis.js';
import type { CountryMention, SentenceAnalysis } from './passage-analysis.js';
import { BoundedMap } from '../util/bounded-map.js';

/** Capitalized words that open sentences or clauses rather than name anyone. */
export const NOT_NAMES = new Set(['I', 'We', 'You', 'Our', 'Its', 'My', 'Your', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'TV', 'News', 'House', 'White', 'Office', 'Department', 'The', 'This', 'That', 'These', 'Those', 'In', 'On', 'At', 'By', 'When', 'After', 'Before', 'But', 'And', 'Yet', 'However', 'Despite', 'During', 'Although', 'Through', 'Then', 'It', 'He', 'She', 'They', 'His', 'Her', 'Their', 'As', 'For', 'With', 'From', 'To', 'A', 'An', 'If', 'So', 'Once', 'Since', 'While', 'Following', 'Furthermore', 'Unfortunately', 'Consequently', 'Additionally', 'First', 'Here', 'There', 'Just', 'Top', 'Secret', 'President', 'Mr', 'MR']);

/**
 * A clause's words, as a pattern's source: up to a comma or a stop, but for an initial's period ("Robert
 * F. Kennedy", "the U.K. Foreign Office") and a number's comma or point ("1,000 acres", "$2.9 million").
 */
export const CLAUSE_WORDS = String.raw`(?:\b\p{Lu}\.|(?<=\d)[,.](?=\d)|[^,.;:!?])*`;
/** The clause's words at a text's start (`CLAUSE_WORDS`). */
const CLAUSE = new RegExp(`^${CLAUSE_WORDS}`, 'u');

/** How long the clause opening `text` is: to its first comma or stop that ends a clause (`CLAUSE_WORDS`). */
export function clauseLength(text: string): number {
  return CLAUSE.exec(text)![0].length;
}

/**
 * How many words lie between the span [start, end) of the sentence and the nearest of the question's
 * words (a large number without one); with `lowerCase`, only those the sentence writes in lower case
 * (what is asked done, not whom it is asked of).
 */
export function wordsToAsked(sentence: SentenceAnalysis, asked: ReadonlySet<string>, start: number, end: number, lowerCase = false): number {
  const [first, last] = wordsOf(sentence, start, end);
  let nearest = 1000;
  for (const t of sentence.tokens) {
    if (!asked.has(t.term) || (t.end > start && t.start < end) || (lowerCase && !/^\p{Ll}/u.test(sentence.text.slice(t.start, t.start + 1)))) continue;
    nearest = Math.min(nearest, t.position < first ? first - t.position : t.position - last);
  }
  return nearest;
}

/** The first and last word positions of the span [start, end) of the sentence; a span that is no token of its own ("$2.9") stands where the next word would. */
export function wordsOf(sentence: SentenceAnalysis, start: number, end: number): [number, number] {
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
export function lastAskedBefore(sentence: SentenceAnalysis, asked: ReadonlySet<string>, position: number): SentenceAnalysis['tokens'][number] | undefined {
  let found: SentenceAnalysis['tokens'][number] | undefined;
  for (const t of sentence.tokens) if (t.position < position && asked.has(t.term)) found = t;
  return found;
}

/** The analyzed term of one word, to compare with the question's terms (remembered: a "who" folds every capitalized word of its quotes). */
export function fold(word: string): string {
  return folded.getOr(word, foldWord);
}

const folded = new BoundedMap<string, string>(8192);
const foldWord = (word: string): string => analyzeFast(word)[0]?.term ?? word.toLowerCase();

/** The span [start, end) of the text without the white space it ends on. */
export function trimmed(text: string, start: number, end: number): [number, number] {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The endings of a people's name ("Cuban", "Canadians", "British", "Chinese"), after the stem it shares with its country's name. */
const PEOPLES_ENDING = /^(\p{Lu}\p{Ll}+?)(?:an|ian|ese|ish)s?$/u;
/** Peoples whose names share less than a stem with their country's, and peoples of no one country (lower case). */
const IRREGULAR_PEOPLES = new Set([
  ...['irish', 'english', 'scottish', 'welsh', 'spanish', 'danish', 'finnish', 'polish', 'flemish', 'salvadoran', 'african', 'european', 'asian', 'republican'],
  // Ending otherwise than as a people's name does.
  ...['soviet', 'french', 'dutch', 'swiss', 'greek', 'israeli', 'iraqi'],
]);

/**
 * True when one capitalized word names a people ("Cuban", "Canadians", "British", "Chinese"): an
 * adjective before a noun, else a noun. Its ending is a people's and it begins as a country's name
 * does (its first four letters, or all of a shorter stem: "Cub-an", "Norw-egian", "Brit-ish"), or it is
 * one of the few that do not ("Irish", "Spanish"): "Donovan", "Sullivan" and "Brennan" are people.
 */
export function isPeoplesName(word: string): boolean {
  const folded = word.toLowerCase();
  const lower = folded.replace(/s$/, '');
  if (IRREGULAR_PEOPLES.has(lower) || IRREGULAR_PEOPLES.has(folded)) return true;
  const stem = PEOPLES_ENDING.exec(word)?.[1];
  if (stem === undefined) return false;
  countryStarts ??= new Set([...countryNames()].filter((name) => name.length >= 3).flatMap((name) => [name.slice(0, 3), name.slice(0, 4)]));
  const start = lower.slice(0, Math.min(4, Math.max(3, stem.length)));
  return countryStarts.has(start);
}

/** The first three and four letters of every country's name (lower case), which its people's name begins with. */
let countryStarts: Set<string> | undefined;

/**
 * True when the words name a country or a union of them as CLDR writes it in English ("Cuba",
 * "United States", "Brazil", "United Nations"; not "Soviet Union"), or by its code ("US", "U.S.",
 * "UK", "UN"): a place, never a person. Built on first use from `Intl.DisplayNames`.
 */
export function isCountry(words: string): boolean {
  return countryNames().has(placeKey(words));
}

/** A place's name as the name sets hold it: without periods ("U.S."), lower case. */
function placeKey(words: string): string {
  return words.replace(/\./g, '').toLowerCase();
}

let countries: Set<string> | undefined;

/** CLDR's region names and codes, lower case (built on first use). */
function countryNames(): Set<string> {
  return (countries ??= regionNames());
}

/** A run of capitalized words, which `countriesIn` asks `isCountry` about ("Brazil", "United States", "U.S."). */
const CAPITALIZED_RUN = /\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*/gu;
/**
 * After a country, what leaves it a noun: punctuation, the sentence's end, or a word that is no noun it
 * would modify ("with Brazil, the White House…", "the US was…", "the United States refused…"); before
 * any other lower-case word it is an adjective ("US presidents", "Soviet missiles").
 */
const AS_NOUN_AFTER = /^(?:\s+(?:and|or|but|to|in|on|at|of|for|from|as|after|before|until|since|while|which|who|that|was|were|is|are|had|has|have|would|will|could|did|does|\p{Ll}+ed)\b|[^\s\p{L}]|$)/u;

/** Most words of a country's name as CLDR writes it, capitals only ("Central African Republic", "United Arab Emirates"). */
const COUNTRY_WORDS = 4;
/** A run's last one, two, three or four words (`TAILS[n - 1]`). */
const TAILS = Array.from({ length: COUNTRY_WORDS }, (_, n) => new RegExp(`(?:\\S+\\s+){${n}}\\S+$`));

/** The countries a sentence names as nouns, in order (cached on the sentence: every "which country" reads them). */
export function countriesIn(sentence: SentenceAnalysis): readonly CountryMention[] {
  return (sentence.countries ??= findCountries(sentence));
}

function findCountries(sentence: SentenceAnalysis): CountryMention[] {
  const { text, tokens } = sentence;
  const found: CountryMention[] = [];
  for (const m of text.matchAll(CAPITALIZED_RUN)) {
    if (!AS_NOUN_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const run = m[0].replace(/[’']s$/, '').replace(/\.$/, (dot) => (/\p{Lu}\.\p{Lu}\.$/u.test(m[0]) ? dot : ''));
    // The country ends the run, whatever capitalized words open it ("With Brazil", "The United States"): its last
    // `COUNTRY_WORDS` words at most (a scanned record's capitals run on for hundreds).
    for (let n = COUNTRY_WORDS; n >= 1; n--) {
      const tail = TAILS[n - 1]!.exec(run);
      if (!tail) continue;
      const words = tail[0].replace(/\s+/g, ' ');
      // A country's code only in capitals ("US", "U.S."): "It", "In", "No" open sentences.
      if (words.replace(/\./g, '').length <= 3 && words !== words.toUpperCase()) continue;
      if (!isCountry(words)) continue;
      const start = m.index + tail.index;
      const end = m.index + run.length;
      found.push({ start, end, terms: tokens.filter((t) => t.start >= start && t.end <= end).map((t) => t.term) });
      break;
    }
  }
  return found;
}

function regionNames(): Set<string> {
  const names = new Set<string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      if (!name) continue;
      names.add(code.toLowerCase());
      // "Congo - Kinshasa": the name before its qualifier.
      names.add(name.replace(/\s+-\s+.*$/, '').toLowerCase());
    }
  }
  return names;
}

/**
 * True when the words name a country (`isCountry`) or one of the world's regions ("Latin America", "the
 * Caribbean", "Europe", and "America", the continent several of them are parts of), or are its possessive
 * ("Canada’s"): a place, never a person.
 */
export function isCountryOrRegion(words: string): boolean {
  const key = placeKey(words.replace(/[’']s$/, '')); // "Canada’s desire": the country's
  return countryNames().has(key) || (regions ??= regionsOfTheWorld()).has(key);
}

let regions: Set<string> | undefined;

/** CLDR's names of the world's regions by their UN M.49 codes, and a word ending several of them ("America"), lower case. */
function regionsOfTheWorld(): Set<string> {
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const names = new Set<string>();
  const lastWords = new Map<string, number>();
  for (const code of M49_REGIONS) {
    const name = display.of(code)?.toLowerCase();
    if (!name) continue;
    names.add(name);
    const last = name.split(' ').pop()!;
    if (last !== name) lastWords.set(last, (lastWords.get(last) ?? 0) + 1);
  }
  for (const [word, count] of lastWords) if (count > 1) names.add(word);
  return names;
}

/** UN M.49's codes of continents and regions, which CLDR names. */
const M49_REGIONS = ['002', '003', '005', '009', '011', '013', '014', '015', '017', '018', '019', '021', '029', '030', '034', '035', '039', '053', '054', '057', '061', '142', '143', '145', '150', '151', '154', '155', '202', '419'];
