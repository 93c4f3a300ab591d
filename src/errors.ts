/**
 * Errors that carry a code. Adapters catch once at their dispatcher, log the error with its code and
 * details, and show the user the fixed `userMessage` (never the details).
 */
export const ERROR_CODES = {
  CORPUS_INVALID: 'The corpus could not be loaded.',
  CONFIG_INVALID: 'The configuration is invalid.',
  BAD_INPUT: 'That input could not be understood.',
  NOT_FOUND: 'Nothing by that name is in the corpus.',
  INTERNAL: 'Something went wrong on our side.',
  SEARCH_UNAVAILABLE: 'Search is unavailable, try again shortly.',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class BackchannelError extends Error {
  readonly code: ErrorCode;
  /** What a person is shown. Defaults to the code's fixed message. */
  readonly userMessage: string;
  /** Everything a maintainer needs, for the log only. */
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { userMessage?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BackchannelError';
    this.code = code;
    this.userMessage = options.userMessage ?? ERROR_CODES[code];
    this.details = options.details ?? {};
  }
}

export function isBackchannelError(error: unknown): error is BackchannelError {
  return error instanceof BackchannelError;
}
