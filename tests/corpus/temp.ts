import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export const SEED = new URL('../../corpus', import.meta.url).pathname;
export const JFK = new URL('../fixtures/jfk', import.meta.url).pathname;

/** A fresh directory; with `seed`, a copy of the bundled corpus a test may change. */
export function tempDir(seed = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'bc-corpus-'));
  if (seed) cpSync(SEED, dir, { recursive: true });
  return dir;
}

/** Writes a file and returns its path. */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function manifestOf(dir: string): { documents: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

/** A one-document manifest entry with every required field. */
export function entry(id: string, file: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, file, title: id, kind: 'document', author: null, publisher: null, date: { iso: null, precision: 'undated' }, ...extra };
}

export function writeManifest(dir: string, documents: unknown[]): void {
  put(dir, 'manifest.json', JSON.stringify({ documents }, null, 2));
}

/**
 * A PDF with a text layer, written by pdf-lib: each page a list of paragraphs, each paragraph a list of
 * lines (a wider gap between paragraphs, as a typeset page has).
 */
export async function textPdf(pages: string[][][], info: { title?: string; author?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const paragraphs of pages) {
    const page = doc.addPage([612, 792]);
    let y = 720;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 72, y, size: 12, font });
        y -= 15;
      }
      y -= 12;
    }
  }
  return doc.save();
}

/** A PDF whose pages hold only drawings: no text layer, as a scan without OCR. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawRectangle({ x: 72, y: 72, width: 200, height: 300, color: rgb(0.2, 0.2, 0.2) });
  return doc.save();
}
