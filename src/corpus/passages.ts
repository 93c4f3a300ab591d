import type { DocumentMeta, Passage } from './types.js';
import type { Paragraph } from './paragraphs.js';
import { sentenceRanges } from '../text/sentences.js';

/**
 * Passage sizing, in words. A passage is a few sentences: big enough to hold an answer with its
 * context, small enough that the quote is easy to find in it.
 */
export const PASSAGE_SIZE = {
  /** A paragraph shorter than this joins the next one of its section (or the previous, if last). */
  minWords: 12,
  /** A paragraph longer than this is cut at sentence boundaries into balanced parts. */
  maxWords: 170,
  /** Target size when grouping one-sentence paragraphs (`sentencePerParagraph` documents). */
  groupTarget: 75,
  /** No group grows past this unless a single paragraph is longer. */
  groupMax: 140,
} as const;

/** Sentence openers that lean on the sentence before; a group should not start with them. */
const LEANS_BACK = /^(this|that|these|those|it|he|she|they|his|her|their|its|then|but|yet|still|thus|so|however|consequently|furthermore|despite|although|through|at that point|as a result)\b/i;
const LEAN_PENALTY = 1500;

interface Unit {
  parts: Paragraph[];
  words: number;
  paragraph: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Cuts a document's paragraphs into passages with stable ids, headings and sentence ranges. */
export function buildPassages(meta: DocumentMeta, paragraphs: Paragraph[]): Passage[] {
  const passages: Passage[] = [];
  let heading: string | null = null;
  let headingOpen = false;
  let section: Unit[] = [];
  let sectionComment: Paragraph['comment'];
  let paragraphNo = 0;

  const flush = () => {
    for (const group of groupUnits(section, meta.cleaning.sentencePerParagraph)) {
      passages.push(makePassage(meta, passages.length + 1, heading, group, sectionComment));
    }
    section = [];
  };

  for (const p of paragraphs) {
    if (p.role === 'table') continue;
    if (p.role === 'heading') {
      flush();
      heading = headingOpen && heading ? `${heading} — ${p.text}` : p.text;
      headingOpen = true;
      continue;
    }
    headingOpen = false;
    if (p.comment?.index !== sectionComment?.index) {
      flush();
      sectionComment = p.comment;
      if (p.comment) heading = null;
    }
    paragraphNo++;
    const last = section.at(-1);
    if (p.role === 'attribution' && last) {
      last.parts.push(p);
      last.words += words(p.text);
      continue;
    }
    section.push({ parts: [p], words: words(p.text), paragraph: paragraphNo });
  }
  flush();
  return passages;
}

function groupUnits(units: Unit[], sentencePerParagraph: boolean): Unit[] {
  if (!units.length) return [];
  if (sentencePerParagraph) return balancedGroups(units);
  const merged: Unit[] = [];
  for (const unit of units) {
    const prev = merged.at(-1);
    if (prev && prev.words < PASSAGE_SIZE.minWords) {
      merged[merged.length - 1] = join(prev, unit);
      continue;
    }
    merged.push(unit);
  }
  const tail = merged.at(-1);
  if (merged.length > 1 && tail && tail.words < PASSAGE_SIZE.minWords) merged.splice(-2, 2, join(merged.at(-2)!, tail));
  return merged.flatMap(splitLong);
}

function join(a: Unit, b: Unit): Unit {
  return { parts: [...a.parts, ...b.parts], words: a.words + b.words, paragraph: a.paragraph };
}

/** Groups consecutive units into passages near the target size (dynamic programming over cut points). */
function balancedGroups(units: Unit[]): Unit[] {
  const n = units.length;
  const best: number[] = [0];
  const cut: number[] = [0];
  for (let end = 1; end <= n; end++) {
    best[end] = Infinity;
    let size = 0;
    for (let start = end - 1; start >= 0; start--) {
      size += units[start]!.words;
      if (size > PASSAGE_SIZE.groupMax && start < end - 1) break;
      const lean = start > 0 && LEANS_BACK.test(units[start]!.parts[0]!.text) ? LEAN_PENALTY : 0;
      const cost = best[start]! + (size - PASSAGE_SIZE.groupTarget) ** 2 + lean;
      if (cost < best[end]!) {
        best[end] = cost;
        cut[end] = start;
      }
    }
  }
  const groups: Unit[] = [];
  for (let end = n; end > 0; end = cut[end]!) groups.unshift(units.slice(cut[end]!, end).reduce(join));
  return groups;
}

/** Cuts an over-long single paragraph at sentence boundaries into balanced parts. */
function splitLong(unit: Unit): Unit[] {
  const only = unit.parts[0]!;
  if (unit.words <= PASSAGE_SIZE.maxWords || unit.parts.length > 1) return [unit];
  const ranges = sentenceRanges(only.text);
  const parts = Math.ceil(unit.words / PASSAGE_SIZE.maxWords);
  const target = unit.words / parts;
  const out: Unit[] = [];
  let start = 0;
  let size = 0;
  ranges.forEach(([s, e], i) => {
    size += words(only.text.slice(s, e));
    const isLast = i === ranges.length - 1;
    if (isLast || (size >= target && out.length < parts - 1)) {
      const end = isLast ? only.text.length : e;
      const text = only.text.slice(start, end).trim();
      out.push({ parts: [{ ...only, text }], words: words(text), paragraph: unit.paragraph });
      start = end;
      size = 0;
    }
  });
  return out;
}

function makePassage(meta: DocumentMeta, n: number, heading: string | null, unit: Unit, comment: Paragraph['comment']): Passage {
  let text = '';
  const sentences: Array<[number, number]> = [];
  for (const part of unit.parts) {
    if (text) text += '\n';
    const offset = text.length;
    text += part.text;
    for (const [s, e] of sentenceRanges(part.text)) sentences.push([s + offset, e + offset]);
  }
  return {
    id: `${meta.id}#p${n}`,
    docId: meta.id,
    n,
    heading,
    text,
    sentences,
    paragraph: unit.paragraph,
    line: unit.parts[0]!.line,
    ...(unit.parts[0]!.page !== undefined ? { page: unit.parts[0]!.page } : {}),
    comment: comment ? { author: comment.author } : null,
  };
}
