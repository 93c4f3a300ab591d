/**
 * The platform-neutral reply every command returns. Renderers (terminal, Discord, Slack) turn it into
 * their own format within their own limits; nothing here knows about any platform.
 */

/**
 * A run of inline text. `marked` runs are query terms, which renderers show in bold; `answer` runs are
 * the words that answer the question (a date, an amount, a name, a place, a reason), which each
 * renderer shows distinctly (underlined in Discord and a terminal, italic in Slack).
 */
export interface Run {
  text: string;
  marked?: boolean;
  answer?: boolean;
  /** The title of a whole work (a book), which citations set in italics. */
  italic?: boolean;
  /**
   * The run starts with this command's slash name (`/help <…>`): a platform that invokes the command by
   * another name writes that one instead (Slack's help is `/backchannel`).
   */
  command?: string;
}

/** A numbered source of a quote. */
export interface Citation {
  /** 1-based number, as shown beside quotes: [1], [2]… */
  n: number;
  docId: string;
  passageId: string;
  /** Document title. */
  title: string;
  /** Document kind, or "reader comment" for passages from a comment section. */
  kind: string;
  /** Document date for display ("April 18, 1961", "1963", "undated"). */
  date: string;
  /** 1-based paragraph of the document where the passage starts. */
  paragraph: number;
  /** 1-based page where the passage starts, for PDFs and paginated records; absent otherwise. */
  page?: number;
  /** True for reader comments, which are never the document's own word. */
  comment: boolean;
}

export type Block =
  /** A verbatim quote from the corpus with its citation number. */
  | { type: 'quote'; runs: Run[]; citation: number }
  /** Plain prose written by the bot (not corpus text). */
  | { type: 'text'; runs: Run[] }
  | { type: 'heading'; text: string }
  /** A list; each item is a line of runs. */
  | { type: 'list'; items: Run[][]; ordered: boolean }
  /** A message about the reply itself: abstention, refusal, error. */
  | { type: 'notice'; tone: 'info' | 'warning' | 'error'; text: string }
  /** The numbered citations the quotes above refer to. */
  | { type: 'citations'; items: Citation[] }
  /** Other sources that say the same thing as citation `of`. */
  | { type: 'also'; of: number; items: Citation[] }
  /**
   * A picture of the reply's content, as SVG (plain text: renderers turn it into a PNG attachment with
   * `src/picture/png.ts`). `file` is the name to attach it under; `alt` describes it in words.
   */
  | { type: 'picture'; file: string; alt: string; svg: string; width: number; height: number };

/**
 * A follow-up a user can take (a button on Discord and Slack). It names a command and the arguments
 * to run it with, so an adapter can keep all of its state in the button itself.
 */
export interface Action {
  /** Stable kind of action, e.g. `more` (next page) or `context` (whole passage). */
  id: string;
  label: string;
  command: string;
  args: Record<string, string | number | boolean>;
  /** Show the outcome only to the person who pressed it. */
  private?: boolean;
}

export interface Reply {
  blocks: Block[];
  actions: Action[];
  /** The command's machine-readable result (what `--json` prints). */
  data: unknown;
  /** False when the command could not do what was asked (not found, abstained…): CLI exit status 1. */
  ok: boolean;
}
