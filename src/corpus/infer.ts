/**
 * Metadata a document shows about itself, for `corpus add` to propose: a title (the file's stated
 * title, its first heading, a record's number and subject, else its first line), a date (stated, else
 * the first full date of its opening text, else the first month or year), a kind and an id.
 */
import { basename, extname } from 'node:path';
import { extractDates } from '../timeline/dates.js';
import type { DateMention } from '../timeline/types.js';
import type { DocDate, DocumentFormat, DocumentKind } from './types.js';
import type { SourceText } from './formats/source.js';
import { squeeze } from './blocks.js';
import { classifyLine, isStamp, wordStats } from './ocr-lines.js';

/** A value proposed for a field, and where it was found, in words for the user ("the first heading"). */
export interface Inferred<T> {
  value: T;
  from: string;
}

/** Longest title proposed; a longer first line is cut at a word. Default 100 characters. */
export const MAX_TITLE = 100;
/** How much of the opening text is searched for a date. Default 4,000 characters. */
export const DATE_WINDOW = 4_000;

const RECORD_ID = /^#?\s*(\d{3}-\d{5}-\d{5})\b/;
const SUBJECT = /^SUBJECT\s*:\s*(.*\p{L}{3}.*)$/iu;

function lines(source: SourceText): string[] {
  return source.blocks.flatMap((b) => b.lines.map(squeeze)).filter(Boolean);
}

/** Does the text look like archival OCR (page markers, record numbers, banners, stamps)? */
export function looksLikeOcr(source: SourceText): boolean {
  const all = lines(source).slice(0, 400);
  const markers = all.filter((l) => classifyLine(l) === 'marker').length;
  const stamps = all.filter(isStamp).length;
  return markers >= 3 || stamps >= 3 || all.some((l) => /assassination records (collection )?act/i.test(l));
}

export function inferKind(source: SourceText, format: DocumentFormat): Inferred<DocumentKind> {
  if (looksLikeOcr(source)) return { value: 'record', from: 'its page markers and stamps (archival OCR)' };
  if (format === 'md') return { value: 'note', from: 'the .md extension' };
  return { value: 'document', from: 'the default' };
}

export function inferTitle(source: SourceText, kind: DocumentKind): Inferred<string> | null {
  if (source.hints.title) return { value: cut(source.hints.title), from: source.format === 'pdf' ? "the PDF's Title" : source.format === 'html' ? 'the <title>' : 'the front matter' };
  const all = lines(source);
  if (kind === 'record') {
    const id = all.slice(0, 10).map((l) => RECORD_ID.exec(l)?.[1]).find(Boolean);
    const subject = all.map((l) => SUBJECT.exec(l)?.[1]?.replace(/^[:\s]+/, '')).find((s) => s !== undefined && wordStats(s).words >= 2);
    if (id) return { value: cut(subject ? `${id}: ${subject}` : `Record ${id}`), from: subject ? 'the record number and SUBJECT line' : 'the record number' };
  }
  const heading = source.blocks.find((b) => b.heading);
  if (heading) return { value: cut(heading.lines.join(' ')), from: 'the first heading' };
  const first = all.find((l) => /\p{L}{2}/u.test(l) && !(kind === 'record' && ['marker', 'stamp', 'debris'].includes(classifyLine(l))));
  return first ? { value: cut(first.replace(/^#+\s*/, '')), from: 'the first line' } : null;
}

function cut(text: string): string {
  const t = squeeze(text);
  if (t.length <= MAX_TITLE) return t;
  const at = t.lastIndexOf(' ', MAX_TITLE - 1);
  return `${t.slice(0, at > 40 ? at : MAX_TITLE - 1)}…`;
}

/** The document date a date mention stands for. */
function docDate(m: Pick<DateMention, 'iso' | 'precision'>): DocDate {
  const precision = m.precision === 'season' ? 'year' : m.precision;
  return { iso: m.iso.slice(0, { day: 10, month: 7, year: 4 }[precision]), precision };
}

/**
 * Reads a date as a person writes it: `1963-11-05`, `1963-11`, `1963`, `undated`, or words
 * ("November 5, 1963", "5 Nov 1963"). Null when no date can be read from it.
 */
export function parseDate(text: string): DocDate | null {
  const t = text.trim();
  if (/^undated$/i.test(t)) return { iso: null, precision: 'undated' };
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (iso) {
    const [, y, m, d] = iso;
    if (m && (Number(m) < 1 || Number(m) > 12)) return null;
    if (d && (Number(d) < 1 || Number(d) > 31)) return null;
    return d ? { iso: `${y}-${m}-${d}`, precision: 'day' } : m ? { iso: `${y}-${m}`, precision: 'month' } : { iso: y!, precision: 'year' };
  }
  const found = extractDates(t);
  return found.length === 1 && found[0]!.text.length >= t.replace(/[.,]$/, '').length - 2 ? docDate(found[0]!) : null;
}

/**
 * The document's date: stated by the file (front matter, HTML meta), else the first full date of the
 * opening text, else its first month, else its first year (release banners and stamps skipped).
 */
export function inferDate(source: SourceText): Inferred<DocDate> {
  const stated = source.hints.date ? parseDate(source.hints.date) : null;
  if (stated) return { value: stated, from: source.format === 'html' ? "the page's published date" : 'the front matter' };
  const all = lines(source);
  const field = all.map((l) => /^DATE\s*:\s*(\S.*)$/i.exec(l)?.[1]).map((v) => (v ? extractDates(v).find((m) => m.precision === 'day') : undefined)).find(Boolean);
  if (field) return { value: docDate(field), from: `its DATE field: "${field.text}"` };
  let text = '';
  for (const line of all) {
    const cls = classifyLine(line);
    if (cls === 'marker' || cls === 'stamp') continue;
    text += (text ? ' ' : '') + line;
    if (text.length >= DATE_WINDOW) break;
  }
  const mentions = extractDates(text).filter((m) => !m.inferred);
  for (const precision of ['day', 'month', 'year'] as const) {
    const m = mentions.find((x) => x.precision === precision);
    if (m) return { value: docDate(m), from: `the text: "${m.text}"` };
  }
  return { value: { iso: null, precision: 'undated' }, from: 'no date found in the text' };
}

/** A slug from the file name (`Attwood Notes (2).md` → `attwood-notes-2`), made unique among `taken`. */
export function inferId(file: string, taken: ReadonlySet<string>): Inferred<string> {
  const base =
    basename(file, extname(file))
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'document';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return { value: id, from: id === base ? 'the file name' : 'the file name, numbered to be unique' };
}
