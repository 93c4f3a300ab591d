/**
 * Corpus faults. At start-up a missing file, an invalid manifest, invalid UTF-8, a duplicate id or an
 * empty document stops loading with a message naming the file and the problem — in the core, and in
 * `npm start`'s process (exit status 1, the message on stderr, no secret with it). While running, a
 * broken change to the corpus is never swapped in: the last good index keeps serving, through the
 * core and through a live adapter, until a good change replaces it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';
import { createCoreHolder, type CoreHolder } from '../../src/reload.js';
import { TOKEN } from '../adapters/discord/harness.js';
import { typeScriptExecArgv } from '../adapters/discord/ts-loader.js';
import { SIGNING_SECRET, startHarness, type Harness } from '../adapters/slack/harness.js';

const START = fileURLToPath(new URL('../../adapters/start.ts', import.meta.url));

const entry = (id: string, file: string, title: string) => ({
  id,
  file,
  title,
  kind: 'article',
  author: null,
  publisher: null,
  date: { iso: '1963-11-05', precision: 'day' },
});

const HAVANA = 'Memo on Havana\n\nThe envoy met the Cuban delegate in Havana in November 1963 to discuss the secret talks.\n';
const SUGAR = 'Memo on sugar\n\nThe sugar quota talks with Castro continued in New York through the winter of 1964.\n';

/** A small valid corpus: two documents. */
function writeCorpus(dir: string): void {
  writeFileSync(join(dir, 'havana.txt'), HAVANA);
  writeFileSync(join(dir, 'sugar.txt'), SUGAR);
  writeManifest(dir, [entry('havana-memo', 'havana.txt', 'Memo on Havana'), entry('sugar-memo', 'sugar.txt', 'Memo on sugar')]);
}

function writeManifest(dir: string, documents: unknown[]): void {
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents }, null, 2));
}

/** Each fault: how to make it, and what the message must name. */
const FAULTS: Array<{ name: string; make: (dir: string) => void; names: RegExp[] }> = [
  {
    name: 'a missing file',
    make: (dir) => unlinkSync(join(dir, 'sugar.txt')),
    names: [/sugar\.txt/, /cannot read|missing|not found|does not exist|ENOENT/i],
  },
  {
    name: 'a manifest that is not JSON',
    make: (dir) => writeFileSync(join(dir, 'manifest.json'), '{ "documents": [ { "id": "havana-memo", } '),
    names: [/manifest\.json/, /JSON/],
  },
  {
    name: 'a manifest entry with a bad field',
    make: (dir) => writeManifest(dir, [entry('havana-memo', 'havana.txt', 'Memo on Havana'), { ...entry('sugar-memo', 'sugar.txt', 'Memo on sugar'), kind: 'novel' }]),
    names: [/manifest\.json/, /kind/],
  },
  {
    name: 'a missing manifest',
    make: (dir) => unlinkSync(join(dir, 'manifest.json')),
    names: [/manifest\.json/],
  },
  {
    name: 'invalid UTF-8',
    make: (dir) => writeFileSync(join(dir, 'sugar.txt'), Buffer.concat([Buffer.from('Memo on sugar\n\nThe quota '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' talks.\n')])),
    names: [/sugar\.txt/, /UTF-8/],
  },
  {
    name: 'a duplicate id',
    make: (dir) => writeManifest(dir, [entry('havana-memo', 'havana.txt', 'Memo on Havana'), entry('havana-memo', 'sugar.txt', 'Memo on sugar')]),
    names: [/manifest\.json/, /havana-memo/, /duplicate|twice|more than once|already/i],
  },
  {
    name: 'an empty document',
    make: (dir) => writeFileSync(join(dir, 'sugar.txt'), '  \n\n \n'),
    names: [/sugar\.txt/, /empty|no text/i],
  },
];

function freshCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-faults-'));
  writeCorpus(dir);
  return dir;
}

describe('corpus faults', () => {
  describe('at start-up, in the core', () => {
    for (const fault of FAULTS) {
      it(`stops loading on ${fault.name}, naming the file and the problem`, () => {
        const dir = freshCorpus();
        try {
          fault.make(dir);
          let error: unknown;
          try {
            loadCore({ corpusDir: dir, cache: false });
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(BackchannelError);
          expect((error as BackchannelError).code).toBe('CORPUS_INVALID');
          for (const pattern of fault.names) expect((error as BackchannelError).message).toMatch(pattern);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });

  describe('at start-up, in the process `npm start` runs', () => {
    const run = (dir: string) =>
      new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        const cwd = mkdtempSync(join(tmpdir(), 'backchannel-start-'));
        const child = spawn(process.execPath, [...typeScriptExecArgv(), START], {
          cwd,
          env: { ...process.env, CORPUS_DIR: dir, DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: '1100000000000000001', SLACK_BOT_TOKEN: 'xoxb-start-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: 'info' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        let stdout = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          rmSync(cwd, { recursive: true, force: true });
          resolve({ code, stderr, stdout });
        });
      });

    for (const fault of [FAULTS[4]!, FAULTS[5]!]) {
      it(`exits with status 1 on ${fault.name}, saying what is wrong and leaking no secret`, async () => {
        const dir = freshCorpus();
        try {
          fault.make(dir);
          const { code, stderr, stdout } = await run(dir);
          expect(code).toBe(1);
          for (const pattern of fault.names) expect(stderr).toMatch(pattern);
          for (const secret of [TOKEN, 'xoxb-start-test-token', SIGNING_SECRET]) expect(stderr + stdout).not.toContain(secret);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }, 45_000);
    }
  });

  describe('while running, a change to the corpus', () => {
    let dir: string;
    let holder: CoreHolder;
    beforeEach(() => {
      dir = freshCorpus();
      holder = createCoreHolder({ core: { corpusDir: dir, cache: false }, watch: false });
    });
    afterEach(() => {
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const answer = (question: string) => runCommand(commands.get('ask')!, { question }, holder.proxy);

    for (const fault of FAULTS) {
      it(`that brings ${fault.name} is not swapped in: the last good index keeps answering`, async () => {
        const before = holder.current;
        fault.make(dir);
        const result = await holder.reload();
        expect(result.ok).toBe(false);
        if (!result.ok) for (const pattern of fault.names) expect(result.reason).toMatch(pattern);
        expect(holder.current).toBe(before);
        expect(JSON.stringify((await answer('sugar quota talks New York')).data)).toContain('sugar-memo');
        expect((await answer('envoy Cuban delegate Havana')).ok).toBe(true);
      });
    }

    it('that is good is swapped in, after a broken one was refused', async () => {
      writeFileSync(join(dir, 'sugar.txt'), '');
      expect((await holder.reload()).ok).toBe(false);
      writeFileSync(join(dir, 'sugar.txt'), 'Memo on rum\n\nThe rum exports were discussed by the envoy in Havana in 1964.\n');
      expect((await holder.reload()).ok).toBe(true);
      expect(JSON.stringify((await answer('rum exports')).data)).toContain('sugar-memo');
    });
  });

  describe('while running, behind a live Slack adapter', () => {
    let dir: string;
    let holder: CoreHolder;
    let h: Harness;
    beforeAll(async () => {
      dir = freshCorpus();
      holder = createCoreHolder({ core: { corpusDir: dir, cache: false }, watch: false });
      h = await startHarness({ mode: 'http', core: holder.proxy });
    });
    afterAll(async () => {
      await h?.close();
      holder?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps answering from the last good corpus while a broken edit is on disk', async () => {
      writeFileSync(join(dir, 'havana.txt'), Buffer.from([0x4d, 0x65, 0xff, 0xfe, 0x0a]));
      const result = await holder.reload();
      expect(result.ok).toBe(false);
      await h.fake.sendSigned(h.appUrl, h.fake.slashCommandBody({ command: '/ask', text: 'envoy Cuban delegate Havana', response_url: h.fake.responseUrl('during') }), 'application/x-www-form-urlencoded', SIGNING_SECRET);
      const [reply] = await h.fake.waitFor(() => h.fake.responses('during').length > 0 && h.fake.responses('during'), 'the answer');
      expect(JSON.stringify(reply!.body).replaceAll('\u200B', '')).toContain('Cuban delegate');
    });
  });
});
