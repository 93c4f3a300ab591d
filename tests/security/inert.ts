/**
 * What "inert" means for a rendered payload, as checks that list every violation they find.
 *
 * Discord: `allowed_mentions` is `{ parse: [] }` (so nothing in the message can ping); outside
 * backslash escapes no `<` survives (no user, role, channel or `<url>` syntax), no `](` (no masked
 * link), no `@everyone`/`@here` at all (they are broken by a zero-width space); and every bare
 * `scheme://` address, which Discord would link, is one the corpus contains.
 *
 * Slack: no `<` anywhere (every mention, broadcast and link needs one), `&` only as an entity, every
 * mrkdwn object `verbatim`, no `link_names` or `parse: full`; and every `scheme://` address is one
 * the corpus contains.
 */

/** Addresses Discord or Slack would turn into links. */
const ADDRESS = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s<>()\[\]"'`|\\*]+/g;

/** Discord text with every backslash-escaped character replaced by NUL, so that only live syntax is left. */
export function liveDiscordSyntax(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\' && i + 1 < text.length) {
      out += '\u0000';
      i += 1;
    } else out += text[i];
  }
  return out;
}

/** Every string of a Discord message body where markdown, mentions or links are parsed: content and embed texts. */
export function discordTexts(body: any): string[] {
  const texts: string[] = [];
  if (typeof body?.content === 'string') texts.push(body.content);
  for (const embed of body?.embeds ?? []) {
    // Footers and author names are plain text on Discord (no markdown, mentions or links), so they are not read.
    for (const value of [embed.title, embed.description]) if (typeof value === 'string') texts.push(value);
    for (const field of embed.fields ?? []) texts.push(String(field.name), String(field.value));
  }
  // Button labels are plain text on Discord: no markdown, mention or link is ever parsed in them.
  return texts;
}

function addressesNotIn(text: string, corpusText: string): string[] {
  return [...text.replaceAll('\u200b', '').matchAll(ADDRESS)].map((m) => m[0].replace(/[.,;:!?]+$/, '')).filter((address) => !corpusText.includes(address));
}

/** Problems with a Discord message body (empty when it is inert). */
export function discordViolations(body: any, corpusText: string): string[] {
  const problems: string[] = [];
  if (JSON.stringify(body?.allowed_mentions) !== JSON.stringify({ parse: [] })) problems.push(`allowed_mentions is ${JSON.stringify(body?.allowed_mentions)}`);
  for (const text of discordTexts(body)) {
    const live = liveDiscordSyntax(text);
    if (live.includes('<')) problems.push(`live < in ${JSON.stringify(text.slice(0, 120))}`);
    if (/\]\(/.test(live)) problems.push(`masked link in ${JSON.stringify(text.slice(0, 120))}`);
    if (/@(everyone|here)/i.test(text)) problems.push(`@everyone/@here in ${JSON.stringify(text.slice(0, 120))}`);
    // Escapes don't stop Discord's autolinking: addresses are looked for with them taken out.
    for (const address of addressesNotIn(text.replace(/\\(.)/gs, '$1'), corpusText)) problems.push(`live address the corpus does not contain: ${address}`);
  }
  return problems;
}

/** Every text object of a Slack message: `[kind, text, verbatim]`. */
export function slackTexts(message: any): Array<{ kind: string; text: string; verbatim?: boolean }> {
  const out: Array<{ kind: string; text: string; verbatim?: boolean }> = [];
  if (typeof message?.text === 'string') out.push({ kind: 'fallback', text: message.text });
  const visit = (node: any) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') {
      out.push({ kind: node.type, text: node.text, verbatim: node.verbatim });
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'value' && key !== 'action_id') visit(value);
  };
  visit(message?.blocks ?? []);
  return out;
}

/** Problems with a Slack message (empty when it is inert). */
export function slackViolations(message: any, corpusText: string): string[] {
  const problems: string[] = [];
  if (message?.link_names) problems.push('link_names is set');
  if (message?.parse === 'full') problems.push('parse is full');
  for (const { kind, text, verbatim } of slackTexts(message)) {
    const where = `${kind} ${JSON.stringify(text.slice(0, 120))}`;
    // plain_text (button labels) is shown as is: Slack parses no mention, link or markup in it.
    if (kind === 'plain_text') continue;
    if (text.includes('<')) problems.push(`raw < in ${where}`);
    if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`bare & in ${where}`);
    if (kind === 'mrkdwn' && verbatim !== true) problems.push(`mrkdwn not verbatim: ${where}`);
    for (const address of addressesNotIn(text, corpusText)) problems.push(`live address the corpus does not contain: ${address}`);
  }
  return problems;
}
