import { describe, expect, it } from 'vitest';
import { analyzeQuery, questionType } from '../../src/search/query.js';
import { AliasTable, domainAliases } from '../../src/search/aliases.js';

const terms = (q: string) => analyzeQuery(q, domainAliases).concepts.map((c) => c.term);

describe('query analysis', () => {
  describe('question types', () => {
    it.each([
      ['who was Lisa Howard', 'person'],
      ['Whom did Kissinger send to Havana?', 'person'],
      ['When did JFK consider secret talks?', 'date'],
      ['In what year did Carter take office', 'date'],
      ['How many refugees fled?', 'quantity'],
      ['how much did Castro demand', 'money'],
      ['how much did the population grow', 'quantity'],
      ['how old was Elián when he was found?', 'age'],
      ['at what age did Castro take power', 'age'],
      ['how long was Alan Gross in prison?', 'duration'],
      ['how long after the tape was JFK killed?', 'duration'],
      ['how long ago did the embargo start?', 'date'],
      ['Why was Castro insulted?', 'reason'],
      ['What did Slater warn about Cuba?', 'speech'],
      ['Did Kennedy accept the advice?', 'yesno'],
      ['What was Operation Mongoose?', 'definition'],
      ['lisa howard', 'definition'],
      ['cuban population in the year 1960 after the revolution', 'other'],
      ['ransom for bay of pigs prisoners', 'money'],
      ['price of the prisoners', 'money'],
      ['did the ransom matter to Castro?', 'yesno'],
    ])('reads "%s" as %s', (q, type) => {
      expect(questionType(q)).toBe(type);
    });

    it('reads a "which …" whose noun WordNet says names a person as a who, whatever the type rules list ("newswoman", "lawmakers")', () => {
      expect(questionType('Which TV newswoman got Castro on camera in 1963?')).toBe('person');
      expect(questionType('which two US lawmakers was Raúl Castro addressing in 1977?')).toBe('person');
      expect(questionType('what clergymen were sent to Havana?')).toBe('person');
      expect(questionType('what position did Mikoyan hold?')).toBe('other');
      expect(questionType('which cargo was the ship carrying?')).toBe('other');
    });

    it('finds that noun before a verb and its particle too ("which researcher dug up…")', () => {
      expect(questionType('Which researcher dug up the White House recording?')).toBe('person');
      expect(questionType('which agency backed out of the deal?')).toBe('other');
    });
  });

  describe("a chat message's wrapping", () => {
    it('reads the question inside greetings, fillers and thanks, at its start or its end', () => {
      expect(terms('hey quick question - who was Attwood?')).toEqual(['attwood']);
      expect(terms('hi! who was Attwood')).toEqual(['attwood']);
      expect(terms('Hello, what did Carter do? thanks!')).toEqual(terms('what did Carter do?'));
      expect(terms('ok so one more question: when did Nixon become president? pls')).toEqual(terms('when did Nixon become president?'));
      expect(terms('hi')).toEqual([]);
    });

    it('types the question it wraps as if typed alone', () => {
      expect(questionType('ok so what was the sweet approach')).toBe('definition');
      expect(questionType('thanks! and how much did the US pay for the prisoners?')).toBe('money');
    });

    it('types a question asked inside a request by the question, not the request', () => {
      expect(questionType('can you tell me when carter took office')).toBe('date');
      expect(questionType('could you tell me where castro was')).toBe('place');
      expect(questionType('i need to know why kennedy imposed the embargo')).toBe('reason');
      expect(questionType('any idea when the talks started')).toBe('date');
      expect(questionType('do you know if castro met kennedy')).toBe('other');
      expect(questionType('can you explain the embargo')).toBe(questionType('the embargo'));
      expect(questionType('could Kennedy have invaded Cuba?')).toBe('yesno');
    });

    it('drops what a study group asks for beside the question ("for my essay", "in simple terms")', () => {
      expect(terms('i need to know when the embargo began for my essay')).toEqual(terms('when the embargo began'));
      expect(terms('explain the cuban missile crisis in simple terms')).toEqual(terms('the cuban missile crisis'));
    });

    it('leaves those words alone inside the question, where they say what is asked', () => {
      expect(terms('was Kennedy sorry about the Bay of Pigs?')).toContain('sorri');
      expect(terms('did Castro thank Donovan?')).toContain('thank');
    });
  });

  describe('content terms', () => {
    it('drops question words, stop words and question phrases such as "how many" and "what kind of"', () => {
      expect(terms('How many Cubans left through Mariel Harbor?')).toEqual(['cuban', 'left', 'mariel', 'harbor']);
      expect(terms('What kind of inspection did Sorensen want?')).toEqual(['inspect', 'sorensen', 'want']);
    });

    it('folds case, accents, curly apostrophes and possessives', () => {
      expect(terms('RAÚL’s Elián')).toEqual(terms("raul's elian"));
    });

    it('marks lower-case words of a capitalized question as the focus of what is asked', () => {
      const concepts = analyzeQuery('Who found the White House tape?', domainAliases).concepts;
      expect(Object.fromEntries(concepts.map((c) => [c.term, c.focus]))).toEqual({ found: true, white: false, hous: false, tape: true });
    });

    it('points each word of a name typed whole to its last word, by which a passage goes on to call the person', () => {
      const surnames = (q: string) => Object.fromEntries(analyzeQuery(q, domainAliases).concepts.map((c) => [c.term, c.surname ?? null]));
      expect(surnames('What did Che Guevara give President Richard N. Goodwin?')).toEqual({ che: 'guevara', guevara: null, give: null, presid: 'goodwin', richard: 'goodwin', n: 'goodwin', goodwin: null });
      expect(surnames('Did Goodwin meet Guevara in Uruguay?')).toEqual({ goodwin: null, meet: null, guevara: null, uruguai: null });
    });

    it('reads two names a comma or a blanked frame stands between as two names, not one', () => {
      const surnames = (q: string) => Object.fromEntries(analyzeQuery(q, domainAliases).concepts.map((c) => [c.term, c.surname ?? null]));
      expect(surnames('In his note to Khrushchev, how many Cubans fled?')).toEqual({ note: null, khrushchev: null, cuban: null, fled: null });
      expect(surnames('Did Kennedy, Castro or Khrushchev blink?')).toMatchObject({ kennedi: null, castro: null });
      expect(surnames('What did Jean-Paul Sartre say?')).toMatchObject({ jean: 'sartr', paul: 'sartr' });
    });

    it('weighs light verbs (make, get, come, become) at half, and never as the focus', () => {
      const query = analyzeQuery('When did Nixon become president?', domainAliases);
      const byTerm = Object.fromEntries(query.concepts.map((c) => [c.surface, { weight: c.weight, focus: c.focus }]));
      expect(byTerm).toEqual({ nixon: { weight: 1, focus: false }, become: { weight: 0.5, focus: false }, president: { weight: 1, focus: true } });
      expect(query.plan.terms.find((t) => t.term === query.concepts[1]!.term)!.weight).toBe(0.5);
    });

    it('weighs vague nouns (thing, things, stuff) at half, as light verbs', () => {
      const query = analyzeQuery('how long after jfk signed off on the attwood thing did he get killed?', domainAliases);
      expect(query.concepts.find((c) => c.surface === 'thing')).toMatchObject({ weight: 0.5, focus: false });
      expect(query.concepts.find((c) => c.surface === 'attwood')).toMatchObject({ weight: 1 });
    });

    it('weighs the words of a remark after the question at half, and never as the focus', () => {
      const query = analyzeQuery('where did Obama and Raúl Castro shake hands? i keep seeing two different events', domainAliases);
      const byTerm = Object.fromEntries(query.concepts.map((c) => [c.surface, { weight: c.weight, focus: c.focus }]));
      expect(byTerm).toMatchObject({ shake: { weight: 1, focus: true }, hands: { weight: 1, focus: true }, keep: { weight: 0.5, focus: false }, events: { weight: 0.5, focus: false } });
      expect(analyzeQuery('where did Obama and Raúl Castro shake hands?', domainAliases).concepts.every((c) => c.weight === 1)).toBe(true);
    });

    it('reads a word that makes a date approximate ("around 1973") as the period\'s, not as a content word', () => {
      const query = analyzeQuery('why did kissinger reach out to cuba around 1973?', domainAliases);
      expect(query.concepts.map((c) => c.surface)).not.toContain('around');
      expect(query.period).toMatchObject({ first: '1973-01-01', last: '1973-12-31' });
      expect(analyzeQuery('who sailed around Cuba?', domainAliases).concepts.map((c) => c.surface)).toContain('around');
    });

    it('drops a pronoun\'s contraction typed without its apostrophe or with it ("they\'d", "theyre", "I\'ve"), "roughly", a chat\'s fillers ("tbh", "idk") and a why\'s "reasons"', () => {
      const surfaces = (q: string) => analyzeQuery(q, domainAliases).concepts.map((c) => c.surface);
      expect(surfaces("when did obama and raul castro announce they'd restore relations")).toEqual(['obama', 'raul', 'castro', 'announce', 'restore', 'relations']);
      expect(surfaces('theyre saying ive read roughly how many cubans left')).toEqual(['saying', 'read', 'cubans', 'left']);
      expect(surfaces('idk who lisa howard is tbh lol')).toEqual(['lisa', 'howard']);
      expect(surfaces('what were the main reasons for the embargo?')).toEqual(['embargo']);
    });

    it('drops a "how long"\'s "last", the verb the time answers, but keeps "last" naming which one', () => {
      const surfaces = (q: string) => analyzeQuery(q, domainAliases).concepts.map((c) => c.surface);
      expect(surfaces('how long did the embargo last?')).toEqual(['embargo']);
      expect(surfaces('how long did the talks last before they failed')).toEqual(['talks', 'failed']);
      expect(surfaces('how long was the last meeting')).toEqual(['last', 'meeting']);
    });

    it('reads an ordinal typed in digits as its word ("4th" as "fourth"), as a passage writes it', () => {
      const query = analyzeQuery('who came with donovan on his 4th trip', domainAliases);
      expect(query.concepts.find((c) => c.surface === '4th')!.alternatives).toEqual([['fourth']]);
    });

    it('reads becoming president, taking office and assuming the presidency as one another, in any tense', () => {
      const alternatives = (q: string) => analyzeQuery(q, domainAliases).concepts.find((c) => c.term === 'presid' || c.term === 'offic')!.alternatives.map((a) => a.join(' '));
      expect(alternatives('When did Nixon become president?')).toEqual(expect.arrayContaining(['took offic', 'assum presid']));
      expect(alternatives('when did Reagan start his presidency?')).toEqual(expect.arrayContaining(['took offic', 'becam presid']));
      expect(alternatives('when did Clinton come into office')).toEqual(expect.arrayContaining(['took offic', 'assum presid']));
      const plan = analyzeQuery('When did Carter take office?', domainAliases).plan.terms.map((t) => t.term);
      expect(plan).toEqual(expect.arrayContaining(['carter', 'took', 'becam', 'assum']));
    });

    it('reads talks stalling as reaching an impasse or a deadlock', () => {
      const alternatives = (q: string) => analyzeQuery(q, domainAliases).concepts.find((c) => c.term === 'stall')!.alternatives.map((a) => a.join(' '));
      expect(alternatives('why did the talks stall?')).toEqual(expect.arrayContaining(['impass', 'deadlock', 'dead end']));
    });

    it('reads getting word as hearing the news, not any word or any getting', () => {
      const query = analyzeQuery('where was Fidel when he got word of the assassination?', domainAliases);
      const alternatives = query.concepts.find((c) => c.term === 'word')!.alternatives.map((a) => a.join(' '));
      expect(alternatives).toEqual(expect.arrayContaining(['heard new', 'receiv new']));
      expect(analyzeQuery('which word did Castro use?', domainAliases).concepts.find((c) => c.term === 'word')!.alternatives).toEqual([]);
    });

    it('searches the words a sum is written with for a money question, below its own words, and marks none of them', () => {
      const query = analyzeQuery('how much money did Castro want for the exiles?', domainAliases);
      expect(query.plan.terms.filter((t) => ['million', 'billion', 'dollar'].includes(t.term))).toEqual([
        { term: 'million', weight: 0.3 },
        { term: 'billion', weight: 0.3 },
        { term: 'dollar', weight: 0.3 },
      ]);
      expect([...query.markTerms]).not.toContain('million');
      expect(analyzeQuery('how many exiles were captured?', domainAliases).plan.terms.map((t) => t.term)).not.toContain('million');
    });

    it('leaves out of a money question the words saying which sum of a deal it asks (“originally”, “final”, “end up”), which no passage need repeat', () => {
      const surfaces = (q: string) => analyzeQuery(q, domainAliases).concepts.map((c) => c.surface);
      expect(surfaces('what was the final price to free the prisoners?')).toEqual(['free', 'prisoners']);
      expect(surfaces('how much did Castro originally want for the exiles?')).toEqual(['castro', 'want', 'exiles']);
      expect(surfaces('what was the final outcome of the talks?')).toContain('final');
    });

    it('knows a question about an act of speaking or writing from its verb (say, address, compare, mention, claim…)', () => {
      expect(analyzeQuery('which senators did Raúl Castro speak with?', domainAliases).aboutSpeaking).toBe(true);
      expect(analyzeQuery('what did Kennedy write to Khrushchev?', domainAliases).aboutSpeaking).toBe(true);
      expect(analyzeQuery('who did raul castro give the bridge speech to in 1977', domainAliases).aboutSpeaking).toBe(true);
      expect(analyzeQuery('which two US lawmakers was Raúl Castro addressing in 1977?', domainAliases).aboutSpeaking).toBe(true);
      expect(analyzeQuery('to whom did Castro compare the relationship to a bridge?', domainAliases).aboutSpeaking).toBe(true);
      expect(analyzeQuery('when did Raúl Castro and Obama shake hands?', domainAliases).aboutSpeaking).toBe(false);
    });

    it('has no focus words when nothing is capitalized', () => {
      expect(analyzeQuery('who found the white house tape', domainAliases).concepts.every((c) => !c.focus)).toBe(true);
    });

    it('strips control and zero-width characters', () => {
      expect(analyzeQuery('Lisa\u200b\u0007 Howard', domainAliases).text).toBe('Lisa Howard');
    });
  });

  describe('aliases', () => {
    it('expands JFK to Kennedy at a lower weight, and lets Kennedy satisfy the term', () => {
      const q = analyzeQuery('What did JFK say?', domainAliases);
      const kennedy = q.plan.terms.find((t) => t.term === 'kennedi');
      expect(kennedy?.weight).toBeGreaterThan(0);
      expect(kennedy!.weight).toBeLessThan(1);
      expect(q.concepts.find((c) => c.term === 'jfk')?.alternatives).toContainEqual(['kennedi']);
    });

    it('lets Johnson alone satisfy LBJ and Eisenhower Ike, as Kennedy does JFK, and never the other way', () => {
      expect(analyzeQuery('how come LBJ would not negotiate?', domainAliases).concepts.find((c) => c.term === 'lbj')?.alternatives).toContainEqual(['johnson']);
      expect(analyzeQuery('which of Ike’s advisers objected?', domainAliases).concepts.find((c) => c.term === 'ike')?.alternatives).toContainEqual(['eisenhow']);
      expect(analyzeQuery('what did Eisenhower do', domainAliases).plan.terms.map((t) => t.term)).not.toContain('ike');
      expect(analyzeQuery('what did Johnson do', domainAliases).plan.terms.map((t) => t.term)).not.toContain('lbj');
    });

    it('does not search JFK for Kennedy, since Robert Kennedy is not JFK, but lets JFK in a passage stand for Kennedy', () => {
      expect(analyzeQuery('Robert Kennedy', domainAliases).plan.terms.map((t) => t.term)).not.toContain('jfk');
      const q = analyzeQuery('how many days after the tape was Kennedy killed?', domainAliases);
      expect(q.plan.terms.map((t) => t.term)).not.toContain('jfk');
      expect(q.concepts.find((c) => c.term === 'kennedi')?.alternatives).toContainEqual(['jfk']);
      expect(q.markTerms.has('jfk')).toBe(true);
    });

    it('expands a multi-word name as a phrase whose words share the weight', () => {
      const q = analyzeQuery('BTTR planes', domainAliases);
      expect(q.plan.phrases).toContainEqual(['brother', 'rescu']);
      const weights = q.plan.terms.filter((t) => t.term === 'brother' || t.term === 'rescu').map((t) => t.weight);
      expect(weights).toHaveLength(2);
      expect(weights[0]! + weights[1]!).toBeCloseTo(0.6);
    });

    it('relates irregular verb forms (said and say)', () => {
      expect(analyzeQuery('what did Castro say', domainAliases).concepts.find((c) => c.term === 'sai')?.alternatives).toContainEqual(['said']);
    });

    it('prefers the longest name when names overlap', () => {
      const table = new AliasTable([{ groups: [['missile crisis', 'October crisis'], ['crisis', 'emergency']], weight: 0.5 }]);
      const found = table.find(['missil', 'crisi']);
      expect(found).toHaveLength(1);
      expect(found[0]!.entry.name).toBe('missile crisis');
    });

    it('finds the entry of a one-word name as a search of that word alone does', () => {
      const table = new AliasTable([{ groups: [['missile crisis', 'October crisis'], ['crisis', 'emergency'], ['Kennedy', 'JFK']], weight: 0.5 }]);
      for (const term of ['crisi', 'emerg', 'kennedi', 'jfk', 'missil', 'octob', 'castro']) expect(table.entryOf(term)).toBe(table.find([term])[0]?.entry);
      expect(table.entryOf('crisi')?.expandsTo.map((e) => e.terms)).toEqual([['emerg']]);
      expect(table.entryOf('missil')).toBeUndefined();
    });

    it('searches only what was typed when no table is given (generic ranking)', () => {
      expect(analyzeQuery('JFK', null).plan.terms).toEqual([{ term: 'jfk', weight: 1 }]);
    });
  });
});
