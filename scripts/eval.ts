/**
 * `npm run eval`: the engine against plain minisearch defaults over raw paragraphs, on every question
 * set in `data/eval/` (the development set, my rewordings, the students' set, the fresh set and the
 * ten blind sets; the misses of those held out, blind6, blind7, blind9 and blind10, are never printed), each
 * on its own line, in the same run, then `swapped` (three of those sets typed with a slip: see
 * eval-typos.ts) and `chatted` (the same sets as a chat message wraps them: see eval-chat.ts), and
 * beside them the PostgreSQL backend (when a database answers: see eval-postgres.ts).
 * Last line: one JSON object { <set>: { engine: {…}, minisearch: {…}, postgres?: {…} } }.
 * `--questions FILE` scores that set alone; `--verbose` lists every miss; `--by-tag` splits each set's
 * engine figures by the questions' tags (answer type, paraphrase, period). Before the misses, per set
 * and answer type, how many first answers mark an answer inside the expected words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadCore } from '../src/core.js';
import { ask } from '../src/answer/ask.js';
import { splitSentences } from '../src/text/sentences.js';
import { fold } from '../src/text/fold.js';
import { readQuestions, score, type Answer, type EvalQuestion, type Scores } from './eval-questions.js';
import { repoRoot } from './repo.js';
import { DEFAULT_LEXICON, type Relation } from '../src/lexicon/lexicon.js';
import { evalBackend } from './eval-postgres.js';
import { SWAPPED_FROM, swappedQuestions } from './eval-typos.js';
import { CHATTED_FROM, chattedQuestions } from './eval-chat.js';

const { values } = parseArgs({
  options: {
    questions: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'by-tag': { type: 'boolean', default: false },
    lexicon: { type: 'string' },
    senses: { type: 'string' },
  },
});
const root = repoRoot();
/** The sets, in the order printed: the development set first. */
const SETS = ['questions.jsonl', 'variants.jsonl', 'students.jsonl', 'fresh.jsonl', 'blind.jsonl', 'blind2.jsonl', 'blind3.jsonl', 'blind4.jsonl', 'blind5.jsonl', 'blind6.jsonl', 'blind7.jsonl', 'blind8.jsonl', 'blind9.jsonl', 'blind10.jsonl'];
/** Sets held out: scored, their misses never printed (not even with `--verbose`), so that no change is made for one of them. */
const HELD_OUT = new Set(['blind6', 'blind7', 'blind9', 'blind10']);
const files = values.questions ? [values.questions] : SETS.map((f) => join(root, 'data/eval', f));

const core = loadCore(lexiconChoice(values.lexicon, values.senses));
/** Per question, the first result's marked answer and the question's type, for the answer-mark figures. */
const marked = new Map<string, { type: string; answer: string | null }>();
const engineAnswer = (q: string): Answer => {
  const result = ask(core, q, { limit: 10 });
  const quote = result.results[0]?.quote;
  if (quote) marked.set(q, { type: result.analyzed.type, answer: quote.answer ? quote.text.slice(...quote.answer) : null });
  return { passages: result.results.map((r) => r.passage.text), quote: quote?.text ?? null };
};

/** True when `text` holds `words` as whole words: "2" is not inside "20,000 people per year". */
function holdsWords(text: string, words: string): boolean {
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + words.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/**
 * "answer marks": per answer type, how many first answers mark an answer lying inside one of the
 * expected phrases as whole words (or holding one), of those that mark or should mark one.
 */
function answerMarks(questions: EvalQuestion[]): string {
  const counts = new Map<string, [number, number]>();
  for (const q of questions) {
    if (!('expect' in q)) continue;
    const m = marked.get(q.q);
    if (!m || !['date', 'money', 'age', 'duration', 'quantity', 'person', 'place', 'reason'].includes(m.type)) continue;
    const c = counts.get(m.type) ?? [0, 0];
    const answer = m.answer === null ? null : fold(m.answer);
    if (answer !== null && q.expect.some((e) => holdsWords(fold(e), answer) || holdsWords(answer, fold(e)))) c[0]++;
    c[1]++;
    counts.set(m.type, c);
  }
  return [...counts].map(([type, [inside, n]]) => `${type} ${inside}/${n}`).join(', ');
}

// Plain minisearch: default options, raw paragraphs (blank-line separated) of the unchanged files.
const paragraphs = readdirSync(join(root, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(root, 'corpus', f), 'utf8').split(/\n\s*\n/))
  .map((text) => text.trim())
  .filter(Boolean)
  .map((text, id) => ({ id, text }));
const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['text'] });
mini.addAll(paragraphs);
const miniAnswer = (q: string): Answer => {
  const texts = mini.search(q).slice(0, 10).map((h) => String(h['text']));
  return { passages: texts, quote: texts[0] ? (splitSentences(texts[0])[0] ?? null) : null };
};

const keys = ['r1', 'r3', 'mrr', 'quote1', 'abstain', 'falseAbstain'] as const;
const pick = (s: Scores) => Object.fromEntries(keys.map((k) => [k, s[k]]));
const row = (label: string, s: Scores, n: string) => [label.padEnd(26), ...keys.map((k) => String(s[k]).padStart(13)), n.padStart(12)].join('');
console.log(['set'.padEnd(26), ...keys.map((k) => k.padStart(13)), 'questions'.padStart(12)].join(''));

const summary: Record<string, unknown> = {};
// The PostgreSQL backend's rows, when a database answers (see eval-postgres.ts).
const postgres = await evalBackend(core);
const missLines: string[] = [];
const markLines: string[] = [];
const read = new Map<string, EvalQuestion[]>();
for (const file of files) read.set(basename(file, '.jsonl'), readQuestions(file));
// The swapped line: the answerable questions of sets read above, each typed with one slip (see eval-typos.ts).
if (!values.questions) read.set('swapped', swappedQuestions(SWAPPED_FROM.flatMap((name) => read.get(name) ?? [])));
// The chatted line: the questions of sets read above as a chat message wraps them (see eval-chat.ts).
if (!values.questions) read.set('chatted', chattedQuestions(CHATTED_FROM.flatMap((name) => read.get(name) ?? [])));
for (const [name, questions] of read) {
  const answers = questions.map((q) => engineAnswer(q.q));
  const engine = score(questions, answers);
  const baseline = score(questions, questions.map((q) => miniAnswer(q.q)));
  const counts = `${questions.length} (${questions.filter((q) => 'abstain' in q).length} un.)`;
  console.log(row(`${name}: engine`, engine, counts));
  console.log(row(`${name}: minisearch`, baseline, ''));
  const pg = 'answers' in postgres ? score(questions, await postgres.answers(questions)) : null;
  if (pg) console.log(row(`${name}: PostgreSQL`, pg, ''));
  if (values['by-tag']) for (const [tag, subset] of byTag(questions)) console.log(row(`  ${tag}`, score(subset.map((i) => questions[i]!), subset.map((i) => answers[i]!)), String(subset.length)));
  if (HELD_OUT.has(name)) missLines.push(`${name} engine misses: held out, not shown`);
  else if (values.verbose || engine.misses.length) missLines.push(`${name} engine misses: ${engine.misses.join(', ') || 'none'}`);
  markLines.push(`${name}: ${answerMarks(questions)}`);
  summary[name] = { engine: pick(engine), minisearch: pick(baseline), ...(pg ? { postgres: pick(pg) } : {}) };
}
if ('skipped' in postgres) console.log(`PostgreSQL: skipped (${postgres.skipped})`);
else await postgres.close();
console.log(`\nanswer marks (first answers marking an answer inside the expected words, by type):\n${markLines.join('\n')}`);
if (missLines.length) console.log(`\n${missLines.join('\n')}`);
console.log(JSON.stringify(summary));

/**
 * `--lexicon none|all|synonym,derivation,…` and `--senses N`: the engine with another lexicon (built
 * fresh, not saved), to measure each relation's help and noise.
 */
function lexiconChoice(choice: string | undefined, senses: string | undefined): Parameters<typeof loadCore>[0] {
  if (choice === undefined && senses === undefined) return {};
  if (choice === 'none') return { cache: false, search: { lexicon: false } };
  const relations = (choice === undefined || choice === 'all' ? DEFAULT_LEXICON.relations : choice.split(',')) as Relation[];
  return { cache: false, search: { lexicon: { relations, senses: senses ? Number(senses) : DEFAULT_LEXICON.senses } } };
}

/** Indexes of the questions carrying each tag, tags in first-seen order. */
function byTag(questions: readonly EvalQuestion[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  questions.forEach((q, i) => {
    for (const tag of q.tags ?? []) out.set(tag, [...(out.get(tag) ?? []), i]);
  });
  return out;
}
