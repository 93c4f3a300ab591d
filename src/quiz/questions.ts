/**
 * Study questions, each built from one sentence of a document: a date, an amount, a person's name or
 * a place in it is the blank, and three other choices of the same kind are drawn from elsewhere in
 * the corpus. A choice is never found in the sentence itself (nor, for a name or a date, another way
 * of writing the answer), so exactly one choice is right, and the answer is always what the sentence
 * says at the blank. Questions are found by code, for any corpus, and named by a stable id.
 */
import type { Corpus, Passage } from '../corpus/types.js';
import { placeKind } from '../people/lexicon.js';
import type { PeopleIndex } from '../people/index.js';
import { fold } from '../text/fold.js';
import { hashOf, seeded } from '../text/random.js';
import type { Timeline } from '../timeline/types.js';

export type BlankKind = 'date' | 'amount' | 'name' | 'place';

/** What a choice stands for, to tell two ways of writing the same thing apart from different things. */
interface Filler {
  text: string;
  /** Same key, same thing: the ISO date, the person, the folded place or amount. */
  key: string;
  /** Dates: their precision, so that a day is offered beside days. Amounts: "$" or their unit. */
  shape: string;
}

/** A blank in a sentence. */
export interface Question {
  /** `<passage id>~<sentence start>~<blank start>`: stable while the corpus is. */
  id: string;
  kind: BlankKind;
  passageId: string;
  /** The sentence, verbatim: `passage.text.slice(sentence[0], sentence[1])`. */
  sentence: [number, number];
  /** The blank's offsets in the passage text; the answer is `passage.text.slice(blank[0], blank[1])`. */
  blank: [number, number];
  answer: Filler;
}

/** Sentences shorter or longer than this make poor questions. */
const SENTENCE_CHARS = { min: 50, max: 320 } as const;

const AMOUNT = /(?<![\p{L}\p{N}])(?:\$\s?\d[\d,.]*(?:\s(?:million|billion|thousand))?|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s(?:million|billion|thousand|percent|per cent|miles|days|years|months|prisoners|people|men|exiles|Cubans|Americans)\b)/gu;
/** A capitalised word or two, not part of a hyphened compound ("U.S.-Cuba ties" is not a place). */
const PLACE = /(?<![\p{L}-])\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?(?![\p{L}-])/gu;

interface Candidate {
  passage: Passage;
  sentence: [number, number];
  blank: [number, number];
  kind: BlankKind;
  filler: Filler;
}

/** Every question the corpus allows, and for each kind every filler it has (for distractors). */
export interface QuestionBank {
  questions: Question[];
  byId: Map<string, Question>;
  fillers: Record<BlankKind, Filler[]>;
}

/** Builds the bank: dates from the timeline, names from the people found, amounts and places by rule. */
export function buildQuestionBank(corpus: Corpus, timeline: Timeline, people: PeopleIndex): QuestionBank {
  const candidates: Candidate[] = [];
  const own = (p: Passage | undefined): p is Passage => p !== undefined && p.comment === null;
  const sentenceAt = (p: Passage, at: number) => p.sentences.find(([s, e]) => s <= at && at < e);

  for (const event of timeline.events) {
    for (const c of event.citations) {
      const passage = corpus.passageById.get(c.passageId);
      if (!own(passage) || c.cable || c.inferred) continue;
      const start = c.start + c.dateStart;
      // Shape: the precision, and whether the words give the year, so that "January" is offered beside months without one.
      const shape = `${event.precision}${/\d{4}/.test(c.dateText) ? '+year' : ''}`;
      candidates.push({ passage, sentence: [c.start, c.end], blank: [start, c.start + c.dateEnd], kind: 'date', filler: { text: c.dateText, key: `${event.date}|${event.qualifier ?? ''}|${event.until ?? ''}`, shape } });
    }
  }
  for (const person of people.people) {
    for (const m of person.mentions) {
      const passage = corpus.passageById.get(m.passageId);
      if (!own(passage) || !m.form.includes(' ')) continue;
      candidates.push({ passage, sentence: m.sentence, blank: [m.start, m.end], kind: 'name', filler: { text: m.form, key: person.name, shape: 'person' } });
    }
  }
  for (const passage of corpus.passages) {
    if (!own(passage)) continue;
    for (const m of passage.text.matchAll(AMOUNT)) {
      const sentence = sentenceAt(passage, m.index);
      const text = m[0].replace(/[.,]+$/, '');
      if (!sentence || /^\d{4}$/.test(text)) continue;
      const shape = text.startsWith('$') ? '$' : (/\s(\p{L}+)$/u.exec(text)?.[1] ?? 'count');
      candidates.push({ passage, sentence, blank: [m.index, m.index + text.length], kind: 'amount', filler: { text, key: fold(text), shape } });
    }
    for (const m of passage.text.matchAll(PLACE)) {
      const sentence = sentenceAt(passage, m.index);
      const kind = placeKind(m[0]);
      if (!sentence || m.index === sentence[0] || !kind) continue;
      // Shape: city, country or region, so that a country is never offered beside a city inside it.
      candidates.push({ passage, sentence, blank: [m.index, m.index + m[0].length], kind: 'place', filler: { text: m[0], key: fold(m[0]), shape: kind } });
    }
  }

  const fillers: Record<BlankKind, Filler[]> = { date: [], amount: [], name: [], place: [] };
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = `${c.kind}|${fold(c.filler.text)}`;
    if (!seen.has(key)) {
      seen.add(key);
      fillers[c.kind].push(c.filler);
    }
  }
  const questions: Question[] = [];
  const byId = new Map<string, Question>();
  for (const c of candidates) {
    const length = c.sentence[1] - c.sentence[0];
    if (length < SENTENCE_CHARS.min || length > SENTENCE_CHARS.max) continue;
    const text = c.passage.text.slice(c.sentence[0], c.sentence[1]);
    // The answer once only in its sentence, so the blank is the only place it could go.
    if (text.split(c.filler.text).length !== 2) continue;
    const id = `${c.passage.id}~${c.sentence[0]}~${c.blank[0]}`;
    if (byId.has(id)) continue;
    const question: Question = { id, kind: c.kind, passageId: c.passage.id, sentence: c.sentence, blank: c.blank, answer: c.filler };
    if (distractorPool(question, fillers, text).length < 3) continue;
    questions.push(question);
    byId.set(id, question);
  }
  questions.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { questions, byId, fillers };
}

/** Fillers of the question's kind and shape that cannot be right: another thing, not written in the sentence. */
function distractorPool(question: Pick<Question, 'kind' | 'answer'>, fillers: QuestionBank['fillers'], sentence: string): Filler[] {
  const inSentence = fold(sentence);
  const pool = fillers[question.kind].filter(
    (f) => f.key !== question.answer.key && fold(f.text) !== fold(question.answer.text) && !inSentence.includes(fold(f.text)),
  );
  // Only choices of the same shape, so that none can be told wrong by its form alone.
  return pool.filter((f) => f.shape === question.answer.shape);
}

/** The four choices of a question, always the same for the same question: the answer and three others, shuffled. */
export function choicesOf(question: Question, bank: QuestionBank, corpus: Corpus): string[] {
  const passage = corpus.passageById.get(question.passageId)!;
  const sentence = passage.text.slice(question.sentence[0], question.sentence[1]);
  const random = seeded(hashOf(question.id));
  const pool = distractorPool(question, bank.fillers, sentence);
  const picked: Filler[] = [];
  const used = new Set([question.answer.key, fold(question.answer.text)]);
  while (picked.length < 3 && pool.length > 0) {
    const filler = pool.splice(Math.floor(random() * pool.length), 1)[0]!;
    if (used.has(filler.key) || used.has(fold(filler.text))) continue;
    used.add(filler.key).add(fold(filler.text));
    picked.push(filler);
  }
  const choices = [question.answer.text, ...picked.map((f) => f.text)];
  for (let i = choices.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [choices[i], choices[j]] = [choices[j]!, choices[i]!];
  }
  return choices;
}
