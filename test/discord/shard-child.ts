// One shard process for the sharding test: the whole bot, configured from the
// environment the ShardingManager and the test set. Runs until it is killed.
import { join } from 'node:path';
import { createDiscordAdapter } from '../../adapters/discord/index';
import { buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadConfig } from '../../src/config';
import { openSqlite } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { loadGuides } from '../../src/guides/load';
import { createLogger } from '../../src/logger';
import { testClientOptions } from './harness';

const config = loadConfig(process.env);
const logger = createLogger({ level: 'warn', format: 'json' });
const database = openSqlite(join(process.env.SHARD_TEST_DIR ?? '.', `shard-${process.env.SHARDS}.db`));
await migrateToLatest(database.db);
const adapters = new AdapterSet();
const app = buildApp({ config, logger, db: database.db, guides: loadGuides('content/guides').library, adapters });
const adapter = createDiscordAdapter({
  config,
  logger,
  db: database.db,
  commands: app.registry.list(),
  autocomplete: (kind, prefix) => app.autocomplete(kind, prefix),
  onPlatformError: (channel, err) => app.onPlatformError(channel, err),
  clientOptions: testClientOptions(),
});
adapters.add(adapter);
await adapter.start((event) => app.handle(event));
