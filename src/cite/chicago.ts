/**
 * A document cited in Chicago notes-bibliography style (17th edition), from its manifest entry alone:
 * the note (first, full form) and the bibliography entry. Everything comes from the manifest (author,
 * title, kind, publisher, date, url) and the passage (paragraph, page, reader comment); nothing is
 * made up. Titles of whole works (books) are in italics (runs marked `italic`; plain in `note` and
 * `bibliography`), titles of parts (articles, letters, pages) in quotation marks.
 */
import { formatDate } from '../answer/citation.js';
import type { DocumentKind, DocumentMeta, Passage } from '../corpus/types.js';
import type { Run } from '../reply/model.js';

/** What a citation is made from. */
export interface CiteSource {
  meta: Pick<DocumentMeta, 'title' | 'kind' | 'author' | 'publisher' | 'date' | 'url'>;
  /** The passage cited (paragraph, page, reader comment). */
  passage: Pick<Passage, 'paragraph' | 'page' | 'comment'>;
  /** The day the source was consulted (the "accessed" date). */
  accessed: Date;
}

/** Both Chicago forms of one citation. */
export interface ChicagoCitation {
  /** The first, full note: `Author, “Title,” Publisher, Date, par. 4, accessed …, URL.` */
  note: string;
  /** The bibliography entry: `Surname, Given. “Title.” Publisher, Date. Accessed …. URL.` */
  bibliography: string;
  /** The same two as runs, the title of a whole work (a book) in italics. */
  noteRuns: Run[];
  bibliographyRuns: Run[];
}

/** Marks the start and end of an italic title inside the text being built. */
const ITALIC = '\u0001';

/** Text with italic marks as runs, and as plain text. */
function runsOfMarked(text: string): Run[] {
  return text
    .split(ITALIC)
    .map((piece, i) => (i % 2 === 1 ? { text: piece, italic: true } : { text: piece }))
    .filter((run) => run.text !== '');
}

/**
 * How each kind of document is described after its title, when the title alone does not say what it
 * is (an article names its publisher instead). `book` kinds cite the book itself as a whole work.
 */
const KIND_WORDS: Record<DocumentKind, { genre: string | null; wholeWork: boolean }> = {
  article: { genre: null, wholeWork: false },
  'book description': { genre: 'book description', wholeWork: true },
  'book summary': { genre: 'book summary', wholeWork: false },
  'presidential letter': { genre: 'letter', wholeWork: false },
  'cable digest': { genre: 'cable digest', wholeWork: false },
  record: { genre: 'record', wholeWork: false },
  note: { genre: 'note', wholeWork: false },
  document: { genre: null, wholeWork: false },
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "December 4, 2026" (UTC). */
export function accessedDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** The document's date as Chicago writes it: "November 5, 1963", "1963", or "n.d." when undated. */
function chicagoDate(meta: CiteSource['meta']): string {
  const shown = formatDate(meta.date);
  return shown === 'undated' ? 'n.d.' : shown;
}

/** Names as written ("William M. LeoGrande and Peter Kornbluh", "A & B"), one by one. */
export function splitAuthors(author: string): string[] {
  return author
    .split(/\s*(?:,\s*and\s+|\band\b|&|;|,)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** "John F. Kennedy" → "Kennedy, John F."; a one-word name or an organisation stays as it is. */
function invertName(name: string): string {
  const words = name.split(/\s+/);
  if (words.length < 2) return name;
  const suffix = /^(?:Jr\.?|Sr\.?|II|III|IV)$/.test(words[words.length - 1]!) ? words.pop()! : null;
  const surname = words.pop()!;
  return `${surname}, ${words.join(' ')}${suffix ? `, ${suffix}` : ''}`;
}

/** Authors in a note: "A", "A and B", "A, B, and C". */
function noteAuthors(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

/** Authors in a bibliography: the first inverted, "Surname, Given, and Given Surname". */
function bibliographyAuthors(names: readonly string[]): string {
  const [first, ...rest] = names;
  if (!first) return '';
  if (rest.length === 0) return invertName(first);
  return `${invertName(first)}, ${rest.length > 1 ? `${rest.slice(0, -1).join(', ')}, ` : ''}and ${rest[rest.length - 1]}`;
}

/** Ends a piece with `mark` unless it already ends with terminal punctuation (".", "?", "!"). */
function close(text: string, mark: string): string {
  return /[.?!]$/.test(text.replaceAll(ITALIC, '')) ? text : text + mark;
}

/** A title in quotation marks, with the piece's punctuation inside them as Chicago puts it. */
function quoted(title: string, mark: string): string {
  return `“${close(title, mark)}”`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where in the document: "par. 14" (and ", p. 2" for paged sources). */
function locator(passage: CiteSource['passage']): string {
  return passage.page !== undefined ? `p. ${passage.page}, par. ${passage.paragraph}` : `par. ${passage.paragraph}`;
}

/** The Chicago note and bibliography entry of a passage's document. */
export function chicagoCitation(source: CiteSource): ChicagoCitation {
  const { meta, passage } = source;
  const words = KIND_WORDS[meta.kind];
  const names = meta.author ? splitAuthors(meta.author) : [];
  const date = chicagoDate(meta);
  const accessed = accessedDate(source.accessed);
  const comment = passage.comment;

  // The note: one sentence, pieces joined by commas.
  const head: string[] = [];
  if (comment) head.push(comment.author, `comment on ${quoted(meta.title, ',')}`);
  else {
    if (names.length) head.push(noteAuthors(names));
    head.push(words.wholeWork ? `${ITALIC}${meta.title}${ITALIC}` : quoted(meta.title, ','));
  }
  const after: string[] = [];
  if (words.genre && !comment) after.push(words.genre);
  if (meta.kind === 'article' || comment) {
    if (meta.publisher) after.push(meta.publisher);
    after.push(date);
  } else {
    after.push(date);
    if (meta.publisher) after.push(meta.publisher);
  }
  after.push(locator(passage), `accessed ${accessed}`);
  if (meta.url) after.push(meta.url);
  // A quoted title carries its own comma inside the quotation marks.
  const note = `${head.map((piece, i) => (i < head.length - 1 || !piece.endsWith('”') ? close(piece, ',') : piece)).join(' ')} ${after.join(', ')}.`;

  // The bibliography: pieces closed by full stops.
  const entry: string[] = [];
  if (comment) entry.push(close(comment.author, '.'), `Comment on ${quoted(meta.title, '.')}`);
  else {
    if (names.length) entry.push(close(bibliographyAuthors(names), '.'));
    entry.push(words.wholeWork ? close(`${ITALIC}${meta.title}${ITALIC}`, '.') : quoted(meta.title, '.'));
  }
  const detail: string[] = [];
  if (words.genre && !comment) detail.push(capitalize(words.genre));
  if (meta.kind === 'article' || comment) {
    if (meta.publisher) detail.push(meta.publisher);
    detail.push(date);
    entry.push(close(capitalizeFirst(detail.join(', ')), '.'));
  } else {
    detail.push(date);
    entry.push(close(capitalizeFirst(detail.join(', ')), '.'));
    if (meta.publisher) entry.push(close(meta.publisher, '.'));
  }
  entry.push(`Accessed ${accessed}.`);
  if (meta.url) entry.push(close(meta.url, '.'));
  const bibliography = entry.join(' ');
  return {
    note: note.replaceAll(ITALIC, ''),
    bibliography: bibliography.replaceAll(ITALIC, ''),
    noteRuns: runsOfMarked(note),
    bibliographyRuns: runsOfMarked(bibliography),
  };
}

/** "n.d." stays lower case at the start of a sentence, as Chicago writes it; anything else is capitalised. */
function capitalizeFirst(text: string): string {
  return text.startsWith('n.d.') ? text : capitalize(text);
}
