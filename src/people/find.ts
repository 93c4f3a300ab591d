/**
 * Finds the people of a corpus by code, with no list of names: runs of capitalised words in every
 * sentence are read as names when they look like a person's name (a given name the lexicon knows, a
 * surname it knows, or a title before them: "President Barack Obama"); the same person's full names
 * are grouped by given name and surname ("William M. LeoGrande" / "William LeoGrande"), a surname
 * alone is counted for the person most often named with it ("Castro"), and surnames a letter or two
 * apart for the same given name are one person spelt two ways ("Kornbluh" / "Kornblush"), flagged.
 */
import type { Corpus, Passage } from '../corpus/types.js';
import { editDistance } from '../sources/suggest.js';
import { fold } from '../text/fold.js';
import { isGivenName, isGrammar, isKnownSurname, isRoleNoun, isTitle } from './lexicon.js';

/** One place a person is named. */
export interface PersonMention {
  passageId: string;
  docId: string;
  /** Offsets of the name in the passage text; `form` is `text.slice(start, end)`. */
  start: number;
  end: number;
  form: string;
  /** The sentence the name is in, as [start, end) offsets in the passage text. */
  sentence: [number, number];
  /** True when the sentence says what the person was, beside the name ("correspondent Lisa Howard"). */
  role: boolean;
}

export interface Person {
  /** The full name the corpus uses most (the longest on a tie). */
  name: string;
  /** Folded surname, the key for bare-surname mentions. */
  surname: string;
  /** Every spelling of the name the corpus uses, with how often, most frequent first. */
  forms: Array<{ form: string; count: number }>;
  /** Spellings of the surname that differ from the usual one ("Kornblush" beside "Kornbluh"). */
  variants: string[];
  /** Every mention, in corpus order. */
  mentions: PersonMention[];
}

/** A capitalised word (LeoGrande, O’Brien, Raúl) or an initial (M., H.W.). */
const WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*|\p{Lu}\.(?:\p{Lu}\.)*)`;
const RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])${WORD}(?:\s${WORD})*`, 'gu');
const INITIAL = /^\p{Lu}\.(?:\p{Lu}\.)*$/u;

/** A run of capitalised words, with any titles before it cut off. */
interface Run {
  start: number;
  end: number;
  words: string[];
  titled: boolean;
}

function runsOf(sentence: string, offset: number): Run[] {
  const out: Run[] = [];
  for (const m of sentence.matchAll(RUN)) {
    let text = m[0].replace(/[’']s$/, '');
    let start = m.index + offset;
    let titled = false;
    let words = text.split(/\s/);
    // Cut what leads into the name: titles ("President"), and words of grammar or description at the
    // start of a sentence ("When Richard Nixon", "Cuban President Raúl Castro").
    while (words.length > 1 && !isGivenName(words[0]!) && (isTitle(words[0]!) || isGrammar(words[0]!) || isGivenName(words[1]!) || isTitle(words[1]!))) {
      titled ||= isTitle(words[0]!);
      const cut = words[0]!.length + 1;
      text = text.slice(cut);
      start += cut;
      words = words.slice(1);
    }
    out.push({ start, end: start + text.length, words, titled });
  }
  return out;
}

/** True when a run of two to four words is a person's full name. */
function isFullName(run: Run): boolean {
  const { words } = run;
  if (words.length < 2 || words.length > 4) return false;
  const last = words[words.length - 1]!;
  if (INITIAL.test(last) || !words.slice(1, -1).every((w) => INITIAL.test(w) || /^\p{Lu}/u.test(w))) return false;
  return isGivenName(words[0]!) || run.titled || (isKnownSurname(last) && !INITIAL.test(words[0]!));
}

const surnameOf = (words: readonly string[]) => fold(words[words.length - 1]!);
const givenOf = (words: readonly string[]) => fold(words[0]!);

/** Words just before a name that say what the person was: "correspondent", "Cuba scholar", "a senior U.S. diplomat,". */
function roleBefore(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - 40), at);
  const word = /([\p{L}-]+),?\s+$/u.exec(before)?.[1];
  return word !== undefined && isRoleNoun(word);
}

/** An apposition just after a name that says what the person was: ", a Cuba scholar", ", analyst at", ", Special Counsel to". */
function roleAfter(sentence: string, at: number): boolean {
  const after = /^,\s+([^,;:.!?]{0,60})/u.exec(sentence.slice(at))?.[1];
  if (!after) return false;
  const words = after.split(/\s+/).slice(0, 5);
  // "a Cuba scholar", or a role word among the first few ("analyst at", "Special Counsel to the President").
  return /^(?:a|an|the)$/i.test(words[0] ?? '') || words.some((w) => isRoleNoun(/^\p{Lu}\p{Ll}+$/u.test(w) ? w.toLowerCase() : w));
}

interface Found {
  /** Position of the passage in the corpus, to keep mentions in corpus order. */
  order: number;
  passage: Passage;
  sentence: [number, number];
  run: Run;
}

/** Every person of the corpus, most mentioned first. */
export function findPeople(corpus: Corpus): Person[] {
  const full: Found[] = [];
  const single: Found[] = [];
  for (const [order, passage] of corpus.passages.entries()) {
    for (const range of passage.sentences) {
      const sentence = passage.text.slice(range[0], range[1]);
      for (const run of runsOf(sentence, range[0])) {
        const found = { order, passage, sentence: range, run };
        if (isFullName(run)) full.push(found);
        else if (run.words.length === 1 && !INITIAL.test(run.words[0]!)) single.push(found);
      }
    }
  }
  // Full names grouped by given name and surname, then surnames a letter or two apart merged.
  const groups = new Map<string, Found[]>();
  for (const f of full) {
    const key = `${givenOf(f.run.words)} ${surnameOf(f.run.words)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const keys = [...groups.keys()].sort((a, b) => groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b));
  const merged = new Map<string, { found: Found[]; surnames: Set<string> }>();
  for (const key of keys) {
    const [given, surname] = key.split(' ') as [string, string];
    const into = [...merged.keys()].find((k) => {
      const [g, s] = k.split(' ') as [string, string];
      return g === given && s !== surname && Math.min(s.length, surname.length) >= 5 && editDistance(s, surname, 2) <= (surname.length >= 8 ? 2 : 1);
    });
    if (into) {
      merged.get(into)!.found.push(...groups.get(key)!);
      merged.get(into)!.surnames.add(surname);
    } else merged.set(key, { found: [...groups.get(key)!], surnames: new Set([surname]) });
  }
  // A surname alone goes to the person most often named with it (or spelt a letter or two from it).
  const bySurname = new Map<string, string>();
  for (const [key, group] of merged) {
    for (const s of group.surnames) if (!bySurname.has(s)) bySurname.set(s, key);
  }
  const surnames = [...bySurname.keys()];
  for (const f of single) {
    const word = fold(f.run.words[0]!);
    let key = bySurname.get(word);
    if (!key && word.length >= 6) {
      const near = surnames.find((s) => s.length >= 6 && s[0] === word[0] && editDistance(s, word, 1) <= 1);
      if (near) {
        key = bySurname.get(near);
        merged.get(key!)!.surnames.add(word);
      }
    }
    if (key) merged.get(key)!.found.push(f);
  }
  return [...merged.entries()].map(([key, group]) => toPerson(key, group.found)).sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

function toPerson(key: string, found: Found[]): Person {
  const mentions = [...found]
    .sort((a, b) => a.order - b.order || a.run.start - b.run.start)
    .map(({ passage, sentence, run }): PersonMention => {
      const text = passage.text.slice(sentence[0], sentence[1]);
      const at = run.start - sentence[0];
      return {
        passageId: passage.id,
        docId: passage.docId,
        start: run.start,
        end: run.end,
        form: passage.text.slice(run.start, run.end),
        sentence,
        role: roleBefore(text, at) || roleAfter(text, run.end - sentence[0]),
      };
    });
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.form, (counts.get(m.form) ?? 0) + 1);
  const forms = [...counts].map(([form, count]) => ({ form, count })).sort((a, b) => b.count - a.count || b.form.length - a.form.length);
  const fullForms = forms.filter((f) => f.form.includes(' '));
  const name = [...fullForms].sort((a, b) => b.count - a.count || b.form.length - a.form.length)[0]!.form;
  const surname = key.split(' ')[1]!;
  const lastWords = new Map<string, number>();
  for (const m of mentions) {
    const last = m.form.split(/\s/).pop()!;
    lastWords.set(last, (lastWords.get(last) ?? 0) + 1);
  }
  const usual = [...lastWords].sort((a, b) => b[1] - a[1])[0]![0];
  const variants = [...lastWords.keys()].filter((w) => fold(w) !== fold(usual));
  return { name, surname, forms, variants, mentions };
}
