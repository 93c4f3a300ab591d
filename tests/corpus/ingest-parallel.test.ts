import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus as loadFromSources } from '../../src/corpus/load.js';
import { entry, put, tempDir, writeManifest } from './temp.js';

/**
 * Worker threads run built JavaScript: these tests load the corpus through `dist/` (npm ci builds it),
 * where the worker's script sits beside the loader.
 */
const built = (await import(new URL('../../dist/src/corpus/load.js', import.meta.url).href)) as { loadCorpus: typeof loadFromSources };

function corpusOf(count: number): string {
  const dir = tempDir();
  const documents = Array.from({ length: count }, (_, i) => {
    const file = `record-${i}.txt`;
    const lines = Array.from({ length: 5 + (i % 7) * 3 }, (_, k) => `Paragraph ${k} of record ${i}: the station in Miami reported on exile group number ${i * 10 + k}, which trained in Florida.`);
    put(dir, file, `Record ${i}\n\n${lines.join('\n\n')}\n`);
    return entry(`record-${i}`, file, { title: `Record ${i}`, kind: 'record', date: { iso: '1963-11-22', precision: 'day' } });
  });
  writeManifest(dir, documents);
  return dir;
}

describe('ingestion over several threads', () => {
  it('gives exactly what one thread gives, in manifest order, counting every document', () => {
    const dir = corpusOf(23);
    const progress: number[] = [];
    const parallel = built.loadCorpus(dir, { threads: 3, parallelFrom: 0, onProgress: (done, total) => progress.push(done / total) });
    const single = built.loadCorpus(dir, { threads: 1 });
    expect(parallel.documents.map((d) => d.meta.id)).toEqual(single.documents.map((d) => d.meta.id));
    expect(JSON.stringify(parallel.documents)).toBe(JSON.stringify(single.documents));
    expect(progress).toHaveLength(23);
    expect(progress.at(-1)).toBe(1);
  });

  it('hands on every document once, in manifest order, while the workers ingest', () => {
    const dir = corpusOf(17);
    const handed: string[] = [];
    const parallel = built.loadCorpus(dir, { threads: 3, parallelFrom: 0, onDocument: (index, ingested) => handed.push(`${index}:${ingested.document?.meta.id}`) });
    expect(handed).toEqual(parallel.documents.map((d, i) => `${i}:${d.meta.id}`));
    expect(JSON.stringify(parallel.documents)).toBe(JSON.stringify(built.loadCorpus(dir, { threads: 1 }).documents));
  });

  it('starts its workers when node runs code given with --input-type, as `node --input-type=module -e` does', () => {
    const dir = corpusOf(5);
    const loader = new URL('../../dist/src/corpus/load.js', import.meta.url).href;
    const script = `const { loadCorpus } = await import(${JSON.stringify(loader)}); console.log(loadCorpus(${JSON.stringify(dir)}, { threads: 2, parallelFrom: 0 }).documents.length);`;
    for (const options of [['--input-type=module'], ['--expose-gc', '--max-old-space-size=2048', '--input-type=module']]) {
      const run = spawnSync(process.execPath, [...options, '-e', script], { encoding: 'utf8', timeout: 30_000 });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('5');
    }
  });

  it('starts its workers when node runs a script with process-wide options, as the benchmarks do', () => {
    const dir = corpusOf(5);
    const loader = new URL('../../dist/src/corpus/load.js', import.meta.url).href;
    const script = join(dir, 'load.mjs');
    writeFileSync(script, `const { loadCorpus } = await import(${JSON.stringify(loader)}); console.log(loadCorpus(${JSON.stringify(dir)}, { threads: 2, parallelFrom: 0 }).documents.length);`);
    const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=2048', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('5');
  });

  it('reports a broken document as one thread does, whichever thread ingests it', () => {
    const dir = corpusOf(6);
    writeFileSync(join(dir, 'record-5.txt'), '\n\n   \n');
    const problem = (threads: number) => {
      try {
        built.loadCorpus(dir, { threads, parallelFrom: 0 });
      } catch (error) {
        return (error as Error).message;
      }
      return null;
    };
    expect(problem(3)).toMatch(/record-5\.txt/);
    expect(problem(3)).toBe(problem(1));
  });
});
