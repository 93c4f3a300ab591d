/**
 * Builds the registry's entries from a corpus: one per document, per cable (from the digest's table
 * rows, and any cable cited without a row), and per publication a document's source note names.
 */
import type { CableRow, Corpus, CorpusDocument, Passage } from '../corpus/types.js';
import { findReferences, referenceId, referenceParts, type ReferenceParts } from './bibliography.js';
import { findCableIds, isCableTableText, normalizeId } from './cables.js';
import type { SourceEntry, SourceMention } from './types.js';

const EMPTY: Omit<SourceEntry, 'id' | 'kind' | 'title'> = {
  date: null, rawDate: null, from: null, to: null, number: null, documentKind: null, author: null, publisher: null,
  passages: null, opening: null, reference: null, listedIn: null, mentions: [], cites: [],
};

/** Sentences of the opening shown on a document's card. */
const OPENING_SENTENCES = 2;

function documentEntry(doc: CorpusDocument): SourceEntry {
  const first = doc.passages[0];
  const sentences = first?.sentences.slice(0, OPENING_SENTENCES) ?? [];
  const opening = first && sentences.length ? { passageId: first.id, text: first.text.slice(sentences[0]![0], sentences[sentences.length - 1]![1]) } : null;
  return {
    ...EMPTY,
    id: doc.meta.id,
    kind: 'document',
    title: doc.meta.title,
    date: doc.meta.date.iso,
    documentKind: doc.meta.kind,
    author: doc.meta.author,
    publisher: doc.meta.publisher,
    passages: doc.passages.length,
    opening,
    mentions: [],
    cites: [],
  };
}

function cableEntry(row: CableRow): SourceEntry {
  return {
    ...EMPTY,
    id: row.id,
    kind: 'cable',
    title: `Cable ${row.from} → ${row.to}, no. ${row.number}`,
    date: row.date,
    rawDate: row.rawDate,
    from: row.from,
    to: row.to,
    number: row.number,
    listedIn: { docId: row.docId, heading: row.heading, line: row.line },
    mentions: [],
    cites: [],
  };
}

/** The sentences of a passage that cite cables, grouped by cable id, as one verbatim span each. */
function cableMentions(passage: Passage, rows: readonly CableRow[]): Map<string, SourceMention> {
  const spans = new Map<string, SourceMention>();
  for (const [start, end] of passage.sentences) {
    const sentence = passage.text.slice(start, end);
    if (isCableTableText(sentence, rows)) continue;
    for (const { id } of findCableIds(sentence)) {
      const span = spans.get(id);
      if (span) {
        span.end = end;
        span.text = passage.text.slice(span.start, end);
      } else spans.set(id, { docId: passage.docId, passageId: passage.id, text: sentence, start, end });
    }
  }
  return spans;
}

/** "Foreign Relations of the United States, 1961-63, Volume 11, No. 10"; "Claflin, The President Wants To Know". */
function publicationTitle(parts: ReferenceParts): string {
  const volume = parts.volume && `Volume ${parts.volume}`;
  const number = parts.number && `No. ${parts.number}`;
  return [parts.author, parts.title, parts.years, volume, number].filter(Boolean).join(', ');
}

/** Every source of the corpus: documents, then cables, then publications. */
export function buildEntries(corpus: Corpus): SourceEntry[] {
  const rows = corpus.documents.flatMap((d) => d.cables);
  const documents = corpus.documents.map(documentEntry);
  const cables = new Map<string, SourceEntry>(rows.map((row) => [normalizeId(row.id), cableEntry(row)]));
  const publications = new Map<string, SourceEntry>();
  documents.forEach((docEntry, i) => {
    const cites = new Set<string>();
    for (const passage of corpus.documents[i]!.passages) {
      for (const [id, mention] of cableMentions(passage, rows)) {
        const key = normalizeId(id);
        if (!cables.has(key)) cables.set(key, { ...EMPTY, id, kind: 'cable', title: `Cable ${id}`, mentions: [], cites: [] });
        cables.get(key)!.mentions.push(mention);
        cites.add(cables.get(key)!.id);
      }
      for (const found of findReferences(passage)) {
        const parts = referenceParts(found.reference);
        const id = referenceId(parts);
        const key = normalizeId(id);
        if (!publications.has(key))
          publications.set(key, { ...EMPTY, id, kind: 'publication', title: publicationTitle(parts), date: parts.years?.slice(0, 4) ?? null, rawDate: parts.years, author: parts.author, reference: found.reference, mentions: [], cites: [] });
        publications.get(key)!.mentions.push({ docId: found.docId, passageId: found.passageId, text: found.reference, start: found.start, end: found.end });
        cites.add(publications.get(key)!.id);
      }
    }
    docEntry.cites = [...cites];
  });
  return [...documents, ...cables.values(), ...publications.values()];
}
