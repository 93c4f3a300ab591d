import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under a folder, with the relative modules it imports (types too). */
function importGraph(...roots: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) graph.set(path, importsOf(path));
    }
  };
  for (const root of roots) walk(root);
  return graph;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]/g)) {
    const target = match[1]!;
    found.push(target.startsWith('.') ? normalize(join(dirname(file), target.replace(/\.js$/, '.ts'))) : target);
  }
  return found;
}

/** The import cycles of a graph: its strongly connected components of more than one file (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graph = importGraph('src', 'adapters');

describe('the import graph', () => {
  it('has no cycles, type imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('keeps the core free of platforms, servers and the network', () => {
    const forbidden = /^(discord\.js|@slack\/|pg$|ioredis|node:(net|http|https|dgram|tls))/;
    const offenders = [...graph].filter(([file]) => file.startsWith('src/')).flatMap(([file, targets]) => targets.filter((t) => forbidden.test(t)).map((t) => `${file} → ${t}`));
    expect(offenders).toEqual([]);
    expect(graph.get('src/search/engine-store.ts')).toContain('minisearch');
  });

  it('has the answer code read retrieval only through the seam (src/retrieval/), nothing of src/search/', () => {
    const answering = /^src\/(answer|commands|timeline|sources|cite|people|quiz|picture)\//;
    const offenders = [...graph].filter(([file]) => answering.test(file)).flatMap(([file, targets]) => targets.filter((t) => t.startsWith('src/search/')).map((t) => `${file} → ${t}`));
    expect(offenders).toEqual([]);
    // The graph does see imports of the search where they are (the seam's own modules).
    expect(graph.get('src/retrieval/memory.ts')).toContain('src/search/query.ts');
  });

  it('has the core import nothing of the adapters', () => {
    const offenders = [...graph].filter(([file]) => file.startsWith('src/')).flatMap(([file, targets]) => targets.filter((t) => t.startsWith('adapters/')).map((t) => `${file} → ${t}`));
    expect(offenders).toEqual([]);
  });
});
