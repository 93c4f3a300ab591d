import type * as z from 'zod';
import type { Reply } from '../reply/model.js';
import type { Core } from '../core.js';
import type { Completion } from '../reply/completion.js';

export type { Completion };

/**
 * One command, defined once. The CLI, the terminal chat, Discord registration and dispatch, and Slack
 * handlers are all derived from this; nothing about a command is written anywhere else.
 */
export interface CommandDefinition<S extends z.ZodObject = z.ZodObject> {
  /** Lower-case name, as typed after the slash (`ask`). */
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  /** Options as a zod object; each field carries `.describe()` text, at most 100 characters. */
  options: S;
  /** The option that takes the rest of the typed line (`/ask who was…`), if any. */
  positional?: keyof z.infer<S> & string;
  /** Options that offer completion while typing, and how. */
  complete?: Partial<Record<keyof z.infer<S> & string, (prefix: string, core: Core) => Completion[]>>;
  /**
   * Runs the command. Pure: plain data in, a reply model out. Throws (or rejects with) only
   * `BackchannelError`. A reply at once, or a promise of one when the core retrieves from a server
   * (`core.retriever`: /ask through PostgreSQL); with the in-memory index every command answers at once.
   */
  run(input: z.infer<S>, core: Core): Reply | Promise<Reply>;
}
