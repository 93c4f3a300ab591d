import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { narrativeDates } from '../../src/answer/narrative-dates.js';
import { analysisOf, passageInPeriod, sentenceDates } from '../../src/answer/passage-analysis.js';
import { chooseQuote } from '../../src/answer/extract.js';
import { quoteQuery } from '../../src/answer/quote-query.js';
import { loadCore } from '../../src/core.js';
import { MemoryRetriever } from '../../src/retrieval/memory.js';

const core = loadCore();
const dated = narrativeDates(core.corpus);
const december1962 = { first: '1962-12-01', last: '1962-12-31', granularity: 'month' as const, text: 'December 1962' };

/** The bundled corpus's passage holding `fragment`, and the start of its sentence holding it. */
function sentenceWith(fragment: string) {
  const passage = [...core.corpus.passageById.values()].find((p) => p.text.includes(fragment))!;
  const sentence = analysisOf(passage).sentences.find((s) => s.text.includes(fragment))!;
  return { passage, sentence };
}

describe('narrativeDates', () => {
  it('dates a day written without its year by the year the narrative stated before it', () => {
    const { passage, sentence } = sentenceWith('On December 21st, a memo was signed');
    expect(sentenceDates(sentence)).toEqual([]);
    const [date] = dated(passage).get(sentence.start)!;
    expect(date).toMatchObject({ first: '1962-12-21', last: '1962-12-21' });
    expect(sentence.text.slice(date!.start, date!.end)).toBe('December 21st');
  });

  it('dates a day counted from the one before it ("Seventeen days later")', () => {
    const { passage, sentence } = sentenceWith('Seventeen days later');
    expect(dated(passage).get(sentence.start)).toEqual([expect.objectContaining({ first: '1963-11-22', last: '1963-11-22' })]);
  });

  it('gives every sentence the timeline dates by its own words the timeline’s date', () => {
    let checked = 0;
    for (const event of core.timeline.events) {
      for (const c of event.citations) {
        if (c.cable) continue;
        const passage = core.corpus.passageById.get(c.passageId)!;
        expect(dated(passage).get(c.start), `${c.passageId}: ${c.text}`).toContainEqual({ first: event.from, last: event.to, start: c.dateStart, end: c.dateEnd });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('a question’s period against narrative dates', () => {
  const { passage } = sentenceWith('On December 21st, a memo was signed');

  it('finds a passage dated only by its narrative within the period', () => {
    expect(passageInPeriod(passage, december1962, { within: true })).toBe(false);
    expect(passageInPeriod(passage, december1962, { within: true, dated })).toBe(true);
  });

  it('credits the quote that holds such a day with the period', () => {
    const retrieval = new MemoryRetriever(core.search, core.aliases).retrieve('memo signed in December 1962', 20);
    const own = chooseQuote(passage, quoteQuery(retrieval.query, retrieval.weight, retrieval.known, retrieval.near));
    const inNarrative = chooseQuote(passage, quoteQuery(retrieval.query, retrieval.weight, retrieval.known, retrieval.near, { dated }));
    expect(inNarrative.covered).toBeGreaterThan(own.covered);
    expect(inNarrative.covered).toBe(1);
  });

  it('marks the day its narrative dates within the period as the answer to "when"', () => {
    const [first] = ask(core, 'when was the release memo signed in december 1962').results;
    expect(first?.passage).toBe(passage);
    expect(first!.quote.text.slice(...first!.quote.answer!)).toBe('December 21st');
  });
});
