import type { Block, Citation, Reply, Run } from './model.js';

/**
 * Cuts text into runs, marking the given [start, end) ranges (sorted, not overlapping) and the words
 * of `answer`, which may overlap them.
 */
export function runsOf(text: string, marks: ReadonlyArray<readonly [number, number]> = [], answer?: readonly [number, number]): Run[] {
  const cuts = new Set([0, text.length]);
  for (const [s, e] of marks) cuts.add(s).add(e);
  if (answer) cuts.add(answer[0]).add(answer[1]);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    if (start === end) continue;
    const run: Run = { text: text.slice(start, end) };
    if (marks.some(([s, e]) => s <= start && end <= e)) run.marked = true;
    if (answer && answer[0] <= start && end <= answer[1]) run.answer = true;
    const last = runs[runs.length - 1];
    if (last && Boolean(last.marked) === Boolean(run.marked) && Boolean(last.answer) === Boolean(run.answer)) last.text += run.text;
    else runs.push(run);
  }
  return runs;
}

/**
 * `text` styled by `style` without its leading and trailing white space, which stays outside the
 * markers (Slack does not bold "* x*", and "his ____**visit**__" reads badly anywhere); all white
 * space is left as it is.
 */
export function styledInside(text: string, style: (body: string) => string): string {
  const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  return body === '' ? text : `${lead}${style(body)}${trail}`;
}

/** Plain prose runs. */
export const plain = (text: string): Run[] => [{ text }];

export const notice = (tone: 'info' | 'warning' | 'error', text: string): Block => ({ type: 'notice', tone, text });

/** Where a citation points, after its title: "article, November 5, 1963, ¶ 14" (", p. 2" for a paged source). */
export function citationWhere(c: Citation): string {
  return `${c.kind}, ${c.date}, ¶ ${c.paragraph}${c.page !== undefined ? `, p. ${c.page}` : ''}`;
}

/** How a citation reads in plain text: "[1] Title (kind, date, ¶ 12)". */
export function citationLine(c: Citation): string {
  return `[${c.n}] ${c.title} (${citationWhere(c)})`;
}

/** A reply that only says something (no quotes). */
export function noticeReply(tone: 'info' | 'warning' | 'error', text: string, data: unknown, ok: boolean): Reply {
  return { blocks: [notice(tone, text)], actions: [], data, ok };
}
