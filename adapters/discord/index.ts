// The Discord adapter: the only code that runs discord.js. It connects one Client (one
// or several shards: discord.js reads SHARDS/SHARD_COUNT when the ShardingManager
// spawns it), registers `/prep` from the core's registry when it changed, turns
// gateway events into neutral ones and renders the core's messages back.
import type { Client, ClientOptions } from 'discord.js';
import type { Kysely } from 'kysely';
import { PlatformError } from '../../src/chat/errors';
import type { CommandDef, MessageActionDef } from '../../src/chat/registry';
import type { Adapter, EventHandler, OutboundMessage, PostResult, Ref, WorkspaceId } from '../../src/chat/types';
import type { Config } from '../../src/config';
import { firstDelivery } from '../../src/db/dedupe';
import type { Database } from '../../src/db/schema';
import type { Logger } from '../../src/logger';
import { buildClient, connect } from './client';
import type { AutocompleteKind, InboundContext } from './context';
import { attachListeners, Listening } from './listeners';
import { DM_CLOSED_NOTE } from './messages';
import { DiscordOutbound } from './outbound';
import { PLATFORM, parseRef } from './refs';
import { registerCommand } from './register';

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
  /** Resolves once every event received so far has been handled, the core's work included. */
  idle(): Promise<void>;
}

const REPORT_EVERY_MS = 60 * 60_000;
const NO_CONTENT_WARNING =
  'A thread reply arrived without its text. Enable the Message Content intent (Developer Portal > Bot > Privileged Gateway Intents) so replies count as answers; the STAR form and commands work without it.';

/** What the inbound mappers look up by name, built once from the registry. */
function commandLookups(commands: CommandDef<any, any>[], actions: MessageActionDef<any>[]) {
  const autocompleteKinds = new Map<string, AutocompleteKind>();
  for (const def of commands) {
    for (const o of def.options) if (o.autocomplete) autocompleteKinds.set(`${def.name}:${o.name}`, o.autocomplete);
  }
  return {
    autocompleteKinds,
    messageActionNames: new Map(actions.map((a) => [a.label, a.name])),
    slowCommands: new Set(commands.filter((c) => c.slow).map((c) => c.name)),
  };
}

/** A channel that refuses sends is logged and reported at most once an hour. */
function channelErrorReporter(log: Logger, report: DiscordAdapterOptions['onPlatformError']) {
  const reported = new Map<string, number>();
  return async (channelRef: Ref, err: PlatformError): Promise<void> => {
    const last = reported.get(channelRef) ?? 0;
    if (Date.now() - last < REPORT_EVERY_MS) return;
    reported.set(channelRef, Date.now());
    log.warn({ channel: channelRef, code: err.code, kind: err.kind }, 'Discord refused a send to this channel');
    await report?.(channelRef, err).catch((e) => log.error({ err: e }, 'reporting a channel error failed'));
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { config, logger, db } = options;
  const log = logger.child({ platform: PLATFORM });
  if (!config.DISCORD_TOKEN) {
    throw new Error(
      'The Discord adapter needs DISCORD_TOKEN (Developer Portal > your application > Bot > Reset Token).',
    );
  }
  const token = config.DISCORD_TOKEN;
  const lookups = commandLookups(options.commands, options.messageActions ?? []);
  const onChannelError = channelErrorReporter(log, options.onPlatformError);
  const warnNoContent = once(() => log.warn(NO_CONTENT_WARNING));
  let handler: EventHandler | undefined;
  let commandsRegistered: boolean | undefined;
  let readsMessageContent = true;

  // Destroying a client closes its shards, which discord.js reports as reconnecting.
  const closing = new WeakSet<Client>();
  const listening = new Listening(log);
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
    ...lookups,
    autocomplete: options.autocomplete,
    onChannelError,
    warnNoContent,
  });

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
      attachListeners(client, ctx, listening, log, closing);
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
        attachListeners(client, ctx, listening, log, closing);
        await connect(client, token);
      }
      log.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size },
        'connected to Discord',
      );
      try {
        const registered = await registerCommand(client, options, log);
        if (registered !== undefined) commandsRegistered = registered;
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

    idle: () => listening.idle(),

    ...sending(() => sender),
  };
  return adapter;
}

/** What the core sends through, always on the current client's sender. */
function sending(current: () => DiscordOutbound) {
  return {
    post(to: Ref, message: OutboundMessage): Promise<PostResult> {
      return current().post(to, message);
    },

    async postPrivate(to: Ref, userId: string, message: OutboundMessage): Promise<Ref | undefined> {
      try {
        return await current().sendDirect(userId, message);
      } catch (err) {
        if (!(err instanceof PlatformError && err.kind === 'user_unreachable')) throw err;
        await current().post(to, { text: DM_CLOSED_NOTE(userId), kind: 'info' });
        return undefined;
      }
    },

    async openDirect(_workspace: WorkspaceId, userId: string): Promise<Ref> {
      return current().openDirect(userId);
    },
    async openPrivateThread(channel: Ref, userId: string, name: string): Promise<Ref> {
      return current().openPrivateThread(channel, userId, name);
    },

    edit(ref: Ref, message: OutboundMessage): Promise<void> {
      return current().edit(ref, message);
    },

    react(ref: Ref, emoji: string): Promise<void> {
      return current().react(ref, emoji, true);
    },

    unreact(ref: Ref, emoji: string): Promise<void> {
      return current().react(ref, emoji, false);
    },

    findPosted(to: Ref, idempotencyKey: string): Promise<PostResult | undefined> {
      parseRef(to);
      return current().findPosted(to, idempotencyKey);
    },
  };
}
