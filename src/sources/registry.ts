/**
 * The source registry: lookup by id, title or cable file name in any case and spacing, nearest-id
 * suggestions, and prefix completion over ids and titles (what Discord autocomplete offers).
 */
import type { Completion } from '../reply/completion.js';
import type { Corpus } from '../corpus/types.js';
import { fold } from '../text/fold.js';
import { normalizeId } from './cables.js';
import { buildEntries } from './entries.js';
import type { SourceEntry, SourceRegistry } from './types.js';
import { nearest } from './suggest.js';

/** Discord's limit on a choice's name and value. */
const CHOICE_LENGTH = 100;

function clip(text: string, max = CHOICE_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What a completion shows: the id, then the title (and a cable's date). */
export function choiceName(entry: SourceEntry): string {
  const detail = entry.kind === 'cable' && entry.rawDate ? `${entry.rawDate}, ${entry.title}` : entry.title;
  return clip(`${entry.id} — ${detail}`);
}

const foldTitle = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Builds the registry of every source in the corpus: its documents, the cables of its tables (and any
 * cable cited without a row), and the publications its source notes name.
 */
export function buildSourceRegistry(corpus: Corpus): SourceRegistry {
  const entries = buildEntries(corpus);
  const byKey = new Map<string, SourceEntry>();
  const add = (key: string, entry: SourceEntry) => {
    if (key && !byKey.has(key)) byKey.set(key, entry);
  };
  for (const e of entries) add(normalizeId(e.id), e);
  for (const e of entries) add(normalizeId(e.title), e);
  for (const row of corpus.documents.flatMap((d) => d.cables)) add(normalizeId(row.item), byKey.get(normalizeId(row.id))!);
  const keys = entries.map((e) => ({ id: e.id, key: normalizeId(e.id) }));
  const titles = entries.map((e) => ({ entry: e, title: foldTitle(e.title) }));

  return {
    list: () => [...entries],
    lookup: (query) => byKey.get(normalizeId(query)),
    suggest: (query, limit = 5) => nearest(normalizeId(query), keys, limit),
    complete(prefix, limit = 25): Completion[] {
      const id = normalizeId(prefix);
      const title = foldTitle(prefix);
      const ranked: SourceEntry[] = [];
      const push = (e: SourceEntry) => {
        if (!ranked.includes(e)) ranked.push(e);
      };
      for (const { id: entryId, key } of keys) if (key.startsWith(id)) push(byKey.get(normalizeId(entryId))!);
      for (const t of titles) if (t.title.startsWith(title)) push(t.entry);
      if (title) for (const t of titles) if (t.title.split(' ').some((w) => w.startsWith(title))) push(t.entry);
      return ranked.slice(0, Math.max(0, limit)).map((e) => ({ name: choiceName(e), value: clip(e.id) }));
    },
  };
}
