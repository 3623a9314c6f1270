// The Slack adapter: starts Bolt in the configured mode, turns Slack payloads into
// neutral events (listeners.ts), and carries the core's messages back out as posts,
// ephemeral replies, reactions, modals and the App Home tab.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { webApi } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { PlatformError } from '../../src/chat/errors';
import type { CommandDef } from '../../src/chat/registry';
import type {
  Adapter,
  Attachment,
  ChartImage,
  EventHandler,
  InboundEvent,
  OutboundMessage,
  PostResult,
  Ref,
  ReplyOptions,
  WorkspaceId,
} from '../../src/chat/types';
import type { Config } from '../../src/config';
import type { Database } from '../../src/db/schema';
import { SlackApi, type TokenSource } from './api';
import { AuthorCache } from './authors';
import { SlackCharts } from './charts';
import { toPlatformError } from './errors';
import { DatabaseInstallationStore } from './installations';
import { type ListenerHost, registerListeners } from './listeners';
import { channelRef, messageRef, PLATFORM, parseRef, teamOf } from './refs';
import { renderHome, renderPosts, type SlackPost } from './render';
import type { ReplyPlace } from './reply-place';
import { postJson } from './response-url';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import { type BoltSetup, createBolt, webClients } from './setup';
import type { Suggest } from './suggest';
import { type Start, WorkQueue } from './work-queue';

const POST_METADATA_TYPE = 'starling_post';

export interface SlackAdapterOptions {
  config: Config;
  logger: Logger;
  db: Kysely<Database>;
  /** The member's summary for the App Home tab. */
  homeView?: (workspace: WorkspaceId, userId: string) => Promise<OutboundMessage>;
  /** Typeahead options for modal selects (`block_suggestion`), from the core's autocomplete. */
  suggest?: Suggest;
  /** The command registry's commands, for the manifest and help. */
  commands?: CommandDef<any, any>[];
  /**
   * Web API retries for connection failures and 5xx (tests pass `{ retries: 0 }`);
   * posts are re-sent only when the connection was refused (see Resend in api.ts).
   */
  retryConfig?: RetryOptions;
  /** HTTP mode port (0 picks a free one); defaults to PORT. */
  port?: number;
  /** HTTP mode: how long a request may go unacknowledged before Slack gets a 404. */
  ackTimeoutMs?: number;
  /** Longest 429 Retry-After the adapter waits out itself before giving the error to the core. */
  maxRateLimitWaitMs?: number;
  /** Payloads handled at once after their ack (default 8); the rest wait in order. */
  concurrency?: number;
  /** Waits out retries and rate limits (tests pass one that returns at once). */
  sleep?: (ms: number) => Promise<void>;
  /** The longest a chart upload may take before the reply goes on without it. */
  chartUploadTimeoutMs?: number;
}

/**
 * The longest a rate-limited reply is held back and then sent. Feedback a few minutes late
 * is still the member's feedback; past this, Slack is refusing the workspace for so long
 * that the reply is given up (logged as not delivered).
 */
const MAX_REPLY_DELAY_MS = 15 * 60_000;
/** How long shutdown waits for replies still waiting out a rate limit. */
const SHUTDOWN_GRACE_MS = 10_000;

const NOT_IN_CHANNEL_HINT = "I can't post in this channel yet. Invite me with `/invite @Starling`, then try again.";

/** Why the receiver could not start, in terms of the setting to fix. */
function startError(err: unknown, mode: 'socket' | 'http', port: number): Error {
  const code = (err as { code?: string; data?: { error?: string } }).data?.error ?? (err as { code?: string }).code;
  if (mode === 'socket') {
    return new Error(
      code === 'invalid_auth' || code === 'not_authed'
        ? `Slack did not accept SLACK_APP_TOKEN (${code}): create an app-level token with the connections:write scope (Basic Information > App-Level Tokens) and restart.`
        : `Slack Socket Mode did not connect (${code ?? (err as Error).message}). Check that Socket Mode is enabled for the app and SLACK_APP_TOKEN is its app-level token.`,
      { cause: err },
    );
  }
  if (code === 'EADDRINUSE') {
    return new Error(`Port ${port} is already in use: set PORT to a free port, or stop whatever listens there.`, {
      cause: err,
    });
  }
  if (code === 'EACCES')
    return new Error(`Port ${port} needs privileges: use a port above 1023 (PORT).`, { cause: err });
  return new Error(`The Slack HTTP receiver did not start on port ${port}: ${(err as Error).message}`, { cause: err });
}

export class SlackAdapter implements Adapter, ListenerHost {
  readonly platform = PLATFORM;
  private bolt?: BoltSetup;
  private server?: Server;
  private handler?: EventHandler;
  private readonly work: WorkQueue;
  private readonly log: Logger;
  readonly installations?: DatabaseInstallationStore;
  private singleBot?: { userId: string; id?: string; team?: string };
  private apiClient?: SlackApi;
  private authorCache?: AuthorCache;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Replies waiting out a rate limit, outside the work queue. */
  private readonly later = new Set<Promise<void>>();
  /** Set when stop() has given up on replies still waiting out a rate limit. */
  private stopped = false;
  private readonly charts: SlackCharts;

  constructor(private readonly options: SlackAdapterOptions) {
    this.log = options.logger.child({ platform: PLATFORM });
    // unref'd: a reply waiting out a long rate limit must not keep a stopped process alive
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    this.work = new WorkQueue(options.concurrency ?? 8, (err) =>
      this.log.error({ err }, 'handling a Slack payload failed'),
    );
    this.charts = new SlackCharts(() => this.api, this.log, options.chartUploadTimeoutMs);
    const c = options.config;
    if (c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET) {
      this.installations = new DatabaseInstallationStore(options.db);
    }
  }

  /** HTTP mode: the port the receiver listens on, once started. */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  get mode(): 'socket' | 'http' {
    return this.options.config.SLACK_APP_TOKEN ? 'socket' : 'http';
  }

  get api(): SlackApi {
    if (!this.apiClient) throw new Error('the Slack adapter is not started');
    return this.apiClient;
  }

  get authors(): AuthorCache {
    if (!this.authorCache) throw new Error('the Slack adapter is not started');
    return this.authorCache;
  }

  get homeView() {
    return this.options.homeView;
  }

  get suggest(): Suggest | undefined {
    return this.options.suggest;
  }

  get db(): Kysely<Database> {
    return this.options.db;
  }

  get logger(): Logger {
    return this.log;
  }

  /** The bot's own user id in a single-workspace install (OAuth installs learn it per event). */
  get botUserId(): string | undefined {
    return this.singleBot?.userId;
  }

  async start(onEvent: EventHandler): Promise<void> {
    this.stopped = false;
    if (this.bolt) throw new Error('the Slack adapter is already started');
    const { config } = this.options;
    const retryConfig = this.options.retryConfig ?? DEFAULT_RETRY;
    const clients = webClients({ config, logger: this.log, retryConfig });
    let tokens: TokenSource;
    if (this.installations) {
      const store = this.installations;
      tokens = (team) => store.botToken(team);
    } else {
      const token = config.SLACK_BOT_TOKEN;
      if (!token)
        throw new Error('Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID/SECRET/STATE_SECRET for many workspaces');
      this.singleBot = await this.whoAmI(clients.retrying, token);
      tokens = async () => token;
    }
    this.apiClient = new SlackApi({
      ...clients,
      retry: retryConfig,
      tokens,
      logger: this.log,
      maxRateLimitWaitMs: this.options.maxRateLimitWaitMs,
      sleep: this.sleep,
    });
    this.authorCache = new AuthorCache(this.apiClient, this.log);
    this.handler = onEvent;

    const bolt = createBolt({
      config,
      logger: this.log,
      installations: this.installations,
      retryConfig,
      port: this.options.port ?? config.PORT,
      bot: this.singleBot,
      ackTimeoutMs: this.options.ackTimeoutMs,
    });
    registerListeners(bolt.app, this);
    try {
      if (bolt.mode === 'http') {
        const port = this.options.port ?? config.PORT;
        this.server = (await bolt.app.start(port)) as Server;
        this.log.info(
          { port: this.port, oauth: Boolean(this.installations) },
          'Slack HTTP receiver listening on /slack/events',
        );
      } else {
        await bolt.app.start();
        this.log.info({ oauth: Boolean(this.installations) }, 'Slack Socket Mode connected');
      }
    } catch (err) {
      this.handler = undefined;
      throw startError(err, bolt.mode, this.options.port ?? config.PORT);
    }
    this.bolt = bolt;
  }

  async stop(): Promise<void> {
    const bolt = this.bolt;
    if (!bolt) return;
    this.bolt = undefined;
    if (bolt.mode === 'socket') {
      const receiver = bolt.receiver as import('@slack/bolt').SocketModeReceiver;
      // Bolt's stop() returns before the socket is closed; wait for it, or Node lingers.
      await receiver.client.disconnect();
      await bolt.app.stop();
    } else {
      await bolt.app.stop();
      this.server = undefined;
    }
    await this.work.idle();
    // replies waiting out a long rate limit are given a short grace, not the whole wait
    const grace = new Promise<'late'>((r) => setTimeout(() => r('late'), SHUTDOWN_GRACE_MS).unref());
    if ((await Promise.race([this.idle().then(() => 'done' as const), grace])) === 'late') {
      this.log.warn(
        { replies: this.later.size },
        'shutting down with rate-limited replies not yet sent; they are lost',
      );
    }
    this.stopped = true;
    this.handler = undefined;
  }

  /**
   * Resolves once every event received so far has been handled and its replies sent,
   * including replies waiting out a rate limit (tests, graceful shutdown).
   */
  async idle(): Promise<void> {
    await this.work.idle();
    while (this.later.size) {
      await Promise.allSettled([...this.later]);
      await this.work.idle();
    }
  }

  /** Runs the work for an inbound payload after its ack, in the work queue. */
  track(work: () => Promise<void>, start: Start = 'queued'): Promise<void> {
    return this.work.run(work, start);
  }

  /** Hands a neutral event to the core. */
  async deliver(event: InboundEvent): Promise<void> {
    await this.handler?.(event);
  }

  private async whoAmI(
    client: webApi.WebClient,
    token: string,
  ): Promise<{ userId: string; id?: string; team?: string }> {
    try {
      const res = (await client.auth.test({ token })) as { user_id?: string; bot_id?: string; team_id?: string };
      if (!res.user_id) throw new Error('auth.test returned no user id');
      return { userId: res.user_id, id: res.bot_id, team: res.team_id };
    } catch (err) {
      const e = toPlatformError(err, 'auth.test');
      if (e.code === 'request_failed' || e.code.startsWith('http_')) {
        throw new Error(
          `Could not reach Slack to check SLACK_BOT_TOKEN (${e.message}). Check the network, or SLACK_API_URL if you set it, and restart.`,
        );
      }
      throw new Error(
        `Slack did not accept SLACK_BOT_TOKEN (${e.code}): copy the Bot User OAuth Token from your app's OAuth & Permissions page and restart. ${e.message}`,
      );
    }
  }

  // ---- outbound ------------------------------------------------------------------

  async post(to: Ref, message: OutboundMessage): Promise<PostResult> {
    const { team, channel, ts } = parseRef(to);
    const posts = renderPosts(message);
    let first: string | undefined;
    for (const [i, p] of posts.entries()) {
      const res = await this.postMessage(team, channel, p, ts, i === 0 ? message.idempotencyKey : undefined);
      first ??= res;
    }
    if (message.attachments?.length) await this.upload(team, channel, message.attachments, ts);
    if (message.image) await this.charts.share(team, channel, message.image, ts);
    if (!first) throw new PlatformError('other', 'no_ts', `Slack did not return the posted message in ${channel}`);
    const ref = messageRef(team, channel, first);
    return { ref, threadRef: ts ? to : ref };
  }

  async postPrivate(to: Ref, userId: string, message: OutboundMessage): Promise<void> {
    const { team, channel, ts } = parseRef(to);
    await this.sendPrivate({ team, channel, userId, threadTs: ts }, message);
  }

  async openDirect(workspace: WorkspaceId, userId: string): Promise<Ref> {
    const team = teamOf(workspace);
    const res = await this.api.call<{ channel?: { id?: string } }>(
      team,
      'conversations.open',
      { users: userId },
      userId,
    );
    const id = res.channel?.id;
    if (!id) throw new PlatformError('user_unreachable', 'no_channel', `Slack opened no direct message with ${userId}`);
    return channelRef(team, id);
  }

  async edit(ref: Ref, message: OutboundMessage): Promise<void> {
    const { team, channel, ts } = parseRef(ref);
    if (!ts) throw new Error(`edit needs a message ref, not the channel ${ref}`);
    const [p] = renderPosts(message);
    if (!p) return;
    await this.api.call(team, 'chat.update', { channel, ts, text: p.text, blocks: p.blocks }, channel);
  }

  async react(ref: Ref, emoji: string): Promise<void> {
    const { team, channel, ts } = parseRef(ref);
    if (!ts) throw new Error(`react needs a message ref, not the channel ${ref}`);
    try {
      await this.api.call(team, 'reactions.add', { channel, timestamp: ts, name: emoji }, channel);
    } catch (err) {
      if (err instanceof PlatformError && err.code === 'already_reacted') return;
      throw err;
    }
  }

  async unreact(ref: Ref, emoji: string): Promise<void> {
    const { team, channel, ts } = parseRef(ref);
    if (!ts) throw new Error(`unreact needs a message ref, not the channel ${ref}`);
    try {
      await this.api.call(team, 'reactions.remove', { channel, timestamp: ts, name: emoji }, channel);
    } catch (err) {
      if (err instanceof PlatformError && err.code === 'no_reaction') return;
      throw err;
    }
  }

  async findPosted(to: Ref, idempotencyKey: string): Promise<PostResult | undefined> {
    const { team, channel, ts } = parseRef(to);
    type History = {
      messages?: { ts?: string; metadata?: { event_type?: string; event_payload?: { key?: unknown } } }[];
    };
    // Recent messages are enough: a re-post is only considered within the catch-up window.
    const res = ts
      ? await this.api.call<History>(
          team,
          'conversations.replies',
          { channel, ts, limit: 200, include_all_metadata: true },
          channel,
        )
      : await this.api.call<History>(
          team,
          'conversations.history',
          { channel, limit: 100, include_all_metadata: true },
          channel,
        );
    const hit = (res.messages ?? []).find(
      (m) => m.metadata?.event_type === POST_METADATA_TYPE && m.metadata.event_payload?.key === idempotencyKey && m.ts,
    );
    if (!hit?.ts) return undefined;
    const ref = messageRef(team, channel, hit.ts);
    return { ref, threadRef: ts ? to : ref };
  }

  /** Publishes a member's App Home tab. */
  async publishHome(team: string, userId: string): Promise<void> {
    const build = this.options.homeView;
    if (!build) return;
    const message = await build(`${PLATFORM}:${team}`, userId);
    const image = message.image ? await this.charts.homeBlock(team, userId, message.image) : undefined;
    const view = renderHome(message, image);
    await this.api.call(team, 'views.publish', { user_id: userId, view }, userId);
  }

  // ---- replies to inbound events ---------------------------------------------------

  /** The reply() an inbound event carries. */
  replier(place: ReplyPlace): (message: OutboundMessage, options?: ReplyOptions) => Promise<void> {
    return async (message, options = {}) => {
      const threadTs =
        options.inThread === false ? undefined : (place.threadTs ?? (options.inThread ? place.messageTs : undefined));
      const where = { ...place, threadTs };
      if (options.private) await this.sendPrivate(where, message);
      else await this.sendPublic(where, message);
    };
  }

  private async postMessage(
    team: string,
    channel: string,
    p: SlackPost,
    threadTs?: string,
    key?: string,
    maxRateLimitWaitMs?: number,
  ): Promise<string | undefined> {
    const res = await this.api.call<{ ts?: string }>(
      team,
      'chat.postMessage',
      {
        channel,
        text: p.text,
        blocks: p.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(key ? { metadata: { event_type: POST_METADATA_TYPE, event_payload: { key } } } : {}),
      },
      channel,
      { resend: key ? 'never' : 'unsent', maxRateLimitWaitMs },
    );
    return res.ts;
  }

  private async sendPublic(place: ReplyPlace, message: OutboundMessage): Promise<void> {
    await this.sendPublicParts(
      place,
      renderPosts(message),
      { attachments: message.attachments ?? [], image: message.image },
      Date.now() + MAX_REPLY_DELAY_MS,
    );
  }

  private async sendPublicParts(
    place: ReplyPlace,
    posts: SlackPost[],
    files: { attachments: Attachment[]; image?: ChartImage },
    deadline: number,
  ): Promise<void> {
    try {
      for (const [i, p] of posts.entries()) {
        try {
          await this.postMessage(place.team, place.channel, p, place.threadTs, undefined, 0);
        } catch (err) {
          if (this.retryLater(err, place, deadline, (d) => this.sendPublicParts(place, posts.slice(i), files, d)))
            return;
          throw err;
        }
      }
      if (files.attachments.length) await this.upload(place.team, place.channel, files.attachments, place.threadTs);
      if (files.image) await this.charts.share(place.team, place.channel, files.image, place.threadTs);
    } catch (err) {
      // A slash command works in channels the bot has not joined; tell the person why nothing appeared.
      if (err instanceof PlatformError && err.kind === 'channel_unavailable' && place.responseUrl) {
        this.log.warn({ err, channel: place.channel }, 'public reply refused; told the user privately');
        await this.respond(place.responseUrl, { text: NOT_IN_CHANNEL_HINT, blocks: [] });
        return;
      }
      throw err;
    }
  }

  private async sendPrivate(place: ReplyPlace, message: OutboundMessage): Promise<void> {
    let shown = message;
    if (message.attachments?.length) {
      // Ephemeral messages cannot carry files: the files go to a direct message.
      const dm = parseRef(await this.openDirect(`${PLATFORM}:${place.team}`, place.userId)).channel;
      await this.upload(place.team, dm, message.attachments);
      const note = 'The file is in your direct messages with me.';
      shown = { ...message, attachments: undefined, text: message.text ? `${message.text}\n\n${note}` : note };
    }
    await this.sendPrivateParts(place, renderPosts(shown), Date.now() + MAX_REPLY_DELAY_MS);
    if (message.image) await this.chartToDirect(place, message.image);
  }

  /** Ephemeral messages cannot carry files: a private reply's chart follows it in a direct message. */
  private async chartToDirect(place: ReplyPlace, image: ChartImage): Promise<void> {
    let dm: string;
    try {
      dm = parseRef(await this.openDirect(`${PLATFORM}:${place.team}`, place.userId)).channel;
    } catch (err) {
      this.log.warn({ err, user: place.userId }, 'could not open a direct message for a chart; the text went alone');
      return;
    }
    await this.charts.share(place.team, dm, image, undefined, `${image.title} (from the summary you asked for)`);
  }

  private async sendPrivateParts(place: ReplyPlace, posts: SlackPost[], deadline: number): Promise<void> {
    for (const [i, p] of posts.entries()) {
      if (i === 0 && place.inline && !place.threadTs) {
        if (await place.inline.reply({ response_type: 'ephemeral', text: p.text, blocks: p.blocks })) continue;
        // too late for the acknowledgement: the reply follows it through response_url
        await place.inline.acknowledged;
      }
      if (place.responseUrl && !place.threadTs) {
        try {
          await this.respond(place.responseUrl, p, i === 0 && place.replaceOriginal);
          continue;
        } catch (err) {
          this.log.warn({ err }, 'response_url refused a reply; sending it as an ephemeral message');
        }
      }
      try {
        await this.api.call(
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
    this.log.info({ channel: place.channel, user: place.userId, waitMs: wait }, 'reply rate-limited; sending it later');
    const job = this.sleep(wait)
      .then(() => {
        // stopped meanwhile: the database may be closed, and the reply was said to be lost
        if (this.stopped) return;
        return resend(deadline);
      })
      .catch((e) =>
        this.log.error(
          { err: e, channel: place.channel, user: place.userId },
          'a rate-limited reply was not delivered',
        ),
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

  private async upload(team: string, channel: string, files: Attachment[], threadTs?: string): Promise<void> {
    await this.api.upload(team, channel, files, undefined, threadTs);
  }
}
