import { describe, expect, it } from 'vitest';
import { readShorthand, shorthandLookups } from '../../src/search/shorthand.js';
import { analyzeQuery } from '../../src/search/query.js';
import { domainAliases } from '../../src/search/aliases.js';
import { cachedStem } from '../../src/search/engine-analyze.js';

const nothingKnown = () => false;

describe('readShorthand', () => {
  it('reads a chat’s shorthand as the words it stands for, and says what it read', () => {
    expect(readShorthand('what did castro say abt the embargo b4 1980', nothingKnown)).toEqual({
      text: 'what did castro say about the embargo before 1980',
      readAs: [
        { typed: 'abt', read: 'about' },
        { typed: 'b4', read: 'before' },
      ],
    });
    expect(readShorthand('talks w/o the soviets b/c of the crisis', nothingKnown).text).toBe('talks without the soviets because of the crisis');
  });

  it('reads "y" as "why" only where it asks, before an auxiliary', () => {
    expect(readShorthand('y did kissinger reach out', nothingKnown).text).toBe('why did kissinger reach out');
    expect(readShorthand("y wasn't carter able to", nothingKnown).text).toBe("why wasn't carter able to");
    expect(readShorthand('plan y', nothingKnown).readAs).toEqual([]);
    expect(readShorthand('Y did Kissinger reach out', nothingKnown).text).toBe('Why did Kissinger reach out');
  });

  it('reads "w" as "with" and "n" as "and" before a word, never a capital initial, and "w/" even where the corpus holds "w"', () => {
    expect(readShorthand('who talked w castro abt the prisoners', nothingKnown).text).toBe('who talked with castro about the prisoners');
    expect(readShorthand('what is the deal w the attwood talks', nothingKnown).text).toBe('what is the deal with the attwood talks');
    expect(readShorthand('what did George W. Bush do', nothingKnown).readAs).toEqual([]);
    expect(readShorthand('when did obama n raul shake hands', nothingKnown).text).toBe('when did obama and raul shake hands');
    expect(readShorthand('what did Richard N. Goodwin get', nothingKnown).readAs).toEqual([]);
    const holdsW = (term: string) => term === 'w';
    expect(readShorthand('whats the deal w/ the attwood talks', holdsW).text).toBe('whats the deal with the attwood talks');
    expect(shorthandLookups('whats the deal w/ the attwood talks')).toEqual([]);
  });

  it('reads "r" as "are" and "u" as "you" where the words around them ask it, never "u" of U Thant', () => {
    expect(readShorthand('who r the cuban five', nothingKnown).text).toBe('who are the cuban five');
    expect(readShorthand('can u tell me who attwood was', nothingKnown).text).toBe('can you tell me who attwood was');
    expect(readShorthand('do u know when carter took office', nothingKnown).text).toBe('do you know when carter took office');
    expect(readShorthand('what did u thant say about castro', nothingKnown).readAs).toEqual([]);
    expect(readShorthand('plan r of the cia', nothingKnown).readAs).toEqual([]);
  });

  it('leaves a word the corpus holds as its own, a word typed in capitals, and a part of a longer word', () => {
    expect(readShorthand('what yr was it', (t) => t === cachedStem('yr')).readAs).toEqual([]);
    expect(readShorthand('what did U Thant report', nothingKnown).readAs).toEqual([]);
    expect(readShorthand('what did Kennedy say, Abt?', nothingKnown).readAs).toEqual([]);
    expect(readShorthand('the abbots through the years', nothingKnown).readAs).toEqual([]);
  });
});

describe('shorthandLookups', () => {
  it('lists the stems of the shorthand a question types, for a retriever to look them up', () => {
    expect(shorthandLookups('what yr was it abt')).toEqual([cachedStem('yr'), cachedStem('abt')]);
    expect(shorthandLookups('what year was it about')).toEqual([]);
  });

  it('reads a capitalized first word as readShorthand does, and no other capitalized word', () => {
    expect(shorthandLookups('B4 the crisis who r the cuban five')).toEqual([cachedStem('b4')]);
    expect(shorthandLookups('what did Wat Tyler say')).toEqual([]);
    const question = 'Abt the embargo: what did castro say B4 1980';
    expect(shorthandLookups(question)).toEqual(readShorthand(question, nothingKnown).readAs.map((r) => cachedStem(r.typed.toLowerCase())));
  });
});

describe('a question typed in shorthand', () => {
  it('is analyzed as the question it stands for, the readings reported', () => {
    const analyzed = analyzeQuery('y did kennedy impose the embargo b4 the crisis', domainAliases, { known: nothingKnown, related: () => [] });
    const spelt = analyzeQuery('why did kennedy impose the embargo before the crisis', domainAliases, { known: nothingKnown, related: () => [] });
    expect(analyzed.type).toBe('reason');
    expect(analyzed.concepts).toEqual(spelt.concepts);
    expect(analyzed.readAs).toEqual([
      { typed: 'y', read: 'why' },
      { typed: 'b4', read: 'before' },
    ]);
    expect(analyzed.text).toBe('y did kennedy impose the embargo b4 the crisis');
    expect(analyzeQuery('what yr did nixon take office', domainAliases).type).toBe('date');
  });

  it('searches shorthand for a content word as its alias: "prez" finds the president', () => {
    const analyzed = analyzeQuery('when did the prez visit havana', domainAliases);
    expect(analyzed.concepts.find((c) => c.surface === 'prez')?.alternatives).toContainEqual([cachedStem('president')]);
  });

  it('reads a study chat’s clipped nouns as their words: "covert ops", "the carter admin", "gov", "info"', () => {
    const analyzed = analyzeQuery('which official objected when ike okayed covert ops under the carter admin, any gov info?', domainAliases);
    const alternatives = (surface: string) => analyzed.concepts.find((c) => c.surface === surface)?.alternatives;
    expect(alternatives('ops')).toContainEqual([cachedStem('operations')]);
    expect(alternatives('admin')).toContainEqual([cachedStem('administration')]);
    expect(alternatives('gov')).toContainEqual([cachedStem('government')]);
    expect(alternatives('info')).toContainEqual([cachedStem('information')]);
  });

  it('leaves out a time counted from an event ("a couple weeks before"): no passage need count the weeks', () => {
    const surfaces = analyzeQuery('who was Kennedy going to send to Havana a couple weeks before he was killed?', domainAliases).concepts.map((c) => c.surface);
    expect(surfaces).not.toContain('weeks');
    expect(surfaces).not.toContain('couple');
    expect(analyzeQuery('how many weeks did the crisis last?', domainAliases).concepts.map((c) => c.surface)).toContain('weeks');
  });
});
