/**
 * The whole words of five letters or more that regular expressions are written with ("happened",
 * "reporter", "eighties"): what a question's analysis reads though no passage need hold them. A run
 * of letters counts where it stands as a word in the pattern, or as one a group may extend
 * ("wonder(ing)?"); not an escape's letter ("\bfrom" is "from"), nor a piece that a character class
 * continues ("organi[sz]ation") or an optional letter splits ("harbou?r"). A word whose last letter
 * is optional counts with and without it ("events?").
 */
export function patternWords(sources: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const source of sources) {
    const plain = source.toLowerCase().replace(/\\[a-z]/g, ' ');
    for (const m of plain.matchAll(RUN)) {
      const after = plain.slice(m.index + m[0].length);
      if (/^\?[a-z]/.test(after)) continue;
      words.add(m[0]);
      if (after.startsWith('?') && m[0].length > 5) words.add(m[0].slice(0, -1));
    }
  }
  return words;
}

/** A run of five letters or more that no letter or character class touches. */
const RUN = /(?<![a-z[\]])[a-z]{5,}(?![a-z[\]])/g;
