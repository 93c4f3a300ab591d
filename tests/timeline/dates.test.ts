import { describe, expect, it } from 'vitest';
import { extractDates, MAX_SENTENCE_LENGTH } from '../../src/timeline/dates.js';
import type { DateContext, DateMention } from '../../src/timeline/types.js';

/** The one mention in `sentence`; fails unless there is exactly one. */
function only(sentence: string, context: DateContext = {}): DateMention {
  const found = extractDates(sentence, context);
  expect(found, `mentions in: ${sentence}`).toHaveLength(1);
  return found[0]!;
}

const brief = (m: DateMention) => ({ iso: m.iso, precision: m.precision, qualifier: m.qualifier, until: m.until, text: m.text, inferred: m.inferred });

describe('extractDates', () => {
  describe('full dates, parsed with chrono-node', () => {
    it('reads "November 5, 1963" as a day', () => {
      const m = only('On November 5, 1963, President Kennedy was exploring the idea.');
      expect(brief(m)).toEqual({ iso: '1963-11-05', precision: 'day', qualifier: undefined, until: undefined, text: 'November 5, 1963', inferred: undefined });
    });

    it('reads the abbreviated "Nov. 5, 1963"', () => {
      expect(only('That was Nov. 5, 1963.').iso).toBe('1963-11-05');
    });

    it('reads "April 18, 1961" in the letter’s dateline', () => {
      expect(only('Washington, April 18, 1961').iso).toBe('1961-04-18');
    });

    it('reads "January 22nd 1996" with an ordinal and no comma', () => {
      const m = only('Despite his pleas, no action was taken and as a result two BTTR planes were shot down on January 22nd 1996.');
      expect([m.iso, m.text]).toEqual(['1996-01-22', 'January 22nd 1996']);
    });

    it('keeps only the date words of a time and date ("6:45 p.m. April 18")', () => {
      const m = only('The source text is a press release from the Office of the White House Press Secretary, which was marked for release at 6:45 p.m. April 18.', { year: 1961 });
      expect([m.iso, m.text, m.inferred]).toEqual(['1961-04-18', 'April 18', 'year']);
    });
  });

  describe('table and numeric dates', () => {
    it('reads the cable tables’ "7-Nov-62" as 1962-11-07', () => {
      expect(only('CDNW12636.pdf 7-Nov-62 HAVANA EXTERNAL 232').iso).toBe('1962-11-07');
    });

    it('reads "2-Nov-62", the one cable not of November 7', () => {
      expect(only('CDNW12384.pdf 2-Nov-62 WASHDC EXTERNAL 3253').iso).toBe('1962-11-02');
    });

    it('reads "11/18/63" month first', () => {
      const m = only('In his last speech on Cuba, 11/18/63, JFK said:');
      expect([m.iso, m.precision, m.text]).toEqual(['1963-11-18', 'day', '11/18/63']);
    });
  });

  describe('months, seasons and parts of years', () => {
    it('reads "In March 1963" as a month', () => {
      const m = only('In March 1963 he said that “we should start thinking along more flexible lines.”');
      expect(brief(m)).toMatchObject({ iso: '1963-03', precision: 'month', text: 'March 1963' });
    });

    it('reads "in early April of 1963" as early in the month', () => {
      const m = only('In early April of 1963, during talks in Havana over the release of Americans being held in Cuban jails as spies, Fidel Castro first broached his interest in improving relations with the United States.');
      expect(brief(m)).toMatchObject({ iso: '1963-04', precision: 'month', qualifier: 'early', text: 'early April of 1963' });
    });

    it('reads "the first week of November 1962" as early November', () => {
      const m = only('In the first week of November 1962, the U.S. was especially eager to verify that missiles bases were being dismantled.');
      expect(brief(m)).toMatchObject({ iso: '1962-11', qualifier: 'early' });
    });

    it('reads "the fall of 1962" as a season', () => {
      const m = only('Sent to Cuba in the fall of 1962 by President John F. Kennedy and his brother Robert to undertake the first real negotiations with Cuba’s revolutionary regime, Donovan had secured the freedom of more than one thousand members of the CIA-led exile brigade that Castro’s forces had defeated at the Bay of Pigs.');
      expect(brief(m)).toMatchObject({ iso: '1962', precision: 'season', qualifier: 'fall', text: 'the fall of 1962' });
    });

    it('reads "early 1962" and "late 1984" as parts of a year', () => {
      const early = only('Kornbluh quotes Attorney General Robert Kennedy, who told a high-level group of CIA and Pentagon officials in early 1962 that, “The top priority in the United States government — all else is secondary — no time, money, effort, or manpower is to be spared” is to find a “solution” to the Cuba problem.');
      const late = only('With no other option, the two countries finally had to enter formal talks in late 1984 which resulted in an agreement that would allow 2, 746 excludables back into Cuba in exchange for an immigration quota of 20,000 people per year from the US.');
      expect(brief(early)).toMatchObject({ iso: '1962', precision: 'year', qualifier: 'early' });
      expect(brief(late)).toMatchObject({ iso: '1984', precision: 'year', qualifier: 'late' });
    });

    it('reads "the end of 1979" as late 1979', () => {
      expect(brief(only('At the end of 1979, another Cuban crisis erupted as thousands of Cubans resorted to violence and hijacking boats in order to flee to the United States.'))).toMatchObject({ iso: '1979', qualifier: 'late' });
    });

    it('gives each month of a list the year that ends it ("January, March, and April 1963")', () => {
      const found = extractDates('Through trips in January, March, and April 1963, he built on that confidence to negotiate the freedom of several dozen U.S. citizens detained after the revolution.', { year: 1962 });
      expect(found.map((m) => [m.iso, m.text, m.inferred])).toEqual([
        ['1963-01', 'January', undefined],
        ['1963-03', 'March', undefined],
        ['1963-04', 'April 1963', undefined],
      ]);
    });
  });

  describe('bare years and ranges', () => {
    it('reads the bare year of "In 1973"', () => {
      expect(brief(only('In 1973, Latin American countries such as Chile, Peru and Argentina had restored their trade agreements with Cuba, and it became apparent that economic sanctions and subversive actions were having little effect on Castro’s government.'))).toMatchObject({ iso: '1973', precision: 'year', text: '1973' });
    });

    it('reads every year of the population footnote', () => {
      const found = extractDates('[A] The population of Cuba in 1959 was 6,901,000 people; in 1960 this had grown to 7,027,000, and in 1961 the population climbed to 7,134,000 people.');
      expect(found.map((m) => m.iso)).toEqual(['1959', '1960', '1961']);
    });

    it('reads "between 1968 and 1972" as one range', () => {
      const m = only('Despite facing an epidemic of plane hijackings – 325 between 1968 and 1972 alone – Nixon refused to cooperate with Cuba to find a solution.');
      expect(brief(m)).toMatchObject({ iso: '1968', until: '1972', text: 'between 1968 and 1972' });
    });

    it('reads "2009-2010" and "1961-63" as ranges', () => {
      expect(brief(only('Obama’s 2009-2010 budget included $20 million to fund “democracy promotion”'))).toMatchObject({ iso: '2009', until: '2010' });
      expect(brief(only('Volume 11 (1961-63): Cuban Missile Crisis and Aftermath'))).toMatchObject({ iso: '1961', until: '1963' });
    });

    it('takes no year from counts, amounts, ids or decades', () => {
      for (const text of [
        'The makeshift boats were spotted by Coast Guards in abundance – 3253 people on a single day',
        'When it came to negotiating the release of 1,200 prisoners, the United States turned to ace negotiator James B.',
        'in 1960 this had grown to 7,027,000',
        'Thant reported that Castro was “tense and unhappy” in CDNW12597',
        'talk Castro down from his demands for $62 million',
        'than any American president since the 1970s.',
      ])
        expect(extractDates(text).filter((m) => m.precision === 'year' && !/^19[56]0$/.test(m.iso)), text).toEqual([]);
    });
  });

  describe('dates whose year comes from the context', () => {
    const byNovember7th = 'A report from Havana noted that by November 7th, the Cubans had released no information on progress in talks between Mikoyan and Castro (CDNW12636).';

    it('dates "by November 7th" with the digest’s year', () => {
      expect(brief(only(byNovember7th, { year: 1962 }))).toMatchObject({ iso: '1962-11-07', precision: 'day', text: 'November 7th', inferred: 'year' });
    });

    it('skips a year-less date when no year is in force', () => {
      expect(extractDates(byNovember7th)).toEqual([]);
    });

    it('dates "On December 21st" with the year the narrative is in', () => {
      expect(only('On December 21st, a memo was signed for the release of all prisoners in exchange for $2.9 million and an additional $53 million in medicine and food', { year: 1962 }).iso).toBe('1962-12-21');
    });

    it('reads "May 10th of that year" whole', () => {
      const m = only('Howard got along well with Castro and he agreed to appear on her show, where he explained that Cuba was ready to discuss many options for moving forward—which he did on May 10th of that year, much to the attention of the nation.', { year: 1963 });
      expect(brief(m)).toMatchObject({ iso: '1963-05-10', text: 'May 10th of that year', inferred: 'year' });
    });

    it('dates "in early November" with the context’s year', () => {
      const m = only('U Thant, the Secretary-General of the United Nations, visited Cuba in early November (CDNW12597).', { year: 1962 });
      expect(brief(m)).toMatchObject({ iso: '1962-11', precision: 'month', qualifier: 'early', text: 'early November', inferred: 'year' });
    });

    it('dates "the Nov. 5 recording" with the context’s year', () => {
      expect(only('As the Nov. 5 recording shows, JFK was actively exploring the idea of normalizing U.S.-Cuba relations.', { year: 1963 }).iso).toBe('1963-11-05');
    });

    it('does not take "the 26th of July Movement" for a date', () => {
      expect(extractDates('These are unmistakable signs that Cubans find intolerable the denial of democratic liberties and the subversion of the 26th of July Movement by an alien-dominated regime.', { year: 1961 })).toEqual([]);
    });

    it('does not take the verb "may" for the month', () => {
      expect(extractDates('*This post contains affiliate links, and we may earn an affiliate commission without it ever affecting the price you pay.', { year: 2020 })).toEqual([]);
    });
  });

  describe('days counted from an earlier day', () => {
    it('counts "Seventeen days later" from the anchor day', () => {
      const m = only('Seventeen days later, JFK was shot dead.', { year: 1963, anchor: '1963-11-05' });
      expect(brief(m)).toMatchObject({ iso: '1963-11-22', precision: 'day', inferred: 'relative', text: 'Seventeen days later' });
    });

    it('counts "The next day" from the anchor day', () => {
      expect(only('The next day the Dallas Times Herald carried this front-page headline: "Kennedy Virtually Invites Cuba Coup":', { anchor: '1963-11-18' }).iso).toBe('1963-11-19');
    });

    it('skips a relative day when there is no anchor', () => {
      expect(extractDates('Seventeen days later, JFK was shot dead.', { year: 1963 })).toEqual([]);
    });
  });

  describe('guards', () => {
    it('drops impossible years, like the "Most Popular" list’s March 21, 2103', () => {
      expect(extractDates('1) Ex-flame says Jack Ruby ‘had no choice’ but to kill Oswald (March 21, 2103)')).toEqual([]);
    });

    it('drops years before 1800 and days that do not exist', () => {
      expect(extractDates('In 1750 nothing happened.')).toEqual([]);
      expect(extractDates('It was February 30, 1962.')).toEqual([]);
      expect(extractDates('It was 13/45/62.')).toEqual([]);
    });

    it('returns the matched text verbatim at its offsets', () => {
      const sentence = 'Through trips in January, March, and April 1963, he met Castro on November 5, 1963 and in the fall of 1962.';
      for (const m of extractDates(sentence)) expect(sentence.slice(m.start, m.end)).toBe(m.text);
    });

    it('reads no more than MAX_SENTENCE_LENGTH characters', () => {
      const long = `${'x '.repeat(MAX_SENTENCE_LENGTH)} In 1973`;
      expect(extractDates(long)).toEqual([]);
    });

    it('stays fast on hostile input', () => {
      const hostile = [
        'early '.repeat(900),
        '1/'.repeat(2500),
        'November '.repeat(600),
        '1963-'.repeat(1000),
        `March${' '.repeat(4990)}x`,
        'the end of the end of '.repeat(250),
        '9'.repeat(5000),
      ];
      const started = performance.now();
      for (const text of hostile) extractDates(text, { year: 1963, anchor: '1963-11-05' });
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });
});
