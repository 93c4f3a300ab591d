/**
 * Times the timeline picture (the /timeline reply with its SVG, then the PNG) in a fresh process: the
 * first picture (which loads resvg and parses the bundled font), then `--reps` more, for a year and for
 * the whole range. Prints one JSON line; `npm run bench` runs it and prints the figures.
 */
import { parseArgs } from 'node:util';
import { pictureFiles, pngFiles } from '../adapters/pictures.js';
import { commands } from '../src/commands/index.js';
import { runCommand } from '../src/commands/run.js';
import { loadCore } from '../src/core.js';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '20' } } });
const reps = Number(values.reps);
const core = loadCore();
const timeline = commands.get('timeline')!;
core.timeline; // built once, as the running bot has it

/** Milliseconds to answer /timeline `period` and render its picture to PNG. */
async function once(period: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const [file] = await pngFiles(pictureFiles(await runCommand(timeline, { period }, core)), Infinity);
  return { ms: performance.now() - started, bytes: file!.data.length };
}

const result: Record<string, unknown> = {};
const first = await once('1963');
result['first_ms'] = first.ms;
for (const period of ['1963', '1959-2015']) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < reps; i++) {
    const run = await once(period);
    times.push(run.ms);
    bytes = run.bytes;
  }
  times.sort((a, b) => a - b);
  result[period] = { p50_ms: times[Math.floor(times.length / 2)], max_ms: times[times.length - 1], bytes };
}
console.log(JSON.stringify(result));
