/**
 * Text helpers for Discord: markdown escaping that keeps user and corpus text inert (no formatting, no
 * masked links, no mentions), and truncation that cuts at a sentence boundary, or failing that between
 * words, and marks the cut with an ellipsis.
 */
import type { Run } from '../../src/reply/model.js';
import { styledInside } from '../../src/reply/build.js';

export const ELLIPSIS = '…';
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Escapes Discord markdown so text shows exactly as written: emphasis, strike-through, code, spoilers,
 * quotes, headings, subtext, lists and masked links (`[x](https://…)`) are all neutralised, `<@…>`/`<#…>`
 * mention syntax shows as text, and `@everyone`/`@here` get a zero-width space so they can't mention.
 * `lineStart` says whether the text begins a line (where `#` would start a heading, and `-`, `+` or
 * `1.` a list).
 */
export function escapeMarkdown(text: string, lineStart = true): string {
  let out = text.replace(/[\\*_~`|>[\]<]/g, '\\$&');
  out = out.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`);
  // Headings (`#`, `-#`) and list markers only matter at the start of a line.
  out = out.replace(/(^|\n)([ \t]*)(#|-#|[-+](?=\s))/g, (match, nl: string, indent: string, marker: string, offset: number) =>
    offset === 0 && !lineStart && nl === '' ? match : `${nl}${indent}\\${marker}`,
  );
  out = out.replace(/(^|\n)([ \t]*)(\d+)\.(?=\s)/g, (match, nl: string, indent: string, digits: string, offset: number) =>
    offset === 0 && !lineStart && nl === '' ? match : `${nl}${indent}${digits}\\.`,
  );
  return out;
}

/** Collapses runs of whitespace (including newlines) to single spaces and trims the ends. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  ['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'prof', 'rev', 'vs', 'no', 'vol', 'pp', 'cf', 'etc', 'e.g', 'i.e', 'u.s', 'u.s.s.r', 'u.n'],
);

/**
 * Offsets just past each sentence end in `text`: a `.`, `!`, `?` or `…` (with any closing quotes or
 * brackets) followed by white space and a character that can start a sentence.
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const re = /[.!?…]+["'”’)\]]*(?=\s+(["'“‘(\[]?[\p{Lu}\p{N}]))/gu;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && !match[0].startsWith('..')) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, match.index - 12), match.index))?.[1] ?? '';
      // An initial (J. F. Kennedy) or a known abbreviation (Mr. Donovan) does not end a sentence.
      if (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    ends.push(end);
  }
  return ends;
}

/** Where to cut `text` so that what is kept, plus its ellipsis, fits in `max` characters. */
export interface Cut {
  /** Characters of `text` kept (before trimming trailing space and punctuation). */
  end: number;
  /** What follows the kept text: ` …` after a whole sentence, `…` after a word. */
  suffix: string;
}

/**
 * Chooses a cut: after the last whole sentence that fits, if that keeps at least half the room;
 * otherwise after the last whole word that fits; never inside a word (when not even one word fits,
 * only the ellipsis is left). Returns null when `text` already fits.
 */
export function chooseCut(text: string, max: number): Cut | null {
  if (text.length <= max) return null;
  const sentenceRoom = max - (ELLIPSIS.length + 1);
  const sentence = sentenceEnds(text)
    .filter((end) => end <= sentenceRoom)
    .pop();
  if (sentence !== undefined && sentence >= max / 2) return { end: sentence, suffix: ` ${ELLIPSIS}` };

  // The last gap between words at or before the room (text[room] being white space means the word fits).
  const wordRoom = max - ELLIPSIS.length;
  for (let i = wordRoom; i > 0; i -= 1) {
    if (/\s/.test(text[i] ?? '') && !/\s/.test(text[i - 1] ?? '')) {
      let end = i;
      // Don't leave dangling punctuation before the ellipsis ("Havana, …").
      while (end > 0 && /[\s,;:(\[{“‘"'—–-]/.test(text[end - 1] ?? '')) end -= 1;
      if (end > 0) return { end, suffix: ELLIPSIS };
    }
  }
  if (sentence !== undefined) return { end: sentence, suffix: ` ${ELLIPSIS}` };
  return { end: 0, suffix: ELLIPSIS };
}

/** Truncates plain text to at most `max` characters (see `chooseCut`). */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const cut = chooseCut(text, max);
  if (!cut) return text;
  if (max < ELLIPSIS.length) return '';
  const kept = text.slice(0, cut.end).trimEnd();
  return kept === '' ? ELLIPSIS : kept + cut.suffix;
}

/** The text of runs, joined. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

/** Truncates runs to at most `max` characters of raw text, keeping each run's marking. */
export function truncateRuns(runs: readonly Run[], max: number): Run[] {
  const text = runsText(runs);
  const cut = chooseCut(text, max);
  if (!cut) return runs.map((run) => ({ ...run }));
  const keep = text.slice(0, cut.end).trimEnd().length;
  const out: Run[] = [];
  let at = 0;
  for (const run of runs) {
    if (at >= keep) break;
    const piece = run.text.slice(0, keep - at);
    if (piece !== '') out.push({ ...run, text: piece });
    at += run.text.length;
  }
  out.push({ text: out.length === 0 ? ELLIPSIS : cut.suffix });
  return out;
}

/**
 * Renders runs to at most `max` characters of output. Escaping and markup make the output longer
 * than the raw text, so the raw budget is lowered by the overshoot until the rendering fits.
 */
export function fitRuns(runs: readonly Run[], max: number, render: (runs: readonly Run[]) => string): string {
  const full = render(runs);
  if (full.length <= max) return full;
  let budget = Math.min(runsText(runs).length - 1, max);
  while (budget > 0) {
    const rendered = render(truncateRuns(runs, budget));
    if (rendered.length <= max) return rendered;
    budget -= Math.max(1, rendered.length - max);
  }
  const minimal = render([{ text: ELLIPSIS }]);
  return minimal.length <= max ? minimal : '';
}

/**
 * Renders runs as Discord markdown: text escaped, marked runs in bold, italic runs (a book's title) in
 * italics, answer runs underlined (white space kept outside the markup).
 */
export function renderRuns(runs: readonly Run[], lineStart = true): string {
  // Merge neighbouring runs with the same marking, so bold spans are whole.
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = merged[merged.length - 1];
    const same = (x: Run, y: Run) => Boolean(x.marked) === Boolean(y.marked) && Boolean(x.answer) === Boolean(y.answer) && Boolean(x.italic) === Boolean(y.italic);
    if (last && same(last, run)) last.text += run.text;
    else merged.push({ text: run.text, marked: Boolean(run.marked), answer: Boolean(run.answer), italic: Boolean(run.italic) });
  }
  // `@everyone` split across runs (`@` plain, `everyone` marked) still gets its zero-width space.
  const full = merged.map((run) => run.text).join('');
  const mentions = [...full.matchAll(/@(?=everyone|here)/gi)].map((match) => match.index).reverse();
  for (const at of mentions) {
    let start = 0;
    for (const run of merged) {
      if (at < start + run.text.length) {
        const i = at - start + 1;
        run.text = run.text.slice(0, i) + ZERO_WIDTH_SPACE + run.text.slice(i);
        break;
      }
      start += run.text.length;
    }
  }
  let out = '';
  let atLineStart = lineStart;
  for (const run of merged) {
    const escaped = escapeMarkdown(run.text, atLineStart);
    if (run.marked || run.answer || run.italic) {
      const stars = run.marked && run.italic ? '***' : run.marked ? '**' : run.italic ? '*' : '';
      out += styledInside(escaped, (body) => (run.answer ? `__${stars}${body}${stars}__` : `${stars}${body}${stars}`));
    } else {
      out += escaped;
    }
    atLineStart = run.text.endsWith('\n');
  }
  return out;
}
