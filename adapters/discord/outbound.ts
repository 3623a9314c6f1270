// Everything the bot sends on its own (not as an interaction answer): posts, thread
// replies, edits, reactions, direct messages, and the search for a post a crashed
// replica may already have made.
import { createHash } from 'node:crypto';
import {
  ChannelType,
  type Client,
  type Message,
  type MessageCreateOptions,
  type MessageEditOptions,
  MessageFlags,
  Routes,
  type SendableChannels,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import { PlatformError } from '../../src/chat/errors';
import type { OutboundMessage, PostResult, Ref } from '../../src/chat/types';
import type { Logger } from '../../src/logger';
import { DiscordCodes, discordCall, isCode } from './errors';
import { type DiscordPayload, emojiFor, LIMITS, parseStarFormId, render, threadName, withoutChart } from './format';
import { channelRef, DM_GUILD, messageRef, parseMessageRef, parseRef } from './refs';

/** Users may be pinged by the bot's messages; roles, @everyone and @here never. */
const ALLOWED_MENTIONS = { parse: ['users' as const] };

/** The nonce for an idempotency key: Discord takes at most 25 characters. */
function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, LIMITS.nonce);
}

/** A short form of the key carried in the STAR button, which Discord keeps with the message. */
function keyHashFor(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function toCreateOptions(p: DiscordPayload): MessageCreateOptions {
  const files = [
    ...(p.files ?? []).map((f) => ({ attachment: f.data, name: f.name, contentType: f.contentType })),
    ...(p.chart ? [{ attachment: p.chart.data, name: p.chart.name, description: p.chart.description }] : []),
  ];
  return {
    ...(p.content !== undefined ? { content: p.content } : {}),
    ...(p.embeds ? { embeds: p.embeds } : {}),
    ...(p.components ? { components: p.components } : {}),
    ...(files.length ? { files } : {}),
    allowedMentions: ALLOWED_MENTIONS,
  };
}

/**
 * Sends a payload; when it carries a chart and Discord refuses it (too large, a timeout,
 * a file store error), the failure is logged and the text goes again without the image.
 */
export async function sendKeepingText<T>(
  p: DiscordPayload,
  send: (p: DiscordPayload) => Promise<T>,
  logger: Logger,
): Promise<T> {
  try {
    return await send(p);
  } catch (err) {
    if (!p.chart) throw err;
    logger.warn({ err, file: p.chart.name }, 'Discord refused a message with a chart; sending its text without it');
    return send(withoutChart(p));
  }
}

export class DiscordOutbound {
  constructor(
    private readonly client: Client,
    private readonly logger: Logger,
  ) {}

  /** A channel the bot can send to, from the cache or the API. */
  async sendable(channelId: string): Promise<SendableChannels> {
    const channel =
      this.client.channels.cache.get(channelId) ?? (await discordCall(() => this.client.channels.fetch(channelId)));
    if (!channel?.isSendable()) {
      throw new PlatformError(
        'channel_unavailable',
        String(DiscordCodes.UnknownChannel),
        `Discord channel ${channelId} cannot take messages`,
      );
    }
    return channel;
  }

  /** Sends a rendered message (one or more Discord messages); returns them in order. */
  async send(channel: SendableChannels, payloads: DiscordPayload[], nonce?: string): Promise<Message[]> {
    const sent: Message[] = [];
    for (const [i, p] of payloads.entries()) {
      const sendOne = (q: DiscordPayload) => {
        const options = toCreateOptions(q);
        if (i === 0 && nonce) Object.assign(options, { nonce, enforceNonce: true });
        return discordCall(() => channel.send(options) as Promise<Message>);
      };
      sent.push(await sendKeepingText(p, sendOne, this.logger));
    }
    return sent;
  }

  /**
   * Posts to a channel, into a thread, or (for a message ref) into the thread under
   * that message. A question starts a thread; its ref is where replies arrive.
   */
  async post(to: Ref, message: OutboundMessage): Promise<PostResult> {
    const target = parseRef(to);
    const key = message.idempotencyKey;
    const payloads = render(message, key ? { keyHash: keyHashFor(key) } : {});
    const channel = target.messageId
      ? await this.threadUnder(target.channelId, target.messageId, threadName(message))
      : await this.sendable(target.channelId);
    const [first] = await this.send(channel, payloads, key ? nonceFor(key) : undefined);
    if (!first) throw new Error('Discord send returned no message');
    const guildId = first.guildId ?? (target.guildId === DM_GUILD ? null : target.guildId);
    const ref = messageRef(guildId, first.channelId, first.id);
    if (channel.isThread() || channel.isDMBased()) return { ref, threadRef: channelRef(guildId, channel.id) };
    if (message.kind === 'question') {
      const thread = await this.startThread(first, threadName(message));
      return { ref, threadRef: channelRef(guildId, thread) };
    }
    // Posting to the message ref later opens a thread under it.
    return { ref, threadRef: ref };
  }

  private async startThread(message: Message, name: string): Promise<string> {
    if (message.hasThread || message.thread) return message.thread?.id ?? message.id;
    try {
      const thread = await discordCall(() =>
        message.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek }),
      );
      return thread.id;
    } catch (err) {
      // A re-post that Discord matched by nonce already has its thread (same id as the message).
      if (isCode(err, DiscordCodes.ThreadAlreadyCreated)) return message.id;
      // A question without a thread cannot collect answers: take it down and report why.
      const removed = await message.delete().then(
        () => true,
        (e) => {
          this.logger.warn({ err: e }, 'could not remove a question whose thread failed');
          return false;
        },
      );
      // The scheduler retries a rate-limited post as if nothing was sent, without
      // looking for it first; a question left standing must count as an attempt, so
      // the retry finds it by its key (and starts its thread) instead of posting again.
      if (!removed && err instanceof PlatformError && err.kind === 'rate_limited') {
        throw new PlatformError(
          'other',
          err.code,
          `the question was posted but its thread could not be started (${err.message}) nor the question removed; the next attempt completes it`,
        );
      }
      throw err;
    }
  }

  private async threadUnder(channelId: string, messageId: string, name: string): Promise<SendableChannels> {
    // On Discord a thread started from a message has the message's id.
    const existing = this.client.channels.cache.get(messageId);
    if (existing?.isSendable()) return existing;
    const parent = await this.sendable(channelId);
    if (!('messages' in parent) || parent.isThread() || parent.isDMBased()) return parent;
    const message = await discordCall(() => parent.messages.fetch(messageId));
    if (message.thread) return message.thread;
    return this.sendable(await this.startThread(message, name));
  }

  async edit(ref: Ref, message: OutboundMessage): Promise<void> {
    const { channelId, messageId } = parseMessageRef(ref);
    const channel = await this.sendable(channelId);
    const [first, ...more] = render(message);
    if (!first) return;
    // one message cannot become two: the caller sends the longer text anew
    if (more.length)
      throw new PlatformError('other', 'too_long_to_edit', `the new text needs ${more.length + 1} Discord messages`);
    const options: MessageEditOptions = {
      content: first.content ?? null,
      embeds: first.embeds ?? [],
      components: first.components ?? [],
      allowedMentions: ALLOWED_MENTIONS,
    };
    await discordCall(() => channel.messages.edit(messageId, options));
  }

  async react(ref: Ref, emoji: string, add: boolean): Promise<void> {
    const { channelId, messageId } = parseMessageRef(ref);
    const route = Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emojiFor(emoji)));
    await discordCall(() => (add ? this.client.rest.put(route) : this.client.rest.delete(route)));
  }

  /**
   * The bot's recent post in `to` carrying this idempotency key, if any. Message
   * history does not return the nonce (only the send's answer and the gateway echo
   * do), so the key is read from the STAR button's custom id, which Discord keeps:
   * only posts with that button (scheduled questions) can be found.
   */
  async findPosted(to: Ref, key: string): Promise<PostResult | undefined> {
    const { guildId, channelId } = parseRef(to);
    const channel = await this.sendable(channelId);
    if (!('messages' in channel)) return undefined;
    const hash = keyHashFor(key);
    const recent = await discordCall(() => channel.messages.fetch({ limit: 50, cache: false }));
    const mine = this.client.user?.id;
    const found = recent.find(
      (m) =>
        m.author.id === mine &&
        m.components.some((row) =>
          'components' in row
            ? row.components.some(
                (c) => 'customId' in c && c.customId !== null && parseStarFormId(c.customId)?.keyHash === hash,
              )
            : false,
        ),
    );
    if (!found) return undefined;
    const gid = guildId === DM_GUILD ? null : guildId;
    const ref = messageRef(gid, found.channelId, found.id);
    const isQuestion = found.components.length > 0 && found.embeds.length > 0;
    if (!isQuestion) return { ref, threadRef: ref };
    const thread =
      found.thread?.id ??
      (found.flags.has(MessageFlags.HasThread)
        ? found.id
        : await this.startThread(found, threadName({ text: found.embeds[0]?.title ?? 'Answers' })));
    return { ref, threadRef: channelRef(gid, thread) };
  }

  async openDirect(userId: string): Promise<Ref> {
    const dm = await discordCall(() => this.client.users.createDM(userId));
    return channelRef(null, dm.id);
  }

  /** A private thread in a text channel with one member added (their direct messages are closed). */
  async openPrivateThread(channel: Ref, userId: string, name: string): Promise<Ref> {
    const { guildId, channelId } = parseRef(channel);
    const parent = await discordCall(() => this.client.channels.fetch(channelId));
    if (!parent || parent.type !== ChannelType.GuildText) {
      throw new PlatformError('no_permission', 'no_private_threads', 'private threads need a text channel');
    }
    const thread = await discordCall(() =>
      parent.threads.create({ name: name.slice(0, 100), type: ChannelType.PrivateThread, invitable: false }),
    );
    await discordCall(() => thread.members.add(userId));
    return channelRef(guildId, thread.id);
  }

  /**
   * A direct message; resolves to its (first) message's ref, which edit() can change.
   * Throws PlatformError user_unreachable when the member's DMs are closed.
   */
  async sendDirect(userId: string, message: OutboundMessage): Promise<Ref | undefined> {
    const dm = await discordCall(() => this.client.users.createDM(userId));
    const [first] = await this.send(dm, render(message));
    return first ? messageRef(null, dm.id, first.id) : undefined;
  }
}
