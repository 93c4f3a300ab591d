/**
 * Markdown through marked's lexer (loaded on first use only): headings become heading blocks, each
 * paragraph, list item, quotation and table row a block of its own, inline markup is dropped (link
 * text kept, images and raw HTML dropped), code blocks are left out. A YAML front matter's `title`,
 * `author` and `date` become hints.
 */
import { createRequire } from 'node:module';
import type { Token, Tokens } from 'marked';
import type { RawBlock } from '../blocks.js';
import type { SourceHints, SourceText } from './source.js';

const require = createRequire(import.meta.url);
let lexer: ((src: string) => Token[]) | undefined;

function lex(src: string): Token[] {
  lexer ??= (require('marked') as typeof import('marked')).Lexer.lex;
  return lexer(src);
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/;

export function markdownSource(text: string): SourceText {
  const hints: SourceHints = {};
  const front = FRONT_MATTER.exec(text);
  if (front) {
    for (const line of front[1]!.split('\n')) {
      const m = /^(title|author|date):\s*(.+?)\s*$/i.exec(line);
      if (m) hints[m[1]!.toLowerCase() as keyof SourceHints] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
    }
    text = '\n'.repeat(front[0].split('\n').length - 1) + text.slice(front[0].length); // keep line numbers
  }
  const blocks: RawBlock[] = [];
  const lineAt = lineIndex(text);
  walk(lex(text), text, 0, blocks, lineAt);
  return { format: 'md', blocks, structured: true, hints };
}

/** Appends the blocks of `tokens`, which start at or after `offset` in `src`. */
function walk(tokens: readonly Token[], src: string, offset: number, out: RawBlock[], lineAt: (offset: number) => number): void {
  let pos = offset;
  for (const token of tokens) {
    const found = token.raw ? src.indexOf(token.raw, pos) : -1;
    const start = found >= 0 ? found : pos;
    const line = lineAt(start);
    switch (token.type) {
      case 'heading':
        pushBlock(out, inline((token as Tokens.Heading).tokens).replace(/\s*\n\s*/g, ' '), line, true);
        break;
      case 'paragraph':
      case 'text':
        pushBlock(out, 'tokens' in token && token.tokens ? inline(token.tokens) : decode(token.text), line, false);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) walk(item.tokens, src, start, out, lineAt);
        break;
      case 'blockquote':
        walk((token as Tokens.Blockquote).tokens, src, start, out, lineAt);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const [i, row] of [table.header, ...table.rows].entries()) {
          pushBlock(out, row.map((cell) => inline(cell.tokens)).filter(Boolean).join(' — '), line + (i === 0 ? 0 : i + 1), false);
        }
        break;
      }
      default: // code, html, hr, space, def: no prose
    }
    if (found >= 0) pos = found + token.raw.length;
  }
}

function pushBlock(out: RawBlock[], text: string, line: number, heading: boolean): void {
  const lines = text.split('\n').map((l) => l.replace(/[ \t]+$/, '')).filter((l) => l.trim() !== '');
  if (!lines.length) return;
  out.push({ lines, line, ...(heading ? { heading: true } : {}) });
}

/** The plain text of inline tokens: markup dropped, link text kept, images and raw HTML dropped. */
function inline(tokens: readonly Token[] | undefined): string {
  let text = '';
  for (const t of tokens ?? []) {
    if (t.type === 'image' || t.type === 'html') continue;
    if (t.type === 'br') text += '\n';
    else if ('tokens' in t && t.tokens?.length) text += inline(t.tokens);
    else if (t.type === 'codespan' || t.type === 'text' || t.type === 'escape') text += decode(t.text);
    else if ('text' in t && typeof t.text === 'string') text += decode(t.text);
  }
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–' };

/** Decodes the character references Markdown text keeps verbatim (`&amp;`, `&#8212;`). */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** offset → 1-based line, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
