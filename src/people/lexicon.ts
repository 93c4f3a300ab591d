/**
 * What a word is, by compromise's English lexicon (about 25,000 words tagged by part of speech, with
 * given names and surnames among them): a given name, a surname, a noun for a person's role, or a word
 * of grammar. Loaded on first use (about a third of a second), since only /who and /quiz need it.
 */
import { createRequire } from 'node:module';
import { fold } from '../text/fold.js';

const requireCjs = createRequire(import.meta.url);
let lexicon: Record<string, string | undefined> | undefined;

function tagOf(word: string): string {
  lexicon ??= (requireCjs('compromise/two') as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
  return lexicon[fold(word).replace(/[.']+$/, '')] ?? '';
}

/** "Lisa", "Raúl", "Theodore": a given name. */
export function isGivenName(word: string): boolean {
  return /^(?:FirstName|MaleName|FemaleName)$/.test(tagOf(word));
}

/** "Castro", "Che": a surname the lexicon knows. */
export function isKnownSurname(word: string): boolean {
  return tagOf(word) === 'LastName';
}

/** Titles and honorifics written before a name: "President", "Dr.", "General", "Senators". */
export function isTitle(word: string): boolean {
  if (/^(?:Mr|Mrs|Ms|Dr|Gen|Sen|Sens|Rep|Gov|Lt|Col|Capt|Adm|Prof|Rev|St)\.?$/.test(word)) return true;
  const tag = tagOf(word.replace(/s$/, ''));
  return tag === 'Actor' || tag === 'Honorific' || /^(?:general|senator|premier|chairman|ambassador|secretary|governor|comandante)s?$/i.test(word);
}

/** Grammar words and verbs: never a role or part of a name ("to", "with", "said", "When", "Didn’t"). */
export function isGrammar(word: string): boolean {
  return (
    /^(?:Preposition|Conjunction|Determiner|Pronoun|PastTense|PresentTense|Infinitive|Gerund|Copula|Modal|Auxiliary|Adverb|QuestionWord|Possessive|Negative)$/.test(tagOf(word)) ||
    /n['’]t$/i.test(word)
  );
}

/**
 * A noun naming what a person is or does: "correspondent", "scholar", "negotiator", "diplomat",
 * "analyst". The lexicon marks many as actors; others are told by an agent-noun ending.
 */
export function isRoleNoun(word: string): boolean {
  if (!/^\p{Ll}[\p{L}-]+$/u.test(word) || isGrammar(word)) return false;
  return tagOf(word) === 'Actor' || /(?:or|er|ist|ent|ant|at|ian|ee|ary|ess|man|woman|voy|ier|eur)$/.test(word);
}

/** What kind of place the lexicon knows a name as ("Havana" City, "Cuba" Country, "Florida" Region), or null. */
export function placeKind(name: string): 'City' | 'Country' | 'Region' | 'Place' | null {
  return (/^(City|Country|Region|Place)\b/.exec(tagOf(name))?.[1] as 'City' | 'Country' | 'Region' | 'Place' | undefined) ?? null;
}
