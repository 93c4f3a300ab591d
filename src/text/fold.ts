/**
 * Folds text for comparison: Unicode compatibility decomposition, diacritics removed ("Raúl" → "raul"),
 * lower case, curly quotes and apostrophes straightened, dashes made hyphens, whitespace collapsed.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
