import type { Block, Citation, Reply, Run } from '../../src/reply/model.js';
import { citationLine, styledInside } from '../../src/reply/build.js';

/**
 * How marked runs (query terms) and answer runs show in a terminal: ANSI bold and underline on a TTY,
 * **asterisks** and __underscores__ otherwise.
 */
export interface TerminalStyle {
  bold: (text: string) => string;
  underline: (text: string) => string;
  italic: (text: string) => string;
  dim: (text: string) => string;
}

export const ANSI: TerminalStyle = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  underline: (t) => `\x1b[4m${t}\x1b[24m`,
  italic: (t) => `\x1b[3m${t}\x1b[23m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};
/** Plain text keeps italics out: a title copied from it into a paper is then italicised there. */
export const PLAIN: TerminalStyle = { bold: (t) => `**${t}**`, underline: (t) => `__${t}__`, italic: (t) => t, dim: (t) => t };

/** Runs styled, the spaces around a styled run left outside its markers ("__in Havana__ **visit**", not "__in Havana ____**visit**__"). */
function runs(items: Run[], style: TerminalStyle): string {
  return items
    .map((r) => {
      if (!r.marked && !r.italic && !r.answer) return r.text;
      return styledInside(r.text, (body) => {
        const text = r.marked ? style.bold(body) : r.italic ? style.italic(body) : body;
        return r.answer ? style.underline(text) : text;
      });
    })
    .join('');
}

function citation(c: Citation): string {
  return `${citationLine(c)} — ${c.passageId}`;
}

/**
 * Word wrapping to a terminal's width. `wrap` is wrap-ansi's (ANSI styles are not counted as
 * columns and are closed and reopened across a break); the caller loads it only for a terminal, as
 * its import costs about 50 ms of start-up.
 */
export interface TerminalWrap {
  columns: number;
  wrap: (text: string, columns: number, options: { hard: boolean }) => string;
}

/** Below this many columns, lines are left whole rather than wrapped into a sliver. */
const NARROWEST = 24;

/**
 * Text wrapped to the width left beside its prefix, the first line after `first` and the others
 * after `rest` (the quote's "> " on every line; a list item's text hung under its first word).
 * Without a width, the text's own lines are only prefixed.
 */
function fill(text: string, layout: TerminalWrap | undefined, first: string, rest = first): string {
  const columns = (layout?.columns ?? 0) - Math.max(first.length, rest.length);
  const lines = layout && columns >= NARROWEST ? layout.wrap(text, columns, { hard: true }) : text;
  return lines
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

function block(b: Block, style: TerminalStyle, layout: TerminalWrap | undefined): string {
  switch (b.type) {
    case 'quote':
      return fill(`${runs(b.runs, style)} [${b.citation}]`, layout, '> ');
    case 'text':
      return fill(runs(b.runs, style), layout, '');
    case 'heading':
      return fill(style.bold(b.text), layout, '');
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = `${b.ordered ? `${i + 1}.` : '•'} `;
          return fill(runs(item, style), layout, marker, ' '.repeat(marker.length));
        })
        .join('\n');
    case 'notice':
      return fill(b.tone === 'info' ? b.text : `${b.tone === 'error' ? 'Error' : 'Note'}: ${b.text}`, layout, '');
    case 'citations':
      return ['Sources', ...b.items.map((c) => fill(citation(c), layout, '', '    '))].join('\n');
    case 'also':
      return style.dim(fill(`also in ${b.items.map((c) => `[${c.n}] ${c.title}`).join('; ')}`, layout, '   ', '     '));
    case 'picture':
      return style.dim(fill(`Picture: ${b.alt} (--png FILE saves it as PNG)`, layout, ''));
  }
}

/**
 * A reply as terminal text, wrapped at word boundaries to `layout`'s width when given (a terminal's;
 * a pipe or file gets each paragraph on one line). Follow-up actions are shown as the commands that
 * do the same.
 */
export function renderTerminal(reply: Reply, style: TerminalStyle = PLAIN, layout?: TerminalWrap): string {
  const parts = reply.blocks.map((b) => block(b, style, layout));
  const follow = reply.actions.map((a) => {
    const args = Object.entries(a.args)
      .map(([k, v]) => (k === 'question' || k === 'id' ? JSON.stringify(String(v)) : `--${k} ${v}`))
      .join(' ');
    return fill(`${a.label}: /${a.command} ${args}`, layout, '', '  ');
  });
  if (follow.length) parts.push(style.dim(follow.join('\n')));
  return parts.join('\n\n');
}

/** wrap-ansi at the terminal's width, or nothing when the output is not a terminal (a pipe, a file, a test's stream). */
export async function terminalWrap(output: { isTTY?: boolean; columns?: number }): Promise<TerminalWrap | undefined> {
  if (output.isTTY !== true || !output.columns) return undefined;
  const { default: wrap } = await import('wrap-ansi');
  return {
    get columns() {
      return output.columns ?? 0;
    },
    wrap,
  };
}
