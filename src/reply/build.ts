import type { Block, Citation, Reply, Run } from './model.js';

/** Cuts text into runs, marking the given [start, end) ranges (sorted, not overlapping). */
export function runsOf(text: string, marks: ReadonlyArray<readonly [number, number]> = []): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) runs.push({ text: text.slice(at, start) });
    runs.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
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
