// Gateway messages: replies, edits, deletions and reactions in the threads the bot
// started (under its questions, or a mock interview's private thread), and members'
// messages in their direct messages with the bot. Everything else in the server (other
// channels, other threads, bots, the bot itself, system notices) never reaches the core.
import {
  type Channel,
  type Message,
  type MessageReaction,
  MessageType,
  type PartialMessage,
  type PartialMessageReaction,
  type PartialUser,
  type ThreadChannel,
  type User,
} from 'discord.js';
import { PlatformError } from '../../src/chat/errors';
import type { Author, InboundEvent, OutboundMessage, Ref, ReplyOptions } from '../../src/chat/types';
import { authorOf, canManageChannels, type InboundContext, mentionNames } from './context';
import { stopsChannel, toPlatformError } from './errors';
import { emojiName, normaliseInbound } from './format';
import { channelRef, messageRef, workspaceRef } from './refs';

interface ThreadPlace {
  guildId: string;
  workspace: string;
  channel: Ref;
  thread: Ref;
  parentId: string;
  threadId: string;
}

/** The place of a thread the bot started (under a question), or undefined. */
function questionThread(ctx: InboundContext, channel: Channel | null | undefined): ThreadPlace | undefined {
  if (!channel?.isThread() || !channel.parentId || channel.ownerId !== ctx.client.user?.id) return undefined;
  const guildId = channel.guildId;
  return {
    guildId,
    workspace: workspaceRef(guildId),
    channel: channelRef(guildId, channel.parentId),
    thread: channelRef(guildId, channel.id),
    parentId: channel.parentId,
    threadId: channel.id,
  };
}

const ANSWERABLE = new Set([MessageType.Default, MessageType.Reply]);

function fromMember(message: Message | PartialMessage): boolean {
  if (!message.author) return false;
  return !message.author.bot && !message.webhookId && message.author.id !== message.client.user.id;
}

export const DM_CLOSED_NOTE = (userId: string) =>
  `<@${userId}> your feedback is ready, but your direct messages are closed. Allow direct messages from server members (server menu > Privacy Settings), or answer with the **STAR form** button on the question to get feedback privately.`;

/**
 * reply() for a thread message: public in the thread; private as a DM, else a short note.
 * Resolves to the sent message's ref (the DM, or the thread message), for a later edit.
 */
function messageReply(ctx: InboundContext, place: ThreadPlace, userId: string) {
  return async (message: OutboundMessage, options: ReplyOptions = {}): Promise<Ref | undefined> => {
    try {
      if (options.private) {
        try {
          return await ctx.outbound.sendDirect(userId, message);
        } catch (err) {
          if (!(err instanceof PlatformError && err.kind === 'user_unreachable')) throw err;
          ctx.logger.info({ user: userId }, 'direct messages closed; leaving a note in the thread');
          await ctx.outbound.post(place.thread, { text: DM_CLOSED_NOTE(userId), kind: 'info' });
          return undefined;
        }
      }
      return (await ctx.outbound.post(options.inThread === false ? place.channel : place.thread, message)).ref;
    } catch (err) {
      const e = toPlatformError(err);
      if (stopsChannel(e)) await ctx.onChannelError(place.channel, e);
      throw e;
    }
  };
}

async function emit(ctx: InboundContext, event: InboundEvent): Promise<void> {
  try {
    await ctx.emit(event);
  } catch (err) {
    ctx.logger.error({ err, type: event.type, channel: event.channel }, 'handling a Discord event failed');
  }
}

function memberAuthor(message: Message<true>, parentId: string): Author {
  return authorOf(message.author, message.member, canManageChannels(message.member, parentId));
}

function textOf(ctx: InboundContext, message: Message<true>): string {
  const text = normaliseInbound(message.content, mentionNames(ctx.client, message.guildId));
  if (!text && message.attachments.size === 0 && message.embeds.length === 0 && message.stickers.size === 0)
    ctx.warnNoContent();
  return text;
}

/** What a member's message and its edit carry alike. */
function memberMessage(ctx: InboundContext, place: ThreadPlace, message: Message<true>) {
  return {
    workspace: place.workspace,
    channel: place.channel,
    thread: place.thread,
    author: memberAuthor(message, place.parentId),
    ref: messageRef(place.guildId, place.threadId, message.id),
    text: textOf(ctx, message),
    reply: messageReply(ctx, place, message.author.id),
    raw: message,
  };
}

export async function onMessageCreate(ctx: InboundContext, message: Message): Promise<void> {
  if (!fromMember(message) || !ANSWERABLE.has(message.type)) return;
  if (!message.inGuild()) return onDirectMessage(ctx, message);
  const place = questionThread(ctx, message.channel);
  if (!place) return;
  if (!(await ctx.firstDelivery(`discord:message:${message.id}`))) return;
  await emit(ctx, { type: 'message', ...memberMessage(ctx, place, message), at: message.createdAt });
}

/** A member's message in their direct messages with the bot (a mock interview's reply). */
async function onDirectMessage(ctx: InboundContext, message: Message): Promise<void> {
  if (!message.channel.isDMBased()) return;
  if (!(await ctx.firstDelivery(`discord:message:${message.id}`))) return;
  const channel = channelRef(null, message.channelId);
  await emit(ctx, {
    type: 'message',
    direct: true,
    workspace: workspaceRef(null),
    channel,
    author: authorOf(message.author, null, false),
    ref: messageRef(null, message.channelId, message.id),
    text: normaliseInbound(message.content, mentionNames(ctx.client, null)),
    at: message.createdAt,
    // a direct message is private already: every reply goes back there
    reply: async (m: OutboundMessage) => (await ctx.outbound.post(channel, m)).ref,
    raw: message,
  });
}

/**
 * discord.js drops a message in a channel it has not cached. The bot's threads are
 * cached from start-up and as they open, but one archived before a restart is not
 * until someone writes in it: fetch it then, and the message with it.
 */
export async function onUncachedMessage(
  ctx: InboundContext,
  data: { id?: unknown; channel_id?: unknown; guild_id?: unknown },
): Promise<void> {
  const channel = await uncachedThread(ctx, data);
  const message = channel && (await channel.messages.fetch(data.id as string).catch(() => null));
  if (message) await onMessageCreate(ctx, message);
}

/** The question thread a raw dispatch is in, when the client had not cached it; else undefined. */
async function uncachedThread(
  ctx: InboundContext,
  data: { id?: unknown; channel_id?: unknown; guild_id?: unknown },
): Promise<ThreadChannel | undefined> {
  if (typeof data?.channel_id !== 'string' || typeof data.id !== 'string' || typeof data.guild_id !== 'string') {
    return undefined;
  }
  if (ctx.client.channels.cache.has(data.channel_id)) return undefined;
  const channel = await ctx.client.channels.fetch(data.channel_id).catch(() => null);
  return questionThread(ctx, channel) && channel?.isThread() ? channel : undefined;
}

/**
 * An edit or a deletion in a question thread the client has not cached (archived before a
 * restart): discord.js drops it, so it is read here, from the raw dispatch, once the thread
 * is fetched. Called before discord.js handles the packet, so the cache check is the one it
 * makes; the delivery keys keep an edit or deletion from counting twice.
 */
export async function onUncachedChange(
  ctx: InboundContext,
  t: 'MESSAGE_UPDATE' | 'MESSAGE_DELETE',
  data: { id?: unknown; channel_id?: unknown; guild_id?: unknown },
): Promise<void> {
  const channel = await uncachedThread(ctx, data);
  if (!channel) return;
  if (t === 'MESSAGE_DELETE') {
    const gone = { id: data.id, channelId: channel.id, channel, author: null, partial: true };
    await onMessageDelete(ctx, gone as unknown as PartialMessage);
    return;
  }
  const message = await channel.messages.fetch(data.id as string).catch(() => null);
  // what it said before is not known: the edit time alone tells an edit from a preview
  if (message) await onMessageUpdate(ctx, { partial: true } as PartialMessage, message);
}

export async function onMessageUpdate(
  ctx: InboundContext,
  before: Message | PartialMessage,
  after: Message | PartialMessage,
): Promise<void> {
  const place = questionThread(ctx, after.channel);
  if (!place) return;
  let message = after;
  if (message.partial) {
    try {
      message = await message.fetch();
    } catch (err) {
      ctx.logger.warn({ err, message: after.id }, 'could not fetch an edited Discord message');
      return;
    }
  }
  // Link previews also update a message; only a real edit has an edit time and new text.
  if (!message.inGuild() || !fromMember(message) || !message.editedTimestamp) return;
  if (!before.partial && before.content === message.content) return;
  if (!(await ctx.firstDelivery(`discord:edit:${message.id}:${message.editedTimestamp}`))) return;
  await emit(ctx, {
    type: 'message_edited',
    ...memberMessage(ctx, place, message),
    at: message.editedAt ?? new Date(),
  });
}

export async function onMessageDelete(ctx: InboundContext, message: Message | PartialMessage): Promise<void> {
  const place = questionThread(ctx, message.channel ?? ctx.client.channels.cache.get(message.channelId));
  if (!place) return;
  if (message.author && !fromMember(message)) return;
  if (!(await ctx.firstDelivery(`discord:delete:${message.id}`))) return;
  // An uncached message is deleted without its author; the core finds it by ref.
  const author: Author = message.author
    ? authorOf(message.author, message.member, false)
    : { id: 'unknown', name: 'unknown member' };
  await emit(ctx, {
    type: 'message_deleted',
    workspace: place.workspace,
    channel: place.channel,
    thread: place.thread,
    author,
    at: new Date(),
    ref: messageRef(place.guildId, place.threadId, message.id),
    reply: messageReply(ctx, place, author.id),
    raw: message,
  });
}

export async function onReaction(
  ctx: InboundContext,
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  added: boolean,
): Promise<void> {
  if (user.bot || user.id === ctx.client.user?.id) return;
  const place = questionThread(ctx, reaction.message.channel);
  if (!place) return;
  await emit(ctx, {
    type: 'reaction',
    workspace: place.workspace,
    channel: place.channel,
    thread: place.thread,
    author: { id: user.id, name: user.globalName ?? user.username ?? user.id },
    at: new Date(),
    ref: messageRef(place.guildId, place.threadId, reaction.message.id),
    emoji: emojiName(reaction.emoji),
    added,
    reply: messageReply(ctx, place, user.id),
    raw: reaction,
  });
}
