import type { CorpusProblem } from '../problems.js';
import { pdfBlocks } from './pdf-layout.js';
import type { PdfExtraction } from './pdf-worker.js';
import type { SourceHints, SourceText } from './source.js';

/** A PDF's text layer as blocks, or the problem that keeps it out of the corpus. */
export function pdfSource(extraction: PdfExtraction, file: string): SourceText | CorpusProblem {
  if (!extraction.ok) {
    const message =
      extraction.name === 'PasswordException'
        ? 'is an encrypted PDF (it needs a password)'
        : extraction.name === 'InvalidPDFException'
          ? `is not a readable PDF (${extraction.message})`
          : `could not be read as a PDF (${extraction.name}: ${extraction.message})`;
    return { file, message };
  }
  const blocks = pdfBlocks(extraction.pages);
  if (!blocks.length) {
    return { file, message: `has no text layer (${extraction.pages.length} page${extraction.pages.length === 1 ? '' : 's'} of images only?): run OCR on it first` };
  }
  const hints: SourceHints = {};
  const title = extraction.info.title?.trim();
  if (title && !/^(untitled|microsoft \w+ - )|\.\w{2,4}$/i.test(title)) hints.title = title;
  const author = extraction.info.author?.trim();
  if (author) hints.author = author;
  return { format: 'pdf', blocks, structured: false, hints };
}
