/**
 * Folds text for matching and comparison: Unicode compatibility decomposition, diacritics removed
 * ("Raúl" → "raul"), lower case, curly quotes and apostrophes straightened (also the modifier letter
 * apostrophe and primes), dashes made hyphens, whitespace collapsed.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’‚‛′ʼ]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
