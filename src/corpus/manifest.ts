import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BackchannelError } from '../errors.js';
import { DOCUMENT_KINDS, type DocumentMeta } from './types.js';

const isoPrefix = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const dateSchema = z
  .object({
    iso: z.string().regex(isoPrefix, 'must be YYYY, YYYY-MM or YYYY-MM-DD').nullable(),
    precision: z.enum(['day', 'month', 'year', 'undated']),
    note: z.string().optional(),
  })
  .refine(
    (d) => (d.precision === 'undated' ? d.iso === null : d.iso !== null && d.iso.length === { year: 4, month: 7, day: 10 }[d.precision]),
    { message: 'iso must match precision (null when undated)' },
  );

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

const documentSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, hyphens)'),
  file: z.string().min(1).refine((f) => !f.includes('/') && !f.includes('\\'), 'must be a file name inside the corpus directory'),
  title: z.string().min(1),
  kind: z.enum(DOCUMENT_KINDS),
  author: z.string().min(1).nullable(),
  publisher: z.string().min(1).nullable(),
  date: dateSchema,
  cleaning: z
    .object({
      dropParagraphs: z.array(regexSource).default([]),
      sentencePerParagraph: z.boolean().default(false),
      readerComments: z.boolean().default(false),
    })
    .default({ dropParagraphs: [], sentencePerParagraph: false, readerComments: false }),
});

export const manifestSchema = z.object({ documents: z.array(documentSchema).min(1, 'lists no documents') });

export const MANIFEST_FILE = 'manifest.json';

/**
 * Reads and validates `<dir>/manifest.json`. Every problem is reported with the file and the field
 * (`documents[2].kind`), and duplicate ids or files are refused.
 */
export function readManifest(dir: string): DocumentMeta[] {
  const path = join(dir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    throw corpusError(`${path}: cannot read the manifest (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, path, cause);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw corpusError(`${path}: is not valid JSON (${(cause as Error).message})`, path, cause);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${path}: ${formatPath(i.path)} ${i.message}`);
    throw corpusError(problems.join('\n'), path);
  }
  const docs = parsed.data.documents;
  const problems: string[] = [];
  for (const key of ['id', 'file'] as const) {
    const seen = new Map<string, number>();
    docs.forEach((doc, i) => {
      const first = seen.get(doc[key]);
      if (first !== undefined) problems.push(`${path}: documents[${i}].${key} "${doc[key]}" duplicates documents[${first}].${key}`);
      else seen.set(doc[key], i);
    });
  }
  if (problems.length) throw corpusError(problems.join('\n'), path);
  return docs;
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(root)';
}

export function corpusError(message: string, file: string, cause?: unknown): BackchannelError {
  return new BackchannelError('CORPUS_INVALID', message, { details: { file }, cause });
}
