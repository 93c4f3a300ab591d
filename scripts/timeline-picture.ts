/**
 * Regenerates the README's picture: `npm run docs:timeline` writes docs/timeline-1963.png, the PNG
 * `/timeline 1963` attaches in Discord and Slack. `-- 1962-1963` (any period) writes another.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writePicture } from '../adapters/pictures.js';
import { commands } from '../src/commands/index.js';
import { runCommand } from '../src/commands/run.js';
import { loadCore } from '../src/core.js';
import { repoRoot } from './repo.js';

const period = process.argv[2] ?? '1963';
const dir = join(repoRoot(), 'docs');
mkdirSync(dir, { recursive: true });
const reply = await runCommand(commands.get('timeline')!, { period }, loadCore());
const path = join(dir, `timeline-${period.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`);
const said = await writePicture(reply, path);
console.log(said);
if (!said.startsWith('wrote')) process.exitCode = 1;
