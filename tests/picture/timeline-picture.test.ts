import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pictureFiles, pngFiles } from '../../adapters/pictures.js';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import { PICTURE, timelineSvg } from '../../src/picture/timeline-svg.js';
import type { Block, Reply } from '../../src/reply/model.js';
import type { TimelineEvent } from '../../src/timeline/types.js';

let core: Core;
beforeAll(() => {
  core = loadCore();
});

type Picture = Extract<Block, { type: 'picture' }>;
const timeline = (period: string, page = 1): Promise<Reply> => runCommand(commands.get('timeline')!, { period, page }, core);
const pictureOf = (reply: Reply) => reply.blocks.find((b): b is Picture => b.type === 'picture');

/** The marks the SVG draws: their list numbers and where they are. */
function marksOf(svg: string) {
  return [...svg.matchAll(/<(circle|rect) class="event" data-n="([\d ]+)" ([^>]*)\/>/g)].map((m) => {
    const attr = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(m[3]!)![1]);
    const numbers = m[2]!.split(' ').map(Number);
    return m[1] === 'circle' ? { numbers, x: attr('cx'), y: attr('cy') } : { numbers, x: attr('x') + Math.min(3, attr('width') / 2), y: attr('y') + 8 };
  });
}

describe('the timeline picture', () => {
  for (const period of ['1963', '1959-2015', '1962-10']) {
    describe(`/timeline ${period}`, () => {
      it('attaches a PNG, 1200 pixels wide, that decodes, well under both platforms’ file limits', async () => {
        const reply = await timeline(period);
        const picture = pictureOf(reply)!;
        expect(picture.file).toBe(`timeline-${period}.png`);
        const [file] = await pngFiles(pictureFiles(reply), Infinity);
        const png = PNG.sync.read(file!.data);
        expect(png.width).toBe(PICTURE.width);
        expect(png.height).toBe(picture.height);
        expect(png.height).toBeGreaterThan(100);
        expect(file!.data.length).toBeLessThan(1024 * 1024);
      });

      it('draws one mark per listed event, numbered as the list is, or says how many it left out', async () => {
        const reply = await timeline(period);
        const picture = pictureOf(reply)!;
        const events = (reply.data as { events: unknown[] }).events.length;
        const marks = marksOf(picture.svg);
        const drawn = marks.flatMap((m) => m.numbers);
        const left = /(\d+) events? not drawn for lack of room \(numbers ([\d, …]+)\)/.exec(picture.svg);
        const leftCount = left ? Number(left[1]) : 0;
        expect(new Set(drawn).size).toBe(drawn.length);
        expect(drawn.length + leftCount).toBe(events);
        expect(drawn.every((n) => n >= 1 && n <= events)).toBe(true);
        // Every mark is painted where the SVG puts it.
        const png = PNG.sync.read((await pngFiles(pictureFiles(reply), Infinity))[0]!.data);
        for (const mark of marks) {
          const at = (Math.round(mark.y) * png.width + Math.round(mark.x)) * 4;
          const [r, g, b] = [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!];
          expect(r + g + b, `mark ${mark.numbers.join(',')} at ${mark.x},${mark.y}`).toBeLessThan(3 * 250);
        }
        // The list numbers its events the same way.
        const labels = reply.blocks.filter((b): b is Extract<Block, { type: 'text' }> => b.type === 'text').map((b) => b.runs[0]!.text);
        labels.forEach((label, i) => expect(label).toMatch(new RegExp(`^${i + 1}\\. `)));
      });
    });
  }

  it('says in the picture how many events it could not draw, and which', () => {
    const day = (n: number): TimelineEvent => {
      const iso = `1963-11-${String((n % 28) + 1).padStart(2, '0')}`;
      return { date: iso, precision: 'day', text: 't', comment: false, from: iso, to: iso, citations: [{ docId: `d${n % 3}` } as TimelineEvent['citations'][number]] };
    };
    const events = Array.from({ length: 300 }, (_, i) => day(i)).sort((a, b) => a.from.localeCompare(b.from));
    const picture = timelineSvg({ title: 'Timeline: crowded', events, titles: new Map(), first: '1963-11-01', last: '1963-11-30' });
    expect(picture.drawn.length + picture.left.length).toBe(300);
    expect(picture.left.length).toBeGreaterThan(0);
    expect(picture.svg).toContain(`${picture.left.length} events not drawn for lack of room (numbers ${picture.left.slice(0, 12).join(', ')}, …).`);
  });

  it('is on the first page only, and the text list goes on numbering on later pages', async () => {
    expect(pictureOf((await timeline('1959-2015', 2)))).toBeUndefined();
    const page2 = (await timeline('1959-2015', 2)).blocks.find((b): b is Extract<Block, { type: 'text' }> => b.type === 'text')!;
    expect(page2.runs[0]!.text).toMatch(/^21\. /);
  });

  it('writes no corpus text but document titles, dates, numbers and counts', async () => {
    const svg = pictureOf((await timeline('1963')))!.svg;
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    const titles = core.corpus.documents.map((d) => d.meta.title);
    for (const text of texts) {
      const allowed = /^[\d–, ]+$/.test(text) || /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d+)?$/.test(text) || /^\d{4}$/.test(text) || titles.includes(text) || /^Timeline: /.test(text) || /^\d+ events? · \d+ documents?$/.test(text) || /^(?:a day|a month|a season, part of a year or a year: every day it may mean\. Numbers are the list’s\.)$/.test(text);
      expect(allowed, text).toBe(true);
    }
  });
});

describe('backchannel timeline --png', () => {
  it('writes the picture the bot attaches, and says so', async () => {
    const { runCliCaptured } = await import('../cli/run-cli.js');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'bc-png-')), '1963.png');
    const { code, stderr, stdout } = await runCliCaptured(['timeline', '1963', '--png', path]);
    expect(code).toBe(0);
    expect(stderr).toMatch(new RegExp(`^backchannel timeline: wrote ${path} \\(\\d+ bytes\\)\\n$`));
    expect(stdout).toContain('Picture: Timeline: 1963: 17 events from 3 documents on a time axis.');
    expect(PNG.sync.read(readFileSync(path)).width).toBe(1200);
    const none = await runCliCaptured(['ask', 'who was Lisa Howard', '--png', path]);
    expect([none.code, none.stderr]).toEqual([1, 'backchannel ask: this reply has no picture to write (--png is for /timeline)\n']);
    const bad = await runCliCaptured(['timeline', '1963', '--png', join(path, 'no', 'such', 'dir.png')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/could not write .* \(ENOTDIR\)/);
  });
});
