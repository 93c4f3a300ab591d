/**
 * Slack's limits, in one place. Everything the renderer, the slash-command parser and the manifest
 * build checks against reads from here. Sources: Block Kit reference (blocks, elements, composition
 * objects), chat.postMessage, and the app manifest reference.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** `text` of a section block. */
  sectionText: 3000,
  /** Elements in one context block. */
  contextElements: 10,
  /** `text` of one mrkdwn element of a context block (a text object's own limit). */
  contextElementText: 3000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** A button's plain_text label. */
  buttonText: 75,
  /** A button's `value`. */
  buttonValue: 2000,
  /** `action_id` of any interactive element. */
  actionId: 255,
  /** `block_id` of any block. */
  blockId: 255,
  /** Top-level `text` of chat.postMessage (Slack truncates beyond it). */
  messageText: 40_000,
  /** A slash command, including its leading `/`. */
  slashCommandName: 32,
  /** `display_information.description` in an app manifest. */
  appDescription: 140,
  /** `bot_user.display_name` in an app manifest. */
  botDisplayName: 80,
  /** Bytes of a file we upload; Slack takes up to 1 GB, a picture stays far below this. */
  fileBytes: 5 * 1024 * 1024,
  /** How long Slack waits for an acknowledgement before it shows an error or retries, in ms. */
  ackDeadlineMs: 3000,
} as const;

export type SlackLimit = keyof typeof SLACK_LIMITS;
