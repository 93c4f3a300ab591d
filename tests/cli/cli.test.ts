import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli.js';

const cli = runCliCaptured;

describe('the backchannel CLI', () => {
  it('answers a question for a person, with marked terms and sources', async () => {
    const { code, stdout } = await cli(['ask', 'who', 'was', 'Lisa', 'Howard']);
    expect(code).toBe(0);
    expect(stdout).toContain('**Lisa Howard**');
    expect(stdout).toMatch(/\nSources\n\[1\] /);
  });

  it('wraps its reply at word boundaries to the width of the terminal it writes to, and a piped reply not at all', async () => {
    const onTerminal = await cli(['ask', 'who', 'was', 'Lisa', 'Howard'], '', { columns: 60 });
    const lines = onTerminal.stdout.trimEnd().split('\n');
    const visible = lines.map((line) => line.replace(/\x1b\[\d+m/g, ''));
    expect(Math.max(...visible.map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(visible.filter((line) => line.startsWith('> ')).length).toBeGreaterThan(3);
    expect(onTerminal.stdout).toContain('\x1b[1m');
    const piped = await cli(['ask', 'who', 'was', 'Lisa', 'Howard']);
    expect(Math.max(...piped.stdout.split('\n').map((line) => line.length))).toBeGreaterThan(60);
  });

  it('prints the JSON shape with --json', async () => {
    const { code, stdout } = await cli(['ask', 'What did Carter open in Havana?', '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data).toMatchObject({ query: 'What did Carter open in Havana?', answered: true });
    expect(data.results[0]).toHaveProperty('quote');
  });

  it('answers one JSON line per question line with --jsonl, in order', async () => {
    const { code, stdout } = await cli(['ask', '--jsonl'], 'who was Lisa Howard\n\nhow do I bake sourdough bread\nWhat did Carter open in Havana?\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['who was Lisa Howard', 'how do I bake sourdough bread', 'What did Carter open in Havana?']);
    expect(lines.map((l) => l.answered)).toEqual([true, false, true]);
  });

  it('exits 1 when the corpus does not answer, 2 on bad usage', async () => {
    expect((await cli(['ask', 'recipe for chocolate cake'])).code).toBe(1);
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const badFlag = await cli(['ask', 'Castro', '--bogus']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("Unknown option '--bogus'");
  });

  it('reports a broken corpus directory by name', async () => {
    const { code, stderr } = await cli(['ask', 'Castro', '--corpus', '/nonexistent/corpus']).catch((e: Error) => ({ code: -1, stderr: e.message }));
    expect(code).not.toBe(0);
    expect(stderr).toContain('/nonexistent/corpus/manifest.json');
  });

  it('runs the other commands from the same definitions', async () => {
    const source = await cli(['source', 'cdnw', '12636', '--json']);
    expect(JSON.parse(source.stdout)).toMatchObject({ id: 'CDNW12636', found: true, number: '232' });
    const timeline = await cli(['timeline', '1977', '--json']);
    expect(JSON.parse(timeline.stdout).events.length).toBeGreaterThan(0);
  });
});
