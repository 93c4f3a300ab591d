/**
 * HTML through html-to-text (loaded on first use only). Scripts, styles, navigation, forms, asides,
 * footers and images are dropped; `<h1>`…`<h6>` become heading blocks and every paragraph, list item,
 * `<div>` or caption a block of its own. When the page has an `<article>` (else a `<main>`), only
 * that is read, which leaves most site chrome behind. `<title>`, `<meta name="author">` and the
 * published date (`article:published_time`, `<time datetime>`) become hints.
 */
import { createRequire } from 'node:module';
import type { HtmlToTextOptions, FormatCallback } from 'html-to-text';
import { splitBlocks } from '../blocks.js';
import type { SourceHints, SourceText } from './source.js';

const require = createRequire(import.meta.url);
let convertFn: ((html: string, options: HtmlToTextOptions) => string) | undefined;

function convert(html: string, options: HtmlToTextOptions): string {
  convertFn ??= (require('html-to-text') as typeof import('html-to-text')).convert;
  return convertFn(html, options);
}

/** Marks a heading's first line in the converted text; never occurs in real text. */
const HEADING_MARK = '\u241E';

/** Elements whose content is never document text. */
export const HTML_DROPPED = [
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'img', 'picture', 'video', 'audio',
  'nav', 'form', 'button', 'select', 'input', 'textarea', 'label', 'aside', 'footer', 'dialog',
  '[role=navigation]', '[role=search]', '[aria-hidden=true]', '[hidden]',
];

/** Elements that make a paragraph of their own. */
const BLOCKS = ['div', 'section', 'article', 'main', 'header', 'li', 'dd', 'dt', 'figcaption', 'blockquote', 'address', 'pre'];

const heading: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(HEADING_MARK);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

function options(base: string[], returnDomByDefault: boolean): HtmlToTextOptions {
  return {
    wordwrap: false,
    baseElements: { selectors: base, returnDomByDefault },
    formatters: { bcHeading: heading },
    selectors: [
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'bcHeading' })),
      ...HTML_DROPPED.map((selector) => ({ selector, format: 'skip' })),
      { selector: 'a', options: { ignoreHref: true } },
      ...BLOCKS.map((selector) => ({ selector, format: 'block', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } })),
      { selector: 'ul', format: 'block' },
      { selector: 'ol', format: 'block' },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false, maxColumnWidth: 10_000, colSpacing: 1 } },
    ],
  };
}

export function htmlSource(html: string): SourceText {
  let text = '';
  for (const [base, all] of [[['article'], false], [['main', '[role=main]'], false], [['body'], true]] as const) {
    text = convert(html, options([...base], all));
    if (text.trim()) break;
  }
  const blocks = splitBlocks(text).map((block) =>
    block.lines[0]?.startsWith(HEADING_MARK)
      ? { ...block, lines: [block.lines.join(' ').replaceAll(HEADING_MARK, '').trim()], heading: true }
      : { ...block, lines: block.lines.map((l) => l.replaceAll(HEADING_MARK, '')) },
  );
  return { format: 'html', blocks: blocks.filter((b) => b.lines.some((l) => l.trim())), structured: true, hints: htmlHints(html) };
}

/** `<title>` (or og:title), the author meta and the published date, as the page states them. */
function htmlHints(html: string): SourceHints {
  const found: Array<{ name: string; attribs: Record<string, string> }> = [];
  const capture: FormatCallback = (elem, walk, builder) => {
    found.push({ name: elem.name ?? '', attribs: elem.attribs ?? {} });
    walk(elem.children, builder);
  };
  const title = convert(html, { wordwrap: false, baseElements: { selectors: ['title'], returnDomByDefault: false } }).trim();
  convert(html, {
    wordwrap: false,
    baseElements: { selectors: ['meta', 'time'], returnDomByDefault: false },
    formatters: { capture },
    selectors: [{ selector: 'meta', format: 'capture' }, { selector: 'time', format: 'capture' }],
  });
  const meta = (...keys: string[]) =>
    found.find((f) => f.name === 'meta' && keys.includes((f.attribs['property'] ?? f.attribs['name'] ?? '').toLowerCase()))?.attribs['content']?.trim() || undefined;
  const hints: SourceHints = {};
  const pageTitle = meta('og:title') ?? (title || undefined);
  if (pageTitle) hints.title = pageTitle;
  const author = meta('author', 'article:author', 'dc.creator');
  if (author && !/^https?:/.test(author)) hints.author = author;
  const date = meta('article:published_time', 'date', 'dc.date', 'pubdate') ?? found.find((f) => f.name === 'time' && f.attribs['datetime'])?.attribs['datetime'];
  if (date) hints.date = date;
  return hints;
}
