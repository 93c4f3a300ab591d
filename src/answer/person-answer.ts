/**
 * The name answering a "who" in a quoted sentence, or the person it describes (`personAnswer`), and
 * the role a sentence gives a name of a "who was" / "what was" question (`roleOf`).
 */
import type { NameCandidate, SentenceAnalysis } from './passage-analysis.js';
import { AGENT_BY, ROLE } from './sentence-evidence.js';
import { isPersonNoun } from '../lexicon/person-nouns.js';
import { IRREGULAR_VERB_FORMS } from '../retrieval/analysis.js';
import { typoCredit } from './evidence.js';
import { clauseLength, fold, isCountryOrRegion, isPeoplesName, lastAskedBefore, NOT_NAMES, trimmed, wordsToAsked } from './span-words.js';

/** A name's words after its first: capitalized words and initials (" B. Donovan"), as a pattern's source. */
const NAME_TAIL = String.raw`(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*))*`;
/** A name: capitalized words, with initials ("James B. Donovan", "U Thant", "Frank Mankiewicz"). */
const NAME = new RegExp(String.raw`\b\p{Lu}[\p{L}'’-]*${NAME_TAIL}`, 'gu');
/**
 * What stands between a name and the role a sentence says it is: "is a", "was an", "is the", then words
 * up to the role ("LeoGrande is a renowned author"); the match ends where the article, the answer, starts.
 */
export const IS_A = /^\s+(?:is|was)\s+(?=(?:a|an|the)\b[^,.;:]*$)/;

/** Words before a name that make it a place ("in Havana", "to Cuba", "between the United States"). */
const PLACE_BEFORE = /\b(?:in|at|to|from|into|near|across|over|between|of)\s+(?:the\s+)?$/i;
/** "to" (and "the") before a name. */
const TO_BEFORE = /\bto\s+(?:the\s+)?$/i;
/** Before a name: a capitalized word and "of" or "for", which join it to a thing's or a place's name ("Alliance for Progress"). */
const INSTITUTION_BEFORE = /\p{Lu}[\p{L}'’-]*\s+(?:of|for)\s+(?:the\s+)?$/u;
/** After a name: "of" or "for" and a capitalized word, which make it the head of such a name ("Alliance for Progress"). */
const INSTITUTION_AFTER = /^\s+(?:of|for)\s+(?:the\s+)?\p{Lu}/u;
/** The noun heading the name of an undertaking: "Operation Mongoose". */
const THING_HEAD = /^(?:Operation|Project)$/u;
/** The noun ending the name of a law, a policy or a body: "Bill", "Act", "Initiative", "Library", "Archive"… */
const THING_NOUN = /^(?:Bill|Act|Law|Treaty|Doctrine|Amendment|Accords?|Agreement|Initiative|Program(?:me)?|Plan|Resolution|Declaration|Report|Library|Archives?|University|Foundation|Committee|Council|Agency|Commission)$/u;
/** What may stand between a role and the name it labels: "negotiator James Donovan", "Author(s): William M. LeoGrande". */
const ROLE_THEN_NAME = /^(?:\(s\))?[\s:,]{0,3}$/;

/**
 * True when a role labels the name at [start, end): just before it ("negotiator James Donovan",
 * "Author(s): William M. LeoGrande") or in apposition after it ("Slater, head of the American Department").
 */
function labelledByRole(sentence: SentenceAnalysis, start: number, end: number): boolean {
  const text = sentence.text;
  return sentence.roles.some((r) => {
    const role = sentence.tokens[r]!;
    if (role.end <= start) return ROLE_THEN_NAME.test(text.slice(role.end, start));
    return role.start > end && role.start - end <= 12 && text[end] === ',';
  });
}
/** "…was found by Peter Kornbluh": the agent of a passive. */
const AGENT_BEFORE = new RegExp(`${AGENT_BY}$`, 'i');
/** What being a passive's agent adds to a name's score. */
const AGENT_SCORE = 3;
/**
 * What being the main clause's subject after an opening participle adds: more than an agent's, and than a
 * title and a second word give a name in that phrase ("Sent … by President John F. Kennedy …, Donovan had…").
 */
const OPENING_SUBJECT_SCORE = 4;

/**
 * "Who was Lisa Howard?": the role the sentence gives a name of the question ("correspondent Lisa
 * Howard"), or says the name is ("William M. LeoGrande is a renowned author"), as [start, end).
 */
export function roleOf(sentence: SentenceAnalysis, asked: ReadonlySet<string>): [number, number] | null {
  const text = sentence.text;
  // "…a five-year-old boy named Elián Gonzalez": what the name is, said before it.
  if (text.includes('named ') || text.includes('called ')) for (const t of sentence.tokens) {
    if (!asked.has(t.term)) continue;
    const from = Math.max(0, t.start - 80);
    const named = NAMED_BEFORE.exec(text.slice(from, t.start));
    if (named) return trimmed(text, from + named.index, from + named.index + named[1]!.length);
  }
  for (const r of sentence.roles) {
    const role = sentence.tokens[r]!;
    // "Theodore Sorensen, Special Counsel to the President, reveals…": the role in apposition, up to its comma.
    const named = lastAskedBefore(sentence, asked, role.position);
    // Not a role before a name of its own: "…overthrow Castro, advisor Philip W. Bonsal spoke out" says who Bonsal was.
    const labelsNext = NAME_AFTER.test(text.slice(role.end));
    if (named && !labelsNext && role.position - named.position <= 3 && /^,\s[^,;:]*$/.test(text.slice(named.end, role.start))) {
      const start = named.end + 2;
      return trimmed(text, start, start + clauseLength(text.slice(start)));
    }
    const name = sentence.tokens.find((t) => asked.has(t.term) && t.position > role.position && t.position - role.position <= 3);
    // The name the question asks about, not another with its first name ("Author(s): William M. LeoGrande" for "who was
    // William Attwood?"), or a misspelling of it the engine forgives ("who was william atwood").
    const last = name && fold(lastNameWord(text, name.start, name.end));
    if (last && (asked.has(last) || typoCredit(last, asked) > 0)) {
      // Up to the name's first word, not the asked one ("president Fidel Castro", "advisor Philip W. Bonsal": the role alone).
      const run = NAME_BEFORE.exec(text.slice(role.end, name.start));
      const end = run ? role.end + run.index : name.start;
      return [role.start, text.slice(0, end).trimEnd().replace(/[,:]$/, '').length];
    }
    const subject = lastAskedBefore(sentence, asked, role.position);
    const predicate = subject && role.position - subject.position <= 6 ? IS_A.exec(text.slice(subject.end, role.start)) : null;
    if (subject && predicate) return [subject.end + predicate[0].length, role.end];
  }
  return null;
}

/** The capitalized words and initials going on from a name's word ("Lisa" → " Howard"). */
const NAME_GOES_ON = new RegExp(`^${NAME_TAIL}`, 'u');

/** The last word of the name whose word stands at [start, end): "Howard" of "Lisa" in "Lisa Howard". */
function lastNameWord(text: string, start: number, end: number): string {
  const rest = NAME_GOES_ON.exec(text.slice(end))![0];
  return rest ? rest.trim().split(/\s+/).pop()! : text.slice(start, end);
}

/** After a role, a capitalized word: the role labels the name it opens ("advisor Philip W. Bonsal"). */
const NAME_AFTER = /^\s+\p{Lu}/u;
/** Capitalized words and initials up to a name's word: the name's first words ("Fidel " of "Fidel Castro", "Philip W. "). */
const NAME_BEFORE = /(?:\p{Lu}[\p{L}'’-]*\.?\s+)+$/u;

/** "a five-year-old boy named ", "an exile group called ": a noun phrase of a few words naming what follows. */
const NAMED_BEFORE = /\b((?:an?|the)\s+[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,3})\s+(?:named|called)\s+$/i;

/** How many words from one of the question's a name stands to be read as said of it ("Rene Gonzalez (a member of the Cuban Five)"). */
const NEAR_ASKED = 4;

/**
 * The answer to a "who" in a sentence and how sure it is, comparable across sentences: the name most
 * likely the person asked for (a role the sentence gives a name of the question describes that name,
 * not the one asked for: "…meet Cuban president Fidel Castro" for "who was the diplomat…"). Every run
 * of capitalized words (not one the question typed, not a word that opens clauses, not a document's
 * number, not a country, not a people's name before a noun) is a candidate: the agent of a passive
 * ("by Peter Kornbluh"), a titled name or one a role labels (`labelledByRole`), one joined by "and" to
 * a name the question typed ("Fidel Castro and Che Guevara"), and one standing near the question's
 * words beat a place after a preposition ("in Havana"), a modifier ("US-Cuban", "Clinton’s") or a lone
 * capitalized word; between equals, the first. Below a name, and above one the question typed or a
 * place, someone the sentence describes (`describedPerson`).
 */
export function personAnswer(sentence: SentenceAnalysis, asked: ReadonlySet<string>): { span: [number, number]; score: number } | null {
  const found = person(sentence, asked, false);
  // A name after a place's preposition ("…during talks in Havana…"), or sharing a word with the question's, and no
  // better: no answer to mark, and the quote marks none rather than a place.
  return found && !(found.weak && found.score <= WEAKEST_MARKED) ? found : null;
}

/**
 * The score at or below which `personAnswer` marks no weak candidate: a place's name after its preposition
 * scores −2, of any length ("in Panama City"), and −1 beside the question's words ("…wrote to Castro"); a
 * name sharing the question's words −3 or less.
 */
const WEAKEST_MARKED = -2;

/**
 * `personAnswer`, or with `any` the first candidate found, unscored (as `amountAnswer`'s `any`);
 * `weak` when the best is a name after a place's preposition or one sharing a word with the question.
 */
export function person(sentence: SentenceAnalysis, asked: ReadonlySet<string>, any: boolean): { span: [number, number]; score: number; weak?: boolean } | null {
  let best: [number, number] | null = null;
  let bestScore = -Infinity;
  let weak = false;
  for (const name of namesOf(sentence)) {
    if (name.terms.every((t) => asked.has(t))) continue;
    if (any) return { span: [name.start, name.end], score: 0 };
    // The question's own person named in full ("Jimmy Carter" for "who helped Carter…": a surname it typed) answers no
    // "who", though it still counts for ranking (`any`): unread there, a read question's passage fell from third to seventh.
    if (asked.has(name.terms[name.terms.length - 1]!)) continue;
    let score = name.score;
    // A name the question typed is whom it asks about, not the answer ("…alongside Fidel Castro": not "Fidel Castro").
    const typed = name.terms.some((t) => asked.has(t));
    if (typed) score -= 3;
    else if (wordsToAsked(sentence, asked, name.start, name.end) <= NEAR_ASKED) score += 1;
    // Joined by "and" to a name the question typed, it did what the question asks with them ("brought Fidel Castro and Che Guevara to power").
    if (name.joined.some((t) => asked.has(t))) score += 2;
    // The main clause's subject after an opening participle did every deed of the sentence; that participle's agent, its own.
    if (name.opening?.role === 'subject') score += OPENING_SUBJECT_SCORE;
    else if (name.opening?.role === 'agent' && asked.has(name.opening.participle)) score += AGENT_SCORE;
    if (score > bestScore) [best, bestScore, weak] = [[name.start, name.end], score, typed || name.afterPlace];
  }
  // Someone the sentence describes rather than names ("a Norwegian and Irish diplomat", "his teenage son"): below a name,
  // above one the question typed or a place, the surer beside what the question asks done ("…even brought his teenage
  // son" for "who did Donovan bring…").
  const described = describedPerson(sentence, asked, any);
  if (described && !(best && !weak && bestScore >= described.score)) return described;
  return best && { span: best, score: bestScore, weak };
}

/** The score of a person described, not named. */
const DESCRIBED_SCORE = -1;

/** A verb in the past. */
const PAST_VERB = '\\p{Ll}+ed|was|had|said|told|met|sent|gave|wrote|took|made';
/** A verb in the past after a word, which makes it its subject: "Guevara presented…", "Thant reported…". */
const PAST_VERB_AFTER = new RegExp(`^\\s+(?:${PAST_VERB})\\b`, 'u');

/**
 * A determiner opening a noun phrase, or the "by" of a passive's agent, and the up to four words after it (to a
 * punctuation mark), read ahead so that a determiner among them opens a phrase of its own ("One memo notes an adviser…").
 */
const DESCRIBED = /\b(?:a|an|one|two|the|his|her|their|(by))(?=((?:\s+[\p{L}-]+){1,4}))/giu;
/** A word that ends a described person's phrase before its noun: a determiner or a preposition ("the release of all prisoners"). */
const PHRASE_ENDS = /^(?:a|an|the|his|her|their|its|of|for|to|in|on|at|by|with|from|about|into|over|under|after|before|during|that|which|who)$/i;
/** After a people's name, what makes it a noun, not an adjective: a verb, punctuation, the sentence's end ("one Cuban referred…", not "a Cuban airline"). */
const PEOPLE_AS_NOUN = new RegExp(`^(?:\\s+(?:${PAST_VERB}|were|is|are|has|who)\\b|[^\\s\\p{L}]|$)`, 'u');

/**
 * The people a sentence describes without naming ("a Norwegian and Irish diplomat", "his teenage son",
 * "one Cuban"): a determiner (or the "by" of an agent) and the words up to the first noun WordNet says
 * names a person, or a people's name used as a noun, as [start, end).
 */
function* describedPeople(text: string): Generator<[number, number]> {
  for (const m of text.matchAll(DESCRIBED)) {
    const words = m[2]!;
    let end = m.index + m[0].length;
    // "…designed by anti-Castro lobbyists": the agent, without its "by".
    const start = m[1] ? end + words.length - words.trimStart().length : m.index;
    for (const word of words.matchAll(/\s+([\p{L}-]+)/gu)) {
      end += word[0].length;
      const noun = word[1]!;
      // A verb's irregular form ends it too: "His tragically abbreviated administration bore responsibility" ("bore" a
      // verb, not a tedious person).
      if (PHRASE_ENDS.test(noun) || IRREGULAR_VERB_FORMS.has(noun.toLowerCase())) break;
      if (isPeoplesName(noun) ? PEOPLE_AS_NOUN.test(text.slice(end)) : /^\p{Ll}/u.test(noun) && isPersonNoun(noun)) {
        yield [start, end];
        break;
      }
    }
  }
}

/**
 * Of the people a sentence describes, the one nearest what the question asks done (within two words),
 * else the first; with `any`, the first, unscored (whether there is one is all the rerank asks).
 */
function describedPerson(sentence: SentenceAnalysis, asked: ReadonlySet<string>, any: boolean): { span: [number, number]; score: number } | null {
  let found: { span: [number, number]; score: number } | null = null;
  for (const span of describedPeople(sentence.text)) {
    if (any) return { span, score: DESCRIBED_SCORE };
    const score = DESCRIBED_SCORE + (wordsToAsked(sentence, asked, ...span, true) <= 2 ? 0.5 : 0);
    if (!found || score > found.score) found = { span, score };
  }
  return found;
}

/** The sentence's names, scored by what holds whatever the question (cached on the sentence: every question of a type reads them). */
function namesOf(sentence: SentenceAnalysis): readonly NameCandidate[] {
  return (sentence.names ??= findNames(sentence));
}

/**
 * A sentence opening with a past participle and a preposition, the phrase a main clause's subject does too:
 * "Sent to Cuba … by President John F. Kennedy …, Donovan had secured…" (Donovan was sent, and negotiated).
 */
const OPENING_PARTICIPLE =
  /^(\p{Lu}\p{Ll}+ed|Sent|Given|Taken|Told|Made|Brought|Held|Led|Left|Kept|Found|Known|Seen|Chosen|Shown|Written|Caught|Paid|Driven)\s+(?:to|by|in|at|from|with|on|as|into|for|after|during|under|through)\b/u;
/** A comma, then capitalized words: where a main clause may open with its subject. */
const COMMA_NAME = new RegExp(String.raw`,\s+(\p{Lu}[\p{L}'’-]*${NAME_TAIL})`, 'gu');

/**
 * After a sentence's opening participle's phrase, the main clause's subject: the first run of capitalized words
 * after a comma with a verb in the past after it, as [start, end); and the participle, analyzed.
 */
function openingSubject(text: string): { participle: string; subject: [number, number] } | null {
  const opening = OPENING_PARTICIPLE.exec(text);
  if (!opening) return null;
  for (const m of text.matchAll(COMMA_NAME)) {
    const end = m.index + m[0].length;
    if (PAST_VERB_AFTER.test(text.slice(end))) return { participle: fold(opening[1]!), subject: [end - m[1]!.length, end] };
  }
  return null;
}

function findNames(sentence: SentenceAnalysis): NameCandidate[] {
  const text = sentence.text;
  const names: NameCandidate[] = [];
  const opening = openingSubject(text);
  for (const m of text.matchAll(NAME)) {
    const words = m[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w.replace(/[’'.]/g, '')));
    // A title is the role, not the name ("Senators George McGovern").
    let titled = false;
    while (words.length > 1 && ROLE.test(words[0]!.replace(/s$/, ''))) {
      words.shift();
      titled = true;
    }
    // A role after a name is the name's owner's ("Nixon’s Secretary of State"), not part of the name.
    while (words.length > 1 && ROLE.test(words[words.length - 1]!.replace(/s$/, ''))) words.pop();
    if (!words.length) continue;
    // Joined to a prefix by a hyphen, a name is a modifier ("anti-Castro lobbyists", "pro-Soviet"), no one.
    if (m.index > 0 && text[m.index - 1] === '-' && /\p{Ll}/u.test(text[m.index - 2] ?? '')) continue;
    const start = m.index + m[0].indexOf(words[0]!);
    const end = m.index + m[0].lastIndexOf(words[words.length - 1]!) + words[words.length - 1]!.length;
    // A country or a region is no one ("US", "U.S.", "Cuba", "the United States", "Latin America"), nor a letter of its initials ("S" of "U.S.").
    const initials = /^(?:\.\p{Lu})+\.?/u.exec(text.slice(end))?.[0] ?? '';
    if (isCountryOrRegion(text.slice(start, end) + initials) || (end - start === 1 && /\p{Lu}\.$/u.test(text.slice(0, start)))) continue;
    // A document's number ("CDNW12636") is no one.
    if (/\d/.test(text[m.index + m[0].length] ?? '')) continue;
    // A people's name before a noun is its adjective ("Canadian diplomats", "a Norwegian and Irish diplomat").
    if (words.length === 1 && isPeoplesName(words[0]!) && !PEOPLE_AS_NOUN.test(text.slice(end))) continue;
    const labelled = labelledByRole(sentence, start, end);
    // A lone capitalized word opening the sentence is mostly not a name, unless a role labels it ("Slater, head of…") or
    // a verb in the past follows a word that is no plural ("Guevara presented Goodwin…", not "Things changed…").
    if (m.index === 0 && words.length === 1 && !labelled && (/s$/.test(words[0]!) || !PAST_VERB_AFTER.test(text.slice(end)))) continue;
    const before = text.slice(0, start);
    // A name's words after "of" or "for" name a thing or a place with the words before them ("Alliance for Progress",
    // "Bay of Pigs"), not someone; a lone capitalized word before them heads that name ("Alliance").
    if (INSTITUTION_BEFORE.test(before)) continue;
    const last = words[words.length - 1]!;
    // A law, a policy, an operation or a body named after people is no one ("the Helms-Burton Bill", "Operation Mongoose").
    if (words.length > 1 && (THING_NOUN.test(last) || THING_HEAD.test(words[0]!))) continue;
    let score = (words.length > 1 ? 1 : 0) + (titled ? 2 : 0);
    // A lone capitalized word before "of" or "for" and a capitalized word heads a thing's name ("the Summit of the Americas").
    if (words.length === 1 && INSTITUTION_AFTER.test(text.slice(end))) continue;
    // The agent's "by" stands before a title too ("by President John F. Kennedy").
    const agent = AGENT_BEFORE.test(text.slice(0, m.index));
    const afterPlace = !agent && PLACE_BEFORE.test(before);
    let role: NameCandidate['opening'];
    if (opening && start >= opening.subject[0] && end <= opening.subject[1]) role = { role: 'subject' };
    else if (opening && agent && start < opening.subject[0]) role = { role: 'agent', participle: opening.participle };
    // An opening participle's agent did that deed alone: `person` credits it when the question asks it.
    if (agent && !role) score += AGENT_SCORE;
    // After a place's preposition but "to" (which a message's recipient follows too: "spoke to James Donovan"), several
    // words are no surer a person ("in Panama City", "of the Cuban Missile Crisis").
    else if (afterPlace) score -= words.length > 1 && !TO_BEFORE.test(before) ? 3 : 2;
    if (labelled) score += 2;
    if (/[’']s$/.test(last) || last.includes('-') || last.length === 1) score -= 2;
    names.push({ start, end, terms: words.map(fold), score, afterPlace, joined: joinedNames(text, start, end), ...(role && { opening: role }) });
  }
  return names;
}

/** The capitalized words joined by "and" or "with" to the name at [start, end), on either side, analyzed. */
function joinedNames(text: string, start: number, end: number): string[] {
  const before = /(\p{Lu}[\p{L}'’-]*)\s+(?:and|with)\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
  const after = /^\s+(?:and|with)\s+(?:\p{Lu}[\p{L}'’-]*\s+)*?(\p{Lu}[\p{L}'’-]*)\b/u.exec(text.slice(end, end + 60));
  return [before?.[1], after?.[1]].filter((w) => w !== undefined).map(fold);
}
