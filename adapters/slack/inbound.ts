// Slack payloads to neutral events. Pure functions over the payload shapes Slack
// sends: which messages count (people's, not bots'), where their thread is, what a
// slash command line means. The adapter adds the author's name and the reply().
import { fromMrkdwn } from './mrkdwn';

/** The parts of a message event we read; Slack sends many more. */
export interface SlackMessage {
  type?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
}

export interface SlackMessageEvent extends SlackMessage {
  channel?: string;
  channel_type?: string;
  event_ts?: string;
  deleted_ts?: string;
  message?: SlackMessage;
  previous_message?: SlackMessage;
}

export interface MessageDraft {
  type: 'message' | 'message_edited' | 'message_deleted';
  userId: string;
  channel: string;
  /** The message itself. */
  ts: string;
  /** The thread it sits in, when it is a reply. */
  threadTs?: string;
  text: string;
  at: Date;
  /** In a direct conversation with the bot. */
  direct?: boolean;
}

/** Subtypes that are a person saying something; the rest (joins, topics, bots) are not. */
const SPOKEN = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message']);

function fromBot(m: SlackMessage | undefined, botUserId?: string): boolean {
  return !m || Boolean(m.bot_id) || m.subtype === 'bot_message' || (botUserId !== undefined && m.user === botUserId);
}

/** A reply's thread: a thread parent carries its own ts as thread_ts and is not in a thread. */
function threadOf(m: SlackMessage): string | undefined {
  return m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : undefined;
}

export function slackTime(ts: string | undefined): Date {
  const seconds = Number(ts);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(Math.round(seconds * 1000)) : new Date();
}

/**
 * Reads a `message` event; undefined for anything the core should not see. Answers
 * are thread replies, so a channel's top-level chatter never reaches the core (nor
 * costs a delivery record or a users.info call).
 */
/**
 * A thread reply (an answer, its edit or deletion), or a new message in a direct
 * conversation with the bot (a mock interview); anything else is not for the core.
 */
export function readMessage(e: SlackMessageEvent, botUserId?: string): MessageDraft | undefined {
  const draft = readAnyMessage(e, botUserId);
  const direct = e.channel_type === 'im';
  if (draft?.threadTs) return direct ? { ...draft, direct } : draft;
  return draft?.type === 'message' && direct ? { ...draft, direct } : undefined;
}

function readAnyMessage(e: SlackMessageEvent, botUserId?: string): MessageDraft | undefined {
  if (!e.channel) return undefined;
  if (e.subtype === 'message_changed') {
    const now = e.message;
    if (!now?.ts || !now.user || fromBot(now, botUserId) || now.subtype === 'tombstone') return undefined;
    // Slack also sends message_changed for unfurls and reply counts; only a new text is an edit.
    if (e.previous_message && (e.previous_message.text ?? '') === (now.text ?? '')) return undefined;
    return {
      type: 'message_edited',
      userId: now.user,
      channel: e.channel,
      ts: now.ts,
      threadTs: threadOf(now),
      text: fromMrkdwn(now.text ?? ''),
      at: slackTime(e.event_ts ?? e.ts),
    };
  }
  if (e.subtype === 'message_deleted') {
    const before = e.previous_message;
    const ts = e.deleted_ts ?? before?.ts;
    if (!ts || !before?.user || fromBot(before, botUserId)) return undefined;
    return {
      type: 'message_deleted',
      userId: before.user,
      channel: e.channel,
      ts,
      threadTs: threadOf(before),
      text: '',
      at: slackTime(e.event_ts ?? e.ts),
    };
  }
  if (!SPOKEN.has(e.subtype) || !e.user || !e.ts || fromBot(e, botUserId)) return undefined;
  return {
    type: 'message',
    userId: e.user,
    channel: e.channel,
    ts: e.ts,
    threadTs: threadOf(e),
    text: fromMrkdwn(e.text ?? ''),
    at: slackTime(e.ts),
  };
}

/** `/prep tips Acme process` is the command `tips` with the text `Acme process`. */
export function readCommandLine(text: string | undefined): { name: string; text: string } {
  const line = fromMrkdwn(text ?? '').trim();
  const m = /^(\S+)\s*([\s\S]*)$/.exec(line);
  return m ? { name: (m[1] ?? '').toLowerCase(), text: (m[2] ?? '').trim() } : { name: '', text: '' };
}

/** The parts of a reaction_added / reaction_removed event we read. */
export interface SlackReactionEvent {
  type: 'reaction_added' | 'reaction_removed';
  user?: string;
  reaction?: string;
  item?: { type?: string; channel?: string; ts?: string };
  item_user?: string;
  event_ts?: string;
}

export interface ReactionDraft {
  userId: string;
  channel: string;
  ts: string;
  emoji: string;
  added: boolean;
  at: Date;
}

export function readReaction(e: SlackReactionEvent, botUserId?: string): ReactionDraft | undefined {
  const item = e.item;
  if (!e.user || !e.reaction || item?.type !== 'message' || !item.channel || !item.ts) return undefined;
  if (botUserId !== undefined && e.user === botUserId) return undefined;
  return {
    userId: e.user,
    channel: item.channel,
    ts: item.ts,
    // Skin tones are one reaction to the core: `thumbsup::skin-tone-2` counts as `thumbsup`.
    emoji: e.reaction.replace(/::skin-tone-\d$/, ''),
    added: e.type === 'reaction_added',
    at: slackTime(e.event_ts),
  };
}

/**
 * A slash command used outside a group's channel: a direct message (with the bot or
 * another member) or a group DM. Slack names those channels `directmessage` and `mpdm-…`.
 */
export function inDirectConversation(channelId: string, channelName?: string): boolean {
  return channelId.startsWith('D') || channelName === 'directmessage' || Boolean(channelName?.startsWith('mpdm-'));
}
