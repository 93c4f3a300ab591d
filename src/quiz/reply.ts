/**
 * /quiz as replies: a question (the sentence with its blank, four choices as buttons) and the reveal
 * (right or wrong, the whole sentence quoted with its citation). Questions are picked by seed among
 * those about a period or topic; a button carries only the question id and the choice, so it works
 * after a restart, and a forged one gets a clear message.
 */
import { citationFor } from '../answer/citation.js';
import type { Core } from '../core.js';
import type { Corpus } from '../corpus/types.js';
import { BackchannelError, isBackchannelError } from '../errors.js';
import { peopleOf } from '../people/index.js';
import { notice, runsOf } from '../reply/build.js';
import type { Reply } from '../reply/model.js';
import { parseTimelineRequest } from '../timeline/period.js';
import { inPeriod } from '../timeline/query.js';
import { stemSet, topicTerms } from '../timeline/words.js';
import { hashOf, seeded } from '../text/random.js';
import { buildQuestionBank, choicesOf, type BlankKind, type Question, type QuestionBank } from './questions.js';

/** What the blank is, for the prompt. */
const KIND_WORDS: Record<BlankKind, string> = { date: 'date', amount: 'amount', name: 'name', place: 'place' };
export const BLANK = '_____';
/** Seeds run from 0 to this (exclusive). */
export const MAX_SEED = 2_147_483_647;

const banks = new WeakMap<Corpus, QuestionBank>();

/** The question bank of the core's corpus, built on first use. */
export function bankOf(core: Core): QuestionBank {
  let bank = banks.get(core.corpus);
  if (!bank) {
    bank = buildQuestionBank(core.corpus, core.timeline, peopleOf(core));
    banks.set(core.corpus, bank);
  }
  return bank;
}

/** The questions about `about`: a period (`1963`, `1962-10`, with a topic after it) or a topic (`Donovan`); all when empty. */
export function questionsAbout(core: Core, about: string): Question[] {
  const bank = bankOf(core);
  if (about === '') return bank.questions;
  let period = null;
  let topic = about;
  try {
    ({ period, topic } = parseTimelineRequest(about));
  } catch (error) {
    // Words that are not a period are a topic; a malformed period ("12", "1963-13") is refused.
    if (!isBackchannelError(error) || /^\p{L}/u.test(about) === false) throw error;
  }
  const terms = topicTerms(topic);
  let dated: Set<string> | null = null;
  if (period) {
    dated = new Set();
    for (const event of core.timeline.events)
      if (inPeriod(event, period)) for (const c of event.citations) dated.add(`${c.passageId}@${c.start}`);
  }
  return bank.questions.filter((q) => {
    if (dated && !dated.has(`${q.passageId}@${q.sentence[0]}`)) return false;
    if (terms.length === 0) return true;
    const stems = stemSet(core.corpus.passageById.get(q.passageId)!.text);
    return terms.every((t) => stems.has(t));
  });
}

/** A question, its sentence blanked, its four choices as buttons. */
export function questionReply(core: Core, about: string, seed: number): Reply {
  const questions = questionsAbout(core, about);
  if (questions.length === 0) {
    const total = bankOf(core).questions.length;
    return {
      blocks: [notice('info', `No quiz question is about “${about}”. The corpus gives ${total} questions in all: try /quiz alone, a year such as 1963, or a name such as Donovan.`)],
      actions: [],
      ok: false,
      data: { about, found: false, questions: 0 },
    };
  }
  const question = questions[Math.floor(seeded(seed)() * questions.length)]!;
  const passage = core.corpus.passageById.get(question.passageId)!;
  const choices = choicesOf(question, bankOf(core), core.corpus);
  const before = passage.text.slice(question.sentence[0], question.blank[0]);
  const after = passage.text.slice(question.blank[1], question.sentence[1]);
  return {
    blocks: [
      { type: 'heading', text: `Quiz${about ? ` · ${about}` : ''}` },
      { type: 'text', runs: [{ text: `Which ${KIND_WORDS[question.kind]} fills the blank? One of ${questions.length} question${questions.length === 1 ? '' : 's'}${about ? ` about “${about}”` : ''} the corpus gives.` }] },
      { type: 'text', runs: [{ text: `“${before}` }, { text: BLANK, marked: true }, { text: `${after}”` }] },
      { type: 'list', ordered: true, items: choices.map((c) => [{ text: c }]) },
    ],
    actions: choices.map((choice, i) => ({ id: `choice${i + 1}`, label: `${i + 1}. ${choice}`, command: 'quiz', args: { q: question.id, choice: i + 1 }, private: true })),
    ok: true,
    data: { about, seed, id: question.id, kind: question.kind, sentence: `${before}${BLANK}${after}`, choices, questions: questions.length },
  };
}

/** The reveal: right or wrong, the sentence quoted whole with the answer in bold, and its citation. */
export function answerReply(core: Core, id: string, choice: number): Reply {
  const bank = bankOf(core);
  const question = bank.byId.get(id);
  if (!question) {
    throw new BackchannelError('BAD_INPUT', `quiz: no question ${id}`, {
      userMessage: 'That quiz question is not one the corpus gives (the corpus may have changed since). Ask /quiz for a new one.',
      details: { id },
    });
  }
  const choices = choicesOf(question, bank, core.corpus);
  const picked = choices[choice - 1];
  if (picked === undefined) {
    throw new BackchannelError('BAD_INPUT', `quiz: choice ${choice} of ${id}`, { userMessage: `Answer a quiz question with one of its choices, 1 to ${choices.length}.`, details: { id, choice } });
  }
  const passage = core.corpus.passageById.get(question.passageId)!;
  const sentence = passage.text.slice(question.sentence[0], question.sentence[1]);
  const right = picked === question.answer.text;
  const says = right ? `Right: “${picked}”.` : `Not quite: you chose “${picked}”; the document says “${question.answer.text}”.`;
  return {
    blocks: [
      notice(right ? 'info' : 'warning', says),
      { type: 'quote', runs: runsOf(sentence, [[question.blank[0] - question.sentence[0], question.blank[1] - question.sentence[0]]]), citation: 1 },
      { type: 'citations', items: [citationFor(core.corpus, passage, 1)] },
    ],
    actions: [{ id: 'next', label: 'Another question', command: 'quiz', args: { seed: (hashOf(id) + choice) % MAX_SEED } }],
    ok: true,
    data: { id, choice, picked, right, answer: question.answer.text, sentence, passageId: passage.id },
  };
}
