/**
 * A document as a BibTeX `@misc` entry (the type every BibTeX style accepts for web pages, letters and
 * cables), from the same manifest fields as the Chicago citation.
 */
import { formatDate } from '../answer/citation.js';
import { accessedDate, splitAuthors, type CiteSource } from './chicago.js';

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Escapes the characters BibTeX and LaTeX treat specially. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`));
}

/** The entry key: the document id with anything BibTeX refuses in a key replaced. */
function entryKey(id: string, paragraph: number): string {
  return `${id.replace(/[^A-Za-z0-9:_-]/g, '-')}-p${paragraph}`;
}

/** The `@misc` entry for the passage's document; `id` is its manifest id. */
export function bibtexEntry(source: CiteSource, id: string): string {
  const { meta, passage } = source;
  const fields: Array<[string, string]> = [];
  const names = passage.comment ? [passage.comment.author] : meta.author ? splitAuthors(meta.author) : [];
  if (names.length) fields.push(['author', `{${names.map(bibtexEscape).join(' and ')}}`]);
  // Double braces keep the title's capitals as written.
  fields.push(['title', `{{${bibtexEscape(passage.comment ? `Comment on “${meta.title}”` : meta.title)}}}`]);
  if (meta.publisher) fields.push(['howpublished', `{${bibtexEscape(meta.publisher)}}`]);
  if (meta.date.iso) {
    fields.push(['year', `{${meta.date.iso.slice(0, 4)}}`]);
    const month = Number(meta.date.iso.slice(5, 7));
    if (month) fields.push(['month', MONTH_MACROS[month - 1]!]);
  }
  if (meta.url) fields.push(['url', `{${meta.url}}`]);
  fields.push(['urldate', `{${source.accessed.toISOString().slice(0, 10)}}`]);
  const where = passage.page !== undefined ? `page ${passage.page}, paragraph ${passage.paragraph}` : `paragraph ${passage.paragraph}`;
  const date = formatDate(meta.date);
  const note = `${passage.comment ? 'reader comment' : meta.kind}, ${date === 'undated' ? 'n.d.' : date}, ${where}; accessed ${accessedDate(source.accessed)}`;
  fields.push(['note', `{${bibtexEscape(note.charAt(0).toUpperCase() + note.slice(1))}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  return `@misc{${entryKey(id, passage.paragraph)},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value},`).join('\n')}\n}`;
}
