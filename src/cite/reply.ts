/**
 * /cite as a reply: the passage's document in Chicago notes-bibliography style (or BibTeX), and the
 * sentence quoted, with its paragraph in the citation. `data` is the `--json` shape.
 */
import { citationFor } from '../answer/citation.js';
import type { Corpus, Passage } from '../corpus/types.js';
import { BackchannelError } from '../errors.js';
import { runsOf } from '../reply/build.js';
import type { Block, Reply } from '../reply/model.js';
import { nearest } from '../sources/suggest.js';
import { bibtexEntry } from './bibtex.js';
import { chicagoCitation } from './chicago.js';

export type CiteFormat = 'chicago' | 'bibtex';

export interface CiteRequest {
  /** Passage id as its citation shows it (`jfkfacts-secret-talks#p12`); case is ignored. */
  id: string;
  /** 1-based first sentence of the passage to quote; absent: the whole passage. */
  sentence?: number | undefined;
  /** 1-based last sentence to quote; absent: `sentence` alone. */
  through?: number | undefined;
  format: CiteFormat;
  /** The "accessed" date. */
  accessed: Date;
}

/** The 1-based sentences of a passage that a quote spanning [start, end) covers: what a Cite button carries. */
export function sentencesOf(passage: Pick<Passage, 'sentences'>, start: number, end: number): { sentence: number; through: number } {
  const first = passage.sentences.findIndex(([, e]) => e > start);
  const last = passage.sentences.findLastIndex(([s]) => s < end);
  const sentence = Math.max(0, first) + 1;
  return { sentence, through: Math.max(sentence, last + 1) };
}

function notFound(corpus: Corpus, id: string): BackchannelError {
  const near = nearest(id.toLowerCase(), corpus.passages.map((p) => ({ id: p.id, key: p.id })), 3);
  const hint = near.length ? ` Nearest: ${near.join(', ')}.` : '';
  return new BackchannelError('NOT_FOUND', `no passage ${id}`, {
    userMessage: `There is no passage "${id}" in the corpus. Passage ids look like jfkfacts-secret-talks#p3, as each citation shows them.${hint}`,
    details: { id, near },
  });
}

/** The text quoted: the chosen sentences, verbatim, or the whole passage. */
function quotedText(passage: Passage, request: CiteRequest): string {
  if (request.sentence === undefined) return passage.text;
  const count = passage.sentences.length;
  const through = request.through ?? request.sentence;
  if (request.sentence > count || through < request.sentence || through > count) {
    const shown = through === request.sentence ? `sentence ${request.sentence}` : `sentences ${request.sentence}–${through}`;
    throw new BackchannelError('BAD_INPUT', `cite: ${shown} of ${passage.id}`, {
      userMessage: `Passage ${passage.id} has ${count} sentence${count === 1 ? '' : 's'}; there is no ${shown} in it.`,
      details: { id: passage.id, sentence: request.sentence, through, count },
    });
  }
  return passage.text.slice(passage.sentences[request.sentence - 1]![0], passage.sentences[through - 1]![1]);
}

/** The reply to /cite. Throws `NOT_FOUND` for an unknown passage and `BAD_INPUT` for sentences it lacks. */
export function citeReply(corpus: Corpus, request: CiteRequest): Reply {
  const passage = corpus.passageById.get(request.id.toLowerCase());
  if (!passage) throw notFound(corpus, request.id);
  const meta = corpus.documentById.get(passage.docId)!.meta;
  const quote = quotedText(passage, request);
  const source = { meta, passage, accessed: request.accessed };
  const chicago = chicagoCitation(source);
  const bibtex = bibtexEntry(source, meta.id);
  const citation = citationFor(corpus, passage, 1);
  const forms: Block[] =
    request.format === 'bibtex'
      ? [{ type: 'text', runs: [{ text: 'BibTeX', marked: true }] }, { type: 'text', runs: [{ text: bibtex }] }]
      : [
          { type: 'text', runs: [{ text: 'Note', marked: true }, { text: ': ' }, ...chicago.noteRuns] },
          { type: 'text', runs: [{ text: 'Bibliography', marked: true }, { text: ': ' }, ...chicago.bibliographyRuns] },
        ];
  return {
    blocks: [
      { type: 'heading', text: `Cite: ${meta.title}` },
      ...forms,
      { type: 'quote', runs: runsOf(quote), citation: 1 },
      { type: 'citations', items: [citation] },
    ],
    actions: [],
    ok: true,
    data: {
      id: passage.id,
      docId: passage.docId,
      paragraph: passage.paragraph,
      ...(passage.page !== undefined ? { page: passage.page } : {}),
      quote,
      url: meta.url ?? null,
      accessed: request.accessed.toISOString().slice(0, 10),
      chicago: { note: chicago.note, bibliography: chicago.bibliography },
      bibtex,
    },
  };
}
