/**
 * `npm run eval`: the engine against plain minisearch defaults over raw paragraphs, on the development
 * questions, in the same run. Last line: one JSON object { engine: {…}, minisearch: {…} }.
 * `--questions FILE` scores another question set; `--verbose` lists every miss.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadCore } from '../src/core.js';
import { ask } from '../src/answer/ask.js';
import { splitSentences } from '../src/text/sentences.js';
import { readQuestions, score, type Answer } from './eval-questions.js';
import { repoRoot } from './repo.js';

const { values } = parseArgs({ options: { questions: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const root = repoRoot();
const questions = readQuestions(values.questions ?? join(root, 'data/eval/questions.jsonl'));

const core = loadCore();
const engineAnswers: Answer[] = questions.map(({ q }) => {
  const result = ask(core, q, { limit: 10 });
  return { passages: result.results.map((r) => r.passage.text), quote: result.results[0]?.quote.text ?? null };
});

// Plain minisearch: default options, raw paragraphs (blank-line separated) of the unchanged files.
const paragraphs = readdirSync(join(root, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(root, 'corpus', f), 'utf8').split(/\n\s*\n/))
  .map((text) => text.trim())
  .filter(Boolean)
  .map((text, id) => ({ id, text }));
const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['text'] });
mini.addAll(paragraphs);
const miniAnswers: Answer[] = questions.map(({ q }) => {
  const hits = mini.search(q).slice(0, 10);
  const texts = hits.map((h) => String(h['text']));
  return { passages: texts, quote: texts[0] ? (splitSentences(texts[0])[0] ?? null) : null };
});

const engine = score(questions, engineAnswers);
const baseline = score(questions, miniAnswers);
const keys = ['r1', 'r3', 'mrr', 'quote1', 'abstain', 'falseAbstain'] as const;
console.log(`${questions.length} questions (${questions.filter((q) => 'abstain' in q).length} unanswerable)\n`);
console.log(['metric'.padEnd(14), 'engine'.padStart(8), 'minisearch'.padStart(11)].join(''));
for (const k of keys) console.log([k.padEnd(14), String(engine[k]).padStart(8), String(baseline[k]).padStart(11)].join(''));
if (values.verbose || engine.misses.length) console.log(`\nengine misses: ${engine.misses.join(', ') || 'none'}`);
const pick = (s: typeof engine) => Object.fromEntries(keys.map((k) => [k, s[k]]));
console.log(JSON.stringify({ engine: pick(engine), minisearch: pick(baseline) }));
