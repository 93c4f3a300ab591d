import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { loadCore } from '../../src/core.js';
import { answerSpan, scoredAnswer } from '../../src/answer/answer-span.js';
import { typeBonus } from '../../src/answer/sentence-evidence.js';
import { analysisOf, passageInPeriod } from '../../src/answer/passage-analysis.js';
import { datesMarked, eventsIn } from '../../src/answer/period-answer.js';
import type { EventCitation, TimelineEvent } from '../../src/timeline/types.js';
import type { Passage } from '../../src/corpus/types.js';
import { analyzeTerms } from '../../src/search/analyzer.js';

const core = loadCore();
/** What a question of `type` marks in one sentence, `asked` being the question's terms. */
const spanIn = (type: 'person' | 'place' | 'date' | 'age' | 'duration' | 'quantity' | 'reason', text: string, asked: string[] = []) => {
  const passage: Passage = { id: 't#p1', docId: 't', n: 1, heading: null, text, sentences: [[0, text.length]], paragraph: 1, line: 1, comment: null };
  const span = answerSpan(analysisOf(passage).sentences[0]!, type, new Set(asked), null);
  return span ? text.slice(...span) : null;
};
const personIn = (text: string, asked: string[] = []) => spanIn('person', text, asked);

const answerOf = (q: string) => {
  const first = ask(core, q).results[0]!;
  return first.quote.answer ? first.quote.text.slice(...first.quote.answer) : null;
};

describe('the answer marked in the quote', () => {
  it('marks the date of a "when"', () => {
    expect(answerOf('When did Castro open the port at Mariel Harbor?')).toBe('April 1980');
  });

  it('marks, for a "when", a day its sentence gives without the year ("On December 21st"), and weighs it below a whole date', () => {
    const passage: Passage = { id: 't#p9', docId: 't', n: 9, heading: null, text: 'On December 21st, a memo was signed for the release of all prisoners.', sentences: [[0, 70]], paragraph: 9, line: 1, comment: null };
    const span = answerSpan(analysisOf(passage).sentences[0]!, 'date', new Set(['memo', 'sign']), null);
    expect(passage.text.slice(...span!)).toBe('December 21st');
    expect(typeBonus('date', 'As the Nov. 5 recording shows, JFK was exploring the idea.')).toBeLessThan(typeBonus('date', 'On November 5, 1963, Kennedy was exploring the idea.'));
  });

  it('marks, for a "when", a month its sentence gives without the year ("in early November"), as the timeline reads it', () => {
    expect(answerOf('when did u thant visit cuba')).toBe('early November');
    const text = 'Thant flew to Havana in November, and on December 21st a memo was signed.';
    const passage: Passage = { id: 't#p8', docId: 't', n: 8, heading: null, text, sentences: [[0, text.length]], paragraph: 8, line: 1, comment: null };
    expect(text.slice(...answerSpan(analysisOf(passage).sentences[0]!, 'date', new Set(['memo']), null)!)).toBe('December 21st');
    // "May" as a verb is no month.
    expect(spanIn('date', 'He said talks may resume.')).toBeNull();
  });

  it('marks the amount of a "how many"', () => {
    expect(answerOf('How many people did the La Coubre explosion kill?')).toBe('15');
  });

  it('marks a time with its unit for a "how long", never a count of things nor an age', () => {
    expect(answerOf('how long after the tape was JFK killed?')).toBe('Seventeen days');
    expect(spanIn('duration', 'Gross was sentenced to 15 years in prison.')).toBe('15 years');
    expect(spanIn('duration', 'after two and a half years of talks')).toBe('two and a half years');
    expect(spanIn('duration', 'killing 15 people and wounding 200 more')).toBeNull();
    expect(spanIn('duration', 'a five-year-old boy was found')).toBeNull();
    expect(typeBonus('duration', 'killing 15 people')).toBe(0);
    expect(typeBonus('duration', 'a five-year-old boy')).toBe(0);
    expect(typeBonus('duration', 'Seventeen days later, JFK was shot dead.')).toBeGreaterThan(0);
  });

  it('marks an age for a "how old", never another number, and refuses when no passage states one', () => {
    expect(answerOf('how old was Elián Gonzalez when he was found?')).toBe('five-year-old');
    for (const text of ['a five-year-old boy', 'she was 32 years old', 'aged 70, he retired', 'at the age of 26']) expect(spanIn('age', text)).not.toBeNull();
    expect(spanIn('age', 'one that sparked decades of mistrust')).toBeNull();
    expect(spanIn('quantity', 'one that sparked decades of mistrust')).toBe('one');
    const castro = ask(core, 'how old was Fidel Castro during the revolution?');
    expect(castro.analyzed.type).toBe('age');
    expect(castro.answered).toBe(false);
    expect(castro.nearest.length).toBeGreaterThan(0);
  });

  it('marks a sum of money, never a count, for "how much did they pay", and puts it first', () => {
    const result = ask(core, 'How much did the US pay to free the Bay of Pigs prisoners?');
    expect(result.analyzed.type).toBe('money');
    expect(answerOf('How much did the US pay to free the Bay of Pigs prisoners?')).toBe('$2.9 million');
    // "pay" is what the sum answers: not a word the passage must repeat.
    expect(result.analyzed.concepts.map((c) => c.surface)).toEqual(['us', 'free', 'bay', 'pigs', 'prisoners']);
  });

  it('ranks first, for a question of a type, a passage whose quote holds an answer of it over one that only shares more words', () => {
    // The book description names the Bay of Pigs and the prisoners but no sum; the summary states the sum.
    expect(answerOf('how much ransom was paid for the Bay of Pigs prisoners?')).toBe('$2.9 million');
  });

  it('marks the role of a "who was" asked of a name', () => {
    expect(answerOf('who was Lisa Howard')).toBe('correspondent');
  });

  it('marks the role before a name asked about without the name’s other words ("advisor Philip W. Bonsal" → "advisor")', () => {
    expect(answerOf('who was Bonsal?')).toBe('advisor');
    expect(answerOf('who was Castro?')).toBe('president');
  });

  it('marks a role before a name only when it is the name asked about, not another of its first name (a typo forgiven)', () => {
    const byline = (asked: string[]) => {
      const text = 'Author(s): William M. LeoGrande & Peter Kornbluh';
      const passage: Passage = { id: 't#p1', docId: 't', n: 1, heading: null, text, sentences: [[0, text.length]], paragraph: 1, line: 1, comment: null };
      const span = answerSpan(analysisOf(passage).sentences[0]!, 'definition', new Set(asked), null);
      return span ? text.slice(...span) : null;
    };
    expect(byline(['william', 'attwood'])).toBeNull();
    expect(byline(['william', 'leogrand'])).toBe('Author(s)');
    expect(answerOf('who was william atwood')).toBe('diplomat');
  });

  it('reads no role in apposition to a name when the role labels the name after it ("…overthrow Castro, advisor Philip W. Bonsal spoke…")', () => {
    const passage: Passage = { id: 't#p1', docId: 't', n: 1, heading: null, text: 'They sought to overthrow Castro, advisor Philip Bonsal warned.', sentences: [[0, 62]], paragraph: 1, line: 1, comment: null };
    expect(answerSpan(analysisOf(passage).sentences[0]!, 'definition', new Set(['castro']), null)).toBeNull();
  });

  it('marks what a sentence names a person asked about as: "a five-year-old boy named Elián Gonzalez"', () => {
    expect(answerOf('Who was Elián Gonzalez?')).toBe('a five-year-old boy');
  });

  it('marks the role in apposition after a name asked about: "Theodore Sorensen, Special Counsel to the President, …"', () => {
    expect(answerOf('who was Theodore Sorensen?')).toBe('Special Counsel to the President');
    // An initial's period is no clause's end ("the U.K. Foreign Office").
    expect(answerOf('who was Slater?')).toBe('head of the American Department in the U.K. Foreign Office');
  });

  it('reads "who was <name>" typed in lower case as asking what the name is', () => {
    expect(answerOf('who was william attwood')).toBe('diplomat');
  });

  it('marks what a name asked about is said to be: "X is a renowned author"', () => {
    expect(answerOf('who is William LeoGrande?')).toBe('a renowned author');
  });

  it('marks only a role for "who was <Name>", never another name or a place', () => {
    for (const item of ask(core, 'who was Lisa Howard really bold').results) {
      if (item.quote.answer) expect(['correspondent', 'reporter', 'news reporter', 'TV news reporter']).toContain(item.quote.text.slice(...item.quote.answer));
    }
  });

  it('marks, of several amounts, the one nearest the question’s words', () => {
    const asked = (q: string) => analyzeTerms(q);
    expect(spanIn('quantity', 'The two countries agreed to return 2, 746 excludables to Cuba.', asked('excludables'))).toBe('2, 746');
    expect(spanIn('quantity', 'The program cost $20 million, and Gross got 15 years in prison.', asked('prison sentence'))).toBe('15');
  });

  it('marks a place after "such as", never a month after "in"', () => {
    expect(spanIn('place', 'In 1973 countries such as Chile and Peru restored their trade.')).toBe('Chile');
    expect(spanIn('place', 'They met in April 1963 in Havana.')).toBe('Havana');
  });

  it('marks the reason of a "why": a cause first, else a "when" or "after" clause inside the sentence, never one setting its time', () => {
    expect(spanIn('reason', 'After the crisis, talks failed due to another crisis, and Carter left.')).toBe('due to another crisis');
    expect(spanIn('reason', 'In fact, the invasion gave way to Cuba’s request for missiles.')).toBe('gave way to Cuba’s request for missiles');
    expect(spanIn('reason', 'Things were soured when President Dwight D. Eisenhower chose to go golfing, an insult.')).toBe('when President Dwight D. Eisenhower chose to go golfing');
    expect(spanIn('reason', 'When Carter took office in 1977, he believed in trade.')).toBeNull();
  });

  it('ends a reason at a comma or a stop, never at a number’s comma or point', () => {
    const text = 'Matters went downhill when Castro began nationalizing all estates over 1,000 acres and $2.9 million in assets, and more.';
    expect(spanIn('reason', text)).toBe('when Castro began nationalizing all estates over 1,000 acres and $2.9 million in assets');
    expect(spanIn('reason', 'Talks had hit 1,200 points of friction, so both sides paused.')).toBe('Talks had hit 1,200 points of friction');
  });

  it('marks a motive or a purpose as the reason, but not what someone hoped for along the way', () => {
    expect(spanIn('reason', 'The UK representative cited Soviet motives such as the need for leverage in Berlin.')).toBe('motives such as the need for leverage in Berlin');
    expect(spanIn('reason', 'Kennedy enacted an embargo in an attempt to contain their influence.')).toBe('in an attempt to contain their influence');
    expect(spanIn('reason', 'The U.S. was especially eager to verify that missile bases were being dismantled.')).toBe('eager to verify that missile bases were being dismantled');
    expect(spanIn('reason', 'Castro, hoping to mend ties, was insulted when Eisenhower went golfing.')).toBe('when Eisenhower went golfing');
  });

  it('marks what someone saw or came to believe as the reason, and counts it as a cause as sure as "because"', () => {
    const saw = 'In 1973 it became apparent that economic sanctions were having little effect on Castro’s government.';
    expect(spanIn('reason', saw)).toBe('became apparent that economic sanctions were having little effect on Castro’s government');
    expect(spanIn('reason', 'By then Ford had realized that the talks were doomed, and he left.')).toBe('realized that the talks were doomed');
    expect(typeBonus('reason', saw)).toBe(typeBonus('reason', 'Talks failed because sanctions had little effect.'));
    expect(typeBonus('reason', 'It became apparent at last.')).toBe(0);
  });

  it('marks the clause before ", so" as the reason of what follows, but not a purpose after "so that" or "so far"', () => {
    expect(spanIn('reason', 'Though he wanted better relations, he understood that this would be unpopular with his constituents, so he instead signed the act.')).toBe(
      'he understood that this would be unpopular with his constituents',
    );
    expect(spanIn('reason', 'The talks went well, so that both sides hoped for more.')).toBe('so that both sides hoped for more');
    expect(spanIn('reason', 'The talks went well, so far as anyone knew.')).toBeNull();
    expect(spanIn('reason', 'He was unpopular, so he left because the embargo failed.')).toBe('because the embargo failed');
  });

  it('marks the clause before "and as a result" as the reason, and never a cue that only points back ("Because of this")', () => {
    const text = 'Despite his pleas, no action was taken and as a result two planes were shot down.';
    expect(spanIn('reason', text)).toBe('no action was taken');
    expect(spanIn('reason', 'Because of this, Castro warned the US.')).toBeNull();
    expect(spanIn('reason', 'Because of this, Castro acted because the flights went on.')).toBe('because the flights went on');
  });

  it('marks the place of a "where"', () => {
    expect(answerOf('Where was Elián Gonzalez found floating?')).toBe('Florida');
  });

  it('counts as evidence of a place every preposition the marked place may follow ("off the coast of Florida")', () => {
    for (const sentence of ['A boy was found off the coast of Florida.', 'They met near Havana.', 'He flew into Miami.', 'He lived in Cuba.']) expect(typeBonus('place', sentence), sentence).toBeGreaterThan(0);
    expect(typeBonus('place', 'A boy was found floating in an inner tube.')).toBe(0);
    expect(typeBonus('place', 'This book serves as an important reminder.')).toBe(0);
  });

  it('marks a place named with "of" whole ("the Bay of Pigs"), and someone’s name with "’s" as no place, unless a place noun follows', () => {
    expect(spanIn('place', 'The exiles landed at the Bay of Pigs in April.')).toBe('Bay of Pigs');
    expect(spanIn('place', 'They shook hands at the Summit of the Americas.')).toBe('Summit of the Americas');
    expect(spanIn('place', 'The plan went back to Eisenhower’s administration.')).toBeNull();
    expect(spanIn('place', 'The ship exploded in Havana’s harbor.')).toBe('Havana’s');
  });

  it('marks no person for a place: a name WordNet gives someone ("Castro"), or a given name and an initial ("John F. Kennedy")', () => {
    expect(spanIn('place', 'Kennedy extended an olive branch to Fidel Castro in Havana.')).toBe('Havana');
    expect(spanIn('place', 'He had a mission from Robert Kennedy.')).toBeNull();
    expect(spanIn('place', 'The assassination of John F. Kennedy in Dallas ended the talks.')).toBe('Dallas');
    // A place may end in its initials, or begin with a person's name.
    expect(spanIn('place', 'He flew to Washington D.C. on Monday.')).toBe('Washington D.C.');
    expect(spanIn('place', 'The tape is kept at the Kennedy Library.')).toBe('Kennedy Library');
  });

  it('marks, for a "where", the occasion after "at" or "during" when the sentence names no place', () => {
    expect(spanIn('place', 'In 2012 at former South African president Nelson Mandela’s memorial service, Raul Castro and Obama shook hands.')).toBe('former South African president Nelson Mandela’s memorial service');
    expect(spanIn('place', 'They shook hands during the summit in Panama City.')).toBe('Panama City');
    expect(spanIn('place', 'They shook hands at last.')).toBeNull();
    // What an attempt is at is no occasion.
    expect(spanIn('place', 'By the end of his term, an attempt at formal diplomatic talks had become impossible.')).toBeNull();
  });

  it('never marks "I" as the person who answers a "who"', () => {
    for (const q of ['who was Lisa Howard', 'which senators did Raúl Castro speak with in 1977?', 'who blew up the bridge?']) {
      for (const item of ask(core, q).results) if (item.quote.answer) expect(item.quote.text.slice(...item.quote.answer), q).not.toBe('I');
    }
  });

  describe('for a "who", the name most likely the person asked for', () => {
    it('takes no lone word heading a thing’s name ("the Summit of the Americas"), and marks no one when the best is a place after its preposition', () => {
      expect(personIn('Raúl Castro and Obama shook hands at the Summit of the Americas in Panama City.', ['raul', 'castro', 'obama', 'shook', 'hand'])).toBeNull();
      expect(personIn('The talks ended in the aftermath of the Cuban Missile Crisis.', ['talk'])).toBeNull();
    });

    it('takes the agent of a passive over a name before it', () => {
      expect(personIn('The tape, held at the National Security Archive, was found by Peter Kornbluh.')).toBe('Peter Kornbluh');
    });

    it('reads an agent after its title ("by President Obama") as the agent it is', () => {
      expect(personIn('Senator Kerry praised the deal announced by President Obama.')).toBe('Obama');
    });

    it('takes the main clause’s subject after an opening participle’s phrase, unless the question asks that participle’s deed', () => {
      const text = 'Sent to Cuba in 1962 by President John F. Kennedy to undertake negotiations with the regime, Donovan had secured the freedom of the captives.';
      expect(personIn(text, analyzeTerms('who negotiated the release of the captives?'))).toBe('Donovan');
      expect(personIn(text, analyzeTerms('who sent a negotiator to Cuba in 1962?'))).toBe('John F. Kennedy');
      // No opening participle: a titled name with two words still beats a lone one.
      expect(personIn('In 1962, President John F. Kennedy and Donovan talked.', [])).toBe('John F. Kennedy');
    });

    it('reads a picture’s credit as no agent: "Photo by Pete Souza" did nothing the question asks', () => {
      expect(typeBonus('person', '(White House photo by Pete Souza).')).toBe(0);
      expect(typeBonus('person', 'Images by Reuters.')).toBe(0);
      expect(typeBonus('person', 'The tape was found by Peter Kornbluh.')).toBeGreaterThan(0);
      expect(personIn('A memo was signed by Robert Kennedy; photo by Pete Souza.')).toBe('Robert Kennedy');
    });

    it('takes a person over a place after a preposition, and over a modifier', () => {
      expect(personIn('In talks in Havana, the US-Cuban deal was closed by then, and James Donovan went home.')).toBe('James Donovan');
      expect(personIn('Peace between the United States and Cuba was what Philip Bonsal wanted.')).toBe('Philip Bonsal');
    });

    it('takes a name joined by "and" to one the question typed, who did it with them, over a name a role labels', () => {
      const text = 'A revolution overthrew former ruler Fulgencio Batista and brought Fidel Castro and Che Guevara to power.';
      expect(personIn(text, analyzeTerms('who came to power alongside Fidel Castro in 1959?'))).toBe('Che Guevara');
    });

    it('leaves a title out of the name, and prefers a titled name', () => {
      expect(personIn('Castro spoke to Senators George McGovern and James Abourezk.', ['castro'])).toBe('George McGovern');
    });

    it('leaves a role after a name out of it, and never takes a name a hyphen joins to a prefix ("anti-Castro")', () => {
      expect(personIn('However, Nixon’s Secretary of State saw things differently.')).toBe('Nixon’s');
      expect(personIn('The law, designed by anti-Castro groups, tightened the embargo.')).toBeNull();
    });

    it('takes the surest name of a quote of two sentences, not the first sentence’s', () => {
      // "…between the United States and Cuba when Gross was sentenced… released Rene Gonzalez (a member of the Cuban Five)".
      expect(answerOf('who of the Cuban Five was let go under Obama?')).toBe('Rene Gonzalez');
    });

    it('never takes the role of a name the question typed for the person it asks for', () => {
      const text = 'JFK discusses sending a senior U.S. diplomat, William Attwood, to Havana to meet Cuban president Fidel Castro.';
      expect(personIn(text, analyzeTerms('who was the diplomat JFK wanted to send to meet Castro secretly?'))).toBe('William Attwood');
    });

    it('takes a name opening the sentence when a role follows it ("Slater, head of…"), never a document’s number', () => {
      expect(personIn('Slater, head of the American Department, warned of the situation in Cuba.', ['cuba'])).toBe('Slater');
      expect(personIn('Castro was tense in CDNW12597, said the cables.', ['castro'])).toBeNull();
    });

    it('takes a name a role labels ("Author(s): William M. LeoGrande") over a title’s capitalized words', () => {
      expect(answerOf('Who wrote Back Channel to Cuba?')).toBe('William M. LeoGrande');
    });

    it('takes no word of a thing’s or a place’s name joined by "of" or "for" ("Alliance for Progress", "Bay of Pigs") for someone', () => {
      expect(personIn('The step came at a meeting of the Alliance for Progress held in Uruguay, attended by Goodwin.', ['uruguai'])).toBe('Goodwin');
      expect(personIn('The step came at a meeting of the Alliance for Progress, which Goodwin attended.', [])).toBe('Goodwin');
      expect(personIn('Exiles landed at the Bay of Pigs with Pepe San Roman.', [])).toBe('Pepe San Roman');
      expect(personIn('It was found by Peter Kornbluh of the National Security Archive.', [])).toBe('Peter Kornbluh');
    });

    it('takes a name the question did not type over one it did', () => {
      expect(personIn('Fidel Castro came to power with Che Guevara.', ['castro'])).toBe('Che Guevara');
    });

    it('takes no one for the question’s own person named in full, titled or not: a surname it typed ("Carter")', () => {
      const question = analyzeTerms('who helped Carter talk to Cuba?');
      expect(personIn('When President Jimmy Carter took office in 1977, he believed in trade.', question)).toBeNull();
      expect(personIn('Jimmy Carter talked with Cuba.', question)).toBeNull();
      expect(personIn('President Jimmy Carter sent Peter Tarnoff to Havana.', question)).toBe('Peter Tarnoff');
    });

    it('takes no country for someone, by its name or its initials ("Cuba", "the United States", "US", "U.S.")', () => {
      expect(personIn('In Cuba, the anti-American sentiment remained high.', [])).toBeNull();
      expect(personIn('Talks with the United States went on.', [])).toBeNull();
      expect(personIn('He helped release US citizens.', [])).toBeNull();
      expect(personIn('The U.S. negotiator was James Donovan.', [])).toBe('James Donovan');
    });

    it('takes someone the sentence describes without naming when it names no one, or only whom the question typed', () => {
      expect(personIn('Thant used a Norwegian and Irish diplomat as confidants.', ['thant'])).toBe('a Norwegian and Irish diplomat');
      expect(personIn('The anti-American sentiment remained high, and one Cuban referred to Napoleon.', ['cuban', 'napoleon'])).toBe('one Cuban');
      expect(personIn('He signed the act into law, designed by anti-Castro lobbyists to tighten the embargo.', ['act'])).toBe('anti-Castro lobbyists');
      expect(personIn('Donovan brought his teenage son.', ['donovan'])).toBe('his teenage son');
      // Beside what the question asks done, a description beats a place, and another description.
      expect(personIn('After Castro’s revolution, Donovan even brought his teenage son on his visit.', ['donovan', 'brought'])).toBe('his teenage son');
      expect(personIn('An ambitious reporter saw Donovan bring his teenage son.', ['donovan', 'bring'])).toBe('his teenage son');
      // A people's name before a noun is an adjective, and a name beats a description.
      expect(personIn('A Cuban airliner was bombed.', [])).toBeNull();
      expect(personIn('A reporter, Lisa Howard, met him.', [])).toBe('Lisa Howard');
    });

    it('takes no law, operation or body named after people for someone, nor a region of the world', () => {
      expect(personIn('They passed the Helms-Burton Bill.', [])).toBeNull();
      expect(personIn('They set Operation Mongoose in motion.', [])).toBeNull();
      expect(personIn('Others discussed politics in Latin America.', [])).toBeNull();
      expect(personIn('The memo went to the Kennedy Library and to Arthur Schlesinger.', [])).toBe('Arthur Schlesinger');
    });

    it('ends a description at a determiner, a preposition or a verb’s irregular form, and puts it above a place', () => {
      expect(personIn('A memo was signed for the release of all prisoners.', [])).toBeNull();
      expect(personIn('One memo notes an adviser’s observation.', [])).toBe('an adviser');
      expect(personIn('His tragically abbreviated administration bore responsibility for the invasion.', [])).toBeNull();
      const cable = 'Representatives from the Netherlands discussed politics in Latin America, and the Canadian representative emphasized Canada’s desire.';
      expect(personIn(cable, ['canadian', 'ambassador'])).toBe('the Canadian representative');
    });

    it('reads a sentence’s names once for every question, each question choosing by its own words', () => {
      const text = 'Fidel Castro came to power with Che Guevara.';
      const passage: Passage = { id: 't#p2', docId: 't', n: 2, heading: null, text, sentences: [[0, text.length]], paragraph: 2, line: 1, comment: null };
      const sentence = analysisOf(passage).sentences[0]!;
      const who = (asked: string[]) => text.slice(...answerSpan(sentence, 'person', new Set(asked), null)!);
      expect(who(['castro'])).toBe('Che Guevara');
      expect(sentence.names?.map((n) => text.slice(n.start, n.end))).toEqual(['Fidel Castro', 'Che Guevara']);
      expect(who(['guevara'])).toBe('Fidel Castro');
      expect(who(['castro'])).toBe('Che Guevara');
    });
  });

  it('reads a sentence’s amounts once for every question: a sum for "how much", any count for "how many", never one the question typed', () => {
    const text = 'Castro let 1,200 prisoners go for $2.9 million in 1962.';
    const passage: Passage = { id: 't#p3', docId: 't', n: 3, heading: null, text, sentences: [[0, text.length]], paragraph: 3, line: 1, comment: null };
    const sentence = analysisOf(passage).sentences[0]!;
    const amount = (type: 'money' | 'quantity', asked: string[] = []) => text.slice(...answerSpan(sentence, type, new Set(asked), null)!);
    expect(amount('money')).toBe('$2.9 million');
    expect(sentence.amounts?.map((a) => a.word)).toEqual(['1,200', '$2.9 million']);
    expect(amount('quantity', ['prison'])).toBe('1,200');
    expect(amount('quantity', ['1,200'])).toBe('$2.9 million');
  });

  it('answers "how many" with a count before a share or a time nearer the question’s words, and with the time when asked for it', () => {
    const text = 'Kennedy says 100,000 people have left Cuba in the past two and a half years; this 0.4% of Cuba’s people left.';
    expect(spanIn('quantity', text, ['cuba', 'left'])).toBe('100,000');
    expect(spanIn('quantity', 'Gross was arrested with 3 phones and sentenced to 15 years in prison.', ['gross', 'sentenc', 'year'])).toBe('15');
    expect(spanIn('quantity', 'Gross was arrested with 3 phones and sentenced to 15 years in prison.', ['gross', 'sentenc'])).toBe('3');
  });

  it('marks, for a question with a period, of the amounts near its date the one nearer the question’s words', () => {
    const text = 'With no other option, the two countries finally had to enter formal talks in late 1984 which resulted in an agreement that would allow 2, 746 excludables back into Cuba.';
    const passage: Passage = { id: 't#p5', docId: 't', n: 5, heading: null, text, sentences: [[0, text.length]], paragraph: 5, line: 1, comment: null };
    const reagan = { first: '1981-01-20', last: '1989-01-20', granularity: 'year' as const, text: 'the Reagan years' };
    const span = answerSpan(analysisOf(passage).sentences[0]!, 'quantity', new Set(analyzeTerms('how many cubans with criminal records did cuba agree to take back')), reagan);
    expect(text.slice(...span!)).toBe('2, 746');
  });

  it('marks for a "how many" of things no sum of money, while a "how big" and a "how many dollars" take one', () => {
    const text = 'The petition was signed in exchange for $2.9 million in aid.';
    const passage: Passage = { id: 't#p7', docId: 't', n: 7, heading: null, text, sentences: [[0, text.length]], paragraph: 7, line: 1, comment: null };
    const sentence = analysisOf(passage).sentences[0]!;
    expect(scoredAnswer(sentence, 'quantity', new Set(['petit']), null, undefined, true)).toBeNull();
    expect(text.slice(...scoredAnswer(sentence, 'quantity', new Set(['petit']), null)!.span)).toBe('$2.9 million');
    const marked = (q: string) => ask(core, q).results.map((item) => item.quote.answer && item.quote.text.slice(...item.quote.answer));
    expect(marked('how many signatures did the petition defending socialism get?').some((answer) => answer?.startsWith('$'))).toBe(false);
    expect(marked('how big was the trade deal between Cuba and the Soviets?')[0]).toBe('$100 million');
    expect(marked('how many dollars did the US pay to free the Bay of Pigs prisoners?').some((answer) => answer?.startsWith('$'))).toBe(true);
  });

  it('marks, for a question asking a rate, the amount stated at that rate before one nearer the period’s date', () => {
    const text = 'In late 1984 an agreement would allow 2, 746 excludables back into Cuba in exchange for an immigration quota of 20,000 people per year from the US.';
    const passage: Passage = { id: 't#p6', docId: 't', n: 6, heading: null, text, sentences: [[0, text.length]], paragraph: 6, line: 1, comment: null };
    const sentence = analysisOf(passage).sentences[0]!;
    const in1984 = { first: '1984-01-01', last: '1984-12-31', granularity: 'year' as const, text: '1984' };
    const amount = (question: string) => text.slice(...answerSpan(sentence, 'quantity', new Set(analyzeTerms(question)), in1984)!);
    expect(amount('how many immigrants a year did the 1984 deal allow')).toBe('20,000');
    expect(amount('how many immigrants did the deal allow annually')).toBe('20,000');
    expect(amount('how many excludables did the 1984 deal allow')).toBe('2, 746');
    // "A year later" dates an amount; it states no rate.
    const later = 'The deal let 2, 746 excludables return, and 500 more came a year later.';
    const laterPassage: Passage = { ...passage, text: later, sentences: [[0, later.length]] };
    expect(later.slice(...answerSpan(analysisOf(laterPassage).sentences[0]!, 'quantity', new Set(analyzeTerms('how many excludables a year')), null)!)).toBe('2, 746');
  });

  it('marks, for a question with a period, the amount its date qualifies in the same clause', () => {
    const text = 'The population of Cuba in 1959 was 6,901,000 people; in 1960 this had grown to 7,027,000, and in 1961 the population climbed to 7,134,000 people.';
    const passage: Passage = { id: 't#p4', docId: 't', n: 4, heading: null, text, sentences: [[0, text.length]], paragraph: 4, line: 1, comment: null };
    const sentence = analysisOf(passage).sentences[0]!;
    const inYear = (year: string) => text.slice(...answerSpan(sentence, 'quantity', new Set(['popul', 'cuba']), { first: `${year}-01-01`, last: `${year}-12-31`, granularity: 'year', text: year })!);
    expect(inYear('1959')).toBe('6,901,000');
    expect(inYear('1960')).toBe('7,027,000');
    expect(inYear('1961')).toBe('7,134,000');
    // Without a period, the amount nearest the question's words ("the population climbed to…").
    expect(text.slice(...answerSpan(sentence, 'quantity', new Set(['popul', 'cuba']), null)!)).toBe('7,134,000');
  });

  it('takes no people’s adjective for a place ("a box of Cuban cigars"), while a place before a noun stays one ("in Havana harbor")', () => {
    expect(spanIn('place', 'Guevara presented Goodwin with a box of Cuban cigars.', ['guevara', 'goodwin'])).toBeNull();
    expect(spanIn('place', 'The ship exploded in Havana harbor.', ['ship'])).toBe('Havana');
    expect(spanIn('place', 'They flew to the Canadian capital.', [])).toBeNull();
  });

  it('takes for a place no document’s number ("in CDNW12597"), no title ("as President of the United States") and no compound adjective ("of US-Cuban relations")', () => {
    expect(spanIn('place', 'Thant reported that Castro was tense in CDNW12597 and in no mood for talks.', [])).toBeNull();
    expect(spanIn('place', 'Just after his swearing in as President of the United States, Kennedy acted.', [])).toBeNull();
    expect(spanIn('place', 'The history of US-Cuban relations begins in 1959.', [])).toBeNull();
    expect(spanIn('place', 'Later he was sworn in as President of the United States in Washington.', [])).toBe('Washington');
  });

  it('takes for a place no publication ("from Look magazine"), no book’s title ("Public Papers of the Presidents") and no group counted ("the Cuban Five")', () => {
    expect(spanIn('place', 'Castro would agree to meet with William Attwood from Look magazine.', [])).toBeNull();
    expect(spanIn('place', 'Also printed in Public Papers of the Presidents of the United States: John F. Kennedy, 1961.', [])).toBeNull();
    expect(spanIn('place', 'Source: Foreign Relations of the United States; Volume 11.', [])).toBeNull();
    expect(spanIn('place', 'They released Rene Gonzalez (a member of the Cuban Five) and allowed postal services.', [])).toBeNull();
    expect(spanIn('place', 'Attwood of Look magazine flew to Havana.', [])).toBe('Havana');
  });

  it('marks a country after "with", "through" or "between" for a "where", never a person there nor a country used as an adjective', () => {
    expect(spanIn('place', 'However, thanks to a secret back channel with Brazil, the White House was still able to communicate.', ['white', 'hous'])).toBe('Brazil');
    expect(spanIn('place', 'He kept a back channel with Castro.', [])).toBeNull();
    expect(spanIn('place', 'They shook hands, something that had not happened between US presidents and Cuban leaders.', [])).toBeNull();
    expect(spanIn('place', 'Trade with Cuba resumed.', ['cuba'])).toBeNull();
  });

  it('marks a place after a bare "of" only when no other preposition gives one ("a meeting of the Alliance for Progress held in Uruguay")', () => {
    expect(spanIn('place', 'The first step came from Che Guevara at a meeting of the Alliance for Progress held in Uruguay.', ['che', 'guevara'])).toBe('Uruguay');
    expect(spanIn('place', 'The port of Mariel was opened.', [])).toBe('Mariel');
    expect(answerOf('where did Che Guevara make his gesture to the Kennedy administration?')).toBe('Uruguay');
  });

  it('marks, of a quote’s sentences, a place after a preposition of place over a country after "towards" ("…policy towards Cuba")', () => {
    expect(answerOf('in which countries did Castro stop supporting guerrillas after Reagan took office?')).toBe('Nicaragua');
  });

  it('answers "which country" from the sentence naming one, which says the word "country" as it says which', () => {
    expect(answerOf('what country helped the US reach Castro secretly when the missiles were in Cuba')).toBe('Brazil');
    expect(answerOf('Through which country could the White House still talk to Castro in the missile crisis?')).toBe('Brazil');
  });

  it('marks no one for a "who" whose sentence names, besides the question’s own, only a place after its preposition or one sharing a word with the question', () => {
    expect(personIn('In early April of 1963, during talks in Havana over the release of Americans held in Cuban jails, Fidel Castro first broached his interest.', ['fidel', 'castro', 'first'])).toBeNull();
    // Beside what the question asks, such a name may be whom it asks for ("…wrote to Castro").
    expect(personIn('Khrushchev wrote to Castro in secret.', ['khrushchev', 'wrote'])).toBe('Castro');
    expect(personIn('When Richard Nixon assumed the presidency in 1969, he refused to negotiate.', ['richard', 'goodwin', 'cigar'])).toBeNull();
    expect(personIn('During talks in Havana, Castro spoke to James Donovan.', ['castro'])).toBe('James Donovan');
  });

  it('takes a surname ending as a people’s name does for a person ("Donovan also secured…")', () => {
    expect(personIn('In addition to the prisoners, Donovan also secured Castro’s confidence.', ['prison'])).toBe('Donovan');
  });

  it('takes no people for a place ("to the British"), and goes on to the place after it', () => {
    expect(spanIn('place', 'These two passed information to the British, who passed it to Canadian diplomats in London.', ['canadian', 'diplomat'])).toBe('London');
  });

  it('takes no titled person for a place ("to Senators George McGovern"), and goes on to a place after it', () => {
    expect(spanIn('place', '—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977', ['raul', 'castro'])).toBeNull();
    expect(spanIn('place', 'He spoke to President Carter in Havana.', [])).toBe('Havana');
  });

  it('counts nothing a reference numbers: "Volume 11", "No. 10", "pp. 286"', () => {
    expect(spanIn('quantity', 'Source: Foreign Relations of the United States; Volume 11 (1961-63): Cuban Missile Crisis (No. 10), pp. 286-287.')).toBeNull();
    expect(spanIn('quantity', 'Volume 2 tells of 40 ships.')).toBe('40');
  });

  it('counts no day of a month and no time of day: "at 6:45 p.m. April 18", "on 5 November"', () => {
    expect(spanIn('quantity', 'It was marked for release at 6:45 p.m. April 18.')).toBeNull();
    expect(spanIn('quantity', 'The talks began on 5 November, at 10 a.m.')).toBeNull();
    expect(spanIn('quantity', 'On Nov. 5 the aides counted 40 ships.')).toBe('40');
    expect(typeBonus('quantity', 'Released at 6:45 p.m. April 18.')).toBe(0);
    expect(typeBonus('quantity', 'Released with 18 others.')).toBeGreaterThan(0);
  });

  it('marks nothing for a question that asks for no such thing', () => {
    expect(answerOf('What was the sweet approach?')).toBeNull();
  });
});

describe('what happened in a period', () => {
  it('answers from the timeline’s events of the period, in order, the date marked', () => {
    const result = ask(core, 'what happened in 1977?');
    expect(result.answered).toBe(true);
    expect(result.results[0]!.quote.text).toContain('When President Jimmy Carter took office in 1977');
    expect(result.results[0]!.quote.text.slice(...result.results[0]!.quote.answer!)).toBe('1977');
  });

  it('dates a passage that states no date by the passage before it under the same heading, never a comment or another section', () => {
    const at = (n: number, text: string, heading: string | null, comment: Passage['comment'] = null): Passage => ({ id: `t#p${n}`, docId: 't', n, heading, text, sentences: [[0, text.length]], paragraph: n, line: n, comment });
    const dated = at(1, 'Kissinger continued his efforts in 1976.', 'Kissinger');
    const after = at(2, 'Exiles bombed a Cuban airline soon after.', 'Kissinger');
    const previous = (p: Passage) => (p === after ? dated : undefined);
    const in1976 = { first: '1976-01-01', last: '1976-12-31', granularity: 'year' as const, text: '1976' };
    expect(passageInPeriod(after, in1976, { within: true })).toBe(false);
    expect(passageInPeriod(after, in1976, { within: true, previous })).toBe(true);
    expect(passageInPeriod(after, { ...in1976, first: '1980-01-01', last: '1980-12-31' }, { within: true, previous })).toBe(false);
    const otherSection = at(2, 'Exiles bombed a Cuban airline soon after.', 'Carter');
    expect(passageInPeriod(otherSection, in1976, { within: true, previous: () => dated })).toBe(false);
    const comment = at(2, 'Exiles bombed a Cuban airline soon after.', 'Kissinger', { author: 'Joe' });
    expect(passageInPeriod(comment, in1976, { within: true, previous: () => dated })).toBe(false);
    expect(ask(core, 'how many people died when exiles bombed the cuban airliner in 76').results[0]?.quote.text).toContain('killed 73 passengers');
  });

  it('dates a passage that states no date, nor does its narrative, by the date its heading states, never a comment', () => {
    const at = (text: string, heading: string | null, comment: Passage['comment'] = null): Passage => ({ id: 't#p1', docId: 't', n: 1, heading, text, sentences: [[0, text.length]], paragraph: 1, line: 1, comment });
    const april1961 = { first: '1961-04-01', last: '1961-04-30', granularity: 'month' as const, text: 'April 1961' };
    const dateline = 'The U.S. will not invade Cuba — Washington, April 18, 1961';
    expect(passageInPeriod(at('More than 100,000 refugees have recently fled from Cuba.', dateline), april1961, { within: true })).toBe(true);
    expect(passageInPeriod(at('More than 100,000 refugees have recently fled from Cuba.', 'The U.S. will not invade Cuba'), april1961, { within: true })).toBe(false);
    // A date of its own is the passage's time, whatever the heading says.
    expect(passageInPeriod(at('Refugees fled in 1959.', dateline), april1961, { within: true })).toBe(false);
    expect(passageInPeriod(at('More than 100,000 refugees have recently fled from Cuba.', dateline, { author: 'Joe' }), april1961, { within: true })).toBe(false);
  });

  it('counts a date more than half in the period, and no longer than it, as within it', () => {
    const at = (text: string): Passage => ({ id: 't#p1', docId: 't', n: 1, heading: null, text, sentences: [[0, text.length]], paragraph: 1, line: 1, comment: null });
    const carterYears = { first: '1977-01-20', last: '1981-01-20', granularity: 'year' as const, text: 'the Carter years' };
    expect(passageInPeriod(at('Carter took office in 1977.'), carterYears, { within: true })).toBe(true);
    expect(passageInPeriod(at('Reagan followed him in 1981.'), carterYears, { within: true })).toBe(false);
    expect(passageInPeriod(at('Reagan followed him in 1981.'), carterYears)).toBe(true);
    const eighties = { first: '1980-01-01', last: '1989-12-31', granularity: 'year' as const, text: 'the eighties' };
    expect(passageInPeriod(at('The book covers Central America, 1977-1992.'), eighties, { within: true })).toBe(false);
    expect(ask(core, 'why did talks with cuba stall during the Carter years').results[0]?.quote.text).toContain('impasse');
  });

  it('quotes a sentence once, however many of the period’s dates it states, the dates it lists marked together', () => {
    const pages = [1, 2, 3, 4, 5, 6].flatMap((page) => ask(core, 'what happened in 1963', { page }).results);
    const texts = pages.map((item) => item.quote.text);
    expect(new Set(texts).size).toBe(texts.length);
    const trips = pages.find((item) => item.quote.text.startsWith('Through trips in January'))!;
    expect(trips.quote.text.slice(...trips.quote.answer!)).toBe('January, March, and April 1963');
    // Dates apart in the sentence: the first alone, not the words between.
    const text = 'In May 1963 Castro spoke to Howard, and in November 1963 Attwood was to go.';
    const marked = (dates: Array<[number, number]>, shift = 0) => text.slice(...datesMarked(text, dates, shift));
    expect(marked([[3, 11], [43, 56]])).toBe('May 1963');
    expect(marked([[3, 11]])).toBe('May 1963');
    expect(marked([[0, 8]], 3)).toBe('May 1963');
  });

  it('keeps, of the events one sentence tells, every other document telling them', () => {
    const text = 'Through trips in January and March 1963, he built on that confidence.';
    const cite = (docId: string, dateText: string): EventCitation => {
      const dateStart = text.indexOf(dateText);
      return { docId, passageId: `${docId}#p1`, title: docId, heading: null, text, start: 0, end: text.length, dateText, dateStart, dateEnd: dateStart + dateText.length, comment: false };
    };
    const event = (date: string, citations: EventCitation[]): TimelineEvent => ({ date, precision: 'month', text, comment: false, citations, from: `${date}-01`, to: `${date}-28` });
    const timeline = { events: [event('1963-01', [cite('a', 'January')]), event('1963-03', [cite('a', 'March 1963'), cite('b', 'March 1963')])], years: [1963] };
    const [told, ...more] = eventsIn(timeline, { first: '1963-01-01', last: '1963-12-31', granularity: 'year', text: '1963' });
    expect(more).toEqual([]);
    expect(told!.citations.map((c) => c.docId)).toEqual(['a', 'b']);
    expect(text.slice(...datesMarked(text, told!.dates, 0))).toBe('January and March 1963');
  });

  it('says when no document dates an event in the period', () => {
    expect(ask(core, 'what happened in 1985').reason).toBe('no-events');
  });

  it('says so too for a question about a period none of the passages found dates anything in', () => {
    expect(ask(core, 'what did Obama say in his speech in Havana in 2016?').reason).toBe('no-events');
    // A photo caption dates the 2015 handshake (the timeline has no event then): that is answered.
    expect(ask(core, 'where did Obama and Raúl Castro shake hands in 2015?').answered).toBe(true);
  });

  it('refuses a period that cannot be, with the reason', () => {
    const reversed = ask(core, 'what happened from 1980 to 1970');
    expect(reversed.reason).toBe('bad-period');
    expect(reversed.analyzed.periodProblem).toMatch(/runs backwards/);
    expect(ask(core, 'what happened in 3000').reason).toBe('bad-period');
  });
});
