import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore } from '../../src/core.js';
import { BackchannelError } from '../../src/errors.js';

const core = loadCore();
const askCommand = commands.get('ask')!;
const run = (input: Record<string, unknown>) => runCommand(askCommand, input, core);

describe('/ask', () => {
  it('returns the --json shape: query, answered, ranked results with text, quote and citation', async () => {
    const data = (await run({ question: 'who was Lisa Howard' })).data as {
      query: string;
      answered: boolean;
      results: Array<Record<string, unknown>>;
    };
    expect(data.query).toBe('who was Lisa Howard');
    expect(data.answered).toBe(true);
    expect(data.results.length).toBe(3);
    for (const [i, r] of data.results.entries()) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['rank', 'docId', 'passageId', 'score', 'text', 'quote', 'citation']));
      expect(r['rank']).toBe(i + 1);
      expect(String(r['text'])).toContain(String(r['quote']));
      expect(r['citation']).toEqual({ title: expect.any(String), kind: expect.any(String), date: expect.any(String), paragraph: expect.any(Number) });
    }
  });

  it('replies with quotes, numbered citations and follow-up actions', async () => {
    const reply = await run({ question: 'What did Carter open in Havana?' });
    const quotes = reply.blocks.filter((b) => b.type === 'quote');
    const citations = reply.blocks.find((b) => b.type === 'citations');
    expect(quotes.length).toBeGreaterThan(0);
    expect(citations && citations.type === 'citations' && citations.items.map((c) => c.n)).toEqual(
      citations && citations.type === 'citations' ? citations.items.map((_, i) => i + 1) : [],
    );
    expect(quotes.some((q) => q.type === 'quote' && q.runs.some((r) => r.marked && /Havana/.test(r.text)))).toBe(true);
    expect(reply.actions.map((a) => a.id)).toEqual(['more', 'context', 'cite']);
    expect(reply.actions[0]).toMatchObject({ command: 'ask', args: { question: 'What did Carter open in Havana?', page: 2 } });
  });

  it('cites a passage quoted twice (two events of one paragraph) once, under one number', async () => {
    const reply = await run({ question: 'what happened in the seventies' });
    const quotes = reply.blocks.flatMap((b) => (b.type === 'quote' ? [b.citation] : []));
    const citations = reply.blocks.find((b) => b.type === 'citations');
    const items = citations?.type === 'citations' ? citations.items : [];
    const ids = items.map((c) => c.passageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.map((c) => c.n)).toEqual(items.map((_, i) => i + 1));
    expect(new Set(quotes).size).toBeLessThan(quotes.length);
    for (const n of quotes) expect(items.some((c) => c.n === n)).toBe(true);
  });

  it('answers "what happened" in a period from its events, an attribution line quoted with what it attributes', async () => {
    const data = (await run({ question: 'what happened in April 1977?' })).data as { answered: boolean; results: Array<{ quote: string; answer: { text: string } | null }> };
    expect(data.answered).toBe(true);
    const said = data.results.find((r) => r.quote.includes('Abourezk'))!;
    expect(said.quote).toBe('If both parties reconstruct their part of the bridge, we can shake hands without winners or losers.\n—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977');
    expect(said.answer?.text).toBe('April 8, 1977');
  });

  describe('a word read with its swapped letters put back', () => {
    it('says so first, then answers as if it had been typed right', async () => {
      const reply = await run({ question: 'what year did Nixon become presdient' });
      expect(reply.blocks[0]).toEqual({ type: 'notice', tone: 'info', text: 'Read “presdient” as “president”.' });
      const quote = reply.blocks[1];
      expect(quote?.type === 'quote' && quote.runs.map((r) => r.text).join('')).toContain('When Richard Nixon assumed the presidency in 1969');
      expect((reply.data as { question: unknown }).question).toEqual({ type: 'date', period: null, readAs: [{ typed: 'presdient', read: 'president' }] });
    });

    it('says nothing of it for a question typed right', async () => {
      const reply = await run({ question: 'what year did Nixon become president' });
      expect(reply.blocks[0]?.type).toBe('quote');
      expect((reply.data as { question: unknown }).question).toEqual({ type: 'date', period: null });
    });
  });

  it('says plainly when the corpus does not answer, and lists what it covers', async () => {
    const reply = await run({ question: 'how do I bake sourdough bread' });
    expect(reply.ok).toBe(false);
    expect(reply.blocks[0]).toMatchObject({ type: 'notice', text: expect.stringContaining("The corpus doesn't say") });
    expect(reply.blocks.some((b) => b.type === 'quote')).toBe(false);
    expect((reply.data as { suggestions: string[] }).suggestions).toHaveLength(5);
  });

  it('answers an empty question with help', async () => {
    const reply = await run({ question: '  \u200b ' });
    expect(reply.ok).toBe(false);
    expect(reply.blocks.some((b) => b.type === 'list')).toBe(true);
  });

  it('refuses a question over the length limit with a clear message', async () => {
    try {
      await run({ question: 'x'.repeat(501) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BackchannelError);
      expect((error as BackchannelError).code).toBe('BAD_INPUT');
      expect((error as BackchannelError).userMessage).toMatch(/question: is too long: at most 500 characters/);
    }
  });

  it('refuses a page number that is not a positive integer', async () => {
    await expect(run({ question: 'Castro', page: 'two' })).rejects.toThrow(BackchannelError);
    await expect(run({ question: 'Castro', page: 0 })).rejects.toThrow(/page/);
  });
});
