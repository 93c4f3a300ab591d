import { BackchannelError } from '../errors.js';

/** One thing wrong with a corpus, as `corpus check` lists it and loading refuses it. */
export interface CorpusProblem {
  /** Path of the file the problem is in (the manifest, or a document). */
  file: string;
  /** 1-based line in that file (of the extracted text for HTML and PDF), when one applies. */
  line?: number;
  /** 1-based page, for PDFs. */
  page?: number;
  /** What is wrong, naming the field where there is one: `documents[2].kind Invalid option…`. */
  message: string;
  /** `error` stops loading; `warning` (a file the manifest does not list, say) does not. Default `error`. */
  severity?: 'error' | 'warning';
}

/** `<file>: <message> (line N)`: the form loading errors have always had. */
export function problemText(p: CorpusProblem): string {
  const where = [p.page !== undefined ? `page ${p.page}` : '', p.line !== undefined ? `line ${p.line}` : ''].filter(Boolean).join(', ');
  return `${p.file}: ${p.message}${where && !p.message.includes(`line ${p.line}`) ? ` (${where})` : ''}`;
}

/** `<file>:<line>: <message>`: the form `corpus check` prints, which editors and terminals link. */
export function problemLine(p: CorpusProblem, file = p.file): string {
  const page = p.page !== undefined ? ` (page ${p.page})` : '';
  return `${file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${page}`;
}

export function isError(p: CorpusProblem): boolean {
  return p.severity !== 'warning';
}

/** A `CORPUS_INVALID` error naming the file. */
export function corpusError(message: string, file: string, cause?: unknown): BackchannelError {
  return new BackchannelError('CORPUS_INVALID', message, { details: { file }, cause });
}

/** A `CORPUS_INVALID` error listing every problem, one a line; `details.problems` keeps them whole. */
export function problemsError(problems: readonly CorpusProblem[]): BackchannelError {
  const first = problems[0];
  return new BackchannelError('CORPUS_INVALID', problems.map(problemText).join('\n'), {
    details: { file: first?.file, problems },
  });
}
