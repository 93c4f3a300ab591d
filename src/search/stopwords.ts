/**
 * The English stop list: words too common to carry meaning in a query or a passage. They are never
 * indexed and never searched for, though they still count as positions (see `analyze`).
 *
 * Based on the NLTK English list, written folded (lower case, no diacritics) and with contractions
 * joined the way the tokenizer joins them ("don't" → "dont"). Added: the question words, since
 * every chat question starts with one ("whose" was missing), the same typed without their
 * apostrophe ("whats his name", "whos"), the pronouns' contractions that are no other word ("they'd",
 * "I've"; not "he'd", "we'd", "we'll": "shed", "wed", "well"), and a few modal verbs (could, would,
 * might, must, shall).
 * The NLTK fragments of split contractions ("don", "ll", "ve", "won", …) are left out: the tokenizer
 * never produces them, and "won" is a real word.
 *
 * Deliberately NOT stop words: "us" (it is what "U.S." folds to), "may" and "march" (months).
 */
const WORDS = `
  i me my myself we our ours ourselves you youre youve youll youd your yours yourself yourselves
  he him his himself she shes her hers herself it its itself they them their theirs themselves
  this that thatll these those am is are was were be been being have has had having do does did
  doing a an the and but if or because as until while of at by for with about against between
  into through during before after above below to from up down in out on off over under again
  further then once here there all any both each few more most other some such no nor not only
  own same so than too very can will just should shouldve now
  aint arent couldnt didnt doesnt dont hadnt hasnt havent isnt mightnt mustnt neednt shant
  shouldnt wasnt werent wont wouldnt
  what which who whom whose when where why how
  whats whos wheres whens whys hows thats theres
  theyd theyre theyve theyll hes ive im itll weve
  could would might must shall
`;

/** Folded stop words (lower case, no diacritics, no apostrophes). */
export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word.length > 0));

/** True when the folded word is a stop word. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
