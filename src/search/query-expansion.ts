/**
 * A question's lexicon expansions: how much each relation counts (`RELATED`), one word's related corpus
 * terms (`expansionOf`), and the whole question's (`expandByLexicon`: each concept's, a hyphenated
 * word's, a verb and its particle's, two neighbouring words'), added to the concepts and the search.
 */
import { cachedStem } from './engine-analyze.js';
import type { AnalyzedToken } from './analyzer.js';
import type { QueryTerm } from './engine.js';
import type { AliasTable } from './aliases.js';
import { PARTICLES, type Related, type Relation } from '../lexicon/lexicon.js';
import type { ConceptTerm } from './query-types.js';

/**
 * How much a lexicon relation counts: `search` is the related term's weight in the engine's query
 * (the question's own words weigh 1; 0: not searched), `credit` the share of the concept it earns in
 * a quote and in coverage, `marked` whether a quote marks it as a word of the question, `capped`
 * whether it counts toward a word's `MAX_RELATED` relatives and their share of its weight. Expansions never weigh as much as the word itself, so an exact match always
 * wins. A word's class or kind (hypernym, hyponym) is credited where a passage holds it but never
 * searched: searched, it brought in passages sharing only a general word ("point" for "start"), which
 * cost refusals of near-topic questions and time, and found no answer the question's own words and
 * their synonyms did not. A word used alike (`similar`) is credited least and not searched either
 * (searched at 0.2 or 0.35, it found no answer more, lost the variants one and cost the students' set
 * a refusal; credited at 0.6, two of its refusals; at 0.3, answers on three blind sets); nor marked,
 * as it may mean otherwise ("refused" for "agree"); nor capped: the lexicon keeps a few a word, and
 * capped with the rest, "meant" lost "intended" behind nine WordNet relatives (students' R@1 0.872 →
 * 0.890).
 */
export const RELATED: Record<Relation, { search: number; credit: number; marked: boolean; capped: boolean }> = {
  synonym: { search: 0.45, credit: 0.8, marked: true, capped: true },
  derivation: { search: 0.45, credit: 0.8, marked: true, capped: true },
  hypernym: { search: 0, credit: 0.6, marked: true, capped: true },
  hyponym: { search: 0, credit: 0.6, marked: true, capped: true },
  similar: { search: 0, credit: 0.4, marked: false, capped: false },
} as const;
/** At most this many related terms per concept of the relations `capped`, closest relations first. */
const MAX_RELATED = 6;

/**
 * A term's lexicon expansion: its related corpus terms (closest first, at most `MAX_RELATED`, with the
 * forms of each that the stemmer cannot relate, "find" → "found", from the alias table's verb forms)
 * and the query terms that search those of them a relation searches (`RELATED`). The related words
 * share the expansion's weight (as a name's words share an alias's), so a word with many relatives
 * weighs no more than one with few (all of them count, searched or not: shared among the searched
 * alone, the students' R@1 fell 0.006); a word the corpus holds itself expands at half weight.
 * Relatives of a relation not `capped` are kept beyond the cap and left out of the share. `exclude`
 * drops terms the question already searches.
 */
export function expansionOf(
  term: string,
  context: { known?: (term: string) => boolean; related: (term: string) => readonly Related[]; aliases: AliasTable | null },
  exclude: (term: string) => boolean = () => false,
): { related: Related[]; terms: QueryTerm[] } {
  const out: Related[] = [];
  const has = (t: string) => exclude(t) || out.some((x) => x.term === t);
  let capped = 0;
  const add = (r: Related) => {
    out.push(r);
    if (RELATED[r.relation].capped) capped++;
  };
  for (const r of context.related(term)) {
    if ((RELATED[r.relation].capped && capped >= MAX_RELATED) || has(r.term)) continue;
    add(r);
    const entry = context.aliases?.entryOf(r.term);
    if (entry) for (const { terms: form } of entry.expandsTo) if (form.length === 1 && !has(form[0]!)) add({ term: form[0]!, relation: r.relation });
  }
  const share = (context.known?.(term) ? 0.5 : 1) / Math.sqrt(Math.max(1, capped));
  return { related: out, terms: out.filter((r) => RELATED[r.relation].search > 0).map((r) => ({ term: r.term, weight: RELATED[r.relation].search * share })) };
}


/** A word of hyphenated parts, as typed ("go-between", "co-author"). */
const HYPHENATED = /\b\p{L}+(?:-\p{L}+)+\b/gu;

/** The word right after a token, as typed: a verb's particle, when it is one of `PARTICLES` ("set up", "step down"). */
const PARTICLE = /^\s+([A-Za-z]+)\b/;

/** What `expandByLexicon` reads of the question and adds to. */
export interface ExpansionInput {
  /** The question as read (its typos put right): a particle is the word typed after a token. */
  text: string;
  /** `text` with its frame, type and period words blanked, at the same offsets: where hyphenated words are found. */
  content: string;
  /** The analyzed tokens of `content`. */
  tokens: readonly AnalyzedToken[];
  /** The question's concepts by term; their `related` lists are added to. */
  concepts: Map<string, ConceptTerm>;
  /** The words of a multi-word proper name the alias table knows: never paraphrased. */
  named: ReadonlySet<ConceptTerm>;
  /** The search's terms; the expansions' are added. */
  terms: QueryTerm[];
}

/**
 * Adds the lexicon's expansions of a question to its concepts and its search: each concept's own (a
 * name's none), then what a hyphenated word, a verb and its particle, or two neighbouring words mean
 * together.
 */
export function expandByLexicon(input: ExpansionInput, context: { known?: (term: string) => boolean; related: (term: string) => readonly Related[]; aliases: AliasTable | null }): void {
  const { text, content, tokens, concepts, named, terms } = input;
  const { related } = context;
  // A word of hyphenated parts the lexicon knows whole ("go-between" → "intermediary") means that, not what its parts do.
  const compounds = [...content.matchAll(HYPHENATED)]
    .map((m) => ({ key: cachedStem(m[0].toLowerCase()), start: m.index, end: m.index + m[0].length }))
    .filter((c) => related(c.key).length > 0)
    .map((c) => ({ key: c.key, parts: tokens.filter((t) => t.start >= c.start && t.end <= c.end).map((t) => concepts.get(t.term)!) }))
    .filter((c) => c.parts.length > 0);
  const parts = new Set(compounds.flatMap((c) => c.parts));
  for (const c of concepts.values()) {
    // Names are who they are: "Howard" has no synonyms worth searching. (A word without relatives is passed over before
    // anything is made for it: most words and pairs of a question have none.)
    if (c.name || parts.has(c) || named.has(c) || !related(c.term).length) continue;
    const exclude = (t: string) => concepts.has(t) || c.alternatives.some((alt) => alt.includes(t));
    const expansion = expansionOf(c.term, context, exclude);
    c.related.push(...expansion.related);
    terms.push(...expansion.terms);
  }
  // Neighbouring words the lexicon knows together ("shake hands" → "handshake", "set up" → "establish"):
  // what they mean as one is related to each.
  // A verb and its particle, which the analysis drops ("set up" → "establish"), count as such a pair.
  const together = (key: string, pair: ConceptTerm[]) => {
    if (!related(key).length || pair.some((c) => c.name || named.has(c))) return;
    const exclude = (t: string) => concepts.has(t) || pair.some((c) => c.alternatives.some((alt) => alt.includes(t)));
    const expansion = expansionOf(key, context, exclude);
    // To each word of the pair that its own meanings did not relate it to already ("shake" is "handshake" alone).
    for (const c of pair) c.related.push(...expansion.related.filter((r) => !c.related.some((o) => o.term === r.term)));
    terms.push(...expansion.terms.filter((t) => !terms.some((o) => o.term === t.term)));
  };
  for (const c of compounds) together(c.key, c.parts);
  tokens.forEach((token, i) => {
    const concept = concepts.get(token.term)!;
    const particle = PARTICLE.exec(text.slice(token.end))?.[1]?.toLowerCase();
    if (particle && PARTICLES.has(particle)) together(`${token.term} ${particle}`, [concept]);
    const next = tokens[i + 1];
    const other = next && concepts.get(next.term)!;
    if (next && other !== concept && next.position - token.position <= 2) together(`${token.term} ${next.term}`, [concept, other!]);
  });
}
