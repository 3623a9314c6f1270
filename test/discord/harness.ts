// Starts the fake Discord, a database and the real Discord adapter pointed at it,
// with the settings that keep a test fast (no identify wait, no guild wait, no REST
// retries).
import type { ClientOptions } from 'discord.js';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../adapters/discord/index';
import type { CommandDef } from '../../src/chat/registry';
import type { EventHandler, InboundEvent } from '../../src/chat/types';
import { loadConfig } from '../../src/config';
import { openSqlite } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import type { Database } from '../../src/db/schema';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps its lines in memory, so tests can assert on what was logged. */
export function memoryLogger() {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write(s: string) {
        lines.push(JSON.parse(s));
      },
    },
  );
  return { logger, lines };
}

export function testClientOptions(extra: Partial<ClientOptions> = {}): Partial<ClientOptions> {
  return {
    waitGuildTimeout: 0,
    ...extra,
    rest: { retries: 0, timeout: 2000, ...extra.rest },
    ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }), ...extra.ws },
  };
}

export interface Harness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  db: Kysely<Database>;
  events: InboundEvent[];
  logs: LogLine[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeDiscordOptions;
  /** A running fake to connect to (left running on close), e.g. to restart the bot against it. */
  fakeInstance?: FakeDiscord;
  commands?: CommandDef<any, any>[];
  /** The core's handler; defaults to recording events. */
  handler?: (events: InboundEvent[]) => EventHandler;
  adapter?: Partial<DiscordAdapterOptions>;
  env?: Record<string, string>;
  db?: Kysely<Database>;
  /** Build only; the test starts the adapter itself. */
  noStart?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.fakeInstance ?? (await new FakeDiscord(options.fake).start());
  const opened = options.db ? undefined : openSqlite(':memory:');
  const db = options.db ?? (opened?.db as Kysely<Database>);
  if (opened) await migrateToLatest(db);
  const { logger, lines } = memoryLogger();
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiBase,
    DISCORD_GUILD_ID: fake.guildId,
    // every reply answered at once unless a test is about the quiet period
    FEEDBACK_QUIET_SECONDS: '0',
    ...options.env,
  });
  const events: InboundEvent[] = [];
  const adapter = createDiscordAdapter({
    config,
    logger,
    db,
    commands: options.commands ?? [],
    autocomplete: () => [],
    clientOptions: testClientOptions(),
    ...options.adapter,
  });
  const handler =
    options.handler?.(events) ??
    (async (e: InboundEvent) => {
      events.push(e);
    });
  if (!options.noStart) await adapter.start(handler);
  return {
    fake,
    adapter,
    db,
    events,
    logs: lines,
    async close() {
      await adapter.stop().catch(() => {});
      if (!options.fakeInstance) await fake.stop();
      await opened?.close();
    },
  };
}
