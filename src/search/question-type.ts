/**
 * What kind of answer a question asks for, and the words that only frame it ("what happened", "tell
 * me about", "explain"), which never count as what the question is about.
 */
import { fold } from '../text/fold.js';
import { patternWords } from './pattern-words.js';
import { isPersonNoun } from '../lexicon/person-nouns.js';

/** What kind of answer a question asks for; extraction favours sentences that hold one. */
export type QuestionType = 'person' | 'date' | 'money' | 'age' | 'duration' | 'quantity' | 'place' | 'reason' | 'speech' | 'yesno' | 'definition' | 'other';

/** Nouns that make "which …" / "what …" ask for a person or a group of people. */
const PEOPLE = 'reporter|journalist|correspondent|diplomat|envoy|official|member|senator|president|leader|aide|adviser|advisor|negotiator|group|organi[sz]ation|person|man|woman|men|women|american|cuban|soviet|british|politician|secretary|general|agent|officer|spy|author|writer|scholar|historian|contractor|boy|girl|senators|officials|members|leaders|people';
const PLACES = 'country|countries|city|cities|port|place|places|island|nation|nations|state|states|region|harbou?r|capital|town|embassy';

/** Verbs that follow a question word as its auxiliary ("what did the journalist say"), never a noun phrase's first word. */
const AUXILIARY = '(did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|might)';
/** Up to two words of a noun phrase before its head, none an auxiliary ("which American …", not "what condition did …"). */
const BEFORE_HEAD = `((?!${AUXILIARY}\\b)\\w+ ){0,2}`;

/** Words that make "how much" ask for a sum of money ("how much did the US pay", "how much ransom"). */
const MONEY = 'pay|pays|paid|paying|cost|costs|spend|spent|price|ransom|worth|fund|funds|funding|budget|charge|charged|money|dollars?|compensation|fine|fined|owe|owed';

/**
 * Verbs of asking, offering and getting that make a "how much" with no noun of its own ask for a sum of
 * money ("how much did Castro ask for", "how much did the budget set aside"), as "how much sugar did
 * Cuba sell" asks for an amount of sugar.
 */
const MONEY_DEALING = `ask(s|ed|ing)? for|demand(s|ed|ing)?|want(s|ed)?|offer(s|ed)?|request(s|ed)?|seek|sought|set aside|receive(s|d)?|give|gave|given|raise(s|d)?|earn(s|ed)?`;

const TYPE_RULES: Array<[QuestionType, RegExp]> = [
  ['money', new RegExp(`\\bhow much\\b(.*\\s)?(${MONEY})\\b|\\bwhat (was|is|were) the (\\w+ )?(cost|price|ransom|sum)\\b|^(what|which) (\\w+ )?(ransom|price|sum|payment|fee)\\b|^what (did|does|do|would) .{1,60}\\b(pay|paid|paying|spend|spent|spending)\\b|\\bhow much ${AUXILIARY} .{1,60}\\b(${MONEY_DEALING})\\b`)],
  ['age', /\bhow old\b|\b(at )?what age\b/],
  // "How long was Gross held", "how long after … did": a time, never a count of things; "how long ago" asks when.
  ['duration', /\bhow long\b(?! ago\b)/],
  ['quantity', /\bhow (many|much|old|big|large|far|often|high)\b|\bwhat (was|is|were) (the |[\w-]+'s )(\w+ )?(population|number|amount|size|total|toll|count)\b/],
  ['date', /^(when)\b|\b(what|which) (year|date|day|month|time)\b|\bwhat (was|is) the (date|year|day|month) (of|when)\b|\bin what year\b|\bhow long ago\b|\bsince when\b/],
  ['person', new RegExp(`^(who|whom|whose)\\b|\\b(who|whom) (was|is|were|did|sent|wrote|found)\\b|\\bto whom\\b|^(which|what) ${BEFORE_HEAD}(${PEOPLE})s?\\b|^(the |a |an )?(\\w+ )?(${PEOPLE}) who\\b`)],
  ['place', new RegExp(`^where\\b|\\b(which|what) ${BEFORE_HEAD}(${PLACES})\\b|\\bfrom where\\b|\\bin what (${PLACES})\\b`)],
  ['speech', /\bwhat did .{1,60}\b(say|tell|write|ask|reply|answer|respond|warn|report|promise|call)\b/],
  ['reason', /\bwhy\b|\bwhat (was|is|were|are) the (\w+ )?reasons?\b|\bwhat (led|caused|made|prompted)\b|\bhow come\b|\bfor what reason\b/],
  ['yesno', /^(did|does|do|was|were|is|are|has|had|can|could|would|will|should)\b/],
  ['definition', /^what (is|was|were|are)\b/],
];

/**
 * A request that a question is asked inside ("can you tell me when…", "do you know who…", "i need to
 * know why…", "any idea where…", "can you explain the embargo"): what follows it says what kind of
 * answer is asked for, not the request ("can you…" is no yes-or-no question).
 */
const REQUEST =
  /^(?:(?:can|could|would|will) (?:you|u) (?:please )?(?:tell (?:me|us)|show (?:me|us)|explain(?: to (?:me|us))?|describe|summari[sz]e|let (?:me|us) know)|(?:do|does) (?:you|u|anyone|anybody) (?:happen to )?know|(?:please )?tell (?:me|us)|i(?:['’]d| would)? (?:like|want|wanted|need|needed|have|had) to (?:know|find out|understand|learn)|any idea|i (?:was )?wonder(?:ing)?|(?:i['’]m|i am) (?:curious|wondering|trying to (?:find out|understand)))\b[\s,:]*/;

/**
 * A subordinate clause or a phrase opening a question, before the question word that asks ("When Ike
 * okayed…, which…", "In the December 1962 deal, what did the US end up paying…", "Apart from Cuba,
 * which…").
 */
const OPENING_CLAUSE =
  /^(when|after|before|while|since|once|if|although|though|as|in|during|at|on|under|by|for|from|with|following|apart from|besides|according to)\b[^,?]*,\s*(?=(which|who|whom|whose|what|where|why|how|when|did|does|do|was|were|is|are)\b)/;

/** Nouns naming a sum of money, which make a query of keywords ask for one. */
const KEYWORD_MONEY = /\b(ransom|price|cost|sum|payment|compensation)\b/;

/** A question word anywhere: without one, a short query is a bare name ("lisa howard") and asks what or who it is. */
const QUESTION_WORD = /\b(who|whom|whose|what|when|where|why|how|which|did|does|do|is|are|was|were)\b/;

/**
 * When in a deal a money question's sum was: at first (the sum asked for) or in the end (the sum
 * paid). The answer's sentence says it by how it states the sum ("his demands for…", "in exchange
 * for…": see `sumRole` in src/answer/), not by these words.
 */
export const SUM_AT_FIRST = 'original(?:ly)?|initial(?:ly)?|at first|first';
export const SUM_IN_THE_END = 'final(?:ly)?|end(?:s|ed)? up|eventually|in the end|actually';

/**
 * Words whose meaning the answer type carries: in a money question, "pay", "cost", "ransom" are what
 * the sum of money answers, and "originally", "final", "end up" which sum of a deal it is; in a *why*,
 * "the main reasons" are what the cause answers; in a *how long*, "last" is what the time does. Not
 * words a passage must repeat. Blanked like frame words.
 */
export const TYPE_WORDS: Partial<Record<QuestionType, RegExp>> = {
  money: new RegExp(`\\b(how much|${MONEY}|${SUM_AT_FIRST}|${SUM_IN_THE_END})\\b`, 'gi'),
  reason: /\b((main|key|real|chief|primary) )?reasons?\b/gi,
  // "How long did the embargo last?": the verb the time answers, at the question's end or before its preposition (not
  // "how long was the last meeting").
  duration: /\blast(s|ed|ing)?\b(?=\s*([?.!]|$|(for|until|till|through|into|before|after)\b))/gi,
};

/**
 * "which Latin American nations", "which American contractor": the head of the noun phrase after
 * "which" / "what" (its last word, up to two words after the question word) says whether a person or
 * a place is asked for, not the first people or place word in it.
 */
/** "which" or "what" opening a noun phrase, at the question's start or after a preposition ("in which country"). */
const WHICH = '(?:^|\\b(?:in|to|from|at|of) )(?:which|what) ';
const WHICH_HEAD = new RegExp(`${WHICH}${BEFORE_HEAD}(?<head>${PEOPLE}|${PLACES})s?\\b`);
const PEOPLE_WORDS = new Set(PEOPLE.split('|'));

/**
 * A "which …" / "what …" noun phrase up to its verb (an auxiliary, a past tense, "got", a verb and its
 * particle): "which TV newswoman got…", "which two US lawmakers was…", "which researcher dug up…". Its
 * last word is its head.
 */
const WHICH_PHRASE = new RegExp(`${WHICH}${BEFORE_HEAD}(?<head>(?!${AUXILIARY}\\b)\\w+) (?=${AUXILIARY}\\b|got\\b|gets?\\b|went\\b|\\w+ed\\b|\\w+ (?:up|out|down|back|off|over|along)\\b)`);

/** True when the head of the question's "which …" noun phrase names a person by WordNet, though `PEOPLE` lacks it ("which TV newswoman…"). */
function personHead(folded: string): boolean {
  const head = WHICH_PHRASE.exec(folded)?.groups?.['head'];
  return head !== undefined && isPersonNoun(head);
}

export function questionType(text: string): QuestionType {
  // What a chat wraps it in, and a request it is asked inside ("can you tell me when…"), say nothing of the answer.
  // "When Ike okayed…, which of his advisers objected?": a clause opening the question sets its scene; what follows
  // the comma asks.
  const folded = unwrapped(fold(text))
    .replace(REQUEST, '')
    .replace(OPENING_CLAUSE, '');
  for (const [type, rule] of TYPE_RULES) {
    if (!rule.test(folded)) {
      // A "which …" noun the rule's list lacks may still name a person ("which TV newswoman…").
      if (type === 'person' && personHead(folded)) return 'person';
      continue;
    }
    if ((type !== 'person' && type !== 'place') || /^(who|whom|whose|where)\b/.test(folded)) return type;
    const head = WHICH_HEAD.exec(folded)?.groups?.['head'];
    return head === undefined ? type : PEOPLE_WORDS.has(head) ? 'person' : 'place';
  }
  if (!QUESTION_WORD.test(folded)) {
    // A query of keywords naming a sum ("ransom for bay of pigs prisoners", "cost of the embargo") asks for it.
    if (KEYWORD_MONEY.test(folded)) return 'money';
    if (folded.split(' ').length <= 3) return 'definition';
  }
  return 'other';
}

/**
 * What a chat message wraps its question in, before it: greetings, thanks and fillers ("hi!", "hey,
 * quick question -", "ok so", "sorry,", "thanks! and"), any run of them. Never what is asked, and only
 * at the start: "was Kennedy sorry…" asks about a sorrow.
 */
export const CHAT_OPENING =
  /^(?:[\s\p{P}\p{S}]*\b(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening)|(?:thanks|thank you|thx|ty)(?: again| a lot| so much)?|cheers|ok(?:ay)?|so|and|but|then|also|well|um+|uh+|h+m+|sorry|btw|by the way|please|pls|plz|(?:a |one |another |my )?(?:(?:quick|short|simple|small|last|next|follow[- ]up|other|more|dumb|silly) )*questions?(?: for you)?)\b)+[\s\p{P}\p{S}]*/iu;

/** What a chat message ends its question with: thanks, a plea, a laugh ("… thanks!", "… pls", "… lol"). */
export const CHAT_CLOSING = /(?:[\s\p{P}\p{S}]*\b(?:thanks|thank you|thx|ty|cheers|please|pls|plz|lol|haha)\b)+[\s\p{P}\p{S}]*$/iu;

/** "whats", "who's": a chat's contractions of a question word, with or without the apostrophe. */
const CONTRACTED = /\b(what|who|where|when|how)['’]?s\b/gi;

/**
 * The question a chat message asks, without what it wraps it in (`CHAT_OPENING`, `CHAT_CLOSING`), its
 * contracted question words whole ("whos" as "who is"), in the case they were typed.
 */
export function unwrapped(text: string): string {
  return text.replace(CHAT_OPENING, '').replace(CHAT_CLOSING, '').replace(CONTRACTED, '$1 is');
}

/**
 * Words that shape a question rather than say what it is about: question phrases ("how many", "how
 * come", "on what day", "what kind of", "according to"), frames ("what happened", "tell me about", "do you
 * know", "any idea", "is it true that", "i need to know", "explain"), fillers ("really", "exactly",
 * "anything important", "in simple terms"), what a study group asks for ("for my essay") and a time
 * counted from an event ("a couple weeks before", "two years later": the event says when, and no
 * passage need count the weeks). Blanked before the content words are read.
 */
export const FRAME_PHRASES =
  /\b(how (many|much|long ago|long|often|old|big|large|far|come)|for what reason|(in |on |at )?(what|which) (year|date|day|month|time)|what (was|is) the (date|year|day|month)( of| when)?|what (kind|sort|type)s? of|according to|tell me (about|of|more about)?|do you know|can you|could you|would you|please|explain|describe|any idea|i (was )?wonder(ing)?|(what( is|['’]?s| was)? )?(his|her|their|the) name( of)?|(the |that |this )?guys?|i(['’]d| would)? (like|want|wanted|need|needed|have|had) to (know|find out|understand|learn)|for (my|our|a|an|the) (essay|paper|report|assignment|homework|class|course|project|presentation|exam|test|quiz|seminar|thesis)|in (simple|plain|layman['’]?s|short|brief|a few|your own) (terms|words|english)|in a nutshell|in short|in brief|is it true( that)?|what['’]?s the (deal|story) with|what (happened|went on|occurred|was going on|went down|took place)|what (was|is) going on|(happened|occurred|took place|went on)|(really|actually|exactly|basically|roughly|approximately|in fact|briefly|in detail|in the first place|at all|after all)|(tbh|idk|imo|imho|irl|ngl|lol|lmao|omg|yeah|ya)|(anything|something|what was) (important|notable|interesting|significant|major)|(important|notable|main|major|key) (events?|things?)|events? (of|in|during)|(the )?(role|story|significance) of|(a couple( of)?|a few|several|some|an?|one|two|three|four|five|six|\d+) (days?|weeks?|months?|years?) (before|after|later|earlier|ago))\b/gi;

/** The words of five letters or more the frames are written with ("happened", "important", "explain", "according"). */
export const FRAME_WORDS: ReadonlySet<string> = patternWords([OPENING_CLAUSE.source, FRAME_PHRASES.source, CHAT_OPENING.source, CHAT_CLOSING.source]);

/**
 * The words of five letters or more that the question's frames and type rules are written with
 * ("happened", "important", "ransom", "reporter"): words the analysis reads, though no passage need
 * hold them. (Read from the rules themselves, so a word added to a rule is one here.)
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([...FRAME_WORDS, ...patternWords([...TYPE_RULES.map(([, rule]) => rule.source), KEYWORD_MONEY.source])]);
