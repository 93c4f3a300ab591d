import { describe, expect, it } from 'vitest';
import { questionPeriod } from '../../src/search/question-period.js';
import { analyzeQuery, questionType } from '../../src/search/query.js';
import { domainAliases } from '../../src/search/aliases.js';

const period = (q: string) => {
  const p = questionPeriod(q).period;
  return p ? [p.first, p.last, p.granularity] : null;
};

describe('the period a question asks about', () => {
  describe('read with the timeline’s own date code', () => {
    it.each([
      ['what happened in 1977', ['1977-01-01', '1977-12-31', 'year']],
      ['what happened 1962-63', ['1962-01-01', '1963-12-31', 'year']],
      ['what happened in November 1963?', ['1963-11-01', '1963-11-30', 'month']],
      ['what was going on in spring 1963', ['1963-03-01', '1963-05-31', 'year']],
      ['what happened between 1968 and 1972?', ['1968-01-01', '1972-12-31', 'year']],
      ['what happened in the seventies?', ['1970-01-01', '1979-12-31', 'year']],
      ['events of the 1980s', ['1980-01-01', '1989-12-31', 'year']],
      ["anything in the '60s", ['1960-01-01', '1969-12-31', 'year']],
      ['what happened on November 22, 1963', ['1963-11-22', '1963-11-22', 'day']],
    ])('reads "%s"', (q, expected) => {
      expect(period(q)).toEqual(expected);
    });

    it('finds no period in a question without a date', () => {
      expect(questionPeriod('who was Lisa Howard').period).toBeNull();
    });
  });

  describe('as students type it', () => {
    it.each([
      ['how many hijackings were there in the late sixties and early seventies', ['1966-01-01', '1973-12-31', 'year']],
      ['where did castro send soldiers in the mid seventies?', ['1973-01-01', '1977-12-31', 'year']],
      ['what happened in the early 1960s', ['1960-01-01', '1963-12-31', 'year']],
      ['anything in the 1970s and 1980s', ['1970-01-01', '1989-12-31', 'year']],
      ['who did kissinger send to havana in 74?', ['1974-01-01', '1974-12-31', 'year']],
      ["what did JFK do in '62", ['1962-01-01', '1962-12-31', 'year']],
      ['did kennedy attack during the october 62 crisis?', ['1962-10-01', '1962-10-31', 'month']],
      ['what did kennedy promise khrushchev in april 1961?', ['1961-04-01', '1961-04-30', 'month']],
      ['what happened on november 22, 1963', ['1963-11-22', '1963-11-22', 'day']],
      ['what may have happened in 1961', ['1961-01-01', '1961-12-31', 'year']],
    ])('reads "%s"', (q, expected) => {
      expect(period(q)).toEqual(expected);
    });

    it('takes no count, day or percentage for a two-digit year', () => {
      for (const q of ['who was jailed in 15 years', 'what happened on October 22', 'who won in 62 percent of votes', 'how many died in 73 attacks']) expect(questionPeriod(q).period).toBeNull();
    });

    it('searches each year of a range it did not type, together weighing as one typed year, and marks none', () => {
      const q = analyzeQuery('where did castro deploy soldiers in the mid seventies?', null);
      const years = q.plan.terms.filter((t) => /^19\d\d$/.test(t.term));
      expect(years.map((t) => t.term)).toEqual(['1973', '1974', '1975', '1976', '1977']);
      for (const t of years) expect(t.weight).toBeCloseTo(0.5 / Math.sqrt(5));
      for (const t of years) expect(q.markTerms.has(t.term)).toBe(false);
      expect(analyzeQuery('what did Kissinger do in 1976?', null).plan.terms.find((t) => t.term === '1976')?.weight).toBe(0.5);
    });

    it('keeps the qualifier and the two-digit year out of the content words', () => {
      expect(analyzeQuery('where did castro deploy soldiers in the mid seventies?', null).concepts.map((c) => c.surface)).toEqual(['castro', 'deploy', 'soldiers']);
      expect(analyzeQuery('which advisor did kissinger send to havana in 74?', null).concepts.map((c) => c.surface)).toEqual(['advisor', 'kissinger', 'send', 'havana']);
    });

    it('reads a presidency named as a time ("the Carter years", "Eisenhower’s term") as its days, and searches the president but not the time word', () => {
      expect(questionPeriod('why did talks with cuba stall during the Carter years').period).toMatchObject({ first: '1977-01-20', last: '1981-01-20', granularity: 'year' });
      expect(questionPeriod('how come talks were off the table by the end of eisenhower’s term').period).toMatchObject({ first: '1953-01-20', last: '1961-01-20' });
      expect(questionPeriod('what did Kissinger do in the Nixon era').period).toMatchObject({ first: '1969-01-20', last: '1974-08-09' });
      expect(analyzeQuery('why did talks stall during the Carter years', null).concepts.map((c) => c.surface)).toEqual(['talks', 'stall', 'carter']);
    });

    it('reads no period from a presidency named otherwise ("under Nixon") or from a name two presidents bore ("the Bush years")', () => {
      expect(questionPeriod('what did Kissinger do under Nixon').period).toBeNull();
      expect(questionPeriod('what happened in the Bush years').period).toBeNull();
      expect(questionPeriod('a Carter speech').period).toBeNull();
    });
  });

  describe('periods that cannot be', () => {
    it('says a range runs backwards, and suggests the right order', () => {
      expect(questionPeriod('what happened from 1980 to 1970').problem).toMatch(/runs backwards: did you mean 1970–1980/);
    });

    it('reads "between 1980 and 1970" as a range that runs backwards, and "between 1968 and 1972" as a range', () => {
      expect(questionPeriod('what happened between 1980 and 1970').problem).toMatch(/runs backwards: did you mean 1970–1980/);
      expect(questionPeriod('talks between the US and Cuba between 1968 and 1972').period).toMatchObject({ first: '1968-01-01', last: '1972-12-31', text: 'between 1968 and 1972' });
    });

    it('says a year outside the calendar is not one any document can tell of', () => {
      expect(questionPeriod('what happened in 3000').problem).toMatch(/^3000 is not a year/);
    });

    it('says a day the calendar lacks is not one ("February 30, 1962"), as the timeline reads it, and takes a leap day for one', () => {
      expect(questionPeriod('what happened on february 30 1962?').problem).toBe('“february 30 1962” is not a day of the calendar.');
      expect(questionPeriod('what happened on 31 April 1961').problem).toBe('“31 April 1961” is not a day of the calendar.');
      expect(questionPeriod('what happened on February 29, 1964').period).toMatchObject({ first: '1964-02-29', last: '1964-02-29' });
      expect(questionPeriod('what happened on February 29, 1963').problem).toMatch(/is not a day of the calendar/);
      // Above 31, a year typed with two digits.
      expect(questionPeriod('what happened in october 62').problem).toBeUndefined();
    });

    it('does not take a number that is not asked as a year for one', () => {
      expect(questionPeriod('how many of the 3253 rafters').problem).toBeUndefined();
    });
  });

  describe('in the analyzed question', () => {
    it('keeps the period’s words out of the content words, and frame words too', () => {
      const q = analyzeQuery('What happened in 1977?', null);
      expect(q.concepts).toEqual([]);
      expect(q.period?.text).toBe('1977');
      expect(analyzeQuery('what did Kissinger do in 1976?', null).concepts.map((c) => c.term)).toEqual(['kissing']);
    });

    it('never lets a frame outweigh the content: "tell me about" and "really" are not searched', () => {
      expect(analyzeQuery('tell me about Lisa Howard, really', null).concepts.map((c) => c.term)).toEqual(['lisa', 'howard']);
    });

    it('searches none of a conversational frame: "any idea why", "is it true that", "what’s the deal with", "I’d like to know", "whats his name", "the … guy"', () => {
      const surfaces = (q: string) => analyzeQuery(q, null).concepts.map((c) => c.surface);
      expect(surfaces('any idea why kissinger reached out to havana')).toEqual(['kissinger', 'reached', 'havana']);
      expect(surfaces('is it true that castro visited the US in 1959')).toEqual(['castro', 'visited', 'us']);
      expect(surfaces('what’s the deal with operation mongoose')).toEqual(['operation', 'mongoose']);
      expect(surfaces('I’d like to know who Lisa Howard was')).toEqual(['lisa', 'howard']);
      expect(surfaces('who was the look magazine guy kennedy wanted to send, whats his name')).toEqual(['look', 'magazine', 'kennedy', 'wanted', 'send']);
      expect(surfaces('what was the name of the ship that exploded in Havana')).toEqual(['ship', 'exploded', 'havana']);
      expect(surfaces('what was the date of JFK’s final address about Cuba')).toEqual(['jfk', 'final', 'address', 'cuba']);
    });

    it('searches no idiom of emphasis: "in the first place", "at all", "after all"', () => {
      const surfaces = (q: string) => analyzeQuery(q, null).concepts.map((c) => c.surface);
      expect(surfaces('why did Cuba want Soviet missiles in the first place?')).toEqual(['cuba', 'want', 'soviet', 'missiles']);
      expect(surfaces('did Kennedy meet Castro at all')).toEqual(['kennedy', 'meet', 'castro']);
    });

    it('reads "ties" between countries as their relations, and relations as ties', () => {
      const alternatives = (q: string, surface: string) => analyzeQuery(q, domainAliases).concepts.find((c) => c.surface === surface)?.alternatives;
      expect(alternatives('when did the two countries restore ties', 'ties')).toContainEqual(['relat']);
      expect(alternatives('when did the two countries restore relations', 'relations')).toContainEqual(['ties']);
    });

    it('reads "Cuba’s capital", "the Cuban capital" and "the capital of Cuba" as Havana, one way', () => {
      const alternatives = (q: string, surface: string) => analyzeQuery(q, domainAliases).concepts.find((c) => c.surface === surface)?.alternatives;
      for (const q of ['what did Carter open in Cuba’s capital', 'what did Carter open in the Cuban capital', 'what did Carter open in the capital of Cuba']) expect(alternatives(q, 'capital'), q).toContainEqual(['havana']);
      expect(alternatives('what did Carter open in Havana', 'havana')).toEqual([]);
    });

    it('reads a chat’s "whats", "whos" without the apostrophe as "what is", "who is", and "ppl" as people', () => {
      expect(analyzeQuery('whats the animal joke donovan told castro', null).concepts.map((c) => c.surface)).toEqual(['animal', 'joke', 'donovan', 'told', 'castro']);
      expect(questionType('whos the guy who met castro')).toBe('person');
      expect(analyzeQuery('how many ppl died', domainAliases).concepts.find((c) => c.surface === 'ppl')?.alternatives).toContainEqual(['peopl']);
    });

    it('reads "how come" and "for what reason" as a why, and searches neither', () => {
      for (const q of ['how come Castro was offended?', 'for what reason was Castro offended?']) {
        const analyzed = analyzeQuery(q, null);
        expect(analyzed.type).toBe('reason');
        expect(analyzed.concepts.map((c) => c.surface)).toEqual(['castro', 'offended']);
      }
    });

    it('reads "on what day" and "in which year" as the question\'s frame, not as words to find', () => {
      expect(analyzeQuery('on what day did Obama speak?', null).concepts.map((c) => c.surface)).toEqual(['obama', 'speak']);
      expect(analyzeQuery('In which year was the tape found?', null).concepts.map((c) => c.surface)).toEqual(['tape', 'found']);
      expect(analyzeQuery('what did Obama say the day after?', null).concepts.map((c) => c.surface)).toContain('day');
    });
  });

  describe('a date naming a thing', () => {
    it('is read as a noun’s modifier after a determiner or a possessive, before the noun', () => {
      expect(questionPeriod('what did the November 1963 Oval Office recording show?').attributive).toBe(true);
      expect(questionPeriod('what did Kennedy write in his April 1961 message?').attributive).toBe(true);
      expect(questionPeriod('what did Kennedy do in April 1961?').attributive).toBeUndefined();
      expect(questionPeriod('what happened in the 1962 and 1963 talks?').attributive).toBeUndefined();
    });

    it('is not the period of a question asking the year of that thing, whose answer is another time', () => {
      expect(analyzeQuery('In what year did the November 1963 recording first become public?', null).period).toBeNull();
      expect(analyzeQuery('which year was the 1984 deal undone?', null).period).toBeNull();
    });

    it('is the period still when the question asks a date within it, or anything else', () => {
      expect(analyzeQuery('when was the 1984 deal signed?', null).period?.text).toBe('1984');
      expect(analyzeQuery('In what year did the 1960s protests start?', null).period?.text).toBe('the 1960s');
      expect(analyzeQuery('what did Kennedy claim in his April 1961 message?', null).period?.text).toBe('April 1961');
    });
  });
});

describe('answer types', () => {
  it.each([
    ['which reporter interviewed Castro?', 'person'],
    ['to whom did Castro mention it?', 'person'],
    ['which countries restored trade with Cuba?', 'place'],
    ['which Latin American nations restored trade with Cuba?', 'place'],
    ['which American contractor was jailed in Cuba?', 'person'],
    ['What condition did President Kennedy attach to his approval?', 'other'],
    ['what country did the president visit?', 'place'],
    ['in which city did they meet?', 'place'],
    ['who was the president of which country?', 'person'],
    ['on what day did they announce it?', 'date'],
    ['how old was Castro?', 'age'],
    ['how much sugar did Cuba sell?', 'quantity'],
    ['how much did the US pay for the prisoners?', 'money'],
    ['how much ransom was paid?', 'money'],
    ['how much did castro originally ask for to let the prisoners go', 'money'],
    ['how much did the budget set aside for democracy programs?', 'money'],
    ['how much sugar did Cuba ask for?', 'quantity'],
    ['what was the cost of the embargo?', 'money'],
    ['what was the final price to get the prisoners back?', 'money'],
    ['what ransom did castro originally ask for the captives', 'money'],
    ['What did the US end up paying to free the captives?', 'money'],
    ['When Ike okayed undercover operations, which of his advisers objected?', 'person'],
    ['After the Bay of Pigs, why did Kennedy impose an embargo?', 'reason'],
    ['In the December 1962 deal, what did the US end up paying to free the captives?', 'money'],
    ['Apart from the prisoners, what did the US pay for?', 'money'],
    ['According to Sorensen, who had to verify the dismantling?', 'person'],
    ['What was the death toll when the plane was bombed?', 'quantity'],
    ['what are the main reasons for the embargo?', 'reason'],
    ['which of the cities did he visit', 'place'],
    ['what was the date of JFK’s final address about Cuba?', 'date'],
    ['tv journalist who interviewed castro 1963', 'person'],
    ['what was Cuba’s population in 1961?', 'quantity'],
    ['explain why clinton signed the embargo law', 'reason'],
    ['according to the note, why did Cuba ask for missiles?', 'reason'],
    ['who explained why Castro left?', 'person'],
    ['what did the journalist who interviewed Castro say?', 'speech'],
    ['what was the total number of refugees?', 'quantity'],
    ['what led to the embargo?', 'reason'],
  ])('reads "%s" as %s', (q, type) => {
    expect(questionType(q)).toBe(type);
  });
});
