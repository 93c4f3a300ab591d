import { describe, expect, it } from 'vitest';
import { chooseQuote, pickQuote } from '../../src/answer/extract.js';
import { quoteQuery } from '../../src/answer/quote-query.js';
import { UNSURE_CAUSE_BONUS } from '../../src/answer/sentence-evidence.js';
import { analysisOf } from '../../src/answer/passage-analysis.js';
import { analyzeQuery } from '../../src/search/query.js';
import { domainAliases } from '../../src/search/aliases.js';
import type { Passage } from '../../src/corpus/types.js';
import { sentenceRanges } from '../../src/text/sentences.js';

function passage(text: string, heading: string | null = null): Passage {
  const sentences: Array<[number, number]> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const [s, e] of sentenceRanges(line)) sentences.push([s + offset, e + offset]);
    offset += line.length + 1;
  }
  return { id: 'doc#p1', docId: 'doc', n: 1, heading, text, sentences, paragraph: 1, line: 1, comment: null };
}

const idf = () => 1;
const quote = (p: Passage, q: string) => pickQuote(p, analyzeQuery(q, domainAliases), idf);

describe('pickQuote', () => {
  it('quotes the sentence that holds what is asked, verbatim', () => {
    const p = passage('Obama took office in 2009. Gross was sentenced to 15 years in prison. Talks went on.');
    const q = quote(p, 'What was Gross sentenced to?');
    expect(q.text).toBe('Gross was sentenced to 15 years in prison.');
    expect(p.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('quotes a sentence that opens inside a quotation with the sentence that opened it, not the quotation cut in two', () => {
    const p = passage('The interview aired in May. Howard asked whether a rapprochement was “possible if the government wished it. In that case,” Castro said, “we would seek a basis” for improved relations.');
    const q = quote(p, 'What did Castro say about improved relations?');
    expect(q.text).toBe('Howard asked whether a rapprochement was “possible if the government wished it. In that case,” Castro said, “we would seek a basis” for improved relations.');
  });

  it('credits the question’s period to a sentence dated within it, not to one whose wider range only overlaps it', () => {
    const p = passage('Kennedy spoke about Cuba often in 1961-63. On 11/18/63, Kennedy spoke about Cuba in Miami.');
    expect(quote(p, 'What did Kennedy say about Cuba on 11/18/63?').text).toBe('On 11/18/63, Kennedy spoke about Cuba in Miami.');
  });

  it('reads "Who was <Name>?", capital or not, as asking what the name is, never for another name', () => {
    for (const q of ['Who was Elián Gonzalez?', 'who was Elián Gonzalez?', 'Who is William LeoGrande']) expect(quoteQuery(analyzeQuery(q, domainAliases), idf).answerType, q).toBe('definition');
    expect(quoteQuery(analyzeQuery('Who found the tape?', domainAliases), idf).answerType).toBe('person');
  });

  it('reads "Who was <Name>\'s <role>?" as asking for another name, the holder of the role', () => {
    for (const q of ["Who was Cuba's ambassador to the UN?", 'Who was Fidel Castro’s brother?']) expect(quoteQuery(analyzeQuery(q, domainAliases), idf).answerType, q).toBe('person');
  });

  it('reads "Who was <Name> doing…" as asking for whom the name did it with, capital or not', () => {
    for (const q of ['Who was Mikoyan negotiating with in Havana?', 'who was castro talking to', 'Who was Lisa Howard hired by?']) expect(quoteQuery(analyzeQuery(q, domainAliases), idf).answerType, q).toBe('person');
    // A name ending as a verb's form does is still a name ("Manning"), and so is one typed in lower case ("ted sorensen").
    for (const q of ['Who was Bradley Manning?', 'who was bradley manning', 'who was ted sorensen']) expect(quoteQuery(analyzeQuery(q, domainAliases), idf).answerType, q).toBe('definition');
  });

  it('prefers, between sentences holding the same words of the question, the one where they stand together', () => {
    const p = passage('Thant used two diplomats to report on his trip and on what he saw of Castro. Thant reported that Castro was tense.');
    expect(quote(p, 'What did Thant report about Castro?').text).toBe('Thant reported that Castro was tense.');
  });

  it('prefers, for "why", a sentence giving a cause over one giving only a time', () => {
    const p = passage('After the crisis the talks on the prisoners stalled for months. The talks on the prisoners stalled because Castro raised his price.');
    expect(quote(p, 'Why did the talks on the prisoners stall?').text).toBe('The talks on the prisoners stalled because Castro raised his price.');
  });

  it('counts, for "why", a suspicion or a fear given as a motive as an unsure cause, as the answer span reads it', () => {
    const p = passage('Johnson refused to negotiate with Cuba at all. Johnson refused to negotiate with Cuba, suspecting it of aiding revolutions.');
    expect(quote(p, 'Why did Johnson refuse to negotiate with Cuba?').text).toBe('Johnson refused to negotiate with Cuba, suspecting it of aiding revolutions.');
  });

  it('counts, for "why", a sentence naming motives or a purpose as giving a cause', () => {
    const p = passage('The British discussed the Soviets acting in Cuba at length. The British cited Soviet motives for acting in Cuba.');
    expect(quote(p, 'Why did the Soviets act in Cuba, as the British saw it?').text).toBe('The British cited Soviet motives for acting in Cuba.');
  });

  it('reads any number written in words as an amount for "how many"', () => {
    const p = passage('Kennedy was killed some days after the tape. Kennedy was killed seventeen days after the tape.');
    const q = quote(p, 'How many days after the tape was Kennedy killed?');
    expect(q.text).toBe('Kennedy was killed seventeen days after the tape.');
    expect(q.text.slice(...q.answer!)).toBe('seventeen days');
  });

  it('prefers, for what someone said, a sentence reporting it of the question’s topic ("reported that Castro…")', () => {
    const p = passage('Castro, Thant reported, was “busy” that week. Thant reported that Castro was “tense and unhappy”.');
    expect(quote(p, 'What did Thant report about Castro?').text).toBe('Thant reported that Castro was “tense and unhappy”.');
  });

  it('prefers, for "when", the sentence with a date', () => {
    const p = passage('Talks with Castro were explored. The idea came up in the press. On November 5, 1963, Kennedy explored them again.');
    expect(quote(p, 'When did Kennedy explore talks?').text).toContain('On November 5, 1963');
  });

  it('prefers, for "who", the sentence naming the agent', () => {
    const p = passage('The White House tape was played often. It was long. Later the tape was found by Peter Kornbluh, a Cuba scholar.');
    expect(quote(p, 'Who found the White House tape?').text).toContain('found by Peter Kornbluh');
  });

  it('prefers, for "who is", the sentence saying what the person is over a label beside the name', () => {
    const p = passage('Author(s): William M. LeoGrande & Peter Kornbluh\nWilliam M. LeoGrande is a renowned author and professor at American University.');
    expect(quote(p, 'Who is William LeoGrande?').text).toBe('William M. LeoGrande is a renowned author and professor at American University.');
  });

  it('takes a second sentence along when it completes the answer', () => {
    const p = passage('When Castro heard the news in Havana, he was with Jean Daniel. “Es mala noticias,” he said. Then he left.');
    expect(quote(p, 'What did Castro say when he heard the news?').text).toBe(
      'When Castro heard the news in Havana, he was with Jean Daniel. “Es mala noticias,” he said.',
    );
  });

  it('quotes a question in the text together with the answer after it', () => {
    const p = passage('“Do you know how porcupines make love?” I asked. “Very carefully,” he said.');
    expect(quote(p, 'how do porcupines make love').text).toContain('Very carefully');
  });

  it('gives a quotation the words of its attribution line and quotes its opening', () => {
    const p = passage('Our relations are like a bridge. The war has ended.\n—Raúl Castro to Senator McGovern, 1977');
    expect(quote(p, 'What did Raul Castro tell McGovern?').text).toBe('Our relations are like a bridge.');
  });

  it('quotes the attribution line when a question about the saying asks what it holds (to whom, when), with the sentence it attributes', () => {
    const p = passage('Our relations are like a bridge. I will not talk about who blew it up.\n—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977');
    const q = quote(p, 'Which senators did Raúl Castro talk to about the bridge?');
    expect(q.text).toBe('I will not talk about who blew it up.\n—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977');
    expect(q.answer && q.text.slice(...q.answer)).toContain('George McGovern');
  });

  it('never quotes the attribution line for a question about what the quotation tells of', () => {
    const p = passage('In 2012 we shook hands at a funeral. Our relations are like a bridge.\n—Raúl Castro to Senators George McGovern and James Abourezk, April 8, 1977');
    expect(quote(p, 'When did Raúl Castro and Obama shake hands?').text).toBe('In 2012 we shook hands at a funeral.');
  });

  it('quotes, for a "why", the sentence before one that states a consequence: the cause', () => {
    const p = passage('The group flew illegal flights over Cuban airspace. The pilots were warned twice. As a result, two planes were shot down in 1996.');
    expect(quote(p, 'Why were the planes shot down?').text).toBe('The pilots were warned twice. As a result, two planes were shot down in 1996.');
    expect(quote(p, 'When were the planes shot down?').text).toBe('As a result, two planes were shot down in 1996.');
  });

  it('quotes, for a "why", the sentence before one whose subject "then" acts on it', () => {
    const p = passage('Nixon refused to talk. By 1973 the sanctions were having little effect on Havana. Kissinger then sent an advisor to open talks with Havana in 1974.');
    expect(quote(p, 'Why did Kissinger send an advisor to open talks with Havana?').text).toBe(
      'By 1973 the sanctions were having little effect on Havana. Kissinger then sent an advisor to open talks with Havana in 1974.',
    );
    expect(quote(p, 'When did Kissinger send an advisor to open talks with Havana?').text).toBe('Kissinger then sent an advisor to open talks with Havana in 1974.');
  });

  it('credits, for a "why", the sentence before a consequence as an unsure cause, though it says "because" nowhere', () => {
    const question = analyzeQuery('Why did Kissinger send an advisor to Havana?', domainAliases);
    const score = (text: string) => chooseQuote(passage(text), quoteQuery(question, idf)).score;
    const cause = 'By 1973 the sanctions were having little effect.';
    const withCause = score(`${cause} Kissinger then sent an advisor to Havana.`);
    const alone = score(`${cause} Kissinger sent an advisor to Havana.`);
    // (The sentence's own evidence, the larger of the two, is kept beside it: the difference is less than the whole bonus.)
    expect(withCause - alone).toBeGreaterThan(UNSURE_CAUSE_BONUS / 2);
  });

  it('counts, for a "why", a cause in a quote holding little of the question only in proportion: it is the cause of something else', () => {
    const question = analyzeQuery('Why did the trade talks between Washington and Havana stall?', domainAliases);
    const score = (text: string) => chooseQuote(passage(text), quoteQuery(question, idf)).score;
    const talks = score('The talks reached an impasse in 1978.');
    const elsewhere = score('Washington, after years of quiet contacts with officials in Havana, parted ways due to another crisis.');
    expect(talks).toBeGreaterThan(elsewhere);
    // The same cause in a quote holding as much of the question as the first counts in full.
    expect(score('The talks reached an impasse in 1978 due to another crisis.') - talks).toBeGreaterThan(0.25);
  });

  it('prefers, for "how many", a sentence giving an exact count to one giving only "thousands", other evidence being close', () => {
    const p = passage('Thousands of Cubans with criminal records had entered the United States. Washington had no policy for years. In 1984 an agreement allowed 2,746 excludables back into Cuba.');
    const text = quote(p, 'How many Cubans with criminal records did Cuba agree to take back in the mid eighties?').text;
    expect(text).toContain('2,746');
    expect(text).not.toContain('Thousands');
  });

  it('takes along, for a "why", the cause of "because of this" or "with no other option", a little past the length limit', () => {
    const cause = 'When it came to the issue of the excludables, the thousands of Cubans who had entered the United States with criminal records, the government was left without any policy at all on how it might return them.';
    const consequence = 'With no other option, the two countries finally had to enter formal talks in late 1984, which resulted in an agreement that would allow the excludables back into Cuba in exchange for a quota.';
    expect(`${cause} ${consequence}`.split(/\s+/).length).toBeGreaterThan(70);
    const p = passage(`${cause} ${consequence}`);
    expect(quote(p, 'Why did the two countries enter formal talks in 1984?').text).toBe(`${cause} ${consequence}`);
    expect(quote(p, 'When did the two countries enter formal talks?').text).toBe(consequence);
    expect(quote(passage('They flew over Cuban airspace. Because of this, Castro warned the US about the flights.'), 'Why did Castro warn the US about the flights?').text).toBe(
      'They flew over Cuban airspace. Because of this, Castro warned the US about the flights.',
    );
  });

  it('reads, for "how many", a count as an amount, never a year, a date or a document’s number', () => {
    for (const first of ['The exiles were captured in 1962.', 'The exiles were captured on 4/17/61.', 'The exiles were captured (CDNW12597).']) {
      const p = passage(`${first} All the exiles were captured, 1,200 men.`);
      expect(quote(p, 'How many exiles were captured?').text, first).toBe('All the exiles were captured, 1,200 men.');
    }
  });

  it('takes along a next sentence that continues on the question’s topic', () => {
    const p = passage('Alan Gross was sent into Cuba. This led to tension when Gross was sentenced. Obama later changed course.');
    expect(quote(p, 'What happened to Alan Gross?').text).toBe('Alan Gross was sent into Cuba. This led to tension when Gross was sentenced.');
  });

  it('takes along a sentence before one that refers to it ("He…"), but not one before a sentence that only links to it ("But…")', () => {
    const refers = passage('Slater warned that the crisis was not over. He mentioned Thant’s advice to delay the Security Council meeting.');
    expect(quote(refers, 'Why did Thant want the Security Council meeting delayed?').text).toBe(refers.text);
    const links = passage('Congress passed the Helms-Burton Bill. But then a boy named Elián Gonzalez was found floating off the coast of Florida.');
    expect(quote(links, 'Where was Elián Gonzalez found?').text).toBe('But then a boy named Elián Gonzalez was found floating off the coast of Florida.');
    const onTopic = passage('Elián Gonzalez was a boy from Cuba. But then Elián Gonzalez was found floating off the coast of Florida.');
    expect(quote(onTopic, 'Where was Elián Gonzalez found?').text).toBe(onTopic.text);
  });

  it('reads a sentence as referring to the one before when its reference follows an opening conjunction ("Despite these concerns…", "Though he…"), never "When it came to…"', () => {
    const despite = passage('Cubans welcomed the new government, while the US was wary of Castro. Despite these concerns, Castro set out on a goodwill tour of the United States.');
    expect(quote(despite, 'Why did Castro go on a goodwill tour of the United States?').text).toBe(despite.text);
    const though = passage('Clinton entered office in 1993. Though he wanted better ties, he signed the Cuban Democracy Act.');
    expect(analysisOf(though).sentences.map((s) => s.continues)).toEqual([false, 'refers']);
    const idiom = passage('Talks began in 1962. When it came to the prisoners, the United States turned to Donovan.');
    expect(analysisOf(idiom).sentences.map((s) => s.continues)).toEqual([false, false]);
  });

  it('takes the last word of a name for the whole in a passage that names the whole', () => {
    const p = passage('Che Guevara met Richard Goodwin at a meeting. Guevara presented Goodwin with a box of cigars.');
    expect(quote(p, 'What did Che Guevara present Richard Goodwin?').text).toBe('Guevara presented Goodwin with a box of cigars.');
    // Never named whole, "Goodwin" is not Richard Goodwin for sure.
    const q = 'What did Che Guevara present Richard Goodwin?';
    const [whole, never] = ['Richard Goodwin was there.', 'Goodwin was there.'].map((first) => quote(passage(`${first} Guevara presented Goodwin with cigars.`), q));
    expect([whole!.text, never!.text]).toEqual(['Guevara presented Goodwin with cigars.', 'Guevara presented Goodwin with cigars.']);
    expect(whole!.score).toBeGreaterThan(never!.score);
  });

  it('lets one word of a sentence stand for one of the question’s words only', () => {
    const q = analyzeQuery('What property did the government seize?', domainAliases);
    q.concepts.find((c) => c.term === 'properti')!.related = [{ term: 'hold', relation: 'synonym' }];
    q.concepts.find((c) => c.term === 'seiz')!.related = [{ term: 'hold', relation: 'synonym' }];
    const score = (text: string) => pickQuote(passage(text), q, idf).score;
    expect(score('The crisis weakened the government’s hold.')).toBeLessThan(score('The government seized the port.'));
  });

  it('counts a question word found only in the heading at part credit', () => {
    const withHeading = passage('On November 5, 1963, he was exploring the idea.', 'JFK considers secret talks');
    const without = passage('On November 5, 1963, he was exploring the idea.');
    const q = 'When did JFK consider secret talks?';
    expect(quote(withHeading, q).score).toBeGreaterThan(quote(without, q).score);
  });

  it('counts a question word found only in the byline (the document’s kind and author) as a heading’s', () => {
    const p = passage('More than 100,000 refugees have fled from Cuba.');
    const analyzed = analyzeQuery('What did Kennedy’s letter say about refugees?', domainAliases);
    const byline = () => new Set(['presidenti', 'letter', 'john', 'f', 'kennedi']);
    const score = (prepared: ReturnType<typeof quoteQuery>) => chooseQuote(p, prepared).score;
    const withHeading = chooseQuote(passage(p.text, 'Kennedy’s letter'), quoteQuery(analyzed, idf)).score;
    expect(score(quoteQuery(analyzed, idf, () => true, undefined, { byline }))).toBe(withHeading);
    expect(withHeading).toBeGreaterThan(score(quoteQuery(analyzed, idf)));
  });

  it('gives a heading no credit for a word only related to the question’s', () => {
    const text = 'This caused him to put pressure on Castro through an embargo.';
    const q = analyzeQuery('Why did Johnson impose the embargo?', domainAliases, { related: (t) => (t === 'impos' ? [{ term: 'state', relation: 'synonym' }] : []) });
    const score = (p: Passage) => pickQuote(p, q, idf).score;
    expect(score(passage(text, 'Relations Between the United States and Cuba'))).toBe(score(passage(text)));
    expect(score(passage(text, 'Johnson and the embargo'))).toBeGreaterThan(score(passage(text)));
  });

  describe('the passage before, whose narrative a passage continues', () => {
    const at = (n: number, text: string, heading: string | null, comment: Passage['comment'] = null): Passage => ({ ...passage(text, heading), id: `doc#p${n}`, n, comment });
    const invasion = at(1, 'The Bay of Pigs invasion ended in failure.', 'Kennedy');
    // No reference back ("this setback"): that credits the passage before more (see antecedent.test.ts).
    const embargo = at(2, 'In retaliation, Kennedy enacted a full economic embargo on Cuba.', 'Kennedy');
    const q = analyzeQuery('Why did Kennedy impose an embargo after the Bay of Pigs?', domainAliases);
    const covered = (p: Passage, before: Passage | undefined) => chooseQuote(p, quoteQuery(q, idf, () => true, undefined, { previous: () => before })).covered;

    it('credits a question word found only there, at less than a heading', () => {
      expect(covered(embargo, invasion)).toBeGreaterThan(covered(embargo, undefined));
      const headed = at(2, embargo.text, 'The Bay of Pigs');
      expect(covered(headed, undefined)).toBeGreaterThan(covered(embargo, invasion));
    });

    it('gives nothing across a heading, from or to a reader comment, or for a word the passage holds itself', () => {
      expect(covered(embargo, at(1, invasion.text, 'Eisenhower'))).toBe(covered(embargo, undefined));
      expect(covered(embargo, at(1, invasion.text, 'Kennedy', { author: 'Joe' }))).toBe(covered(embargo, undefined));
      expect(covered(at(2, embargo.text, 'Kennedy', { author: 'Joe' }), invasion)).toBe(covered(at(2, embargo.text, 'Kennedy', { author: 'Joe' }), undefined));
      const whole = at(2, 'After the Bay of Pigs, Kennedy enacted a full embargo.', 'Kennedy');
      expect(covered(whole, invasion)).toBe(covered(whole, undefined));
    });
  });
});
