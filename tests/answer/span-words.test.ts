import { describe, expect, it } from 'vitest';
import { countriesIn, isCountryOrRegion, isPeoplesName } from '../../src/answer/span-words.js';
import { analysisOf } from '../../src/answer/passage-analysis.js';
import type { Passage } from '../../src/corpus/types.js';

/** The countries one sentence names, as typed. */
const countries = (text: string) => {
  const passage: Passage = { id: 't#p1', docId: 't', n: 1, heading: null, text, sentences: [[0, text.length]], paragraph: 1, line: 1, comment: null };
  return countriesIn(analysisOf(passage).sentences[0]!).map((c) => text.slice(c.start, c.end));
};

describe('the countries a sentence names', () => {
  it('finds each country of a list, and one of several words or initials', () => {
    expect(countries('In 1973, Latin American countries such as Chile, Peru and Argentina had restored their trade with Cuba.')).toEqual(['Chile', 'Peru', 'Argentina', 'Cuba']);
    expect(countries('Relations between the United States and the U.S.S.R. soured, and the U.S. was wary.')).toEqual(['United States', 'U.S.']);
  });

  it('finds a country that capitalized words open ("With Brazil", "The United States"), however many', () => {
    expect(countries('With Brazil, the White House kept a channel open.')).toEqual(['Brazil']);
    expect(countries('The United States refused.')).toEqual(['United States']);
    expect(countries(`${'CABLE FROM STATION '.repeat(200)}TO THE UNITED STATES.`)).toEqual(['UNITED STATES']);
  });

  it('takes a country before a noun for an adjective, not a place ("US presidents"), and a people or a person for no country', () => {
    expect(countries('It had not happened between US presidents and Cuban leaders since Castro.')).toEqual([]);
  });

  it('gives each country its analyzed words, as the question’s are', () => {
    const text = 'They talked with Brazil.';
    const passage: Passage = { id: 't#p2', docId: 't', n: 2, heading: null, text, sentences: [[0, text.length]], paragraph: 2, line: 1, comment: null };
    expect(countriesIn(analysisOf(passage).sentences[0]!)).toEqual([{ start: 17, end: 23, terms: ['brazil'] }]);
  });
});

describe('a country or a region of the world', () => {
  it('is a country, a region CLDR names by its UN M.49 code, or a continent several regions are parts of', () => {
    for (const words of ['Cuba', 'U.S.', 'Canada’s', 'Latin America', 'Caribbean', 'Europe', 'America', 'Africa']) expect(isCountryOrRegion(words), words).toBe(true);
    for (const words of ['Castro', 'Region', 'Central', 'Helms-Burton']) expect(isCountryOrRegion(words), words).toBe(false);
  });

  it('is no country for countriesIn, which a "which country" reads', () => {
    expect(countries('Trade throughout Latin America grew, and Brazil joined.')).toEqual(['Brazil']);
  });
});

describe('a people’s name', () => {
  it('is a word with a people’s ending that begins as a country’s name does, or one of the few that do not', () => {
    for (const word of ['Cuban', 'Cubans', 'Canadian', 'Norwegian', 'British', 'Chinese', 'Brazilian', 'Vietnamese', 'Irish', 'Spanish', 'Salvadoran']) expect(isPeoplesName(word)).toBe(true);
  });

  it('is a people’s name ending otherwise ("Soviet", "French", "Dutch"), singular or plural', () => {
    for (const word of ['Soviet', 'Soviets', 'French', 'Dutch', 'Swiss', 'Israeli']) expect(isPeoplesName(word)).toBe(true);
  });

  it('is no surname that ends as one does ("Donovan", "Sullivan", "Brennan")', () => {
    for (const word of ['Donovan', 'Sullivan', 'Brennan', 'Morgan', 'Kennan', 'Buchanan', 'Castro']) expect(isPeoplesName(word)).toBe(false);
  });
});
