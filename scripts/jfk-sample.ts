/**
 * The fifty-record check: fifty records of the 2025 JFK release added to a copy of the seed corpus
 * with `corpus add`, one command each as a member would, then questions asked of it. Prints each
 * answer's top quote and citation, then the development questions' scores on the grown corpus
 * (they must match the seed corpus's `npm run eval` figures).
 *
 *   npm run build && node dist/scripts/jfk-sample.js [--source FILE] [--out DIR] [--count 50]
 *
 * Records are taken in file order: first those that tell of Oswald in Mexico City, then others about
 * Cuba, Castro or Oswald, each between 1 and 12 KB of text. Needs ../shared (skips without it).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { runCorpusCommand } from '../adapters/cli/corpus.js';
import { loadCore } from '../src/core.js';
import { ask } from '../src/answer/ask.js';
import { citationFor } from '../src/answer/citation.js';
import { readQuestions, score } from './eval-questions.js';
import { repoRoot } from './repo.js';

const QUESTIONS = [
  'What did Oswald do in Mexico City?',
  'Why did Oswald visit the Soviet Embassy in Mexico City?',
  'Who was Kostikov?',
  'What did the Cuban Embassy in Mexico City tell Oswald about a visa?',
  'Who was Silvia Duran?',
  'Was Silvia Duran arrested after the assassination?',
];

const { values } = parseArgs({ options: { source: { type: 'string' }, out: { type: 'string' }, count: { type: 'string', default: '50' } } });
const root = repoRoot();
const source = values.source ?? join(root, '..', 'shared', 'scale', 'jfk-2025-release.jsonl.gz');
if (!existsSync(source)) {
  console.log(`jfk-sample: ${source} not found; skipped`);
  process.exit(0);
}
const count = Number(values.count);

const picked: Array<{ id: string; text: string }> = [];
const more: Array<{ id: string; text: string }> = [];
for await (const line of createInterface({ input: createReadStream(source).pipe(createGunzip()), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const record = JSON.parse(line) as { id: string; text: string };
  if (record.text.length < 1_000 || record.text.length > 12_000) continue;
  if (/oswald/i.test(record.text) && /mexico city/i.test(record.text) && picked.length < count / 2) picked.push(record);
  else if (/\b(cuba|castro|havana|oswald)\b/i.test(record.text) && more.length < count) more.push(record);
}
const records = [...picked, ...more].slice(0, count);

const dir = resolve(values.out ?? mkdtempSync(join(tmpdir(), 'bc-jfk-sample-')));
mkdirSync(dir, { recursive: true });
cpSync(join(root, 'corpus'), dir, { recursive: true });
const files = mkdtempSync(join(tmpdir(), 'bc-jfk-records-'));
const quiet = { out: () => {}, err: (l: string) => console.error(l) };
let added = 0;
const started = performance.now();
for (const record of records) {
  const file = join(files, `${record.id}.txt`);
  writeFileSync(file, record.text);
  if ((await runCorpusCommand(['add', file, '--corpus', dir], quiet)) === 0) added++;
}
console.log(`${added} of ${records.length} records added to ${dir} in ${Math.round(performance.now() - started)} ms`);
const check = await runCorpusCommand(['check', dir], { out: (l) => console.log(l), err: (l) => console.log(l) });
if (check !== 0) process.exitCode = 1;

process.env['BACKCHANNEL_CACHE'] ??= '0';
const core = loadCore({ corpusDir: dir });
for (const q of QUESTIONS) {
  const result = ask(core, q, { limit: 3 });
  console.log(`\nQ: ${q}`);
  if (!result.answered) {
    console.log(`   (no answer: ${result.reason})`);
    continue;
  }
  result.results.slice(0, 2).forEach((r, i) => {
    const c = citationFor(core.corpus, r.passage, i + 1);
    console.log(`   [${c.n}] "${r.quote.text}"\n       — ${c.title}, ${c.kind}, ${c.date}, ¶${c.paragraph}${r.passage.page ? `, page ${r.passage.page}` : ''} (${r.passage.id})`);
  });
}

const questions = readQuestions(join(root, 'data/eval/questions.jsonl'));
const scores = score(
  questions,
  questions.map(({ q }) => {
    const result = ask(core, q, { limit: 10 });
    return { passages: result.results.map((r) => r.passage.text), quote: result.results[0]?.quote.text ?? null };
  }),
);
const keys = ['r1', 'r3', 'mrr', 'quote1', 'abstain', 'falseAbstain'] as const;
console.log(`\ndevelopment questions on the grown corpus: ${keys.map((k) => `${k} ${scores[k]}`).join(' ')}`);
