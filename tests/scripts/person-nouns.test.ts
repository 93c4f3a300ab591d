import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personNounsOf } from '../../scripts/person-nouns-of.js';
import { isPersonName, isPersonNoun } from '../../src/lexicon/person-nouns.js';
import { wordNetDir } from '../../src/lexicon/wordnet.js';

describe('the committed list of nouns naming a person', () => {
  it('is what WordNet gives today (npm run build:person-nouns remakes it)', () => {
    const dir = wordNetDir();
    const made = personNounsOf(readFileSync(join(dir, 'index.noun'), 'latin1'), readFileSync(join(dir, 'data.noun'), 'latin1'));
    const committed = readFileSync(join(import.meta.dirname, '../../src/lexicon/person-nouns.txt'), 'utf8').split('\n').filter(Boolean);
    expect(committed).toEqual(made);
  });

  it('is, for particular people’s names, what WordNet gives today', () => {
    const dir = wordNetDir();
    const made = personNounsOf(readFileSync(join(dir, 'index.noun'), 'latin1'), readFileSync(join(dir, 'data.noun'), 'latin1'), true);
    const committed = readFileSync(join(import.meta.dirname, '../../src/lexicon/person-names.txt'), 'utf8').split('\n').filter(Boolean);
    expect(committed).toEqual(made);
  });

  it('tells a particular person’s name from a place’s and a common word’s, by its commonest sense', () => {
    for (const word of ['castro', 'kissinger', 'guevara', 'kennedy', 'napoleon']) expect(isPersonName(word), word).toBe(true);
    for (const word of ['havana', 'florida', 'washington', 'bush', 'uruguay', 'diplomat']) expect(isPersonName(word), word).toBe(false);
  });

  it('holds a person’s kinds and roles, in the singular or the plural, and no thing, group or particular person', () => {
    for (const word of ['newswoman', 'lawmakers', 'researcher', 'newsmen', 'secretaries', 'envoy']) expect(isPersonNoun(word)).toBe(true);
    for (const word of ['cargo', 'country', 'team', 'position', 'kennedy', 'castro']) expect(isPersonNoun(word)).toBe(false);
  });
});
