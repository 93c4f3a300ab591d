/**
 * The timeline as a picture (SVG): the events on a time axis, a day as a point, a month, season or
 * year as a translucent bar over every day it may denote, each marked with its number in the list,
 * documents told apart by colour (Okabe–Ito, safe for colour-blind readers) with a legend. Events are
 * packed into rows so that no two marks or numbers overlap; what does not fit in `MAX_ROWS` rows is
 * left out and the picture says how many and which. Only counts, numbers, dates and document titles
 * are written in it.
 */
import { MONTH_NAMES } from '../timeline/calendar.js';
import type { TimelineEvent } from '../timeline/types.js';

/** Picture settings, in pixels; chat clients show about 1200 px wide at full size. */
export const PICTURE = {
  width: 1200,
  margin: 40,
  rowHeight: 26,
  maxRows: 20,
  /** Font: DejaVu Sans, bundled (see png.ts). */
  font: 'DejaVu Sans',
} as const;

/** Colour-blind-safe colours, one per document in order of first appearance. */
export const DOCUMENT_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999933'] as const;

export interface TimelinePicture {
  svg: string;
  width: number;
  height: number;
  /** Numbers (1-based, as in the list) of the events drawn, and of those left out for lack of room. */
  drawn: number[];
  left: number[];
}

export interface PictureInput {
  /** "Timeline: 1963". */
  title: string;
  events: readonly TimelineEvent[];
  /** The days the axis spans (`YYYY-MM-DD`); default: from the first event's first day to the last one's. */
  first?: string;
  last?: string;
  /** Document titles by id, for the legend. */
  titles: ReadonlyMap<string, string>;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Rough width of text in DejaVu Sans (its average advance is about 0.6 em; bold digits about 0.7). */
const textWidth = (text: string, size: number, bold = false) => text.length * size * (bold ? 0.7 : 0.6);

interface Tick {
  at: number;
  label: string;
}

/** Axis ticks: days for a month or less, months for up to two years, else years every 1, 2, 5 or 10. */
function ticks(start: number, end: number): { major: Tick[]; minor: number[] } {
  const span = end - start;
  const major: Tick[] = [];
  const minor: number[] = [];
  const date = (n: number) => new Date(n * DAY);
  if (span <= 62) {
    for (let n = Math.ceil(start); n <= end; n++) {
      const d = date(n);
      if (d.getUTCDate() === 1 || d.getUTCDate() % 5 === 0) major.push({ at: n, label: d.getUTCDate() === 1 ? `${MONTH_NAMES[d.getUTCMonth()]!.slice(0, 3)} 1` : String(d.getUTCDate()) });
      else minor.push(n);
    }
    return { major, minor };
  }
  const firstYear = date(start).getUTCFullYear();
  const lastYear = date(end).getUTCFullYear();
  if (span <= 2 * 366) {
    for (let y = firstYear; y <= lastYear; y++)
      for (let m = 0; m < 12; m++) {
        const n = Date.UTC(y, m, 1) / DAY;
        if (n < start || n > end) continue;
        major.push({ at: n, label: m === 0 ? `${MONTH_NAMES[m]!.slice(0, 3)} ${y}` : MONTH_NAMES[m]!.slice(0, 3) });
      }
    return { major, minor };
  }
  const years = lastYear - firstYear + 1;
  const step = [1, 2, 5, 10, 20, 50].find((s) => years / s <= 24) ?? 100;
  for (let y = firstYear; y <= lastYear + 1; y++) {
    const n = Date.UTC(y, 0, 1) / DAY;
    if (n < start || n > end) continue;
    if (y % step === 0) major.push({ at: n, label: String(y) });
    else minor.push(n);
  }
  return { major, minor };
}

/** One mark: an event, or consecutive events of one document drawn on the same pixels. */
interface Mark {
  numbers: number[];
  doc: string;
  point: boolean;
  dashed: boolean;
  x0: number;
  x1: number;
}

interface Placed extends Mark {
  label: string;
  row: number;
  labelInside: boolean;
}

/** "7", "20–25" for a run of numbers, "3, 5" otherwise. */
const labelOf = (numbers: readonly number[]) =>
  numbers.length === 1 ? String(numbers[0]) : numbers[numbers.length - 1]! - numbers[0]! === numbers.length - 1 ? `${numbers[0]}–${numbers[numbers.length - 1]}` : numbers.join(', ');

/** Draws the events; see the module comment. */
export function timelineSvg(input: PictureInput): TimelinePicture {
  const { width, margin, rowHeight, maxRows, font } = PICTURE;
  const events = input.events;
  const start = dayNumber(input.first ?? events.reduce((min, e) => (e.from < min ? e.from : min), events[0]?.from ?? '1959-01-01'));
  const end = dayNumber(input.last ?? events.reduce((max, e) => (e.to > max ? e.to : max), events[0]?.to ?? '2015-12-31')) + 1;
  const plotLeft = margin;
  const plotRight = width - margin;
  const x = (day: number) => plotLeft + ((Math.min(Math.max(day, start), end) - start) / (end - start)) * (plotRight - plotLeft);

  // Colours by document, in order of first appearance.
  const colourOf = new Map<string, string>();
  for (const e of events) {
    const doc = e.citations[0]!.docId;
    if (!colourOf.has(doc)) colourOf.set(doc, DOCUMENT_COLOURS[colourOf.size % DOCUMENT_COLOURS.length]!);
  }

  // Marks: consecutive events of one document whose marks would cover the same pixels are one mark,
  // numbered with the range ("20–25"), so that a crowded stretch stays legible.
  const marks: Mark[] = [];
  events.forEach((event, i) => {
    let x0 = x(dayNumber(event.from));
    let x1 = x(dayNumber(event.to) + 1);
    if (event.precision === 'day') {
      x0 = (x0 + x1) / 2 - 6;
      x1 = x0 + 12;
    } else x1 = Math.max(x1, x0 + 4);
    const doc = event.citations[0]!.docId;
    const last = marks[marks.length - 1];
    const point = event.precision === 'day';
    if (last && last.doc === doc && last.point === point && Math.abs(last.x0 - x0) < 3 && Math.abs(last.x1 - x1) < 3) last.numbers.push(i + 1);
    else marks.push({ numbers: [i + 1], doc, point, dashed: event.precision !== 'day' && event.precision !== 'month', x0, x1 });
  });

  // Rows: each mark takes the first row where it and its number fit.
  const rowEnds: number[] = [];
  const placed: Placed[] = [];
  const left: number[] = [];
  for (const mark of marks) {
    const label = labelOf(mark.numbers);
    const labelWidth = textWidth(label, 12, true);
    const labelInside = !mark.point && mark.x1 - mark.x0 >= labelWidth + 10;
    const reach = labelInside ? mark.x1 : mark.x1 + 4 + labelWidth;
    const row = rowEnds.findIndex((endX) => endX + 6 <= mark.x0);
    const at = row >= 0 ? row : rowEnds.length < maxRows ? rowEnds.length : -1;
    if (at < 0) {
      left.push(...mark.numbers);
      continue;
    }
    rowEnds[at] = reach;
    placed.push({ ...mark, label, row: at, labelInside });
  }

  const top = 64;
  const rows = Math.max(1, rowEnds.length);
  const axisY = top + rows * rowHeight + 8;
  const legendTop = axisY + 58;
  const legendRows = [...colourOf.keys()];
  const note = left.length ? 1 : 0;
  const clustered = placed.some((p) => p.numbers.length > 1) ? 1 : 0;
  const height = legendTop + (legendRows.length + 1 + clustered + note) * 22 + 16;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${margin}" y="34" font-size="22" font-weight="bold" fill="#1a1a1a">${escapeXml(input.title)}</text>`);
  const summary = `${events.length} event${events.length === 1 ? '' : 's'} · ${colourOf.size} document${colourOf.size === 1 ? '' : 's'}`;
  out.push(`<text x="${width - margin}" y="34" font-size="15" text-anchor="end" fill="#555555">${escapeXml(summary)}</text>`);

  // Grid and axis.
  const { major, minor } = ticks(start, end);
  for (const t of major) out.push(`<line x1="${x(t.at).toFixed(1)}" y1="${top - 8}" x2="${x(t.at).toFixed(1)}" y2="${axisY}" stroke="#e4e4e4" stroke-width="1"/>`);
  out.push(`<line x1="${plotLeft}" y1="${axisY}" x2="${plotRight}" y2="${axisY}" stroke="#333333" stroke-width="1.5"/>`);
  for (const n of minor) out.push(`<line x1="${x(n).toFixed(1)}" y1="${axisY}" x2="${x(n).toFixed(1)}" y2="${axisY + 4}" stroke="#777777"/>`);
  let lastLabelEnd = -Infinity;
  for (const t of major) {
    const at = x(t.at);
    out.push(`<line x1="${at.toFixed(1)}" y1="${axisY}" x2="${at.toFixed(1)}" y2="${axisY + 8}" stroke="#333333" stroke-width="1.5"/>`);
    const w = textWidth(t.label, 13);
    if (at - w / 2 < lastLabelEnd + 6 || at + w / 2 > width - 4) continue;
    out.push(`<text x="${at.toFixed(1)}" y="${axisY + 24}" font-size="13" text-anchor="middle" fill="#333333">${escapeXml(t.label)}</text>`);
    lastLabelEnd = at + w / 2;
  }

  // Marks.
  for (const p of placed) {
    const colour = colourOf.get(p.doc)!;
    const cy = top + p.row * rowHeight + rowHeight / 2;
    const n = p.numbers.join(' ');
    if (p.point) {
      const r = p.numbers.length > 1 ? 7 : 6;
      out.push(`<circle class="event" data-n="${n}" cx="${((p.x0 + p.x1) / 2).toFixed(1)}" cy="${cy}" r="${r}" fill="${colour}"${p.numbers.length > 1 ? ' stroke="#1a1a1a" stroke-width="1.5"' : ''}/>`);
    } else {
      out.push(
        `<rect class="event" data-n="${n}" x="${p.x0.toFixed(1)}" y="${cy - 8}" width="${(p.x1 - p.x0).toFixed(1)}" height="16" rx="4" fill="${colour}" fill-opacity="0.22" stroke="${colour}" stroke-width="1.5" stroke-dasharray="${p.dashed ? '4 3' : 'none'}"/>`,
      );
    }
    const lx = p.labelInside ? (p.x0 + p.x1) / 2 : p.x1 + 4;
    out.push(`<text x="${lx.toFixed(1)}" y="${cy + 4.5}" font-size="12" font-weight="bold" fill="${p.labelInside ? colour : '#1a1a1a'}"${p.labelInside ? ' text-anchor="middle"' : ''}>${p.label}</text>`);
  }

  // Legend: what the marks mean, then one line per document.
  let y = legendTop;
  out.push(`<circle cx="${margin + 6}" cy="${y - 5}" r="6" fill="#555555"/>`);
  out.push(`<text x="${margin + 18}" y="${y}" font-size="13" fill="#333333">a day</text>`);
  out.push(`<rect x="${margin + 80}" y="${y - 13}" width="40" height="16" rx="4" fill="#555555" fill-opacity="0.22" stroke="#555555" stroke-width="1.5"/>`);
  out.push(`<text x="${margin + 128}" y="${y}" font-size="13" fill="#333333">a month</text>`);
  out.push(`<rect x="${margin + 200}" y="${y - 13}" width="40" height="16" rx="4" fill="#555555" fill-opacity="0.22" stroke="#555555" stroke-width="1.5" stroke-dasharray="4 3"/>`);
  out.push(`<text x="${margin + 248}" y="${y}" font-size="13" fill="#333333">a season, part of a year or a year: every day it may mean. Numbers are the list’s.</text>`);
  if (placed.some((p) => p.numbers.length > 1)) {
    y += 22;
    out.push(`<circle cx="${margin + 6}" cy="${y - 5}" r="7" fill="#555555" stroke="#1a1a1a" stroke-width="1.5"/>`);
    out.push(`<text x="${margin + 18}" y="${y}" font-size="13" fill="#333333">several events of one document drawn as one mark, numbered first–last</text>`);
  }
  for (const doc of legendRows) {
    y += 22;
    const colour = colourOf.get(doc)!;
    const title = input.titles.get(doc) ?? doc;
    const shown = title.length > 120 ? `${title.slice(0, 119)}…` : title;
    out.push(`<rect x="${margin}" y="${y - 12}" width="14" height="14" rx="3" fill="${colour}"/>`);
    out.push(`<text x="${margin + 22}" y="${y}" font-size="14" fill="#1a1a1a">${escapeXml(shown)}</text>`);
  }
  if (left.length) {
    y += 26;
    const numbers = left.length > 12 ? `${left.slice(0, 12).join(', ')}, …` : left.join(', ');
    out.push(`<text x="${margin}" y="${y}" font-size="14" font-weight="bold" fill="#B00020">${left.length} event${left.length === 1 ? '' : 's'} not drawn for lack of room (numbers ${numbers}).</text>`);
  }
  out.push('</svg>');
  return { svg: out.join('\n'), width, height, drawn: placed.flatMap((p) => p.numbers), left };
}
