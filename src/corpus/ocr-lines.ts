/**
 * What each line of archival OCR text is: a page marker, a classification stamp, a form-field label,
 * debris, or text. Rules are generic to scanned government records (the 2025 JFK release is the
 * model); `ocr.ts` decides from the neighbours which short fragments to keep.
 */
import { distance } from 'fastest-levenshtein';
import { remembered } from '../util/bounded-map.js';
import { isDictionaryWord } from '../text/dictionary.js';

export type LineClass =
  /** Page separators, page headings and numbers, record numbers, the release banner: dropped. */
  | 'marker'
  /** A line of classification words only ("SECRET", "TOP SECRET", "SEGRET", "S E C R E T") or an archival stamp: dropped. */
  | 'stamp'
  /** A form-field label with no value ("SUBJECT:", "TO :"), or a field whose value has no word: dropped. */
  | 'label'
  /** A form field with a value ("SUBJECT: JFK ASSASSINATION ISSUES"): kept as a paragraph of its own. */
  | 'field'
  /** A line of words: prose. */
  | 'prose'
  /** A short line with a word or two, a paragraph number or a number ending a sentence: kept only next to prose. */
  | 'fragment'
  /** Nothing readable: codes, numbers, stray characters. Dropped. */
  | 'debris';

/** `## Page 3`, `Page 3`, `PAGE: 2`, `PAGE 001`, `Page 2 of 5`. */
export const PAGE_LINE = /^(?:#{1,6}\s*)?page\s*[:#.]?\s*(\d{1,4})(?:\s*of\s*\d{1,4})?$/i;
/** `# 104-10012-10024`, `13-00000`, `14.00000`, `104. 10012-10022-75:`: record and box numbers. */
const RECORD_NUMBER = /^(?:#{1,6}\s*)?[+]?\d{1,4}[-.]\s?\d{4,5}(?:[-.]\d{4,5})*(?:[-_.:\s]\S*)?$/;
const MARKERS: readonly RegExp[] = [
  /^[-_=*]{3,}$/, // page separator
  /release under the president john f\.? kennedy/i,
  /assassination records (?:collection )?act/i,
  /\bdoc\s?id:?\s*\d{5,}/i, // "NW 50953 DocId: 32309646 Page 3"
  /^#{1,6}\s*\d[\d\s.,\-_]*(?:multirif\w*)?$/i, // "# 104-10003-10041", "# 104-10003-10041_multirif"
];

const CLASSIFICATIONS = ['SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED', 'RESTRICTED', 'CLASSIFIED', 'NOFORN'];
/** Words that may stand beside a classification in a stamp. */
const STAMP_WORDS = new Set(['TOP', 'EYES', 'ONLY', 'RYBAT', 'SENSITIVE', 'NO', 'FOREIGN', 'DISSEM', 'CONTROLLED', 'WNINTEL', 'LIMDIS', 'EXDIS', 'NODIS', 'OFFICIAL', 'USE', 'FOR', 'INTERNAL', 'SECURITY', 'INFORMATION', 'KAPOK']);
/** Archival stamps and routing boilerplate that stand on a line of their own (matched allowing OCR errors). */
export const ARCHIVAL_STAMPS = [
  'cross file copy for', 'cross file copy', 'do not destroy', 'record copy', 'file copy', 'end of message', 'end of dispatch',
  'classified message', 'reproduction prohibited', 'continued',
  'photo attached', 'routing and record sheet', 'return to cia', 'background use only', 'do not reproduce', 'internal use only',
];

/** The longest archival stamp, with room for OCR noise: longer lines are never stamps. */
const MAX_STAMP = Math.max(...ARCHIVAL_STAMPS.map((s) => s.length)) + 12;

function isArchivalStamp(text: string): boolean {
  if (text.length > MAX_STAMP) return false;
  const bare = text.toLowerCase().replace(/[^\p{L}\s]/gu, '').replace(/\s+/g, ' ').trim();
  if (bare.length < 6) return false;
  const allowed = Math.floor(bare.length / 6);
  return ARCHIVAL_STAMPS.some((s) => Math.abs(s.length - bare.length) <= allowed && distance(s, bare) <= allowed);
}

/** Is this token a classification word, allowing OCR errors ("SEGRET", "SECRETI"; two in a token alone: "SCREET")? */
function isClassification(token: string, alone = false): boolean {
  const allowed = alone ? 2 : 1;
  return CLASSIFICATIONS.some((c) => token === c || (Math.abs(token.length - c.length) <= allowed && distance(token, c) <= allowed));
}

/** A line of classification words only: "SECRET", "Top Secret", "SECRET RYBAT", "S E C R E T". */
export function isStamp(text: string): boolean {
  if (text.length > 60) return false; // no stamp is that long
  const bare = text.replace(/[^\p{L}\s]/gu, ' ').trim().toUpperCase();
  if (!bare) return false;
  let tokens = bare.split(/\s+/);
  if (tokens.length >= 4 && tokens.every((t) => t.length === 1)) tokens = [tokens.join('')];
  if (tokens.length === 1) return isClassification(tokens[0]!, /^\p{Lu}+$/u.test(text.replace(/[^\p{L}]/gu, '')));
  return tokens.some((t) => isClassification(t)) && tokens.every((t) => isClassification(t) || STAMP_WORDS.has(t));
}

/** The tokens of a line: its runs of non-space. */
function lineTokens(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

const WORD = /^[("'“‘[]*(\p{L}[\p{L}'’-]*)[)"'”’\].,;:!?]*$/u;

/** Counts the tokens of a line and how many are real words (in the dictionary, or name-shaped). */
export function wordStats(text: string): { tokens: number; words: number } {
  const tokens = lineTokens(text);
  let words = 0;
  for (const token of tokens) if (isWordToken(token)) words++;
  return { tokens: tokens.length, words };
}

/** Distinct tokens, and short lines, whose judgement is remembered at a time. */
const MEMO_MAX = 200_000;

/** Is the token a word? Remembered: OCR text repeats its words endlessly. */
const isWordToken = remembered(judgeToken, MEMO_MAX);

function judgeToken(token: string): boolean {
  const core = WORD.exec(token)?.[1];
  if (!core) return false;
  const lower = core.toLowerCase().replace(/['’]s$/, '');
  if ((lower.length >= 2 || lower === 'a' || core === 'I') && isDictionaryWord(lower)) return true;
  return core.length >= 4 && /^(?:\p{Lu}?\p{Ll}+|\p{Lu}+)$/u.test(core);
}

/** "SUBJECT: …", "TO : …", "Distribution:": a label in capitals (or one capitalised word) and a colon. */
const FIELD = /^((?:[A-Z][A-Z0-9 .\/&'()-]{0,30}?|[A-Z][a-z]{2,15}(?: [a-z]{2,10})?)\s?):\s*(.*)$/;
/**
 * Labels of administrative form fields (a records system's cover sheet, a cable's routing header):
 * the field is debris whatever its value.
 */
const ADMIN_LABELS = new Set([
  'AGENCY', 'RECORD NUMBER', 'RECORD SERIES', 'AGENCY FILE NUMBER', 'ORIGINATOR', 'PAGES', 'DOCUMENT TYPE', 'CLASSIFICATION',
  'RESTRICTIONS', 'CURRENT STATUS', 'DATE OF LAST REVIEW', 'OPENING CRITERIA', 'COMMENTS', 'ROUTING', 'MHENO', 'SENSIND',
  'SLUGS', 'TOR', 'FRP', 'INFO', 'ACTION', 'REF', 'FILE', 'INDEX', 'CLASSIFIED BY', 'DECLASSIFY ON', 'DECL', 'DRV', 'DISTRIBUTION',
]);

/** A paragraph number or letter on its own: "2.", "(3)", "b)". */
export const PARAGRAPH_NUMBER = /^(?:\(?\d{1,2}[.)]|\([a-zA-Z]\)|[a-h]\))$/;
/** A number that ends a sentence begun on the line before ("1971.", "10,"). */
const NUMBER_ENDING = /^\(?\d{1,4}\)?[.,;:]$/;

/** Short lines are remembered: headers, stamps, labels and routing lines recur on every page. */
const SHORT_LINE = 48;
const classifyShort = remembered(classify, MEMO_MAX);

export function classifyLine(text: string): LineClass {
  return text.length > SHORT_LINE ? classify(text) : classifyShort(text);
}

function classify(text: string): LineClass {
  if (PAGE_LINE.test(text) || RECORD_NUMBER.test(text) || MARKERS.some((re) => re.test(text))) return 'marker';
  if (isStamp(text) || isArchivalStamp(text)) return 'stamp';
  const field = FIELD.exec(text);
  if (field) {
    const value = field[2]!.trim();
    if (!value || ADMIN_LABELS.has(field[1]!.trim().toUpperCase())) return 'label';
    return wordStats(value).words >= 1 ? 'field' : 'label';
  }
  if (PARAGRAPH_NUMBER.test(text) || NUMBER_ENDING.test(text)) return 'fragment';
  return wordClass(text);
}

/**
 * A line by its share of real words: prose when at least 3 and half its tokens are words, or 6
 * tokens and 40% words; a fragment when at least half (and one) are; else debris. Tokens are judged
 * only until the answer is sure (a prose line is known prose once enough of its tokens are words):
 * judging tokens is most of the cost of cleaning OCR text.
 */
export function wordClass(text: string): 'prose' | 'fragment' | 'debris' {
  const tokens = lineTokens(text);
  const n = tokens.length;
  // Words are whole numbers: `words >= n * x` is `words >= ceil(n * x)`.
  const half = Math.ceil(n * 0.5);
  const prose = Math.min(Math.max(3, half), n >= 6 ? Math.ceil(n * 0.4) : Infinity);
  const fragment = Math.max(1, half);
  // Fewer words than this and the line is debris (6 tokens and 40% may be prose yet under half).
  const least = Math.min(prose, fragment);
  let words = 0;
  for (let i = 0; i < n; i++) {
    if (isWordToken(tokens[i]!)) words++;
    if (words >= prose) return 'prose';
    if (words + (n - 1 - i) < least) return 'debris';
  }
  return words >= fragment ? 'fragment' : 'debris';
}
