// The whole bot for Discord tests and the benchmark: the real core (buildApp on
// in-memory SQLite with the guides in content/) behind the real Discord adapter,
// wired as main.ts does it, against the fake Discord.
import type { ClientOptions } from 'discord.js';
import type { Kysely } from 'kysely';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadConfig } from '../../src/config';
import { openSqlite } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import type { Database } from '../../src/db/schema';
import { GuideLibrary } from '../../src/guides/library';
import { loadGuides } from '../../src/guides/load';
import type { Guide } from '../../src/guides/schema';
import { silentLogger } from '../../src/logger';
import { ManualTimers } from '../manual-timers';
import { FakeDiscord } from './fake-discord';
import { type LogLine, memoryLogger, testClientOptions } from './harness';

export interface Bot {
  fake: FakeDiscord;
  app: App;
  adapter: DiscordAdapter;
  db: Kysely<Database>;
  logs: LogLine[];
  channel: string;
  setNow(at: Date): void;
  timers: ManualTimers;
  close(): Promise<void>;
}

/** The wiring main.ts uses: the adapter joins the AdapterSet after buildApp, with the app's registry. */
export async function startBot(
  options: {
    clientOptions?: Partial<ClientOptions>;
    quiet?: boolean;
    /** The feedback quiet period, on timers the test runs by hand (`timers`). */
    quietSeconds?: number;
    guides?: Guide[];
  } = {},
): Promise<Bot> {
  const fake = await new FakeDiscord().start();
  const opened = openSqlite(':memory:');
  await migrateToLatest(opened.db);
  let now = new Date();
  fake.now = () => now.getTime();
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiBase,
    DISCORD_GUILD_ID: fake.guildId,
    FEEDBACK_QUIET_SECONDS: String(options.quietSeconds ?? 0),
  });
  const adapters = new AdapterSet();
  const timers = new ManualTimers(() => now);
  const app = buildApp({
    config,
    logger: silentLogger(),
    db: opened.db,
    guides: options.guides ? new GuideLibrary(options.guides) : loadGuides('content/guides').library,
    adapters,
    timers,
    clock: () => now,
    replicaId: 'e2e',
  });
  const { logger, lines } = options.quiet ? { logger: silentLogger(), lines: [] } : memoryLogger();
  const adapter = createDiscordAdapter({
    config,
    logger,
    db: opened.db,
    commands: app.registry.list(),
    messageActions: app.registry.messageActions(),
    autocomplete: (kind, prefix) => app.autocomplete(kind, prefix),
    onPlatformError: (channel, err) => app.onPlatformError(channel, err),
    clientOptions: testClientOptions(options.clientOptions),
  });
  adapters.add(adapter);
  await adapter.start((event) => app.handle(event));
  return {
    fake,
    app,
    adapter,
    db: opened.db,
    logs: lines,
    channel: `discord:${fake.guildId}:${fake.channelId}`,
    timers,
    setNow(at) {
      now = at;
    },
    async close() {
      await adapter.stop();
      await fake.stop();
      await opened.close();
    },
  };
}
