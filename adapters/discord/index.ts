// The Discord adapter: the only code that runs discord.js. It connects one Client (one
// or several shards: discord.js reads SHARDS/SHARD_COUNT when the ShardingManager
// spawns it), registers `/prep` from the core's registry when it changed, turns
// gateway events into neutral ones and renders the core's messages back.
import { type Client, type ClientOptions, Events } from 'discord.js';
import type { Kysely } from 'kysely';
import { PlatformError } from '../../src/chat/errors';
import type { CommandDef, MessageActionDef } from '../../src/chat/registry';
import type { Adapter, EventHandler, OutboundMessage, PostResult, Ref, WorkspaceId } from '../../src/chat/types';
import type { Config } from '../../src/config';
import { firstDelivery } from '../../src/db/dedupe';
import type { Database } from '../../src/db/schema';
import type { Logger } from '../../src/logger';
import { buildClient, connect, guardPackets } from './client';
import { registerIfChanged } from './commands';
import type { AutocompleteKind, InboundContext } from './context';
import { misfit } from './edge';
import { toPlatformError } from './errors';
import { handleInteraction } from './interactions';
import {
  DM_CLOSED_NOTE,
  onMessageCreate,
  onMessageDelete,
  onMessageUpdate,
  onReaction,
  onUncachedChange,
  onUncachedMessage,
} from './messages';
import { DiscordOutbound } from './outbound';
import { PLATFORM, parseRef } from './refs';

export interface DiscordAdapterOptions {
  config: Config;
  logger: Logger;
  db: Kysely<Database>;
  commands: CommandDef<any, any>[];
  /** Registered as message context menu entries (Apps > STAR check). */
  messageActions?: MessageActionDef<any>[];
  autocomplete: (kind: AutocompleteKind, prefix: string) => { name: string; value: string }[];
  /** Called when a send into a channel fails for good (no access, channel gone). */
  onPlatformError?: (channelRef: string, err: PlatformError) => Promise<void>;
  /** Merged over the adapter's client options (tests: rest retries, identify throttler; `shards: 'auto'`). */
  clientOptions?: Partial<ClientOptions>;
  /** How long the core may take before an interaction is deferred; Discord allows 3 s in all. */
  deferAfterMs?: number;
  /** Register `/prep` at start-up (default true). */
  registerCommands?: boolean;
  /**
   * The longest any request waits on a rate limit; a longer limit fails the call as
   * PlatformError('rate_limited') with Discord's wait (default 60 s, well inside the
   * scheduler's 5-minute lease).
   */
  maxRateLimitWaitMs?: number;
}

export interface DiscordAdapter extends Adapter {
  /** The running client (for the ShardingManager's broadcastEval, diagnostics and tests). */
  readonly client: Client;
  /** Whether the last start-up registered the command (false when it was unchanged). */
  readonly commandsRegistered: boolean | undefined;
  /** Whether thread replies can be read (the Message Content intent was granted). */
  readonly readsMessageContent: boolean;
}

const REPORT_EVERY_MS = 60 * 60_000;

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { config, logger, db } = options;
  const log = logger.child({ platform: PLATFORM });
  if (!config.DISCORD_TOKEN) {
    throw new Error(
      'The Discord adapter needs DISCORD_TOKEN (Developer Portal > your application > Bot > Reset Token).',
    );
  }
  const token = config.DISCORD_TOKEN;
  const autocompleteKinds = new Map<string, AutocompleteKind>();
  for (const def of options.commands) {
    for (const o of def.options) if (o.autocomplete) autocompleteKinds.set(`${def.name}:${o.name}`, o.autocomplete);
  }
  const messageActionNames = new Map((options.messageActions ?? []).map((a) => [a.label, a.name]));
  const slowCommands = new Set(options.commands.filter((c) => c.slow).map((c) => c.name));
  const reported = new Map<string, number>();
  let warnedNoContent = false;
  let handler: EventHandler | undefined;
  let commandsRegistered: boolean | undefined;
  let readsMessageContent = true;

  // Destroying a client closes its shards, which discord.js reports as reconnecting.
  const closing = new WeakSet<Client>();
  async function close(c: Client): Promise<void> {
    closing.add(c);
    await c.destroy();
  }

  let client = buildClient(options, true);
  const outbound = () => new DiscordOutbound(client, log);
  let sender = outbound();

  const ctx = (): InboundContext => ({
    client,
    outbound: sender,
    logger: log,
    emit: async (event) => {
      if (!handler) return;
      await handler(event);
    },
    firstDelivery: (key) => firstDelivery(db, key),
    deferAfterMs: options.deferAfterMs ?? 1500,
    slowCommands,
    messageActionNames,
    autocompleteKinds,
    autocomplete: options.autocomplete,
    onChannelError: async (channelRef, err) => {
      const last = reported.get(channelRef) ?? 0;
      if (Date.now() - last < REPORT_EVERY_MS) return;
      reported.set(channelRef, Date.now());
      log.warn({ channel: channelRef, code: err.code, kind: err.kind }, 'Discord refused a send to this channel');
      await options
        .onPlatformError?.(channelRef, err)
        .catch((e) => log.error({ err: e }, 'reporting a channel error failed'));
    },
    warnNoContent: () => {
      if (warnedNoContent) return;
      warnedNoContent = true;
      log.warn(
        'A thread reply arrived without its text. Enable the Message Content intent (Developer Portal > Bot > Privileged Gateway Intents) so replies count as answers; the STAR form and commands work without it.',
      );
    },
  });

  /** Runs a listener so that no event, however malformed, can take the process down. */
  const run = (what: string, fn: () => Promise<void>): void => {
    let p: Promise<void>;
    try {
      p = fn();
    } catch (err) {
      p = Promise.reject(err);
    }
    p.catch((err) => log.error({ err, event: what }, 'a Discord event could not be handled'));
  };

  function attach(c: Client): void {
    guardPackets(c, log);
    c.on(Events.InteractionCreate, (i) => run('interaction', () => handleInteraction(ctx(), i)));
    c.on(Events.MessageCreate, (m) => run('message', () => onMessageCreate(ctx(), m)));
    c.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
      // raw comes before the packet guard: a misfit is skipped here and logged there, once
      if (packet.t === 'MESSAGE_CREATE' && packet.d && typeof packet.d === 'object' && !misfit(packet.t, packet.d)) {
        run('message', () => onUncachedMessage(ctx(), packet.d as Record<string, unknown>));
      }
      if ((packet.t === 'MESSAGE_UPDATE' || packet.t === 'MESSAGE_DELETE') && !misfit(packet.t, packet.d)) {
        const t = packet.t;
        run('message change', () => onUncachedChange(ctx(), t, packet.d as Record<string, unknown>));
      }
    });
    c.on(Events.MessageUpdate, (a, b) => run('message edit', () => onMessageUpdate(ctx(), a, b)));
    c.on(Events.MessageDelete, (m) => run('message delete', () => onMessageDelete(ctx(), m)));
    c.on(Events.MessageBulkDelete, (messages) =>
      run('bulk delete', async () => {
        for (const m of messages.values()) await onMessageDelete(ctx(), m);
      }),
    );
    c.on(Events.MessageReactionAdd, (r, u) => run('reaction', () => onReaction(ctx(), r, u, true)));
    c.on(Events.MessageReactionRemove, (r, u) => run('reaction', () => onReaction(ctx(), r, u, false)));
    c.on(Events.ShardError, (err, shard) => log.warn({ err, shard }, 'Discord gateway error'));
    c.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'Discord gateway resumed'));
    c.on(Events.ShardReconnecting, (shard) => {
      if (!closing.has(c)) log.info({ shard }, 'Discord gateway reconnecting');
    });
    c.on(Events.Error, (err) => log.error({ err }, 'Discord client error'));
    c.on(Events.Warn, (message) => log.warn({ message }, 'Discord client warning'));
  }

  async function register(): Promise<void> {
    if (options.registerCommands === false) return;
    // With the ShardingManager every shard is a process; the one holding shard 0 registers.
    if (client.shard && !client.shard.ids.includes(0)) return;
    const applicationId = config.DISCORD_APPLICATION_ID ?? client.application?.id;
    if (!applicationId)
      throw new Error('Discord did not say which application this bot is; set DISCORD_APPLICATION_ID.');
    let result: Awaited<ReturnType<typeof registerIfChanged>>;
    try {
      result = await registerIfChanged({
        db,
        rest: client.rest,
        applicationId,
        ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
        commands: options.commands,
        messageActions: options.messageActions ?? [],
      });
    } catch (err) {
      const e = toPlatformError(err);
      const where = config.DISCORD_GUILD_ID ? `in server ${config.DISCORD_GUILD_ID}` : 'globally';
      const fix =
        e instanceof PlatformError && e.kind === 'no_permission'
          ? ' Invite the bot with the applications.commands scope (docs/discord.md, step 5), and check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.'
          : '';
      throw new Error(`Discord refused to register /prep ${where}: ${(e as Error).message}.${fix}`, { cause: err });
    }
    commandsRegistered = result.registered;
    log.info(
      { scope: result.scope, registered: result.registered },
      result.registered ? 'registered /prep' : '/prep is up to date',
    );
  }

  const adapter: DiscordAdapter = {
    platform: PLATFORM,
    get client() {
      return client;
    },
    get commandsRegistered() {
      return commandsRegistered;
    },
    get readsMessageContent() {
      return readsMessageContent;
    },

    async start(onEvent: EventHandler): Promise<void> {
      handler = onEvent;
      attach(client);
      try {
        await connect(client, token);
      } catch (err) {
        if (!/disallowed intents/i.test(String((err as Error)?.message))) throw err;
        log.warn(
          'Discord refused the Message Content intent, so thread replies cannot be read as answers. Enable it under Developer Portal > Bot > Privileged Gateway Intents; until then the STAR form and commands work. Connecting without it.',
        );
        await close(client);
        readsMessageContent = false;
        client = buildClient(options, false);
        sender = outbound();
        attach(client);
        await connect(client, token);
      }
      log.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size },
        'connected to Discord',
      );
      try {
        await register();
      } catch (err) {
        // A connected client keeps the process alive: close it so start-up fails cleanly.
        await close(client);
        throw err;
      }
    },

    async stop(): Promise<void> {
      handler = undefined;
      await close(client);
    },

    post(to: Ref, message: OutboundMessage): Promise<PostResult> {
      return sender.post(to, message);
    },

    async postPrivate(to: Ref, userId: string, message: OutboundMessage): Promise<Ref | undefined> {
      try {
        return await sender.sendDirect(userId, message);
      } catch (err) {
        if (!(err instanceof PlatformError && err.kind === 'user_unreachable')) throw err;
        await sender.post(to, { text: DM_CLOSED_NOTE(userId), kind: 'info' });
        return undefined;
      }
    },

    async openDirect(_workspace: WorkspaceId, userId: string): Promise<Ref> {
      return sender.openDirect(userId);
    },
    async openPrivateThread(channel: Ref, userId: string, name: string): Promise<Ref> {
      return sender.openPrivateThread(channel, userId, name);
    },

    edit(ref: Ref, message: OutboundMessage): Promise<void> {
      return sender.edit(ref, message);
    },

    react(ref: Ref, emoji: string): Promise<void> {
      return sender.react(ref, emoji, true);
    },

    unreact(ref: Ref, emoji: string): Promise<void> {
      return sender.react(ref, emoji, false);
    },

    findPosted(to: Ref, idempotencyKey: string): Promise<PostResult | undefined> {
      parseRef(to);
      return sender.findPosted(to, idempotencyKey);
    },
  };
  return adapter;
}
