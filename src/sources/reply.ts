/**
 * Sources as platform-neutral replies: a cable's row and the passages citing it, a document's card,
 * a publication and where it is cited, the list of every source, and "not in the corpus" with the
 * nearest ids. `data` is the `--json` shape: `{ id, found, kind, date, from, to, number, title,
 * mentions, suggestions, … }`.
 */
import { citationFor, formatDate } from '../answer/citation.js';
import type { Corpus } from '../corpus/types.js';
import { notice, runsOf } from '../reply/build.js';
import type { Block, Citation, Reply, Run } from '../reply/model.js';
import { findCableIds, normalizeId } from './cables.js';
import type { SourceEntry, SourceMention } from './types.js';

const NULLS = { kind: null, date: null, from: null, to: null, number: null, title: null };

/** The `--json` shape of a found source. */
export function sourceData(entry: SourceEntry) {
  return {
    id: entry.id,
    found: true,
    kind: entry.kind,
    date: entry.date,
    rawDate: entry.rawDate,
    from: entry.from,
    to: entry.to,
    number: entry.number,
    title: entry.title,
    documentKind: entry.documentKind,
    author: entry.author,
    publisher: entry.publisher,
    passages: entry.passages,
    opening: entry.opening?.text ?? null,
    reference: entry.reference,
    listedIn: entry.listedIn,
    cites: entry.cites,
    mentions: entry.mentions.map((m) => ({ docId: m.docId, passageId: m.passageId, text: m.text })),
    suggestions: [] as string[],
  };
}

const line = (text: string): Block => ({ type: 'text', runs: [{ text }] });

/** Quotes of the passages citing a source, marking the source's id where the text names it. */
function mentionBlocks(entry: SourceEntry, corpus: Corpus, citations: Citation[]): Block[] {
  const key = normalizeId(entry.id);
  return entry.mentions.map((m: SourceMention) => {
    const n = citations.length + 1;
    citations.push(citationFor(corpus, corpus.passageById.get(m.passageId)!, n));
    const marks = findCableIds(m.text)
      .filter((c) => normalizeId(c.id) === key)
      .map((c): [number, number] => [c.start, c.end]);
    return { type: 'quote', runs: runsOf(m.text, entry.kind === 'publication' ? [[0, m.text.length]] : marks), citation: n };
  });
}

function cableBlocks(entry: SourceEntry, corpus: Corpus): Block[] {
  const listed = entry.listedIn && corpus.documentById.get(entry.listedIn.docId);
  const facts = entry.rawDate
    ? `Cable dated ${entry.rawDate} (${entry.date}): ${entry.from} → ${entry.to}, number ${entry.number}.`
    : 'Cable cited in the corpus; no table in the corpus lists its date, sender or number.';
  const where = listed ? ` Listed in “${listed.meta.title}”${entry.listedIn!.heading ? `, section “${entry.listedIn!.heading}”` : ''}.` : '';
  return [line(facts + where)];
}

function documentBlocks(entry: SourceEntry, corpus: Corpus, registry: (id: string) => SourceEntry | undefined, citations: Citation[]): Block[] {
  const doc = corpus.documentById.get(entry.id)!;
  const by = [entry.author && `by ${entry.author}`, entry.publisher && `published by ${entry.publisher}`].filter(Boolean).join(', ');
  const blocks: Block[] = [line(`${entry.documentKind}, ${formatDate(doc.meta.date)}${by ? `, ${by}` : ''}; ${entry.passages} passages; id ${entry.id}.`)];
  if (entry.opening) {
    const n = citations.length + 1;
    citations.push(citationFor(corpus, corpus.passageById.get(entry.opening.passageId)!, n));
    blocks.push({ type: 'quote', runs: runsOf(entry.opening.text), citation: n });
  }
  if (entry.cites.length === 0) blocks.push(line('It cites no other source.'));
  else {
    blocks.push(line(`It cites ${entry.cites.length} source${entry.cites.length > 1 ? 's' : ''}:`));
    const items = entry.cites.map((id): Run[] => [{ text: id, marked: true }, { text: ` — ${registry(id)?.title ?? ''}` }]);
    blocks.push({ type: 'list', ordered: false, items });
  }
  return blocks;
}

/** The reply for a source that was found. */
export function foundReply(entry: SourceEntry, corpus: Corpus, registry: (id: string) => SourceEntry | undefined): Reply {
  const citations: Citation[] = [];
  const blocks: Block[] = [{ type: 'heading', text: entry.kind === 'document' ? entry.title : `${entry.id} — ${entry.title}` }];
  if (entry.kind === 'document') blocks.push(...documentBlocks(entry, corpus, registry, citations));
  else {
    if (entry.kind === 'cable') blocks.push(...cableBlocks(entry, corpus));
    else blocks.push(line(`Publication${entry.date ? ` (${entry.rawDate})` : ''}, cited as:`));
    if (entry.kind === 'cable') blocks.push(line(`Cited in ${entry.mentions.length} passage${entry.mentions.length === 1 ? '' : 's'}:`));
    blocks.push(...mentionBlocks(entry, corpus, citations));
  }
  if (citations.length) blocks.push({ type: 'citations', items: citations });
  return { blocks, actions: [], data: sourceData(entry), ok: true };
}

/** The reply for an id that is not in the corpus, offering the nearest ids. */
export function notFoundReply(query: string, suggestions: string[], registry: (id: string) => SourceEntry | undefined): Reply {
  const blocks: Block[] = [notice('warning', `“${query}” is not in the corpus.`)];
  if (suggestions.length) {
    blocks.push(line(suggestions.length === 1 ? 'The nearest id is:' : 'The nearest ids are:'));
    blocks.push({ type: 'list', ordered: false, items: suggestions.map((id) => [{ text: id, marked: true }, { text: ` — ${registry(id)?.title ?? ''}` }]) });
  } else blocks.push(line('Type /source alone to list every source.'));
  return { blocks, actions: [], data: { id: query, found: false, ...NULLS, mentions: [], suggestions }, ok: false };
}

const KIND_HEADINGS: Record<SourceEntry['kind'], string> = { document: 'Documents', cable: 'Cables', publication: 'Publications' };

/** The reply listing every source, by kind. */
export function listReply(entries: readonly SourceEntry[]): Reply {
  const blocks: Block[] = [{ type: 'heading', text: `Sources (${entries.length})` }];
  for (const kind of ['document', 'cable', 'publication'] as const) {
    const ofKind = entries.filter((e) => e.kind === kind);
    if (!ofKind.length) continue;
    blocks.push(line(KIND_HEADINGS[kind]));
    const detail = (e: SourceEntry) => (e.kind === 'cable' ? `${e.rawDate ?? 'undated'}, ${e.title}` : e.title);
    blocks.push({ type: 'list', ordered: false, items: ofKind.map((e) => [{ text: e.id, marked: true }, { text: ` — ${detail(e)}` }]) });
  }
  return {
    blocks,
    actions: [],
    data: { id: null, found: true, ...NULLS, mentions: [], suggestions: [], sources: entries.map((e) => ({ id: e.id, kind: e.kind, title: e.title, date: e.date })) },
    ok: true,
  };
}
