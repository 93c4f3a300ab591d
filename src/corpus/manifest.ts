import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, type DocumentMeta } from './types.js';
import { formatOfFile, KNOWN_EXTENSIONS_TEXT } from './formats/names.js';
import { lineOfPath, lineOfOffset, jsonSyntaxErrors } from './manifest-lines.js';
import { problemsError, type CorpusProblem } from './problems.js';

export { corpusError } from './problems.js';

const isoPrefix = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const dateSchema = z
  .object({
    iso: z.string().regex(isoPrefix, 'must be YYYY, YYYY-MM or YYYY-MM-DD').nullable(),
    precision: z.enum(['day', 'month', 'year', 'undated']),
    note: z.string().optional(),
  })
  .refine(
    (d) => (d.precision === 'undated' ? d.iso === null : d.iso !== null && d.iso.length === { year: 4, month: 7, day: 10 }[d.precision]),
    { message: 'iso must match precision (null when undated)' },
  );

/** A document's address online: http or https, with a domain name (no `localhost`, no bare IP). */
export const urlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http or https address with a domain name' });

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression' },
);

/** A manifest entry as written. `format` and `cleaning.ocr` may be left out: they default (see below). */
export const documentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, hyphens)'),
    file: z.string().min(1).refine((f) => !f.includes('/') && !f.includes('\\'), 'must be a file name inside the corpus directory'),
    format: z.enum(DOCUMENT_FORMATS).optional(),
    title: z.string().min(1),
    kind: z.enum(DOCUMENT_KINDS),
    author: z.string().min(1).nullable(),
    publisher: z.string().min(1).nullable(),
    date: dateSchema,
    url: urlSchema.optional(),
    cleaning: z
      .object({
        dropParagraphs: z.array(regexSource).default([]),
        sentencePerParagraph: z.boolean().default(false),
        readerComments: z.boolean().default(false),
        ocr: z.boolean().optional(),
      })
      .default({ dropParagraphs: [], sentencePerParagraph: false, readerComments: false }),
  })
  .superRefine((doc, ctx) => {
    if (!doc.format && !formatOfFile(doc.file))
      ctx.addIssue({ code: 'custom', path: ['file'], message: `has an unknown format (expected ${KNOWN_EXTENSIONS_TEXT}, or set "format")` });
  })
  .transform(
    (doc): DocumentMeta => ({
      ...doc,
      format: doc.format ?? formatOfFile(doc.file)!,
      cleaning: { ...doc.cleaning, ocr: doc.cleaning.ocr ?? doc.kind === 'record' },
    }),
  );

export const manifestSchema = z.object({ documents: z.array(z.unknown()).min(1, 'lists no documents') });

export const MANIFEST_FILE = 'manifest.json';

/** What `checkManifest` found: the entries that are valid, and every problem of the others. */
export interface ManifestCheck {
  /** Valid entries, defaults applied, in manifest order (entries with problems are left out). */
  documents: DocumentMeta[];
  problems: CorpusProblem[];
}

/**
 * Validates `<dir>/manifest.json` entry by entry, so that one bad entry does not hide the others.
 * Every problem names the file, the field (`documents[2].kind`) and its line in the manifest;
 * duplicate ids and files are problems too.
 */
export function checkManifest(dir: string): ManifestCheck {
  const path = join(dir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    return fail({ file: path, message: `cannot read the manifest (${(cause as NodeJS.ErrnoException).code ?? 'error'})` });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    const offset = jsonSyntaxErrors(raw)[0] ?? 0;
    const { line, column } = lineOfOffset(raw, offset);
    return fail({ file: path, line, message: `is not valid JSON (${(cause as Error).message}; line ${line}, column ${column})` });
  }
  const at = (p: PropertyKey[]) => lineOfPath(raw, p);
  const top = manifestSchema.safeParse(json);
  if (!top.success) return fail(...top.error.issues.map((i) => ({ file: path, line: at(i.path), message: `${formatPath(i.path)} ${i.message}` })));

  const problems: CorpusProblem[] = [];
  const documents: Array<{ meta: DocumentMeta; index: number }> = [];
  top.data.documents.forEach((entry, index) => {
    const parsed = documentSchema.safeParse(entry);
    if (parsed.success) documents.push({ meta: parsed.data, index });
    else for (const i of parsed.error.issues) {
      const p = ['documents', index, ...i.path];
      problems.push({ file: path, line: at(p), message: `${formatPath(p)} ${i.message}` });
    }
  });
  for (const key of ['id', 'file'] as const) {
    const seen = new Map<string, number>();
    for (const { meta, index } of documents) {
      const first = seen.get(meta[key]);
      if (first === undefined) seen.set(meta[key], index);
      else problems.push({ file: path, line: at(['documents', index, key]), message: `documents[${index}].${key} "${meta[key]}" duplicates documents[${first}].${key}` });
    }
  }
  const duplicated = new Set(problems.map((p) => /^documents\[(\d+)\]/.exec(p.message)?.[1]).filter(Boolean).map(Number));
  return { documents: documents.filter((d) => !duplicated.has(d.index)).map((d) => d.meta), problems };
}

/**
 * Reads and validates `<dir>/manifest.json`. Every problem is reported with the file, the field
 * (`documents[2].kind`) and its line, and duplicate ids or files are refused.
 */
export function readManifest(dir: string): DocumentMeta[] {
  const { documents, problems } = checkManifest(dir);
  if (problems.length) throw problemsError(problems);
  return documents;
}

function fail(...problems: CorpusProblem[]): ManifestCheck {
  return { documents: [], problems };
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(root)';
}
