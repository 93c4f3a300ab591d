import { splitBlocks } from '../blocks.js';
import type { SourceText } from './source.js';

/** Plain text: blocks are separated by blank lines, headings guessed later from their shape. */
export function textSource(text: string): SourceText {
  return { format: 'txt', blocks: splitBlocks(text), structured: false, hints: {} };
}
