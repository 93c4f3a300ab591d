/**
 * /who as a reply. A person card says who someone was only in the corpus's own words: the sentences
 * that name a role beside the name, quoted first; then counts, the documents and passages that name
 * them, the first and last dated mentions (quoted), and the other spellings the corpus uses, flagged.
 * `data` is the `--json` shape.
 */
import { passageCitations } from '../answer/citation.js';
import type { Corpus } from '../corpus/types.js';
import { notice, runsOf } from '../reply/build.js';
import type { Block, Citation, Reply, Run } from '../reply/model.js';
import { eventDateLabel } from '../timeline/reply.js';
import type { Person, PersonMention } from './find.js';
import type { DatedMention, PeopleIndex } from './index.js';

/** Role sentences quoted on a card, at most. */
export const MAX_ROLE_QUOTES = 3;
/** Passage ids listed per document, at most. */
const MAX_PASSAGES_LISTED = 12;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The mention's sentence, verbatim, with the name in bold. */
function sentenceRuns(corpus: Corpus, mention: PersonMention): Run[] {
  const text = corpus.passageById.get(mention.passageId)!.text.slice(mention.sentence[0], mention.sentence[1]);
  return runsOf(text, [[mention.start - mention.sentence[0], mention.end - mention.sentence[0]]]);
}

/** The sentences that say who the person was, one per sentence, in corpus order. */
function roleMentions(person: Person): PersonMention[] {
  const seen = new Set<string>();
  return person.mentions.filter((m) => m.role && !seen.has(`${m.passageId}@${m.sentence[0]}`) && seen.add(`${m.passageId}@${m.sentence[0]}`));
}

/** Mentions per document, in corpus order of first mention. */
function byDocument(person: Person): Array<{ docId: string; mentions: PersonMention[] }> {
  const docs = new Map<string, PersonMention[]>();
  for (const m of person.mentions) docs.set(m.docId, [...(docs.get(m.docId) ?? []), m]);
  return [...docs].map(([docId, mentions]) => ({ docId, mentions }));
}

function datedBlocks(label: string, dated: DatedMention, corpus: Corpus, cite: (id: string) => Citation): Block[] {
  return [
    { type: 'text', runs: [{ text: label, marked: true }, { text: `: ${eventDateLabel(dated.event)} · ${dated.event.precision}` }] },
    { type: 'quote', runs: sentenceRuns(corpus, dated.mention), citation: cite(dated.mention.passageId).n },
  ];
}

/** The card of one person. `asked` is the name as typed; when it is not one of the person's spellings, the card says so. */
export function personReply(person: Person, index: PeopleIndex, corpus: Corpus, asked: string, nearestOnly = false): Reply {
  const citations: Citation[] = [];
  const cite = passageCitations(corpus, citations);
  const blocks: Block[] = [{ type: 'heading', text: person.name }];
  if (nearestOnly) blocks.push(notice('info', `No one in the corpus is named “${asked}”; the nearest name is ${person.name}.`));
  const roles = roleMentions(person);
  const shownRoles = (roles.length ? roles : person.mentions.slice(0, 1)).slice(0, MAX_ROLE_QUOTES);
  for (const m of shownRoles) blocks.push({ type: 'quote', runs: sentenceRuns(corpus, m), citation: cite(m.passageId).n });
  const docs = byDocument(person);
  const passages = new Set(person.mentions.map((m) => m.passageId));
  blocks.push({ type: 'text', runs: [{ text: `${plural(person.mentions.length, 'mention')} in ${plural(passages.size, 'passage')} of ${plural(docs.length, 'document')}.` }] });
  if (person.variants.length) {
    const spellings = spellingCounts(person);
    blocks.push(notice('warning', `The corpus spells this name more than one way: ${spellings.map((s) => `“${s.form}” (${s.count})`).join(', ')}.`));
  }
  const range = index.datedRange(person);
  if (range) {
    blocks.push(...datedBlocks('First dated mention', range.first, corpus, cite));
    if (range.last.event !== range.first.event) blocks.push(...datedBlocks('Last dated mention', range.last, corpus, cite));
  }
  blocks.push({
    type: 'list',
    ordered: false,
    items: docs.map(({ docId, mentions }) => {
      const ids = [...new Set(mentions.map((m) => m.passageId))];
      const shown = ids.slice(0, MAX_PASSAGES_LISTED).map((id) => `#${id.split('#')[1]}`);
      const more = ids.length > shown.length ? ` +${ids.length - shown.length} more` : '';
      return [
        { text: corpus.documentById.get(docId)!.meta.title, marked: true },
        { text: ` — ${plural(mentions.length, 'mention')} in ${plural(ids.length, 'passage')}: ${shown.join(' ')}${more}` },
      ];
    }),
  });
  blocks.push({ type: 'citations', items: citations });
  return {
    blocks,
    actions: [],
    ok: true,
    data: {
      query: asked,
      found: true,
      nearest: nearestOnly,
      name: person.name,
      spellings: spellingCounts(person),
      forms: person.forms,
      mentions: person.mentions.length,
      roles: shownRoles.map((m) => ({ passageId: m.passageId, text: corpus.passageById.get(m.passageId)!.text.slice(m.sentence[0], m.sentence[1]) })),
      firstDated: range ? { date: range.first.event.date, passageId: range.first.mention.passageId } : null,
      lastDated: range ? { date: range.last.event.date, passageId: range.last.mention.passageId } : null,
      documents: docs.map(({ docId, mentions }) => ({ docId, mentions: mentions.length, passages: [...new Set(mentions.map((m) => m.passageId))] })),
    },
  };
}

/** How often each spelling of the surname occurs: "Kornbluh" (9), "Kornblush" (1). */
function spellingCounts(person: Person): Array<{ form: string; count: number }> {
  const counts = new Map<string, number>();
  for (const m of person.mentions) {
    const last = m.form.split(/\s/).pop()!;
    counts.set(last, (counts.get(last) ?? 0) + 1);
  }
  return [...counts].map(([form, count]) => ({ form, count })).sort((a, b) => b.count - a.count);
}

/** `/who` alone: everyone, by mentions. */
export function peopleListReply(index: PeopleIndex): Reply {
  const people = index.people;
  return {
    blocks: [
      { type: 'heading', text: `People named in the corpus (${people.length})` },
      {
        type: 'list',
        ordered: true,
        items: people.map((p) => {
          const docs = new Set(p.mentions.map((m) => m.docId)).size;
          return [{ text: p.name, marked: true }, { text: ` — ${plural(p.mentions.length, 'mention')} in ${plural(docs, 'document')}` }];
        }),
      },
    ],
    actions: [],
    ok: people.length > 0,
    data: { query: '', people: people.map((p) => ({ name: p.name, mentions: p.mentions.length })) },
  };
}

/** A name the corpus lacks: the nearest names, else the most mentioned people. */
export function personNotFoundReply(asked: string, index: PeopleIndex): Reply {
  const near = index.suggest(asked);
  const names = near.length ? near.map((n) => n.form) : index.people.slice(0, 5).map((p) => p.name);
  const text = near.length
    ? `No one named “${asked}” is in the corpus. The nearest names:`
    : `No one named “${asked}” is in the corpus. The people it names most:`;
  return {
    blocks: [notice('info', text), { type: 'list', ordered: false, items: names.map((n) => [{ text: n, marked: true }]) }],
    actions: [],
    ok: false,
    data: { query: asked, found: false, suggestions: names },
  };
}
