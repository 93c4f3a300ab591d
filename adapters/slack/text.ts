/**
 * Text going to and coming from Slack.
 *
 * Outgoing: Slack's mrkdwn gives `&`, `<` and `>` meaning (`<!channel>`, `<@U123>`, `<https://…|label>`),
 * so every piece of user or corpus text has exactly those three escaped — nothing else, since Slack
 * decodes no other entity. Escaping alone leaves `*`, `_`, `~` and `` ` `` able to start bold, italic,
 * strike or code, which would change what a quote appears to say; mrkdwn has no escape for them, so
 * each one is fenced with a zero-width space on both sides. Whichever way Slack classifies U+200B
 * (space or word character), a fenced mark then fails either the "opens after a space" or the "closes
 * before a space" rule, so it shows as itself. The text reads the same; copying it picks up invisible
 * characters, which is the price.
 *
 * Incoming: message and command text arrives with the same three characters escaped and with
 * mentions, channels and links as `<…>` markup; it is turned back into what the person saw.
 */
import { styledInside } from '../../src/reply/build.js';

/** Escapes `&`, `<` and `>` — only those — so no text can become a mention, a broadcast or a link. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ZWSP = '\u200B';
const FORMATTING = /[*_~`]/g;

/** Fences mrkdwn's formatting characters so they show as themselves (see the module comment). */
export function neutralizeFormatting(text: string): string {
  return text.replace(FORMATTING, (mark) => `${ZWSP}${mark}${ZWSP}`);
}

/** User or corpus text, made safe to place inside a mrkdwn string. */
export function mrkdwnText(text: string): string {
  return neutralizeFormatting(escapeSlack(text));
}

/** Bold in mrkdwn: the text made safe, whitespace kept outside the markers (`* x*` would not bold). */
export function mrkdwnBold(text: string): string {
  return wrapped(text, '*');
}

/** Italic in mrkdwn: `_…_` around the text, white space kept outside. */
export function mrkdwnItalic(text: string): string {
  return wrapped(text, '_');
}

function wrapped(text: string, mark: string): string {
  return styledInside(text, (core) => `${mark}${mrkdwnText(core)}${mark}`);
}

/** Removes the zero-width fences again (for tests and for reading rendered text back). */
export function stripFences(text: string): string {
  return text.replaceAll(ZWSP, '');
}

export interface FromSlackOptions {
  /** The bot's own user id: its mention is removed rather than turned into `@name`. */
  botUserId?: string;
}

/**
 * Turns incoming Slack text back into what the person typed or saw: the bot's own mention removed,
 * other mentions and channels as `@name` / `#name`, links as their label (or address), and `&amp;`,
 * `&lt;`, `&gt;` decoded. Whitespace is collapsed.
 */
export function fromSlackText(text: string, options: FromSlackOptions = {}): string {
  const decoded = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? undefined : inner.slice(bar + 1);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      if (options.botUserId !== undefined && id === options.botUserId) return ' ';
      return label !== undefined && label !== '' ? `@${label.replace(/^@/, '')}` : `@${id}`;
    }
    if (target.startsWith('#')) return label !== undefined && label !== '' ? `#${label}` : target;
    if (target.startsWith('!')) {
      if (label !== undefined && label !== '') return label;
      const special = target.slice(1).split('^')[0] ?? '';
      return `@${special}`;
    }
    return label !== undefined && label !== '' ? label : target;
  });
  return decoded
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
