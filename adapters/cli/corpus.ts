/**
 * `backchannel corpus add FILE [--title … --date … --kind … --author … --publisher … --id …] [--dry-run]`
 * and `backchannel corpus check [DIR]`, both with `--corpus DIR` (default: the bundled `corpus/`).
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledCorpusDir } from '../../src/core.js';
import { addDocument } from '../../src/corpus/add.js';
import { checkCorpus } from '../../src/corpus/check.js';
import { isError, problemLine, type CorpusProblem } from '../../src/corpus/problems.js';
import { loadConfig } from '../../src/config.js';
import { isBackchannelError } from '../../src/errors.js';
import { DOCUMENT_KINDS } from '../../src/corpus/types.js';

export const CORPUS_USAGE = [
  'usage: backchannel corpus add FILE [--title T] [--date D] [--kind K] [--author A] [--publisher P] [--id ID] [--url URL] [--dry-run] [--corpus DIR]',
  '       backchannel corpus check [DIR] [--json]',
  '',
  '  add    Copy FILE (.txt, .md, .html, .pdf) into the corpus and write its manifest entry; what is not',
  '         given is inferred from the document and printed to confirm. Run again with a flag to correct it.',
  `         --kind: ${DOCUMENT_KINDS.join(', ')}. --date: 1963-11-05, 1963-11, 1963, undated or words.`,
  '         --url: where the document can be read online (http or https), cited by /cite.',
  '  check  Validate the manifest and every document; list each problem with file and line. Exit 1 if any.',
].join('\n');

/** Where to print; the real stdout and stderr by default (tests pass their own). */
export interface CorpusCliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CorpusCliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Runs `corpus <add|check> …` and returns the exit status: 0 done, 1 problems found, 2 usage error. */
export async function runCorpusCommand(args: string[], io: CorpusCliIo = consoleIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add' && sub !== 'check') {
    (sub && sub !== '--help' && sub !== '-h' ? io.err : io.out)(sub && sub !== '--help' && sub !== '-h' ? `backchannel corpus: unknown subcommand "${sub}"\n\n${CORPUS_USAGE}` : CORPUS_USAGE);
    return sub === '--help' || sub === '-h' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        corpus: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        kind: { type: 'string' },
        author: { type: 'string' },
        publisher: { type: 'string' },
        id: { type: 'string' },
        url: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`backchannel corpus ${sub}: ${(error as Error).message}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(CORPUS_USAGE);
    return 0;
  }
  try {
    return sub === 'check' ? await check(positionals, values, io) : await add(positionals, values, io, env);
  } catch (error) {
    if (!isBackchannelError(error)) throw error;
    const problems = error.details['problems'];
    if (Array.isArray(problems)) for (const p of problems as CorpusProblem[]) io.err(problemLine(p, shown(p.file)));
    else io.err(`backchannel corpus ${sub}: ${error.message}`);
    return 1;
  }
}

/** A path as the user would type it: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

type Values = { corpus?: string | undefined; json?: boolean | undefined } & Record<string, string | boolean | undefined>;

async function check(positionals: string[], values: Values, io: CorpusCliIo): Promise<number> {
  if (positionals.length > 1) {
    io.err(`backchannel corpus check: one directory at most (got ${positionals.join(' ')})`);
    return 2;
  }
  const dir = positionals[0] ?? values.corpus ?? bundledCorpusDir();
  const report = await checkCorpus(dir);
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
    return report.ok ? 0 : 1;
  }
  for (const p of report.problems) (isError(p) ? io.err : io.out)(problemLine(p, shown(p.file)));
  const errors = report.problems.filter(isError).length;
  const warnings = report.problems.length - errors;
  const summary = `${shown(report.dir) || '.'}: ${report.documents} document${report.documents === 1 ? '' : 's'} load, ${report.passages} passages`;
  io.out(errors || warnings ? `${summary}; ${plural(errors, 'problem')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}.` : `${summary}; no problems.`);
  return report.ok ? 0 : 1;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function add(positionals: string[], values: Values, io: CorpusCliIo, env: Record<string, string | undefined>): Promise<number> {
  if (positionals.length !== 1) {
    io.err(`backchannel corpus add: give one FILE to add${positionals.length ? ` (got ${positionals.join(' ')})` : ''}\n\n${CORPUS_USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const corpusDir = values.corpus ?? bundledCorpusDir();
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const addToDirectory = () => addDocument({
    file,
    corpusDir,
    title: text('title'),
    date: text('date'),
    kind: text('kind'),
    author: text('author'),
    publisher: text('publisher'),
    id: text('id'),
    url: text('url'),
    dryRun: values['dry-run'] === true,
  });
  // With SEARCH_BACKEND=postgres the database takes the corpus too, or nothing is added (see corpus-database.ts).
  let result;
  if (env['SEARCH_BACKEND']?.trim() === 'postgres' && values['dry-run'] !== true) {
    // Only the database's keys are read: an unrelated bad key (a Slack token) must not stop `corpus add`.
    const config = loadConfig({ SEARCH_BACKEND: 'postgres', DATABASE_URL: env['DATABASE_URL'], DATABASE_SCHEMA: env['DATABASE_SCHEMA'] });
    const { addWithDatabase } = await import('./corpus-database.js');
    const { added, loaded } = await addWithDatabase(config, corpusDir, file, addToDirectory);
    result = added;
    if (!values.json) io.out(`PostgreSQL now holds the corpus: ${plural(loaded.passages, 'passage')}, written in one transaction.`);
  } else result = await addToDirectory();
  if (values.json) {
    io.out(JSON.stringify({ ...result, path: shown(result.path), dryRun: values['dry-run'] === true }, null, 2));
    return 0;
  }
  const verb = values['dry-run'] ? 'Would add' : result.updated ? 'Updated' : 'Added';
  io.out(`${verb} ${shown(result.path)} as "${result.meta.id}" (${result.meta.format}, ${plural(result.passages, 'passage')}):`);
  for (const f of result.fields) io.out(`  ${f.field.padEnd(10)} ${f.value.padEnd(44)} ${f.from === 'given' ? '(given)' : `(${f.from})`}`);
  const guessed = result.fields.filter((f) => f.field !== 'id' && f.from !== 'given' && f.from !== 'none found' && !f.from.startsWith('kept'));
  if (guessed.length) {
    const flags = guessed.map((f) => `--${f.field} …`).join(' ');
    io.out(`Please check the ${guessed.map((f) => f.field).join(', ')} found in the document. To correct one, add the file again with it:`);
    io.out(`  backchannel corpus add ${file} ${flags}${values.corpus ? ` --corpus ${values.corpus}` : ''}`);
  }
  return 0;
}
