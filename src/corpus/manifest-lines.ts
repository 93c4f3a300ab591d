/**
 * Where things are in the manifest's JSON text, for messages that give a line: jsonc-parser keeps
 * the offsets that `JSON.parse` throws away. Loaded on first use: only a manifest with problems needs it.
 */
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';

let loaded: typeof Jsonc | undefined;
function jsonc(): typeof Jsonc {
  loaded ??= createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;
  return loaded;
}

/** 1-based line and column of a character offset. */
export function lineOfOffset(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The line of the value at `path` (`['documents', 2, 'kind']`), or of the nearest enclosing value
 * that exists (a missing field is reported at its object). Undefined when the text does not parse.
 */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number | undefined {
  const root = jsonc().parseTree(text);
  if (!root) return undefined;
  const segments = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  for (let n = segments.length; n >= 0; n--) {
    const node = jsonc().findNodeAtLocation(root, segments.slice(0, n));
    if (node) return lineOfOffset(text, node.parent?.type === 'property' ? node.parent.offset : node.offset).line;
  }
  return undefined;
}

/** Offsets of the syntax errors jsonc-parser finds, first first. */
export function jsonSyntaxErrors(text: string): number[] {
  const errors: Jsonc.ParseError[] = [];
  jsonc().parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors.map((e) => e.offset);
}
