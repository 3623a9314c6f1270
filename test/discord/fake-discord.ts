// A Discord that runs on 127.0.0.1: the REST routes the bot uses and a gateway that
// speaks HELLO / IDENTIFY / READY / GUILD_CREATE / heartbeats / RESUME. The real
// discord.js Client connects to it unchanged (its REST base URL is the only setting),
// so tests and the benchmark exercise the same library code production runs.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChannel,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIModalSubmitInteraction,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type ApplicationFlags,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';

/** A dispatch as the fake builds it; the session gives it its sequence number when sending. */
type Unsequenced = Pick<GatewayDispatchPayload, 'op' | 't' | 'd'>;

const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;

/** A realistic 18-19 digit snowflake that increases with time. */
export function snowflake(at = Date.now()): string {
  counter = (counter + 1n) & 0xfffn;
  return String(((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | counter);
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  files: UploadedFile[];
  auth?: string;
  status: number;
  at: number;
}

/** A file in a multipart request, as text and as the bytes sent. */
export interface UploadedFile {
  name: string;
  content: string;
  data: Buffer;
}

export interface Failure {
  method?: string;
  path: RegExp;
  status: number;
  /** Discord's JSON error code (50013, 10003...). */
  code?: number;
  message?: string;
  headers?: Record<string, string>;
  /** How many matching requests fail; then the route works again. */
  times?: number;
}

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
  /** Manage Channels in the guild. */
  admin?: boolean;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  log: { s: number; payload: Unsequenced }[];
  socket?: WebSocket;
  ready: boolean;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export interface FakeDiscordOptions {
  token?: string;
  shards?: number;
  heartbeatInterval?: number;
  /** Extra text channels besides #practice. */
  extraChannels?: string[];
  /** Refuse the privileged Message Content intent (close 4014), as for an app without it enabled. */
  disallowMessageContent?: boolean;
}

export class FakeDiscord {
  readonly token: string;
  readonly botId = snowflake();
  readonly appId = snowflake();
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly otherChannelId = snowflake();
  readonly bot: FakeUser;
  readonly users: Record<'alice' | 'bob' | 'carol' | 'helper', FakeUser>;
  /** Members added with addUser (benchmarks need many). */
  readonly extraUsers: FakeUser[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly failures: Failure[] = [];
  /** Users whose direct messages are closed (Discord answers 50007). */
  readonly dmClosed = new Set<string>();
  readonly messages = new Map<string, APIMessage[]>();
  readonly channels = new Map<string, APIChannel>();
  readonly commands = new Map<string, unknown[]>();
  readonly sessions = new Map<string, Session>();
  identifies = 0;
  resumes = 0;
  heartbeats = 0;
  /** On RESUME, also replay this many events the client already had (at-least-once delivery). */
  replayOverlap = 0;
  /** Delay every REST answer by this many ms (to exercise deferral). */
  restDelayMs = 0;
  /** Requests carrying files are refused (413, as for a file over the size limit) this many more times. */
  refuseFiles = 0;
  /** The fake's clock: members' snowflakes and the nonce window follow it, for tests with a fixed clock. */
  now: () => number = Date.now;
  /**
   * How long a nonce sent with `enforce_nonce` dedupes a post. Discord checks "the
   * past few minutes" and keeps no nonce in message history, so nothing may rely on
   * it for longer than a quick retry.
   */
  nonceWindowMs = 3 * 60_000;

  private server?: Server;
  private wss?: WebSocketServer;
  private readonly shardCount: number;
  private readonly heartbeatInterval: number;
  private readonly waiters = new Set<() => void>();
  private readonly dmChannels = new Map<string, string>();
  private readonly interactionTokens = new Map<string, string>();
  /** `channel:nonce` -> the message it made and when, for enforce_nonce. */
  private readonly nonces = new Map<string, { messageId: string; at: number }>();

  constructor(private readonly options: FakeDiscordOptions = {}) {
    this.token = options.token ?? 'MTAwMDAwMDAwMDAwMDAwMDAx.GfakeA.fake-bot-token-for-loopback-tests';
    this.shardCount = options.shards ?? 1;
    this.heartbeatInterval = options.heartbeatInterval ?? 41_250;
    this.bot = { id: this.botId, username: 'Starling', bot: true };
    this.users = {
      alice: { id: snowflake(), username: 'alice' },
      bob: { id: snowflake(), username: 'bob' },
      carol: { id: snowflake(), username: 'carol', admin: true },
      helper: { id: snowflake(), username: 'helperbot', bot: true },
    };
    this.channels.set(this.channelId, this.textChannel(this.channelId, 'practice'));
    this.channels.set(this.otherChannelId, this.textChannel(this.otherChannelId, 'general'));
    for (const name of options.extraChannels ?? []) {
      const id = snowflake();
      this.channels.set(id, this.textChannel(id, name));
    }
  }

  get port(): number {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('fake Discord is not started');
    return address.port;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handleHttp(req, res).catch((err) => json(res, 500, { message: String(err), code: 0 }));
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onGateway(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()) ?? resolve());
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  // ---------------------------------------------------------------- waiting

  /** Resolves with the first request from index `from` on that matches. */
  async waitForRequest(match: (r: RecordedRequest) => boolean, from = 0, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitUntil(() => this.requests.slice(from).find(match), timeoutMs, 'a matching request');
  }

  /** Resolves once `check` returns a value (re-checked after every request and gateway message). */
  async waitUntil<T>(check: () => T | undefined | false, timeoutMs = 5000, what = 'a condition'): Promise<T> {
    const now = check();
    if (now) return now;
    return new Promise<T>((resolve, reject) => {
      // Re-checked on every request and gateway message, and every few ms for state
      // that changes elsewhere (the bot's handler).
      const ticker = setInterval(() => poll(), 5);
      const timer = setTimeout(() => {
        clearInterval(ticker);
        this.waiters.delete(poll);
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const poll = () => {
        const v = check();
        if (v) {
          clearTimeout(timer);
          clearInterval(ticker);
          this.waiters.delete(poll);
          resolve(v);
        }
      };
      this.waiters.add(poll);
    });
  }

  private readonly requestListeners = new Set<(r: RecordedRequest) => void>();

  /** Calls `fn` with every request as it is answered; returns the unsubscribe function. */
  onRequest(fn: (r: RecordedRequest) => void): () => void {
    this.requestListeners.add(fn);
    return () => this.requestListeners.delete(fn);
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Requests to one route, as `METHOD /path` with the path under /api/v10. */
  calls(method: string, path: RegExp, from = 0): RecordedRequest[] {
    return this.requests.slice(from).filter((r) => r.method === method && path.test(r.path));
  }

  // ---------------------------------------------------------------- entities

  /** The direct-message channel the bot opened with a user, if any. */
  dmChannelFor(userId: string): string | undefined {
    return this.dmChannels.get(userId);
  }

  addUser(username: string): FakeUser {
    const user = { id: snowflake(), username };
    this.extraUsers.push(user);
    return user;
  }

  textChannel(id: string, name: string): APITextChannel {
    return {
      id,
      type: ChannelType.GuildText,
      guild_id: this.guildId,
      name,
      position: this.channels.size,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 1440,
      flags: 0,
    } as unknown as APITextChannel;
  }

  apiUser(u: FakeUser): APIUser {
    return {
      id: u.id,
      username: u.username,
      discriminator: '0',
      global_name: u.username[0]?.toUpperCase() + u.username.slice(1),
      avatar: null,
      ...(u.bot ? { bot: true } : {}),
    };
  }

  member(u: FakeUser): APIGuildMember {
    return {
      user: this.apiUser(u),
      nick: null,
      roles: u.admin ? [this.adminRoleId] : [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    } as unknown as APIGuildMember;
  }

  readonly adminRoleId = snowflake();

  private roles(): APIRole[] {
    const base = {
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
      icon: null,
      unicode_emoji: null,
    };
    const everyone =
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.SendMessagesInThreads |
      PermissionFlagsBits.ReadMessageHistory |
      PermissionFlagsBits.AddReactions |
      PermissionFlagsBits.UseApplicationCommands;
    return [
      { ...base, id: this.guildId, name: '@everyone', position: 0, permissions: String(everyone) },
      {
        ...base,
        id: this.adminRoleId,
        name: 'organisers',
        position: 1,
        permissions: String(everyone | PermissionFlagsBits.ManageChannels),
      },
    ] as APIRole[];
  }

  private permissionsOf(u: FakeUser): string {
    const roles = this.roles();
    let p = BigInt(roles[0]?.permissions ?? '0');
    if (u.admin) p |= BigInt(roles[1]?.permissions ?? '0');
    return String(p);
  }

  private guildCreate() {
    const channels = [...this.channels.values()].filter((c) => c.type === ChannelType.GuildText);
    const threads = [...this.channels.values()].filter((c) => c.type === ChannelType.PublicThread);
    return {
      id: this.guildId,
      name: 'Interview Prep',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.users.carol.id,
      afk_channel_id: null,
      afk_timeout: 300 as const,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: this.roles(),
      emojis: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: GuildPremiumTier.None,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      stickers: [],
      incidents_data: null,
      joined_at: new Date(0).toISOString(),
      large: false,
      unavailable: false,
      member_count: 5,
      voice_states: [],
      members: [this.member(this.bot), ...Object.values(this.users).map((u) => this.member(u))],
      channels,
      threads,
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** The shard a guild lives on, by Discord's formula. */
  shardOf(guildId: string): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shardCount));
  }

  // ---------------------------------------------------------------- gateway

  private send(socket: WebSocket | undefined, payload: unknown): void {
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  private onGateway(socket: WebSocket): void {
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatInterval } });
    socket.on('message', (data) => {
      let msg: { op: number; d: any };
      try {
        msg = JSON.parse(String(data));
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      switch (msg.op) {
        case GatewayOpcodes.Heartbeat:
          this.heartbeats += 1;
          this.send(socket, { op: GatewayOpcodes.HeartbeatAck });
          break;
        case GatewayOpcodes.Identify:
          this.identify(socket, msg.d);
          break;
        case GatewayOpcodes.Resume:
          this.resume(socket, msg.d);
          break;
        default:
          break;
      }
      this.notify();
    });
    socket.on('close', () => {
      for (const s of this.sessions.values()) if (s.socket === socket) s.socket = undefined;
      this.notify();
    });
  }

  private identify(socket: WebSocket, d: { token: string; shard?: [number, number]; intents: number }): void {
    if (d.token !== this.token) {
      socket.close(4004, 'Authentication failed');
      return;
    }
    if (this.options.disallowMessageContent && (d.intents & GatewayIntentBits.MessageContent) !== 0) {
      socket.close(4014, 'Disallowed intent(s).');
      return;
    }
    this.identifies += 1;
    const shard = d.shard ?? [0, 1];
    // A new IDENTIFY on a shard replaces that shard's old session.
    for (const [id, s] of this.sessions) if (s.shard[0] === shard[0]) this.sessions.delete(id);
    const session: Session = { id: randomBytes(8).toString('hex'), shard, seq: 0, log: [], socket, ready: false };
    this.sessions.set(session.id, session);
    const mine = this.shardOf(this.guildId) === shard[0];
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.apiUser(this.bot),
      guilds: mine ? [{ id: this.guildId, unavailable: true }] : [],
      session_id: session.id,
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      shard,
      application: { id: this.appId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    session.seq += 1;
    this.send(socket, { op: 0, t: 'READY', s: session.seq, d: ready });
    session.ready = true;
    if (mine) this.toSession(session, { op: 0, t: GatewayDispatchEvents.GuildCreate, d: this.guildCreate() }, false);
  }

  private resume(socket: WebSocket, d: { token: string; session_id: string; seq: number }): void {
    const session = this.sessions.get(d.session_id);
    if (!session || d.token !== this.token) {
      this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    this.resumes += 1;
    session.socket = socket;
    const from = Math.max(0, d.seq - this.replayOverlap);
    for (const entry of session.log) if (entry.s > from) this.send(socket, { ...entry.payload, s: entry.s });
    this.send(socket, { op: 0, t: 'RESUMED', s: session.seq, d: {} });
  }

  private toSession(session: Session, payload: Unsequenced, log = true): number {
    session.seq += 1;
    if (log) session.log.push({ s: session.seq, payload });
    this.send(session.socket, { ...payload, s: session.seq });
    return session.seq;
  }

  private sessionFor(guildId: string | undefined): Session | undefined {
    const shard = guildId ? this.shardOf(guildId) : 0;
    return [...this.sessions.values()].find((s) => s.shard[0] === shard);
  }

  /** Sends a dispatch to the shard that owns the guild; kept for replay on resume. */
  dispatch<T extends GatewayDispatchPayload['t']>(
    t: T,
    d: Extract<GatewayDispatchPayload, { t: T }>['d'],
    guildId: string | undefined = this.guildId,
  ): number {
    const session = this.sessionFor(guildId);
    if (!session) throw new Error('fake Discord: no gateway session for that guild (is the client connected?)');
    return this.toSession(session, { op: 0, t, d });
  }

  /** Sends anything as a dispatch, typed or not (malformed payloads). */
  dispatchRaw(t: string, d: unknown): number {
    const session = this.sessionFor(this.guildId);
    if (!session) throw new Error('fake Discord: no gateway session');
    return this.toSession(session, { op: 0, t, d } as Unsequenced);
  }

  /** Drops every gateway connection as a network failure would; the session stays resumable. */
  dropConnections(code = 4000): void {
    for (const s of this.sessions.values()) {
      s.socket?.close(code, 'fake network failure');
      s.socket = undefined;
    }
  }

  /** True while every session has an open socket. */
  get connected(): boolean {
    return this.sessions.size > 0 && [...this.sessions.values()].every((s) => s.socket?.readyState === 1);
  }

  // ---------------------------------------------------------------- payload builders

  /** A member's message as MESSAGE_CREATE would carry it. */
  userMessage(
    author: FakeUser,
    channelId: string,
    content: string,
    id = snowflake(this.now()),
  ): APIMessage & { guild_id: string; member: Omit<APIGuildMember, 'user'> } {
    const { user: _user, ...member } = this.member(author);
    return {
      id,
      channel_id: channelId,
      guild_id: this.guildId,
      author: this.apiUser(author),
      member,
      content,
      timestamp: new Date(this.now()).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: MessageType.Default,
    };
  }

  /** Delivers a member's message on the gateway (and stores it like Discord would). */
  say(author: FakeUser, channelId: string, content: string): APIMessage {
    const message = this.userMessage(author, channelId, content);
    this.store(message);
    this.dispatch(GatewayDispatchEvents.MessageCreate, message);
    return message;
  }

  /** A member writes in their direct messages with the bot (opened by the bot first). */
  sayInDm(author: FakeUser, content: string): APIMessage {
    const channelId = this.dmChannels.get(author.id);
    if (!channelId) throw new Error(`the bot never opened a direct message with ${author.username}`);
    const { guild_id: _guild, member: _member, ...message } = this.userMessage(author, channelId, content);
    this.store(message);
    this.dispatch(GatewayDispatchEvents.MessageCreate, message);
    return message;
  }

  /** Members added to each private thread the bot started. */
  readonly threadMembers = new Map<string, string[]>();

  editMessage(message: APIMessage, content: string): void {
    const edited = { ...message, content, edited_timestamp: new Date().toISOString() };
    this.store(edited);
    this.dispatch(GatewayDispatchEvents.MessageUpdate, { ...edited, guild_id: this.guildId });
  }

  /** A message of the bot's is gone (the channel was cleared): fetching or editing it is a 404. */
  deleteBotMessage(channelId: string, messageId: string): void {
    const list = this.messages.get(channelId) ?? [];
    this.messages.set(
      channelId,
      list.filter((x) => x.id !== messageId),
    );
  }

  deleteMessage(message: APIMessage): void {
    this.dispatch(GatewayDispatchEvents.MessageDelete, {
      id: message.id,
      channel_id: message.channel_id,
      guild_id: this.guildId,
    });
  }

  react(user: FakeUser, message: APIMessage, emoji: string, added = true): void {
    const base = {
      user_id: user.id,
      channel_id: message.channel_id,
      message_id: message.id,
      guild_id: this.guildId,
      emoji: { id: null, name: emoji },
    };
    if (added) {
      this.dispatch(GatewayDispatchEvents.MessageReactionAdd, {
        ...base,
        member: this.member(user),
        burst: false,
        type: 0,
        message_author_id: message.author.id,
      });
    } else {
      this.dispatch(GatewayDispatchEvents.MessageReactionRemove, { ...base, burst: false, type: 0 });
    }
  }

  /** A thread some member started (not the bot). */
  memberThread(owner: FakeUser, parentId = this.channelId): string {
    const id = snowflake();
    const thread = {
      id,
      type: ChannelType.PublicThread,
      guild_id: this.guildId,
      parent_id: parentId,
      owner_id: owner.id,
      name: 'chat',
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
    } as unknown as APIThreadChannel;
    this.channels.set(id, thread as APIChannel);
    this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...(thread as APIThreadChannel), newly_created: true });
    return id;
  }

  private interactionBase(user: FakeUser, channelId: string) {
    const id = snowflake(this.now());
    const token = `itok-${randomBytes(12).toString('hex')}`;
    this.interactionTokens.set(token, id);
    const channel = this.channels.get(channelId);
    return {
      id,
      application_id: this.appId,
      token,
      version: 1 as const,
      guild_id: this.guildId,
      guild: { id: this.guildId, features: [], locale: Locale.EnglishUS },
      guild_locale: Locale.EnglishUS,
      channel_id: channelId,
      channel: channel,
      member: { ...this.member(user), permissions: this.permissionsOf(user) },
      app_permissions: String(
        PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.CreatePublicThreads,
      ),
      locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: {},
      attachment_size_limit: 8 * 1024 * 1024,
    };
  }

  /** `/prep <sub> option:value ...` as INTERACTION_CREATE. */
  command(
    user: FakeUser,
    sub: string,
    options: Record<string, string | number | boolean> = {},
    channelId = this.channelId,
  ): APIChatInputApplicationCommandInteraction {
    const typed: APIApplicationCommandInteractionDataBasicOption[] = Object.entries(options).map(([name, value]) => {
      if (typeof value === 'number') return { name, type: ApplicationCommandOptionType.Integer, value };
      if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
      if (/^<@\d+>$/.test(value)) return { name, type: ApplicationCommandOptionType.User, value: value.slice(2, -1) };
      return { name, type: ApplicationCommandOptionType.String, value };
    });
    const interaction: APIChatInputApplicationCommandInteraction = {
      ...this.interactionBase(user, channelId),
      type: InteractionType.ApplicationCommand,
      data: {
        id: this.commandId,
        name: 'prep',
        type: ApplicationCommandType.ChatInput,
        options: [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: typed }],
      },
    } as APIChatInputApplicationCommandInteraction;
    return interaction;
  }

  readonly commandId = snowflake();

  autocompleteInteraction(
    user: FakeUser,
    sub: string,
    focused: string,
    value: string,
  ): APIApplicationCommandAutocompleteInteraction {
    return {
      ...this.interactionBase(user, this.channelId),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: this.commandId,
        name: 'prep',
        type: ApplicationCommandType.ChatInput,
        options: [
          {
            name: sub,
            type: ApplicationCommandOptionType.Subcommand,
            options: [{ name: focused, type: ApplicationCommandOptionType.String, value, focused: true }],
          },
        ],
      },
    } as APIApplicationCommandAutocompleteInteraction;
  }

  button(user: FakeUser, message: APIMessage, customId: string): APIMessageComponentButtonInteraction {
    return {
      ...this.interactionBase(user, message.channel_id),
      type: InteractionType.MessageComponent,
      message,
      data: { custom_id: customId, component_type: ComponentType.Button },
    } as APIMessageComponentButtonInteraction;
  }

  modalSubmit(
    user: FakeUser,
    message: APIMessage,
    customId: string,
    values: Record<string, string>,
  ): APIModalSubmitInteraction {
    return {
      ...this.interactionBase(user, message.channel_id),
      type: InteractionType.ModalSubmit,
      message,
      data: {
        custom_id: customId,
        components: Object.entries(values).map(([id, value]) => ({
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.TextInput, custom_id: id, value }],
        })),
      },
    } as unknown as APIModalSubmitInteraction;
  }

  /** Apps > `name` on a message, as a message context menu command carries it. */
  messageMenu(user: FakeUser, message: APIMessage, name: string): APIMessageApplicationCommandInteraction {
    return {
      ...this.interactionBase(user, message.channel_id),
      type: InteractionType.ApplicationCommand,
      data: {
        id: snowflake(),
        name,
        type: ApplicationCommandType.Message,
        target_id: message.id,
        resolved: { messages: { [message.id]: message } },
      },
    } as APIMessageApplicationCommandInteraction;
  }

  /**
   * `/prep <sub>` from `/prep` installed to the member's own account, used in a direct
   * message or group DM (context 1 or 2): no guild, no member, only the user.
   */
  userInstallCommand(
    user: FakeUser,
    sub: string,
    options: Record<string, string> = {},
    context: InteractionContextType = InteractionContextType.PrivateChannel,
  ): APIChatInputApplicationCommandInteraction {
    const { guild_id: _g, guild: _guild, guild_locale: _l, member: _m, ...base } = this.command(user, sub, options);
    const channelId = snowflake();
    return {
      ...base,
      channel_id: channelId,
      channel: { id: channelId, type: context === InteractionContextType.BotDM ? ChannelType.DM : ChannelType.GroupDM },
      user: this.apiUser(user),
      context,
      authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: user.id },
    } as unknown as APIChatInputApplicationCommandInteraction;
  }

  /** Sends an interaction on the gateway and returns its id. */
  interact(interaction: APIInteraction): string {
    this.dispatch(GatewayDispatchEvents.InteractionCreate, interaction);
    return interaction.id;
  }

  /** Everything the bot sent in answer to one interaction: callbacks, edits, follow-ups. */
  responses(interactionId: string): RecordedRequest[] {
    const token = [...this.interactionTokens].find(([, id]) => id === interactionId)?.[0];
    return this.requests.filter(
      (r) =>
        r.path.startsWith(`/interactions/${interactionId}/`) ||
        (token !== undefined && r.path.includes(`/webhooks/${this.appId}/${token}`)),
    );
  }

  async waitForResponses(interactionId: string, count = 1, timeoutMs = 5000): Promise<RecordedRequest[]> {
    return this.waitUntil(
      () => {
        const r = this.responses(interactionId);
        return r.length >= count ? r : undefined;
      },
      timeoutMs,
      `${count} response(s) to interaction ${interactionId}`,
    );
  }

  /** Messages the bot posted in a channel (oldest first). */
  botMessages(channelId: string): APIMessage[] {
    return (this.messages.get(channelId) ?? []).filter((m) => m.author.id === this.botId);
  }

  // ---------------------------------------------------------------- REST

  /** A thread the bot started, as Discord answers its creation. */
  private botThread(id: string, parentId: string, body: any, type: ChannelType): APIChannel {
    return {
      id,
      type,
      guild_id: this.guildId,
      parent_id: parentId,
      owner_id: this.botId,
      name: String(body?.name ?? 'thread'),
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      thread_metadata: {
        archived: false,
        auto_archive_duration: body?.auto_archive_duration ?? 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        ...(type === ChannelType.PrivateThread ? { invitable: body?.invitable ?? true } : {}),
      },
      total_message_sent: 0,
      flags: 0,
      applied_tags: [],
    } as unknown as APIChannel;
  }

  private async readBody(req: IncomingMessage): Promise<{ body: unknown; files: UploadedFile[] }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    if (raw.length === 0) return { body: undefined, files: [] };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const files: UploadedFile[] = [];
      let body: unknown;
      for (const [key, value] of form) {
        if (key === 'payload_json') body = JSON.parse(String(value));
        else if (typeof value !== 'string') {
          const data = Buffer.from(await value.arrayBuffer());
          files.push({ name: value.name, content: data.toString('utf8'), data });
        }
      }
      return { body, files };
    }
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const { body, files } = await this.readBody(req);
    const record: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      files,
      auth: req.headers.authorization,
      status: 0,
      at: Date.now(),
    };
    if (this.restDelayMs) await new Promise((r) => setTimeout(r, this.restDelayMs));
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      this.requests.push(record);
      for (const fn of this.requestListeners) fn(record);
      if (status === 204) {
        res.writeHead(204, headers);
        res.end();
      } else json(res, status, payload, headers);
      this.notify();
    };

    const failure = this.failures.find(
      (f) => (f.times ?? 1) > 0 && (!f.method || f.method === method) && f.path.test(path),
    );
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.status === 429) {
        // Discord says how long to wait twice, in seconds: the Retry-After header and the body.
        const headers = { 'retry-after': '0.05', ...failure.headers };
        const payload = {
          message: 'You are being rate limited.',
          retry_after: Number(headers['retry-after']),
          global: 'x-ratelimit-global' in headers,
        };
        reply(429, payload, headers);
        return;
      }
      reply(failure.status, { message: failure.message ?? 'error', code: failure.code ?? 0 }, failure.headers ?? {});
      return;
    }

    if (files.length && this.refuseFiles > 0) {
      this.refuseFiles -= 1;
      reply(413, { message: 'Request entity too large', code: 40005 });
      return;
    }
    if (path.startsWith('/interactions/') || path.startsWith('/webhooks/')) {
      if (!this.handleInteractionRoute(method, path, body, reply))
        reply(404, { message: 'Unknown Webhook', code: 10015 });
      return;
    }
    if (req.headers.authorization !== `Bot ${this.token}`) {
      reply(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    this.route(method, path, url.searchParams, body, files, reply);
  }

  private handleInteractionRoute(
    method: string,
    path: string,
    body: any,
    reply: (status: number, payload?: unknown) => void,
  ): boolean {
    let m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (m && method === 'POST') {
      if (this.interactionTokens.get(m[2] ?? '') !== m[1]) return false;
      reply(204);
      return true;
    }
    m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path);
    if (m && m[1] === this.appId && this.interactionTokens.has(m[2] ?? '')) {
      const interactionId = this.interactionTokens.get(m[2] ?? '') ?? '';
      const message = this.botMessage(`ephemeral-${interactionId}`, body ?? {});
      if (method === 'DELETE') reply(204);
      else reply(200, message);
      return true;
    }
    return false;
  }

  private botMessage(channelId: string, body: any, id = snowflake()): APIMessage {
    return {
      id,
      channel_id: channelId,
      author: this.apiUser(this.bot),
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: MessageType.Default,
      flags: body.flags,
    } as APIMessage;
  }

  private store(message: APIMessage): void {
    const list = this.messages.get(message.channel_id) ?? [];
    const i = list.findIndex((m) => m.id === message.id);
    if (i >= 0) list[i] = message;
    else list.push(message);
    this.messages.set(message.channel_id, list);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: any,
    files: { name: string }[],
    reply: (status: number, payload?: unknown) => void,
  ): unknown {
    const unknownChannel = () => reply(404, { message: 'Unknown Channel', code: 10003 });
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      reply(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.shardCount,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
      return;
    }
    if (method === 'GET' && path === '/users/@me') return reply(200, this.apiUser(this.bot));
    if (method === 'GET' && path === '/applications/@me') {
      return reply(200, { id: this.appId, name: 'Starling', bot: this.apiUser(this.bot), flags: 0 });
    }
    m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (m) {
      if (m[1] !== this.appId) return reply(403, { message: 'Missing Access', code: 50001 });
      const scope = m[2] ? `guild:${m[2]}` : 'global';
      if (method === 'PUT') {
        const saved = (body as { name: string }[]).map((c) => ({
          ...c,
          id: c.name === 'prep' ? this.commandId : snowflake(),
          application_id: this.appId,
          version: snowflake(),
          ...(m?.[2] ? { guild_id: m[2] } : {}),
        }));
        this.commands.set(scope, saved);
        return reply(200, saved);
      }
      if (method === 'GET') return reply(200, this.commands.get(scope) ?? []);
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const userId = String(body?.recipient_id ?? '');
      const user = [...Object.values(this.users), ...this.extraUsers].find((u) => u.id === userId);
      if (!user) return reply(400, { message: 'Invalid Recipient(s)', code: 50033 });
      let id = this.dmChannels.get(userId);
      if (!id) {
        id = snowflake();
        this.dmChannels.set(userId, id);
        this.channels.set(id, {
          id,
          type: ChannelType.DM,
          recipients: [this.apiUser(user)],
          last_message_id: null,
          flags: 0,
        } as unknown as APIChannel);
      }
      return reply(200, this.channels.get(id));
    }
    m = /^\/channels\/(\d+)$/.exec(path);
    if (m && method === 'GET') {
      const channel = this.channels.get(m[1] ?? '');
      return channel ? reply(200, channel) : unknownChannel();
    }
    m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (m) {
      const channelId = m[1] ?? '';
      const channel = this.channels.get(channelId);
      if (!channel) return unknownChannel();
      if (method === 'GET') {
        const limit = Number(query.get('limit') ?? 50);
        const list = [...(this.messages.get(channelId) ?? [])].reverse().slice(0, limit);
        return reply(200, list);
      }
      if (method === 'POST') {
        if (channel.type === ChannelType.DM) {
          const recipient = (channel as { recipients?: APIUser[] }).recipients?.[0]?.id ?? '';
          if (this.dmClosed.has(recipient)) {
            return reply(403, { message: 'Cannot send messages to this user', code: 50007 });
          }
        }
        const content = String(body?.content ?? '');
        if (content.length > 2000) {
          return reply(400, {
            message: 'Invalid Form Body',
            code: 50035,
            errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
          });
        }
        if (!content && !body?.embeds?.length && files.length === 0 && !body?.components?.length) {
          return reply(400, { message: 'Cannot send an empty message', code: 50006 });
        }
        const nonce: string | undefined = body?.nonce === undefined ? undefined : String(body.nonce);
        if (body?.enforce_nonce && nonce !== undefined) {
          const seen = this.nonces.get(`${channelId}:${nonce}`);
          const existing =
            seen && this.now() - seen.at < this.nonceWindowMs
              ? (this.messages.get(channelId) ?? []).find((x) => x.id === seen.messageId)
              : undefined;
          if (existing) return reply(200, { ...existing, nonce });
        }
        const message = this.botMessage(channelId, body);
        if (nonce !== undefined) this.nonces.set(`${channelId}:${nonce}`, { messageId: message.id, at: this.now() });
        if ('guild_id' in channel && channel.guild_id) (message as { guild_id?: string }).guild_id = channel.guild_id;
        if (files.length) {
          (message as { attachments: unknown[] }).attachments = files.map((f, i) => ({
            id: String(i),
            filename: f.name,
            size: 1,
            url: `http://127.0.0.1/${f.name}`,
            proxy_url: `http://127.0.0.1/${f.name}`,
          }));
        }
        // The nonce comes back in the answer and the gateway echo only: message
        // history (GET) does not carry it.
        this.store(message);
        const sent = nonce === undefined ? message : { ...message, nonce };
        reply(200, sent);
        // Discord echoes the bot's own messages on the gateway; the bot must ignore them.
        if (channel.type !== ChannelType.DM)
          this.dispatch(GatewayDispatchEvents.MessageCreate, { ...sent, guild_id: this.guildId });
        return;
      }
    }
    m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (m) {
      const [, channelId = '', messageId = ''] = m;
      if (!this.channels.has(channelId)) return unknownChannel();
      const list = this.messages.get(channelId) ?? [];
      const existing = list.find((x) => x.id === messageId);
      if (!existing) return reply(404, { message: 'Unknown Message', code: 10008 });
      if (method === 'GET') return reply(200, existing);
      if (method === 'PATCH') {
        const edited = { ...existing, ...body, edited_timestamp: new Date().toISOString() };
        this.store(edited);
        return reply(200, edited);
      }
      if (method === 'DELETE') {
        this.messages.set(
          channelId,
          list.filter((x) => x.id !== messageId),
        );
        return reply(204);
      }
    }
    m = /^\/channels\/(\d+)\/threads$/.exec(path);
    if (m && method === 'POST') {
      // a thread started without a message: a private one, which only its members see
      const parent = m[1] ?? '';
      if (!this.channels.has(parent)) return unknownChannel();
      const thread = this.botThread(snowflake(), parent, body, body?.type ?? ChannelType.PrivateThread);
      this.channels.set(thread.id, thread);
      this.threadMembers.set(thread.id, []);
      reply(201, thread);
      this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...(thread as APIThreadChannel), newly_created: true });
      return;
    }
    m = /^\/channels\/(\d+)\/thread-members\/(\d+)$/.exec(path);
    if (m && method === 'PUT') {
      const list = this.threadMembers.get(m[1] ?? '');
      if (!list) return unknownChannel();
      list.push(m[2] ?? '');
      return reply(204);
    }
    m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (m && method === 'POST') {
      const [, channelId = '', messageId = ''] = m;
      if (!this.channels.has(channelId)) return unknownChannel();
      if (this.channels.has(messageId))
        return reply(400, { message: 'A thread has already been created for this message', code: 160004 });
      const thread = this.botThread(messageId, channelId, body, ChannelType.PublicThread);
      this.channels.set(thread.id, thread);
      const start = (this.messages.get(channelId) ?? []).find((x) => x.id === messageId);
      if (start) this.store({ ...start, flags: (start.flags ?? 0) | MessageFlags.HasThread, thread } as APIMessage);
      reply(201, thread);
      this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...(thread as APIThreadChannel), newly_created: true });
      return;
    }
    m = /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/.exec(path);
    if (m) {
      if (!this.channels.has(m[1] ?? '')) return unknownChannel();
      if (method === 'PUT' || method === 'DELETE') return reply(204);
    }
    return reply(404, { message: `404: Not Found (${method} ${path})`, code: 0 });
  }
}
