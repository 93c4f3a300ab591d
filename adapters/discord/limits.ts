/**
 * Discord's limits, in one place. Lengths are counted the way JavaScript counts them (UTF-16 code
 * units), which is never less than Discord's own count, so staying within these is always safe.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * https://discord.com/developers/docs/components/reference
 * https://discord.com/developers/docs/interactions/application-commands
 */
export const LIMITS = {
  /** Message `content`. */
  content: 2000,
  /** Embeds on one message. */
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author of every embed on a message, together. */
  embedTotal: 6000,

  /** Bytes of one attachment (the smallest upload limit of any server). */
  attachmentBytes: 10 * 1024 * 1024,

  /** Components. */
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,

  /** Application commands. */
  commandName: 32,
  commandDescription: 100,
  optionName: 32,
  optionDescription: 100,
  optionsPerCommand: 25,
  optionChoices: 25,
  /** Longest value a string option can be given a `max_length` of. */
  stringOptionLength: 6000,
  /** Integer options' `min_value`/`max_value` must lie within ±2^53. */
  integerBound: 2 ** 53,
  commandsPerScope: 100,

  /** Autocomplete. */
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Flag on a message (or a deferred reply) that shows it only to the person who asked. */
export const EPHEMERAL = 1 << 6;
