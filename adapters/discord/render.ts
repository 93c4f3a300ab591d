/**
 * The platform-neutral Reply, as a Discord message: one embed (the first heading as its title, quotes
 * and prose in the description, numbered citations and "also in" sources as fields) and a row of
 * buttons for the reply's actions. Everything stays within Discord's limits: text is cut at sentence
 * boundaries with an ellipsis, never mid-word, and a quote's citation number and its source line are
 * never dropped. Corpus and user text is escaped, and `allowed_mentions` is empty, so nothing pings.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Action, Block, Citation, Reply, Run } from '../../src/reply/model.js';
import { footerLines, planCustomId } from './custom-id.js';
import { LIMITS } from './limits.js';
import { pictureFiles, type PictureFile } from '../pictures.js';
import { ELLIPSIS, fitRuns, renderRuns, runsText, squash, truncate } from './text.js';

/** Mentions nothing: no user, role, `@everyone` or `@here` is ever notified. */
export const NO_MENTIONS: { parse: [] } = Object.freeze({ parse: [] }) as { parse: [] };

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowed_mentions: { parse: [] };
  /** Pictures to attach as PNG (uploaded as multipart when sent); the embed shows the first as its image. */
  files?: PictureFile[];
}

export const COLORS = { info: 0x5865f2, warning: 0xfee75c, error: 0xed4245 } as const;

/** Room kept for the citation fields and for the "also in" fields, out of the 6,000 a message may hold. */
const CITATIONS_BUDGET = 2000;
const ALSO_BUDGET = 1000;
/** Room for the footer that carries button values too long for a custom_id. */
const FOOTER_BUDGET = 1024;

const NOTICE_ICONS = { info: 'ℹ️', warning: '⚠️', error: '⛔' } as const;

/** A short plain message (cooldown, stale button, error): content only, escaped, within 2,000. */
export function renderText(text: string): DiscordMessage {
  return {
    content: fitRuns([{ text }], LIMITS.content, (runs) => renderRuns(runs)),
    embeds: [],
    components: [],
    allowed_mentions: { parse: [] },
  };
}

export function renderReply(reply: Reply): DiscordMessage {
  const { rows, footer } = renderButtons(reply.actions);

  const blocks = [...reply.blocks];
  const first = blocks[0];
  const title = first?.type === 'heading' ? renderTitle(first.text) : '';
  if (title) blocks.shift();

  const citations = uniqueCitations(blocks.flatMap((block) => (block.type === 'citations' ? block.items : [])));
  const fields = [...citationFields(citations)];
  // "Also in" sources that are numbered citations already get a short line under their quote;
  // any others are listed in fields of their own.
  const cited = new Set(citations.map((citation) => citation.n));
  const isCited = (block: Block) => block.type === 'also' && block.items.every((item) => cited.has(item.n));
  const alsoBlocks = blocks.filter((block): block is Extract<Block, { type: 'also' }> => block.type === 'also' && !isCited(block));
  fields.push(...alsoFields(alsoBlocks, LIMITS.embedFields - fields.length));

  const used = title.length + footer.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const descriptionBudget = Math.max(0, Math.min(LIMITS.embedDescription, LIMITS.embedTotal - used));
  const body = blocks.filter((block) => block.type !== 'citations' && (block.type !== 'also' || isCited(block)));
  let description = renderBody(body, descriptionBudget);
  if (!title && !description && fields.length === 0) description = reply.ok ? 'Nothing to show.' : 'Nothing was found.';

  const embed: APIEmbed = { color: colorOf(reply) };
  if (title) embed.title = title;
  if (description) embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  if (footer) embed.footer = { text: footer };
  const files = pictureFiles(reply);
  if (files[0]) embed.image = { url: `attachment://${files[0].name}` };

  return { embeds: [embed], components: rows, allowed_mentions: { parse: [] }, ...(files.length ? { files } : {}) };
}

function colorOf(reply: Reply): number {
  const tones = reply.blocks.flatMap((block) => (block.type === 'notice' ? [block.tone] : []));
  if (tones.includes('error')) return COLORS.error;
  if (tones.includes('warning') || !reply.ok) return COLORS.warning;
  return COLORS.info;
}

function renderTitle(text: string): string {
  return fitRuns([{ text: squash(text) }], LIMITS.embedTitle, (runs) => renderRuns(runs));
}

// ---------------------------------------------------------------------------------------------------
// Buttons

function renderButtons(actions: readonly Action[]): { rows: DiscordMessage['components']; footer: string } {
  const buttons: APIButtonComponentWithCustomId[] = [];
  const carried = new Map<string, string>();
  const maxButtons = LIMITS.buttonsPerRow * LIMITS.actionRows;
  for (const action of actions) {
    if (buttons.length >= maxButtons) break;
    const planned = planCustomId(action);
    if (!planned || buttons.some((button) => button.custom_id === planned.customId)) continue;
    // The footer holds one value per key: a button needing another value under a key already
    // carried would read the wrong one, so it is left out.
    const elided = Object.entries(planned.elided);
    if (elided.some(([key, value]) => carried.has(key) && carried.get(key) !== value)) continue;
    // A value with a line break can't be carried; pressing its button says so.
    for (const [key, value] of elided) if (!value.includes('\n')) carried.set(key, value);
    buttons.push({
      type: ComponentType.Button,
      style: buttons.length === 0 ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: truncate(squash(action.label), LIMITS.buttonLabel) || action.id.slice(0, LIMITS.buttonLabel),
      custom_id: planned.customId,
    });
  }
  const rows: DiscordMessage['components'] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  // Lines that don't fit are left out whole: a cut value would be recovered wrongly.
  let footer = '';
  for (const line of footerLines(Object.fromEntries(carried))) {
    const next = footer ? `${footer}\n${line}` : line;
    if (next.length <= FOOTER_BUDGET) footer = next;
  }
  return { rows, footer };
}

// ---------------------------------------------------------------------------------------------------
// Citations

function uniqueCitations(items: readonly Citation[]): Citation[] {
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(item.n) && seen.add(item.n));
}

/** How much of a citation's title to keep, from the whole title down to none (and then no details either). */
const TITLE_LENGTHS = [Infinity, 120, 80, 50, 30, 0, -1] as const;

function describeSource(citation: Citation, titleLength: number): string {
  // Below zero: the bare minimum, the paragraph alone (for replies with very many citations).
  if (titleLength < 0) return `¶ ${citation.paragraph}`;
  const title = titleLength > 0 ? fitRuns([{ text: squash(citation.title) }], titleLength, (runs) => renderRuns(runs, false)) : '';
  const details = [citation.kind, citation.date, `¶ ${citation.paragraph}`, ...(citation.page !== undefined ? [`p. ${citation.page}`] : [])].map((part) => fitRuns([{ text: squash(String(part)) }], 60, (runs) => renderRuns(runs, false)));
  if (citation.comment && !/comment/i.test(citation.kind)) details.push('reader comment');
  return title ? `${title} — ${details.join(', ')}` : details.join(', ');
}

function citationLine(citation: Citation, titleLength: number): string {
  return `[${citation.n}] ${describeSource(citation, titleLength)}`;
}

/** Packs lines into fields of at most 1,024 characters; the first is named `name`, the rest `name (cont.)`. */
function packFields(name: string, lines: readonly string[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let value = '';
  for (const line of lines) {
    const clipped = truncate(line, LIMITS.fieldValue);
    if (value && value.length + 1 + clipped.length > LIMITS.fieldValue) {
      fields.push({ name: fields.length === 0 ? name : `${name} (cont.)`, value });
      value = '';
    }
    value = value ? `${value}\n${clipped}` : clipped;
  }
  if (value) fields.push({ name: fields.length === 0 ? name : `${name} (cont.)`, value });
  return fields;
}

/**
 * One line per citation, every citation kept: titles are shortened (then left out) until the lines
 * fit the citations' share of the message.
 */
function citationFields(citations: readonly Citation[]): APIEmbedField[] {
  if (citations.length === 0) return [];
  let fields: APIEmbedField[] = [];
  for (const titleLength of TITLE_LENGTHS) {
    fields = packFields('Sources', citations.map((citation) => citationLine(citation, titleLength)));
    const size = fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    if (size <= CITATIONS_BUDGET && fields.length <= LIMITS.embedFields) break;
  }
  return fields;
}

/** One field per "also in" block, within the fields left and the also-in share of the message. */
function alsoFields(blocks: ReadonlyArray<Extract<Block, { type: 'also' }>>, fieldsLeft: number): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let room = ALSO_BUDGET;
  for (const block of blocks) {
    if (fields.length >= fieldsLeft || block.items.length === 0) break;
    const name = `Also in, for [${block.of}]`;
    const max = Math.min(LIMITS.fieldValue, room - name.length);
    const lines = block.items.map((item) => `- ${describeSource(item, 80)}`);
    const valueOf = (kept: number) =>
      [...lines.slice(0, kept), ...(kept < lines.length ? [`- ${ELLIPSIS}and ${lines.length - kept} more`] : [])].join('\n');
    let kept = lines.length;
    while (kept > 0 && valueOf(kept).length > max) kept -= 1;
    const value = valueOf(kept);
    if (value.length > max) break;
    fields.push({ name, value });
    room -= name.length + value.length;
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------
// Description

const blockquote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** Renders one block in at most `max` characters. */
function renderBlock(block: Block, max: number): string {
  switch (block.type) {
    case 'heading':
      return fitRuns([{ text: squash(block.text) }], max, (runs) => `**${renderRuns(runs)}**`);
    case 'text':
      return fitRuns(block.runs, max, (runs) => renderRuns(runs));
    case 'quote':
      return fitRuns(block.runs, max, (runs) => `${blockquote(renderRuns(runs))} [${block.citation}]`);
    case 'notice':
      return fitRuns([{ text: block.text }], max, (runs) => `${NOTICE_ICONS[block.tone]} ${renderRuns(runs, false)}`);
    case 'list':
      return renderList(block.items, block.ordered, max);
    case 'also':
      return fitRuns([{ text: block.items.map((item) => `[${item.n}]`).join(', ') }], max, (runs) => `Also in ${runsText(runs)}`);
    case 'citations':
    case 'picture':
      return '';
  }
}

function renderList(items: readonly Run[][], ordered: boolean, max: number): string {
  const lines: string[] = [];
  let length = 0;
  for (const [index, item] of items.entries()) {
    const marker = ordered ? `${index + 1}. ` : '- ';
    const line = `${marker}${renderRuns(item, false)}`;
    const gap = lines.length > 0 ? 1 : 0;
    if (length + gap + line.length <= max) {
      lines.push(line);
      length += gap + line.length;
      continue;
    }
    const room = max - length - gap - marker.length;
    if (room >= 20) lines.push(marker + fitRuns(item, room, (runs) => renderRuns(runs, false)));
    else if (length + gap + ELLIPSIS.length <= max) lines.push(ELLIPSIS);
    break;
  }
  return lines.join('\n');
}

/**
 * Renders the body blocks, separated by blank lines, in at most `budget` characters. When they don't
 * all fit, the room is shared fairly: short blocks keep all they need, long ones split the rest.
 */
function renderBody(blocks: readonly Block[], budget: number): string {
  if (blocks.length === 0 || budget <= 0) return '';
  // Blocks are separated by a blank line, except that an "also in" line sits right under its quote.
  const separators = blocks.map((block, index) => {
    const previous = blocks[index - 1];
    if (index === 0) return '';
    return block.type === 'also' && previous?.type === 'quote' && previous.citation === block.of ? '\n' : '\n\n';
  });
  const join = (texts: readonly string[]) => texts.reduce((out, text, index) => (text ? (out ? out + separators[index] + text : text) : out), '');
  const full = blocks.map((block) => renderBlock(block, Infinity));
  const available = budget - separators.reduce((sum, separator) => sum + separator.length, 0);
  const total = full.reduce((sum, text) => sum + text.length, 0);
  if (total <= available) return join(full);

  const allowance = new Array<number>(blocks.length).fill(0);
  const order = full.map((text, index) => ({ index, length: text.length })).sort((a, b) => a.length - b.length);
  let remaining = Math.max(0, available);
  order.forEach(({ index, length }, position) => {
    const share = Math.floor(remaining / (order.length - position));
    allowance[index] = Math.min(length, share);
    remaining -= allowance[index];
  });
  return join(blocks.map((block, index) => ((full[index] ?? '').length <= (allowance[index] ?? 0) ? (full[index] ?? '') : renderBlock(block, allowance[index] ?? 0))));
}
