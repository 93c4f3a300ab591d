import { extname } from 'node:path';
import type { DocumentFormat } from '../types.js';

/** File extensions (lower case, with the dot) and the format each is read as. */
export const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

/** The format a file name's extension stands for, or null for an unknown one. */
export function formatOfFile(file: string): DocumentFormat | null {
  return EXTENSIONS[extname(file).toLowerCase()] ?? null;
}

/** "`.txt`, `.md`, `.html` or `.pdf`" for messages. */
export const KNOWN_EXTENSIONS_TEXT = '.txt, .md, .html or .pdf';
