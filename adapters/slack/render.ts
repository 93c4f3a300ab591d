/**
 * Reply → Block Kit. Quotes become mrkdwn block quotes with the query terms in bold and their citation
 * number kept at the end; citations go in context blocks; follow-up actions become buttons that carry
 * their whole state in their value. Everything stays within Slack's limits: over-long text is cut at a
 * sentence boundary (the citation number survives the cut), and when a reply has more blocks than a
 * message may hold, content blocks are dropped from the end before any citation, notice or button is.
 */
import * as z from 'zod';
import type { Action, Block, Citation, Reply, Run } from '../../src/reply/model.js';
import { citationWhere, styledInside } from '../../src/reply/build.js';
import { slashName } from './commands.js';
import { SLACK_LIMITS } from './limits.js';
import { pictureFiles, type PictureFile } from '../pictures.js';
import { mrkdwnBold, mrkdwnItalic, mrkdwnText } from './text.js';
import { ELLIPSIS, fitPrefix, runsText, sliceRuns, truncateText } from './truncate.js';

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  /** True: Slack does not auto-link URLs, channel names or @words in it. */
  verbatim: true;
}
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface SectionBlock {
  type: 'section';
  text: MrkdwnText;
}
export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
}
export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}
export type SlackBlock = SectionBlock | ContextBlock | ActionsBlock;

export interface SlackMessage {
  /** Fallback text for notifications and clients that cannot show blocks. */
  text: string;
  blocks: SlackBlock[];
  /** Pictures to upload beside the message as PNG (`files.uploadV2`). */
  files?: PictureFile[];
}

/** Every button's action_id starts with this; the app routes on it. */
export const ACTION_PREFIX = 'backchannel:';

/** What a button carries: the command and arguments to run, and whether the outcome is private. */
export const actionValueSchema = z.object({
  c: z.string().min(1),
  a: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  p: z.literal(1).optional(),
});
export type ActionValue = z.infer<typeof actionValueSchema>;

export function encodeAction(action: Action): string {
  const value: ActionValue = { c: action.command, a: action.args, ...(action.private ? { p: 1 as const } : {}) };
  return JSON.stringify(value);
}

/** The state in a button's value, or undefined when it is not one of ours. */
export function decodeAction(value: string | undefined): ActionValue | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = actionValueSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const NOTICE_ICONS = { info: ':information_source:', warning: ':warning:', error: ':x:' } as const;
const FALLBACK_MAX = 500;

const mrkdwn = (text: string): MrkdwnText => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });

/** Underscores around already formatted mrkdwn (bold), white space kept outside them. */
function aroundItalic(formatted: string): string {
  return styledInside(formatted, (core) => `_${core}_`);
}

/** Runs as mrkdwn: marked runs bold, answer runs and italic runs (a book's title) italic (line by line, since neither can span a line break). */
export function runsToMrkdwn(runs: readonly Run[]): string {
  return runs
    .map((run) => (run.command && run.text.startsWith(`/${run.command}`) ? { ...run, text: slashName(run.command) + run.text.slice(run.command.length + 1) } : run))
    .map((run) =>
      run.marked || run.answer || run.italic
        ? run.text
            .split('\n')
            .map((line) => (!run.marked ? mrkdwnItalic(line) : run.answer || run.italic ? aroundItalic(mrkdwnBold(line)) : mrkdwnBold(line)))
            .join('\n')
        : mrkdwnText(run.text),
    )
    .join('');
}

/**
 * Runs formatted by `format`, cut at a sentence boundary (with an omission mark) so that the result
 * plus `suffix` is at most `max` characters. The suffix (a citation number) is never cut.
 */
function fitRuns(runs: readonly Run[], format: (runs: readonly Run[]) => string, suffix: string, max: number): string {
  const text = runsText(runs);
  const build = (end: number) => {
    const kept = sliceRuns(runs, end);
    if (end < text.length) {
      const last = kept.at(-1);
      if (last) kept[kept.length - 1] = { ...last, text: last.text.trimEnd() };
      kept.push({ text: ELLIPSIS });
    }
    return format(kept) + suffix;
  };
  const end = fitPrefix(text, (n) => build(n).length <= max);
  return build(end);
}

function quoteLines(mrkdwnBody: string): string {
  return mrkdwnBody
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function quoteBlock(runs: readonly Run[], citation: number): SectionBlock {
  const marker = ` [${citation}]`;
  return section(fitRuns(runs, (kept) => quoteLines(runsToMrkdwn(kept)), marker, SLACK_LIMITS.sectionText));
}

function textBlock(runs: readonly Run[]): SectionBlock {
  return section(fitRuns(runs, runsToMrkdwn, '', SLACK_LIMITS.sectionText));
}

function listBlock(items: readonly Run[][], ordered: boolean): SectionBlock {
  const runs: Run[] = [];
  items.forEach((item, index) => {
    if (index > 0) runs.push({ text: '\n' });
    runs.push({ text: ordered ? `${index + 1}. ` : '• ' }, ...item);
  });
  return section(fitRuns(runs, runsToMrkdwn, '', SLACK_LIMITS.sectionText));
}

function noticeBlock(tone: keyof typeof NOTICE_ICONS, text: string): SectionBlock {
  const icon = `${NOTICE_ICONS[tone]} `;
  return section(icon + fitRuns([{ text }], runsToMrkdwn, '', SLACK_LIMITS.sectionText - icon.length));
}

function headingBlock(text: string): SectionBlock {
  return section(fitRuns([{ text, marked: true }], runsToMrkdwn, '', SLACK_LIMITS.sectionText));
}

/** One citation as a line of mrkdwn: `*[1]* Title — kind, date, ¶ 3`. */
export function citationLine(citation: Citation): string {
  const where = citationWhere(citation);
  return `*[${citation.n}]* ${mrkdwnText(citation.title)} — ${mrkdwnText(where)}`;
}

/** Lines packed into at most `maxElements` context elements of at most `maxText` characters each. */
function contextBlocks(lines: string[]): ContextBlock[] {
  const perElement = Math.max(1, Math.ceil(lines.length / SLACK_LIMITS.contextElements));
  const elements: MrkdwnText[] = [];
  for (let i = 0; i < lines.length; i += perElement) {
    const text = lines.slice(i, i + perElement).join('\n');
    elements.push(mrkdwn(text.length <= SLACK_LIMITS.contextElementText ? text : truncateText(text, SLACK_LIMITS.contextElementText)));
  }
  const blocks: ContextBlock[] = [];
  for (let i = 0; i < elements.length; i += SLACK_LIMITS.contextElements)
    blocks.push({ type: 'context', elements: elements.slice(i, i + SLACK_LIMITS.contextElements) });
  return blocks;
}

function alsoBlock(of: number, items: readonly Citation[]): ContextBlock {
  const list = items
    .map((c) => `[${c.n}] ${mrkdwnText(c.title)} (${mrkdwnText(citationWhere(c))})`)
    .join('; ');
  const text = `Saying the same as [${of}]: ${list}`;
  return { type: 'context', elements: [mrkdwn(truncateText(text, SLACK_LIMITS.contextElementText))] };
}

function actionsBlocks(actions: readonly Action[]): ActionsBlock[] {
  const buttons: ButtonElement[] = [];
  actions.forEach((action, index) => {
    const value = encodeAction(action);
    if (value.length > SLACK_LIMITS.buttonValue) return; // Its state cannot travel with it; leave it out.
    buttons.push({
      type: 'button',
      action_id: `${ACTION_PREFIX}${action.id}:${index}`.slice(0, SLACK_LIMITS.actionId),
      text: { type: 'plain_text', text: truncateText(action.label, SLACK_LIMITS.buttonText), emoji: true },
      value,
    });
  });
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements)
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + SLACK_LIMITS.actionsElements) });
  return blocks;
}

interface Rendered {
  blocks: SlackBlock[];
  /** Content may be dropped to fit the block limit; citations, notices and buttons may not. */
  droppable: boolean;
}

function renderBlock(block: Block): Rendered {
  switch (block.type) {
    case 'quote':
      return { blocks: [quoteBlock(block.runs, block.citation)], droppable: true };
    case 'text':
      return { blocks: [textBlock(block.runs)], droppable: true };
    case 'heading':
      return { blocks: [headingBlock(block.text)], droppable: true };
    case 'list':
      return { blocks: [listBlock(block.items, block.ordered)], droppable: true };
    case 'notice':
      return { blocks: [noticeBlock(block.tone, block.text)], droppable: false };
    case 'citations':
      return { blocks: contextBlocks(block.items.map(citationLine)), droppable: false };
    case 'also':
      return { blocks: [alsoBlock(block.of, block.items)], droppable: false };
    case 'picture':
      return { blocks: [], droppable: true }; // uploaded as a file beside the message (see `files`)
  }
}

const TRIMMED_NOTE: ContextBlock = {
  type: 'context',
  elements: [mrkdwn('Some of this answer was left out to fit in a Slack message.')],
};

/** Drops content blocks from the end until the message fits, keeping everything else in order. */
function fitBlockCount(rendered: Rendered[], actions: ActionsBlock[]): SlackBlock[] {
  const max = SLACK_LIMITS.blocksPerMessage;
  const count = (items: Rendered[]) => items.reduce((sum, item) => sum + item.blocks.length, 0);
  if (count(rendered) + actions.length <= max) return [...rendered.flatMap((item) => item.blocks), ...actions];
  const fixed = count(rendered.filter((item) => !item.droppable)) + actions.length + 1;
  let room = Math.max(0, max - fixed);
  const kept = rendered.filter((item) => {
    if (!item.droppable) return true;
    if (item.blocks.length > room) {
      room = 0;
      return false;
    }
    room -= item.blocks.length;
    return true;
  });
  return [...kept.flatMap((item) => item.blocks), TRIMMED_NOTE, ...actions].slice(0, max);
}

/** A short plain summary for notifications: the first quote, else the first notice, else text. */
function fallbackText(reply: Reply): string {
  const first =
    reply.blocks.find((b) => b.type === 'quote') ??
    reply.blocks.find((b) => b.type === 'notice') ??
    reply.blocks.find((b) => b.type === 'text' || b.type === 'heading');
  if (!first) return 'Backchannel';
  switch (first.type) {
    case 'notice':
      return mrkdwnText(truncateText(first.text, FALLBACK_MAX));
    case 'quote':
      return `${mrkdwnText(truncateText(runsText(first.runs), FALLBACK_MAX))} [${first.citation}]`;
    case 'text':
      return mrkdwnText(truncateText(runsText(first.runs), FALLBACK_MAX));
    case 'heading':
      return mrkdwnText(truncateText(first.text, FALLBACK_MAX));
    default:
      return 'Backchannel';
  }
}

/** Slack refuses a whole message over one empty section or context block, so those are left out. */
function isEmpty(block: SlackBlock): boolean {
  switch (block.type) {
    case 'section':
      return block.text.text.trim() === '';
    case 'context':
      return block.elements.length === 0 || block.elements.every((element) => element.text.trim() === '');
    case 'actions':
      return block.elements.length === 0;
  }
}

/** The whole reply as a Slack message within Slack's limits. */
export function renderReply(reply: Reply): SlackMessage {
  const rendered = reply.blocks
    .map(renderBlock)
    .map((item) => ({ ...item, blocks: item.blocks.filter((block) => !isEmpty(block)) }))
    .filter((item) => item.blocks.length > 0);
  const blocks = fitBlockCount(rendered, actionsBlocks(reply.actions));
  const files = pictureFiles(reply);
  return { text: fallbackText(reply), blocks, ...(files.length ? { files } : {}) };
}
