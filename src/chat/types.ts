// The neutral vocabulary every adapter translates to and from. Nothing here knows
// which platform it runs on: a Slack payload or a Discord interaction becomes one of
// these at the edge, and the core answers with OutboundMessages.

/**
 * An opaque reference to a place or a message, prefixed with its platform.
 * Only the owning adapter encodes or decodes it; the store keeps it as-is.
 * Examples: `slack:T123:C456`, `slack:T123:C456:1700000000.000100`,
 * `discord:G1:C2`, `discord:G1:C2:M3`, `console:local:prep`.
 */
export type Ref = string;

/** A workspace (Slack team, Discord guild, the console) as `platform:id`. */
export type WorkspaceId = string;

export interface Author {
  /** Platform user id, unique within the workspace. */
  id: string;
  /** Display name at the time of the event. */
  name: string;
  /** True for bots and for the bot itself; adapters drop these before the core. */
  isBot?: boolean;
  /** Channel or workspace admin (Slack admin/owner, Discord Manage Channels). */
  isAdmin?: boolean;
  /** The IANA zone the platform knows for them (Slack profile); Discord has none. */
  timezone?: string;
}

/** A button on a message. `id` is the action id the button event carries back. */
export interface Button {
  id: string;
  label: string;
  value?: string;
  style?: 'primary' | 'danger';
}

/** A file attached to a reply (exports). */
export interface Attachment {
  name: string;
  mime: string;
  content: string;
}

/**
 * A picture shown with a message (a progress chart). `alt` says in words what it
 * shows, for screen readers and clients that show no images. Adapters send the text
 * first: an image that cannot be delivered never holds back or loses the text.
 */
export interface ChartImage {
  /** File name, `*.png`. */
  name: string;
  png: Uint8Array;
  alt: string;
  title: string;
}

/**
 * A message in neutral markdown: `**bold**`, `_italic_`, `` `code` ``, `- ` lists,
 * `> ` quotes, `[text](url)` links, `<@userId>` mentions, and `<#channelRef>` channel
 * mentions carrying a whole channel Ref (`<#slack:T1:C2>`), which each adapter shows as
 * a link to that channel (Slack `<#C2>`, Discord `<#id>`) or its name (console `#prep`).
 * Adapters render it to mrkdwn, Discord markdown or the terminal, and split it where a
 * platform caps length.
 */
export interface OutboundMessage {
  text: string;
  /** A heading shown above the text (a Slack header block, a Discord embed title). */
  title?: string;
  /** A small line under the text (source, hints). */
  footer?: string;
  buttons?: Button[];
  /** Offer the four-field STAR form for this question post. */
  starForm?: { postId: string; label?: string };
  attachments?: Attachment[];
  /** A chart shown with the message (an upload on Slack, an attachment on Discord, a file in the terminal). */
  image?: ChartImage;
  /** What the message is, so adapters can style it (a question as an embed, say). */
  kind?: 'question' | 'feedback' | 'marker' | 'digest' | 'info' | 'error' | 'answer';
  /**
   * Identifies the post for exactly-once delivery (a scheduled occurrence). Adapters
   * that can (Discord nonce, Slack message metadata) attach it so a re-post after a
   * crash can be detected.
   */
  idempotencyKey?: string;
  /**
   * The bot waits for the member's reply where this is posted (a mock interview's
   * question in a direct message): the terminal sends plain lines there until the
   * conversation posts something that does not wait.
   */
  awaitsReply?: boolean;
}

/** What `post` returns: the message itself, and where replies to it go. */
export interface PostResult {
  /** The posted message. */
  ref: Ref;
  /** The thread under the message: posting to this ref replies in that thread. */
  threadRef: Ref;
}

export interface ReplyOptions {
  /** Only the event's author sees it (ephemeral / DM), where the platform can. */
  private?: boolean;
  /** In the event's thread (default when the event came from a thread). */
  inThread?: boolean;
}

/**
 * What a send resolves to: the sent message's ref where the platform can edit it later,
 * else nothing. `void` is part of it on purpose: a reply that sends nothing editable (an
 * ephemeral message, the terminal) is a plain `async () => {}`.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: see above; adapters that keep no ref stay as they are
export type Sent = Ref | undefined | void;

/** Fields every inbound event carries. */
interface EventBase {
  workspace: WorkspaceId;
  /** The channel (never a thread): where schedules and settings live. */
  channel: Ref;
  /** The thread the event happened in, if any, in the same form as PostResult.threadRef. */
  thread?: Ref;
  author: Author;
  /** When it happened (platform time). */
  at: Date;
  /**
   * Answers the event in its place; private goes to the author alone where possible.
   * Resolves to the sent message's ref where the platform can edit it later (see
   * Adapter.edit), and to nothing where it cannot (an ephemeral message, the terminal).
   */
  reply(message: OutboundMessage, options?: ReplyOptions): Promise<Sent>;
  /** The platform payload, for logging and escape hatches. Never branch on it in the core. */
  raw?: unknown;
}

export interface MessageEvent extends EventBase {
  type: 'message';
  /** This message, for later edits and deletions. */
  ref: Ref;
  text: string;
  /** Written in a direct conversation with the bot (a mock interview's reply), not in a channel. */
  direct?: boolean;
}

export interface MessageEditedEvent extends EventBase {
  type: 'message_edited';
  ref: Ref;
  text: string;
}

export interface MessageDeletedEvent extends EventBase {
  type: 'message_deleted';
  ref: Ref;
}

export interface CommandEvent extends EventBase {
  type: 'command';
  /** The subcommand (`tips`, `schedule`, ...); empty for a bare `/prep`. */
  name: string;
  /** The rest of a text command line (Slack, console), to be parsed by the command. */
  text?: string;
  /** Typed options (Discord), already split by name. */
  options?: Record<string, string | number | boolean | undefined>;
  /** Used in a direct conversation or a private group chat, outside any channel of a group. */
  direct?: boolean;
  /**
   * The event belongs to no workspace of its own (`workspace` is a placeholder) and the
   * author's id is the same in every workspace of the platform (a Discord DM through a
   * user install): commands that read the member's data look for it in the workspaces
   * where they are a member.
   */
  anyWorkspace?: boolean;
  /** A file handed over with the command (a Discord attachment, a file shared in a Slack DM). */
  file?: InboundFile;
}

/** A file someone handed the bot: its name and size first, its bytes only when asked for. */
export interface InboundFile {
  name: string;
  size: number;
  /** The type the platform reports, if any. */
  mime?: string;
  bytes(): Promise<Uint8Array>;
}

/**
 * A member picked a bot action on someone's message (Slack message shortcut, Discord
 * message context menu): `name` is the registered message action, `target` the message.
 */
export interface MessageActionEvent extends EventBase {
  type: 'message_action';
  name: string;
  target: { ref: Ref; text: string; authorId: string; authorName?: string };
}

export interface ButtonEvent extends EventBase {
  type: 'button';
  actionId: string;
  value?: string;
  /** The message the button sits on. */
  messageRef?: Ref;
}

export interface FormSubmittedEvent extends EventBase {
  type: 'form_submitted';
  form: 'star';
  /** The question post the form belongs to. */
  postId: string;
  values: { situation: string; task: string; action: string; result: string };
}

interface ReactionEvent extends EventBase {
  type: 'reaction';
  ref: Ref;
  emoji: string;
  added: boolean;
}

export type InboundEvent =
  | MessageEvent
  | MessageEditedEvent
  | MessageDeletedEvent
  | CommandEvent
  | ButtonEvent
  | FormSubmittedEvent
  | MessageActionEvent
  | ReactionEvent;

export type EventHandler = (event: InboundEvent) => Promise<void>;

/**
 * A platform. Required: start, stop, post. Everything else is a capability the core
 * checks for before using it.
 */
export interface Adapter {
  /** The ref prefix this adapter owns: `slack`, `discord`, `console`, `memory`. */
  readonly platform: string;
  start(onEvent: EventHandler): Promise<void>;
  stop(): Promise<void>;
  /** Post to a channel, or into a thread when `to` is a threadRef. */
  post(to: Ref, message: OutboundMessage): Promise<PostResult>;
  /**
   * Show a message to one user only, in a channel or thread (ephemeral). Resolves to the
   * message's ref where it can be edited later, as reply() does.
   */
  postPrivate?(to: Ref, userId: string, message: OutboundMessage): Promise<Sent>;
  /** Open a direct conversation with a user; returns a ref to post to. */
  openDirect?(workspace: WorkspaceId, userId: string): Promise<Ref>;
  /**
   * A private thread in `channel` that only `userId` (and admins) can see, for when
   * the member's direct messages are closed; returns a ref to post to. Its replies
   * arrive as messages in that thread.
   */
  openPrivateThread?(channel: Ref, userId: string, name: string): Promise<Ref>;
  /**
   * Replaces a message the bot sent (a ref from post or reply) with `message`. Throws
   * PlatformError where it cannot (the message is gone, or too long to fit one message):
   * the caller then sends a new one.
   */
  edit?(ref: Ref, message: OutboundMessage): Promise<void>;
  /**
   * Opens a command's form itself when a `form:<command>` button is pressed (a Slack
   * modal); the submission arrives as a command event with typed options.
   */
  readonly opensForms?: boolean;
  /**
   * Each message is a whole reply, read before the next one arrives (a piped terminal):
   * the core answers it at once instead of waiting for more replies.
   */
  readonly wholeReplies?: boolean;
  /** Add a reaction by neutral name (`white_check_mark`, `regional_indicator_s`...). */
  react?(ref: Ref, emoji: string): Promise<void>;
  unreact?(ref: Ref, emoji: string): Promise<void>;
  /**
   * Whether a post with this idempotency key already exists in `to` (checked before
   * re-posting an occurrence a crashed replica may have posted). Returns its result.
   */
  findPosted?(to: Ref, idempotencyKey: string): Promise<PostResult | undefined>;
}

/** The platform prefix of a ref: `slack:T1:C2` is `slack`. */
export function platformOf(ref: Ref): string {
  const i = ref.indexOf(':');
  return i < 0 ? ref : ref.slice(0, i);
}
