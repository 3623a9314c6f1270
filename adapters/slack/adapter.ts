// The Slack adapter: starts Bolt in the configured mode, turns Slack payloads into
// neutral events (listeners.ts), and carries the core's messages back out as posts,
// ephemeral replies, reactions, modals and the App Home tab.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { PlatformError } from '../../src/chat/errors';
import type { CommandDef } from '../../src/chat/registry';
import type {
  Adapter,
  Attachment,
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
import { DatabaseInstallationStore } from './installations';
import type { ListenerHost } from './listener-host';
import { registerListeners } from './listeners';
import { POST_METADATA_TYPE, postMessage } from './posts';
import { channelRef, messageRef, PLATFORM, parseRef, teamOf } from './refs';
import { renderHome, renderPosts } from './render';
import { type ReplyHost, SlackReplies } from './replies';
import type { ReplyPlace } from './reply-place';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import { type BoltSetup, createBolt, webClients } from './setup';
import { type BotIdentity, startError, whoAmI } from './startup';
import type { Suggest } from './suggest';
import { type Start, WorkQueue } from './work-queue';

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
  /** A registered command by name: the forms `form:<command>` buttons open (modals) are built from it. */
  command?: (name: string) => CommandDef<any, any> | undefined;
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

/** How long shutdown waits for replies still waiting out a rate limit. */
const SHUTDOWN_GRACE_MS = 10_000;

export class SlackAdapter implements Adapter, ListenerHost, ReplyHost {
  readonly platform = PLATFORM;
  private bolt?: BoltSetup;
  private server?: Server;
  private handler?: EventHandler;
  private readonly work: WorkQueue;
  private readonly log: Logger;
  readonly installations?: DatabaseInstallationStore;
  private singleBot?: BotIdentity;
  private apiClient?: SlackApi;
  private authorCache?: AuthorCache;
  readonly sleep: (ms: number) => Promise<void>;
  /** Set when stop() has given up on replies still waiting out a rate limit. */
  stopped = false;
  readonly charts: SlackCharts;
  private readonly replies: SlackReplies;

  constructor(private readonly options: SlackAdapterOptions) {
    this.log = options.logger.child({ platform: PLATFORM });
    // unref'd: a reply waiting out a long rate limit must not keep a stopped process alive
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    this.work = new WorkQueue(options.concurrency ?? 8, (err) =>
      this.log.error({ err }, 'handling a Slack payload failed'),
    );
    this.charts = new SlackCharts(() => this.api, this.log, options.chartUploadTimeoutMs);
    this.replies = new SlackReplies(this);
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

  /** Command forms open as modals when the adapter knows the commands. */
  get opensForms(): boolean {
    return Boolean(this.options.command);
  }

  commandDef(name: string): CommandDef<any, any> | undefined {
    return this.options.command?.(name);
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
      this.singleBot = await whoAmI(clients.retrying, token);
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
        { replies: this.replies.waiting },
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
    while (this.replies.waiting) {
      await this.replies.settle();
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

  // ---- outbound ------------------------------------------------------------------

  async post(to: Ref, message: OutboundMessage): Promise<PostResult> {
    const { team, channel, ts } = parseRef(to);
    const posts = renderPosts(message);
    let first: string | undefined;
    for (const [i, p] of posts.entries()) {
      const res = await postMessage(
        this.api,
        { team, channel, threadTs: ts },
        p,
        i === 0 ? message.idempotencyKey : undefined,
      );
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
    await this.replies.sendPrivate({ team, channel, userId, threadTs: ts }, message);
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
    const [p, ...more] = renderPosts(message);
    if (!p) return;
    // one message cannot become two: the caller sends the longer text anew
    if (more.length)
      throw new PlatformError('other', 'too_long_to_edit', `the new text needs ${more.length + 1} Slack messages`);
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
  replier(place: ReplyPlace): (message: OutboundMessage, options?: ReplyOptions) => Promise<Ref | undefined> {
    return this.replies.replier(place);
  }

  async upload(team: string, channel: string, files: Attachment[], threadTs?: string): Promise<void> {
    await this.api.upload(team, channel, files, undefined, threadTs);
  }
}
