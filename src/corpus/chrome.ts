/**
 * Page chrome: what a web page wraps around a document. Rules here are generic (they hold for any
 * page); rules for one document only live in its manifest entry (`cleaning.dropParagraphs`).
 */

/** A line matching one of these is dropped, wherever it is. */
export const CHROME_LINES: readonly RegExp[] = [
  /affiliate (links?|commission)/i, // "*This post contains affiliate links…"
  /^an unknown error has occurred\b/i, // error banners
  /^search by\s*\.\.\./i, // search widgets: "Search by... Author"
  /^show\s*\.\.\.\s/i, // "Show... All Results Primary Sources Peer-reviewed"
  /^(check out )?most popular\b/i, // "Check out Most Popular on JFK Facts"
];

/** A line matching one of these starts the comment form: it and everything after it are dropped. */
export const COMMENT_FORM: readonly RegExp[] = [
  /^leave a (reply|comment)\s*$/i,
  /^your email address will not be published/i,
  /^this site uses akismet/i,
];

/** After a "Most Popular" list heading, its numbered links ("1) Title (date)") are chrome too. */
export const LINK_LIST_ITEM = /^\d{1,2}\)\s/;

/**
 * Photo-licence boilerplate inside a caption: from the sentence that starts it to the end of the
 * paragraph. The caption and the photo credit before it are kept.
 */
export const PHOTO_LICENCE = /\s*This official White House photograph is being made available\b.*$/su;
