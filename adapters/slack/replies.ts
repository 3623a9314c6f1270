// Replies to inbound events: the reply() every event carries, public posts in the
// channel or thread and private (ephemeral) replies, through the acknowledgement, the
// response_url or chat.postEphemeral, whichever reaches the member. A reply Slack
// rate-limits is sent again once the limit passes, outside the work queue.
import type { Logger } from 'pino';
import { PlatformError } from '../../src/chat/errors';
import type { Attachment, ChartImage, OutboundMessage, Ref, ReplyOptions } from '../../src/chat/types';
import type { SlackApi } from './api';
import type { SlackCharts } from './charts';
import { inlineBody } from './inline-ack';
import { postMessage } from './posts';
import { messageRef, PLATFORM, parseRef } from './refs';
import type { SlackPost } from './render';
import { renderShared } from './render-cache';
import type { ReplyPlace } from './reply-place';
import { postJson } from './response-url';

/**
 * The longest a rate-limited reply is held back and then sent. Feedback a few minutes late
 * is still the member's feedback; past this, Slack is refusing the workspace for so long
 * that the reply is given up (logged as not delivered).
 */
const MAX_REPLY_DELAY_MS = 15 * 60_000;

const NOT_IN_CHANNEL_HINT = "I can't post in this channel yet. Invite me with `/invite @Starling`, then try again.";

/** What replies need of the adapter. */
export interface ReplyHost {
  readonly api: SlackApi;
  readonly charts: SlackCharts;
  readonly logger: Logger;
  sleep(ms: number): Promise<void>;
  /** True once the adapter stopped: a reply still waiting is given up. */
  readonly stopped: boolean;
  openDirect(workspace: string, userId: string): Promise<string>;
  upload(team: string, channel: string, files: Attachment[], threadTs?: string): Promise<void>;
}

export class SlackReplies {
  /** Replies waiting out a rate limit, outside the work queue. */
  private readonly later = new Set<Promise<void>>();

  constructor(private readonly host: ReplyHost) {}

  /** Replies still waiting out a rate limit. */
  get waiting(): number {
    return this.later.size;
  }

  /** Resolves once the replies waiting now have been sent or given up. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.later]);
  }

  /**
   * The reply() an inbound event carries. A public reply resolves to the posted message's
   * ref, which Slack can update later (chat.update); a private (ephemeral) one cannot be
   * updated and resolves to nothing.
   */
  replier(place: ReplyPlace): (message: OutboundMessage, options?: ReplyOptions) => Promise<Ref | undefined> {
    return async (message, options = {}) => {
      const threadTs =
        options.inThread === false ? undefined : (place.threadTs ?? (options.inThread ? place.messageTs : undefined));
      const where = { ...place, threadTs };
      if (options.private) {
        await this.sendPrivate(where, message);
        return undefined;
      }
      const ts = await this.sendPublic(where, message);
      return ts ? messageRef(where.team, where.channel, ts) : undefined;
    };
  }

  async sendPrivate(place: ReplyPlace, message: OutboundMessage): Promise<void> {
    let shown = message;
    if (message.attachments?.length) {
      // Ephemeral messages cannot carry files: the files go to a direct message.
      const dm = parseRef(await this.host.openDirect(`${PLATFORM}:${place.team}`, place.userId)).channel;
      await this.host.upload(place.team, dm, message.attachments);
      const note = 'The file is in your direct messages with me.';
      shown = { ...message, attachments: undefined, text: message.text ? `${message.text}\n\n${note}` : note };
    }
    await this.sendPrivateParts(place, renderShared(shown), Date.now() + MAX_REPLY_DELAY_MS);
    if (message.image) await this.chartToDirect(place, message.image);
  }

  /** Resolves to the first message's ts, unless it waits out a rate limit or could not be posted. */
  private async sendPublic(place: ReplyPlace, message: OutboundMessage): Promise<string | undefined> {
    return this.sendPublicParts(
      place,
      renderShared(message),
      { attachments: message.attachments ?? [], image: message.image },
      Date.now() + MAX_REPLY_DELAY_MS,
    );
  }

  private async sendPublicParts(
    place: ReplyPlace,
    posts: readonly SlackPost[],
    files: { attachments: Attachment[]; image?: ChartImage },
    deadline: number,
  ): Promise<string | undefined> {
    let first: string | undefined;
    try {
      for (const [i, p] of posts.entries()) {
        try {
          const ts = await postMessage(this.host.api, place, p, undefined, 0);
          if (i === 0) first = ts;
        } catch (err) {
          const resend = async (d: number) => {
            await this.sendPublicParts(place, posts.slice(i), files, d);
          };
          if (this.retryLater(err, place, deadline, resend)) return first;
          throw err;
        }
      }
      if (files.attachments.length)
        await this.host.upload(place.team, place.channel, files.attachments, place.threadTs);
      if (files.image) await this.host.charts.share(place.team, place.channel, files.image, place.threadTs);
      return first;
    } catch (err) {
      // A slash command works in channels the bot has not joined; tell the person why nothing appeared.
      if (err instanceof PlatformError && err.kind === 'channel_unavailable' && place.responseUrl) {
        this.host.logger.warn({ err, channel: place.channel }, 'public reply refused; told the user privately');
        await this.respond(place.responseUrl, { text: NOT_IN_CHANNEL_HINT, blocks: [] });
        return undefined;
      }
      throw err;
    }
  }

  /** Ephemeral messages cannot carry files: a private reply's chart follows it in a direct message. */
  private async chartToDirect(place: ReplyPlace, image: ChartImage): Promise<void> {
    let dm: string;
    try {
      dm = parseRef(await this.host.openDirect(`${PLATFORM}:${place.team}`, place.userId)).channel;
    } catch (err) {
      this.host.logger.warn(
        { err, user: place.userId },
        'could not open a direct message for a chart; the text went alone',
      );
      return;
    }
    await this.host.charts.share(place.team, dm, image, undefined, `${image.title} (from the summary you asked for)`);
  }

  private async sendPrivateParts(place: ReplyPlace, posts: readonly SlackPost[], deadline: number): Promise<void> {
    for (const [i, p] of posts.entries()) {
      if (i === 0 && place.inline && !place.threadTs) {
        if (await place.inline.reply(inlineBody(p))) continue;
        // too late for the acknowledgement: the reply follows it through response_url
        await place.inline.acknowledged;
      }
      if (place.responseUrl && !place.threadTs) {
        try {
          await this.respond(place.responseUrl, p, i === 0 && place.replaceOriginal);
          continue;
        } catch (err) {
          this.host.logger.warn({ err }, 'response_url refused a reply; sending it as an ephemeral message');
        }
      }
      try {
        await this.host.api.call(
          place.team,
          'chat.postEphemeral',
          {
            channel: place.channel,
            user: place.userId,
            text: p.text,
            blocks: p.blocks,
            ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
          },
          place.channel,
          { maxRateLimitWaitMs: 0 },
        );
      } catch (err) {
        if (err instanceof PlatformError && err.kind === 'channel_unavailable' && place.responseUrl) {
          await this.respond(place.responseUrl, p);
          continue;
        }
        // Only the first part may replace the message it answers; later parts append.
        const rest = posts.slice(i);
        const resumed = i === 0 ? place : { ...place, replaceOriginal: false };
        if (this.retryLater(err, place, deadline, (d) => this.sendPrivateParts(resumed, rest, d))) return;
        throw err;
      }
    }
  }

  /**
   * A reply Slack rate-limited is sent again once the limit passes, if that is before
   * `deadline`: feedback on an answer must not be lost to a busy minute. The wait runs
   * outside the work queue, so it holds up no other payload, in this workspace or any
   * other. Returns false (the caller throws) for any other error or a longer limit.
   */
  private retryLater(
    err: unknown,
    place: ReplyPlace,
    deadline: number,
    resend: (deadline: number) => Promise<void>,
  ): boolean {
    if (!(err instanceof PlatformError) || err.kind !== 'rate_limited') return false;
    const wait = err.retryAfterMs ?? 1000;
    if (Date.now() + wait > deadline) return false;
    const log = this.host.logger;
    log.info({ channel: place.channel, user: place.userId, waitMs: wait }, 'reply rate-limited; sending it later');
    const job = this.host
      .sleep(wait)
      .then(() => {
        // stopped meanwhile: the database may be closed, and the reply was said to be lost
        if (this.host.stopped) return;
        return resend(deadline);
      })
      .catch((e) =>
        log.error({ err: e, channel: place.channel, user: place.userId }, 'a rate-limited reply was not delivered'),
      )
      .finally(() => this.later.delete(job));
    this.later.add(job);
    return true;
  }

  /** Answers through a response_url (slash commands, buttons): ephemeral to the user. */
  private async respond(url: string, p: SlackPost, replaceOriginal = false): Promise<void> {
    let status: number;
    try {
      status = await postJson(
        url,
        { response_type: 'ephemeral', replace_original: replaceOriginal, text: p.text, blocks: p.blocks },
        10_000,
      );
    } catch (err) {
      throw new PlatformError(
        'other',
        'response_url_unreachable',
        `Could not reach Slack's response_url: ${(err as Error).message}`,
      );
    }
    if (status < 200 || status >= 300) {
      throw new PlatformError('other', `response_url_${status}`, `Slack's response_url answered HTTP ${status}`);
    }
  }
}
