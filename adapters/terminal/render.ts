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

function block(b: Block, style: TerminalStyle): string {
  switch (b.type) {
    case 'quote':
      return `${runs(b.runs, style).replace(/^/gm, '> ')} [${b.citation}]`;
    case 'text':
      return runs(b.runs, style);
    case 'heading':
      return style.bold(b.text);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '•'} ${runs(item, style)}`).join('\n');
    case 'notice':
      return b.tone === 'info' ? b.text : `${b.tone === 'error' ? 'Error' : 'Note'}: ${b.text}`;
    case 'citations':
      return ['Sources', ...b.items.map(citation)].join('\n');
    case 'also':
      return style.dim(`   also in ${b.items.map((c) => `[${c.n}] ${c.title}`).join('; ')}`);
    case 'picture':
      return style.dim(`Picture: ${b.alt} (--png FILE saves it as PNG)`);
  }
}

/** A reply as terminal text. Follow-up actions are shown as the commands that do the same. */
export function renderTerminal(reply: Reply, style: TerminalStyle = PLAIN): string {
  const parts = reply.blocks.map((b) => block(b, style));
  const follow = reply.actions.map((a) => {
    const args = Object.entries(a.args)
      .map(([k, v]) => (k === 'question' || k === 'id' ? JSON.stringify(String(v)) : `--${k} ${v}`))
      .join(' ');
    return `${a.label}: /${a.command} ${args}`;
  });
  if (follow.length) parts.push(style.dim(follow.join('\n')));
  return parts.join('\n\n');
}
