// Starts the fake Slack and the real Slack adapter (real Bolt, real HTTP receiver on
// a free loopback port) over an in-memory database, for one test file.
import type { Kysely } from 'kysely';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../adapters/slack/index';
import type { EventHandler, InboundEvent } from '../../src/chat/types';
import { type Config, loadConfig } from '../../src/config';
import { openSqlite } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import type { Database } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { FakeSlack } from './fake-slack';
import { BOT_TOKEN, BOT_USER, SIGNING_SECRET, TEAM } from './requests';

export interface Harness {
  fake: FakeSlack;
  config: Config;
  adapter: SlackAdapter;
  db: Kysely<Database>;
  port: number;
  close(): Promise<void>;
}

export async function openDb(): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  const opened = openSqlite(':memory:');
  await migrateToLatest(opened.db);
  return { db: opened.db, close: opened.close };
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Handler for inbound events; `record` when omitted. */
  handler?: EventHandler;
  adapter?: Partial<SlackAdapterOptions>;
  db?: Kysely<Database>;
  fake?: FakeSlack;
}

export async function startSlack(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.fake ?? (await new FakeSlack().start());
  if (!options.fake) fake.addTeam(BOT_TOKEN, TEAM, BOT_USER, 'B0STARLING');
  const owned = options.db ? undefined : await openDb();
  const db = options.db ?? owned?.db;
  if (!db) throw new Error('no database');
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
    // every reply answered at once unless a test is about the quiet period
    FEEDBACK_QUIET_SECONDS: '0',
    ...options.env,
  });
  const adapter = createSlackAdapter({
    config,
    logger: silentLogger(),
    db,
    retryConfig: { retries: 0 },
    port: 0,
    ackTimeoutMs: 1000,
    ...options.adapter,
  });
  try {
    await adapter.start(options.handler ?? (async () => {}));
  } catch (err) {
    if (!options.fake) await fake.stop();
    await owned?.close();
    throw err;
  }
  return {
    fake,
    config,
    adapter,
    db,
    port: adapter.port ?? 0,
    async close() {
      await adapter.stop();
      if (!options.fake) await fake.stop();
      await owned?.close();
    },
  };
}

/** A handler that keeps every event, for tests of the mapping alone. */
export function recorder(): { events: InboundEvent[]; handler: EventHandler } {
  const events: InboundEvent[] = [];
  return { events, handler: async (e) => void events.push(e) };
}
