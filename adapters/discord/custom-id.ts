/**
 * A button's whole state, in its `custom_id` (at most 100 characters), so that buttons keep working
 * after a restart and on any shard:
 *
 *     bc1:<action>:<command>:<p|->:<key>=<value>&<key>=<value>…
 *
 * `p` marks an action whose outcome only the presser sees. Values are typed: `s<text>`, `n<number>`,
 * `t`, `f`, or `@` for a string too long to fit, which the press recovers from the footer of the
 * message the button is on (see `footerLines`). `%`, `:`, `&` and `=` inside names and values are
 * percent-encoded; nothing else is, to keep ids short.
 */
import type { Action } from '../../src/reply/model.js';
import { LIMITS } from './limits.js';

export const CUSTOM_ID_VERSION = 'bc1';

export type ArgValue = string | number | boolean;

export interface ButtonState {
  action: string;
  command: string;
  private: boolean;
  args: Record<string, ArgValue>;
  /** Keys whose values were too long for the id and must be read from the message's footer. */
  elided: string[];
}

const escapePart = (text: string) => text.replace(/[%:&=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const unescapePart = (text: string) => text.replace(/%(25|3A|26|3D)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function encodeValue(value: ArgValue): string {
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return `n${value}`;
  return `s${escapePart(value)}`;
}

/** Encodes a state; keys listed in `elided` are written as `@`. */
export function encodeCustomId(state: Omit<ButtonState, 'elided'>, elided: ReadonlySet<string> = new Set()): string {
  const args = Object.entries(state.args)
    .map(([key, value]) => `${escapePart(key)}=${elided.has(key) ? '@' : encodeValue(value)}`)
    .join('&');
  return [CUSTOM_ID_VERSION, escapePart(state.action), escapePart(state.command), state.private ? 'p' : '-', args].join(':');
}

/** Decodes an id, or returns null for anything this version did not write (a stale or foreign button). */
export function decodeCustomId(customId: string): ButtonState | null {
  const parts = customId.split(':');
  if (parts.length !== 5) return null;
  const [version, action, command, flag, argText] = parts as [string, string, string, string, string];
  if (version !== CUSTOM_ID_VERSION || (flag !== 'p' && flag !== '-') || action === '' || command === '') return null;
  const entries: Array<[string, ArgValue]> = [];
  const elided: string[] = [];
  for (const pair of argText === '' ? [] : argText.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    const key = unescapePart(pair.slice(0, eq));
    const raw = pair.slice(eq + 1);
    if (raw === '@') {
      elided.push(key);
      entries.push([key, '']);
    } else if (raw === 't' || raw === 'f') {
      entries.push([key, raw === 't']);
    } else if (raw.startsWith('n')) {
      const n = Number(raw.slice(1));
      if (raw.length === 1 || !Number.isFinite(n)) return null;
      entries.push([key, n]);
    } else if (raw.startsWith('s')) {
      entries.push([key, unescapePart(raw.slice(1))]);
    } else {
      return null;
    }
  }
  // A custom_id comes from the client, so keys become own properties only (never `__proto__` setters).
  const args: Record<string, ArgValue> = Object.fromEntries(entries);
  return { action: unescapePart(action), command: unescapePart(command), private: flag === 'p', args, elided };
}

/** How an action becomes a button: its id, and the long values that must ride in the message instead. */
export interface PlannedButton {
  customId: string;
  /** Values left out of the id (key → value), to be written to the message's footer. */
  elided: Record<string, string>;
}

/**
 * Plans the custom_id of an action, leaving out the longest string values until the id fits in 100
 * characters. Returns null when even that is not enough (the action can't be a button).
 */
export function planCustomId(action: Action): PlannedButton | null {
  const state = { action: action.id, command: action.command, private: Boolean(action.private), args: action.args };
  const elided = new Set<string>();
  const strings = Object.entries(action.args)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .sort((a, b) => b[1].length - a[1].length);
  for (;;) {
    const customId = encodeCustomId(state, elided);
    if (customId.length <= LIMITS.customId)
      return { customId, elided: Object.fromEntries(strings.filter(([key]) => elided.has(key))) };
    const next = strings.find(([key]) => !elided.has(key));
    if (!next) return null;
    elided.add(next[0]);
  }
}

/** Footer lines carrying elided values: one `key: value` line each. */
export function footerLines(elided: Record<string, string>): string[] {
  return Object.entries(elided).map(([key, value]) => `${key}: ${value}`);
}

/** Reads an elided value back from a footer written by `footerLines`; null when it isn't there. */
export function readFooterValue(footer: string | null | undefined, key: string): string | null {
  if (!footer) return null;
  for (const line of footer.split('\n')) {
    if (line.startsWith(`${key}: `)) return line.slice(key.length + 2);
  }
  return null;
}
