// Where the reply to an inbound Slack event goes: what a listener hands the adapter's replier.
import type { InlineAck } from './inline-ack';

/** Where a reply to an inbound event goes. */
export interface ReplyPlace {
  team: string;
  channel: string;
  userId: string;
  /** The thread the event happened in. */
  threadTs?: string;
  /** The event's own message, for replies that start a thread under it. */
  messageTs?: string;
  /** Slash commands and buttons: answers here reach the user even where the bot is not a member. */
  responseUrl?: string;
  /** A button on an ephemeral message: the answer replaces it, so its buttons cannot be pressed twice. */
  replaceOriginal?: boolean;
  /** A slash command not yet acknowledged: a private reply ready at once goes in the acknowledgement. */
  inline?: InlineAck;
}
