import type { Passage } from '../corpus/types.js';
import type { analyze } from '../search/analyzer.js';
import { analyzeFast } from '../search/engine-analyze.js';
import type { AnalyzedQuery, QuestionType } from '../search/query.js';
import { conceptFound, conceptTypoCredit, typoCredit } from './evidence.js';

/** A verbatim quote: `text` is exactly `passage.text.slice(start, end)`. */
export interface Quote {
  passageId: string;
  start: number;
  end: number;
  text: string;
  /** Query terms inside the quote, as [start, end) offsets into `text`; adjacent marks are merged. */
  marks: Array<[number, number]>;
  /** How well the quote answers the question (coverage plus answer-type evidence); comparable within one question. */
  score: number;
}

/** How quotes are chosen. */
export const QUOTE_RULES = {
  /** A quote is one sentence, or two when the second adds to the answer; three only after a question or a colon. */
  maxSentences: 3,
  /** No quote of several sentences grows past this many words. */
  maxWords: 70,
  /** Weight of a focus term (a lower-case word of the question: what is asked) against a name. */
  focusWeight: 2,
  /** Cost of each sentence beyond the first, so a longer quote must earn its place. */
  extraSentenceCost: 0.06,
  /** Bonus for taking along a sentence that continues the one before on the question's topic ("This ultimately led to… Gross…"). */
  continuationBonus: 0.08,
  /** Cost of a quote that ends on a question: it asks rather than answers. */
  endsOnQuestionCost: 0.25,
  /** Cost per sentence of starting the quote later in the passage: between equals, the earlier one. */
  laterSentenceCost: 0.01,
  /** Credit for a question term found only in the passage's heading, the context the sentence sits in. */
  headingCredit: 0.5,
  /** Extra evidence when the answer (a date, a number, an agent) stands within this many words of a focus term. */
  nearFocusWords: 8,
  /** Bonus for an answer standing that near a focus term. */
  nearFocusBonus: 0.2,
} as const;

const MONTH = /\b(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sept?(ember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\b\.?\s+\d|\b(January|February|March|April|June|July|August|September|October|November|December)\b/;
const YEAR = /\b(1[89]\d\d|20\d\d)s?\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;
const ROLE = /\b(president|secretary|diplomat|reporter|correspondent|journalist|negotiator|advis[eo]r|aide|scholar|analyst|ambassador|senator|general|chairman|leader|head|minister|official|author|professor|editor|representative|counsel|operative|spokesman|envoy|agent|officer)\b/i;
const AGENT = /\bby\s+(\p{Lu}[\p{L}.'’-]*\s?){1,3}/u;
const NAMED = /\bnamed\s+\p{Lu}/u;
/** "X (a U.S. plan to…)", "X, a Cuba scholar", "known as", "was a": a sentence that says what something is. */
const DEFINES = /\(\s*(a|an|the)\s|,\s(a|an)\s\p{Ll}|\b(known as|called|is a|was a|was an|is an)\b/u;
const CAUSE = /\b(because|due to|since|so that|in order to|as a result|in retaliation|led to|caused?|affront|after|when)\b/i;
const PLACE = /\b(in|at|to|from)\s+\p{Lu}/u;
const SPEECH = /[“"‘].{2,}[”"’]|\b(said|says|told|wrote|asked|replied|warned|declared|noted|observed|stated)\b/u;
const QUESTION_END = /\?[”"’')\]]*$/u;
const CONTINUES = /^[“"‘(]?(this|that|these|those|it|he|she|they|his|her|their|its|such|there|then|thus|so|yet|and|but)\b/i;

/** The answer a question type looks for, where it is found most decisively (date, number, agent). */
const ANSWER_AT: Partial<Record<QuestionType, RegExp>> = { date: MONTH, quantity: NUMBER, person: AGENT };
/** For "who" and "what is" questions, a role standing right beside a name of the question ("correspondent Lisa Howard"). */
const ROLE_NEAR_WORDS = 3;

/** Evidence that a sentence holds the kind of answer the question asks for. */
function typeBonus(type: QuestionType, sentence: string): number {
  switch (type) {
    case 'date':
      return MONTH.test(sentence) ? 0.45 : YEAR.test(sentence) ? 0.3 : 0;
    case 'quantity':
      return NUMBER.test(sentence) ? 0.35 : 0;
    case 'person':
      return Math.min(0.4, (ROLE.test(sentence) ? 0.2 : 0) + (AGENT.test(sentence) ? 0.2 : 0) + (NAMED.test(sentence) ? 0.15 : 0));
    case 'definition':
      return ROLE.test(sentence) || NAMED.test(sentence) || DEFINES.test(sentence) ? 0.15 : 0;
    case 'reason':
      return CAUSE.test(sentence) ? 0.15 : 0;
    case 'place':
      return PLACE.test(sentence) ? 0.1 : 0;
    case 'speech':
      return SPEECH.test(sentence) ? 0.25 : 0;
    default:
      return 0;
  }
}

/**
 * Extra evidence when the answer a question type looks for stands near a focus term: "his demands for
 * $62 million" answers "how much did he demand" better than a number elsewhere in the sentence.
 */
function nearFocus(type: QuestionType, text: string, tokens: ReturnType<typeof analyze>, focus: ReadonlySet<string>): number {
  const pattern = ANSWER_AT[type];
  if (!pattern || !focus.size) return 0;
  const match = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  const focusAt = tokens.filter((t) => focus.has(t.term)).map((t) => t.position);
  if (!focusAt.length) return 0;
  for (const m of text.matchAll(match)) {
    const at = tokens.find((t) => t.end > m.index)?.position ?? Infinity;
    if (focusAt.some((p) => Math.abs(p - at) <= QUOTE_RULES.nearFocusWords)) return QUOTE_RULES.nearFocusBonus;
  }
  return 0;
}

/**
 * Bonus, for "who" and "what is" questions, when a role names a question term: the role just before
 * the name ("correspondent Lisa Howard", "diplomat, William Attwood") or in apposition after it
 * ("Peter Kornbluh, a Cuba scholar").
 */
function roleBeside(query: AnalyzedQuery, text: string, tokens: ReturnType<typeof analyze>): number {
  if (query.type !== 'person' && query.type !== 'definition') return 0;
  const names = new Set(query.concepts.map((c) => c.term));
  const at = tokens.filter((t) => names.has(t.term));
  if (!at.length) return 0;
  for (const t of tokens) {
    if (!ROLE.test(text.slice(t.start, t.end))) continue;
    const before = at.some((n) => n.position > t.position && n.position - t.position <= ROLE_NEAR_WORDS);
    const apposition = at.some((n) => t.position > n.position && t.position - n.position <= ROLE_NEAR_WORDS + 2 && /^,\s/.test(text.slice(n.end)));
    if (before || apposition) return QUOTE_RULES.nearFocusBonus;
  }
  return 0;
}

/** What pickQuote reads of a passage whatever the question: its sentences analyzed. */
interface PassageAnalysis {
  attributionStart: number;
  headingTerms: Set<string>;
  sentences: Array<{
    start: number;
    end: number;
    text: string;
    tokens: ReturnType<typeof analyze>;
    /** The sentence's own terms. */
    own: Set<string>;
    /** Its own terms and, for a quotation, its attribution's. */
    terms: Set<string>;
    words: number;
    question: boolean;
    continues: boolean;
    endsWithColon: boolean;
  }>;
}

/** Analyses of recently quoted passages, oldest first; at most `ANALYSES_MAX`. */
const analyses = new Map<Passage, PassageAnalysis>();
const ANALYSES_MAX = 4096;

function analysisOf(passage: Passage): PassageAnalysis {
  const known = analyses.get(passage);
  if (known) return known;
  const attribution = ATTRIBUTION_LINE.exec(passage.text);
  const attributionStart = attribution ? passage.text.length - attribution[1]!.length : Infinity;
  const attributionTerms = attribution ? analyzeFast(attribution[1]!).map((t) => t.term) : [];
  const headingTerms = new Set(passage.heading ? analyzeFast(passage.heading).map((t) => t.term) : []);
  const sentences = passage.sentences.map(([start, end]) => {
    const text = passage.text.slice(start, end);
    const tokens = analyzeFast(text);
    const own = new Set(tokens.map((t) => t.term));
    const terms = new Set(own);
    if (start < attributionStart && attribution) for (const t of attributionTerms) terms.add(t);
    return { start, end, text, tokens, own, terms, words: text.split(/\s+/).length, question: QUESTION_END.test(text), continues: CONTINUES.test(text), endsWithColon: text.endsWith(':') };
  });
  const analysis = { attributionStart, headingTerms, sentences };
  if (analyses.size >= ANALYSES_MAX) analyses.delete(analyses.keys().next().value!);
  analyses.set(passage, analysis);
  return analysis;
}

/** An attribution line under a quotation ("—Raúl Castro to…"): its words belong to every sentence it attributes. */
const ATTRIBUTION_LINE = /\n([—–]\s?\p{Lu}[^\n]*)$/u;

interface SentenceInfo {
  start: number;
  end: number;
  words: number;
  /** Its own terms, and for a quotation, its attribution's. */
  terms: Set<string>;
  /** Holds a question term of its own (not only through an attribution). */
  onTopic: boolean;
  bonus: number;
  question: boolean;
  continues: boolean;
  endsWithColon: boolean;
}

/**
 * Picks the sentence, or the few consecutive sentences, of `passage` that best answer `query`: the
 * weighted share of the question's terms they hold (names count once, the words of what is asked
 * twice), plus evidence of the kind of answer asked for (a date for "when", a number for "how many",
 * a role or an agent for "who", a quotation for "what did … say"). A question in the text is quoted
 * with what follows it. The quote is verbatim, with the query terms marked.
 */
export function pickQuote(
  passage: Passage,
  query: AnalyzedQuery,
  idf: (term: string) => number,
  knownTerm: (term: string) => boolean = () => true,
): Quote {
  const { attributionStart, headingTerms, sentences: analyzed } = analysisOf(passage);
  const weightOf = (c: AnalyzedQuery['concepts'][number]) => idf(c.term) * (c.focus ? QUOTE_RULES.focusWeight : 1);
  const totalWeight = query.concepts.reduce((sum, c) => sum + weightOf(c), 0) || 1;

  const focusTerms = new Set(query.concepts.filter((c) => c.focus).map((c) => c.term));

  const sentences: SentenceInfo[] = analyzed.map(({ start, end, text, tokens, own, terms, words, question, continues, endsWithColon }) => {
    return {
      start,
      end,
      words,
      terms,
      onTopic: query.concepts.some((c) => conceptFound(c, own)),
      bonus:
        start >= attributionStart
          ? -0.2
          : typeBonus(query.type, text) + nearFocus(query.type, text, tokens, focusTerms) + roleBeside(query, text, tokens),
      question,
      continues,
      endsWithColon,
    };
  });

  let best = { from: 0, to: 0, score: -Infinity };
  sentences.forEach((first, from) => {
    const terms = new Set<string>();
    let words = 0;
    let bonus = 0;
    let extras = 0;
    for (let to = from; to < sentences.length && to - from < QUOTE_RULES.maxSentences; to++) {
      const s = sentences[to]!;
      if (to > from) {
        const previous = sentences[to - 1]!;
        if (to - from === 2 && !first.question && !first.endsWithColon) break;
        if (words + s.words > QUOTE_RULES.maxWords) break;
        const continuation = (s.continues && s.onTopic) || first.question || previous.endsWithColon;
        extras += QUOTE_RULES.extraSentenceCost - (continuation ? QUOTE_RULES.continuationBonus : 0);
      }
      for (const t of s.terms) terms.add(t);
      words += s.words;
      bonus = Math.max(bonus, s.bonus);
      let found = 0;
      for (const c of query.concepts) {
        if (conceptFound(c, terms)) found += weightOf(c);
        else if (conceptFound(c, headingTerms)) found += weightOf(c) * QUOTE_RULES.headingCredit;
        else if (!knownTerm(c.term)) found += weightOf(c) * conceptTypoCredit(c, terms);
      }
      const score = found / totalWeight + bonus - extras - (s.question ? QUOTE_RULES.endsOnQuestionCost : 0) - (words < 5 ? 0.15 : 0) - from * QUOTE_RULES.laterSentenceCost;
      if (score > best.score) best = { from, to, score };
    }
  });

  const start = sentences[best.from]?.start ?? 0;
  const end = sentences[best.to]?.end ?? passage.text.length;
  const text = passage.text.slice(start, end);
  const typos = query.concepts.filter((c) => !knownTerm(c.term)).flatMap((c) => (c.surface === c.term ? [c.term] : [c.term, c.surface]));
  return { passageId: passage.id, start, end, text, marks: markTerms(text, query.markTerms, typos), score: Math.max(0, best.score) };
}

/**
 * Offsets of the words of `text` whose analyzed term is one of `terms`, or a near spelling of one of
 * `typos` (query terms the corpus does not know), neighbours merged.
 */
export function markTerms(text: string, terms: ReadonlySet<string>, typos: readonly string[] = []): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  for (const token of analyzeFast(text)) {
    if (!terms.has(token.term) && !typos.some((t) => typoCredit(t, new Set([token.term])) > 0)) continue;
    const last = marks.at(-1);
    if (last && /^\s+$/.test(text.slice(last[1], token.start))) last[1] = token.end;
    else marks.push([token.start, token.end]);
  }
  return marks;
}
