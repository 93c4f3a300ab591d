import data from './aliases.json' with { type: 'json' };
import verbForms from './verb-forms.json' with { type: 'json' };
import { analyzeTermsFast as analyzeTerms } from './engine-analyze.js';

/** One name of an alias group, analyzed, and the names it expands to. */
export interface AliasEntry {
  /** The name as written in aliases.json. */
  name: string;
  /** Its analyzed terms, e.g. "Brothers to the Rescue" → ['brother', 'rescu']. */
  terms: string[];
  /**
   * Analyzed term lists of the names a query naming this one also searches, with their weight; 0 for a
   * name that stands for this one where a passage holds it but is not searched ("Kennedy => JFK").
   */
  expandsTo: Array<{ terms: string[]; weight: number }>;
}

/** Groups of names and the weight their expansions get against a term the user typed. */
export interface AliasGroups {
  groups: readonly (readonly string[])[];
  weight: number;
}

/** A table of aliases, from groups of names (see aliases.json for the format). */
export class AliasTable {
  readonly entries: AliasEntry[];
  /** Entries by their first term, each with its place in `entries` (longest names first). */
  private readonly byFirstTerm = new Map<string, Array<{ entry: AliasEntry; rank: number }>>();
  /** The entries of one-word names, by their term. */
  private readonly byTerm = new Map<string, AliasEntry>();

  constructor(sources: readonly AliasGroups[]) {
    const byKey = new Map<string, AliasEntry>();
    const entry = (name: string): AliasEntry | null => {
      const terms = analyzeTerms(name);
      if (!terms.length) return null;
      const key = terms.join(' ');
      let found = byKey.get(key);
      if (!found) byKey.set(key, (found = { name, terms, expandsTo: [] }));
      return found;
    };
    const link = (from: AliasEntry, to: AliasEntry, weight: number) => {
      if (from !== to && !from.expandsTo.some((t) => t.terms.join(' ') === to.terms.join(' '))) from.expandsTo.push({ terms: to.terms, weight });
    };
    for (const { groups, weight } of sources) for (const group of groups) {
      const oneWay = group.length === 1 ? /^(.+?)\s*(->|=>)\s*(.+)$/.exec(group[0]!) : null;
      if (oneWay) {
        const [from, to] = [entry(oneWay[1]!), entry(oneWay[3]!)];
        if (from && to) link(from, to, oneWay[2] === '=>' ? 0 : weight);
        continue;
      }
      const members = group.map(entry).filter((e): e is AliasEntry => e !== null);
      for (const a of members) for (const b of members) link(a, b, weight);
    }
    this.entries = [...byKey.values()].sort((a, b) => b.terms.length - a.terms.length);
    for (const entry of this.entries) if (entry.terms.length === 1) this.byTerm.set(entry.terms[0]!, entry);
    this.entries.forEach((entry, rank) => {
      const first = entry.terms[0]!;
      const list = this.byFirstTerm.get(first) ?? [];
      list.push({ entry, rank });
      this.byFirstTerm.set(first, list);
    });
  }

  /** The entry of the one-word name `term`, if any: what `find([term])` finds, without building its search (asked for each related word of a question). */
  entryOf(term: string): AliasEntry | undefined {
    return this.byTerm.get(term);
  }

  /**
   * The alias names found in a sequence of analyzed query terms, longest first and not overlapping:
   * each with where it starts, how many terms it spans, and what it expands to.
   */
  find(terms: readonly string[]): Array<{ start: number; length: number; entry: AliasEntry }> {
    // Every place an entry matches, in the order the rule takes them: entries longest first, then left to right.
    const matches: Array<{ start: number; length: number; entry: AliasEntry; rank: number }> = [];
    for (let i = 0; i < terms.length; i++) {
      for (const { entry, rank } of this.byFirstTerm.get(terms[i]!) ?? []) {
        if (entry.terms.every((t, k) => terms[i + k] === t)) matches.push({ start: i, length: entry.terms.length, entry, rank });
      }
    }
    matches.sort((a, b) => a.rank - b.rank || a.start - b.start);
    const taken = new Array<boolean>(terms.length).fill(false);
    const found: Array<{ start: number; length: number; entry: AliasEntry }> = [];
    for (const { start, length, entry } of matches) {
      if (taken.slice(start, start + length).some(Boolean)) continue;
      found.push({ start, length, entry });
      taken.fill(true, start, start + length);
    }
    return found.sort((a, b) => a.start - b.start);
  }
}

/** Weight of a domain alias (JFK → Kennedy) against the term the user typed. */
export const ALIAS_WEIGHT = 0.6;
/** Weight of another form of the same verb (said → say). */
export const VERB_FORM_WEIGHT = 0.9;

/** The irregular forms of English verbs other than their base ("bore", "said", "went"), lower case. */
export const IRREGULAR_VERB_FORMS: ReadonlySet<string> = new Set(verbForms.groups.flatMap(([, ...forms]) => forms));

/** The curated alias table of the US–Cuba domain, with English irregular verb forms. */
export const domainAliases = new AliasTable([
  { groups: data.groups, weight: ALIAS_WEIGHT },
  { groups: verbForms.groups, weight: VERB_FORM_WEIGHT },
]);
