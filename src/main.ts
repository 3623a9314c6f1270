// The composition root: config, logger, database, migrations, guides, adapters,
// the app, the minute tick, and a clean shutdown. Nothing else creates these.
import { dirname, join, resolve } from 'node:path';
import { ConsoleAdapter } from '../adapters/console/index';
import { createDiscordAdapter } from '../adapters/discord/index';
import { createSlackAdapter } from '../adapters/slack/index';
import { buildApp } from './app';
import { AdapterSet } from './chat/adapters';
import { UserError } from './chat/errors';
import type { Adapter } from './chat/types';
import { contentDir, loadConfig } from './config';
import { type DatabaseTarget, openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { loadDotenv } from './env';
import { loadGuides } from './guides/load';
import { createLogger } from './logger';
import { openQuestion } from './practice/posting';
import { startTicker } from './scheduler/ticker';

/** The folder beside the SQLite file (./data for Postgres or a database in memory). */
function dataDir(target: DatabaseTarget): string {
  return target.kind === 'sqlite' && target.path !== ':memory:' ? dirname(resolve(target.path)) : resolve('data');
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** Terminal streams for the console study group (tests pass their own). */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Runs the bot until SIGINT/SIGTERM, or until the terminal's input ends. Returns the exit code. */
export async function start(options: StartOptions = {}): Promise<number> {
  loadDotenv();
  const env = options.env ?? process.env;
  const config = loadConfig(env);
  const consoleMode = !config.slackEnabled && !config.discordEnabled;
  // The terminal is the chat: keep routine logs out of it unless asked for.
  const level = consoleMode && !env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL;
  const logger = createLogger({ level, format: config.LOG_FORMAT });
  // said where the admin looks: one plain line in the terminal (whose logs are quiet), else the log
  const notice = (line: string, level: 'info' | 'warn' = 'warn') =>
    consoleMode ? process.stderr.write(`Starling: ${line}\n`) : logger[level](line);
  for (const w of config.warnings) notice(w);

  const database = await openDatabase(config.DATABASE_URL);
  if (database.created && database.target.kind === 'sqlite') {
    // said once, so a mistyped path is noticed on the first start
    notice(`created a new database at ${database.target.path} (set DATABASE_URL to keep it elsewhere)`, 'info');
  }
  const applied = await migrateToLatest(database.db);
  if (applied.length) logger.info({ applied }, 'database migrated');

  const { library, problems } = loadGuides(join(contentDir(config.CONTENT_DIR), 'guides'));
  for (const p of problems) logger.warn({ file: p.file }, `guide skipped: ${p.message}`);
  logger.info({ guides: library.all().length }, 'guides loaded');

  const adapters = new AdapterSet();
  let terminal: ConsoleAdapter | undefined;
  if (consoleMode) {
    terminal = new ConsoleAdapter({
      user: config.CONSOLE_USER,
      input: options.input,
      output: options.output,
      filesDir: join(dataDir(database.target), 'exports'),
    });
    adapters.add(terminal);
  }
  const app = buildApp({ config, logger, db: database.db, guides: library, adapters });

  // Platform adapters join after buildApp: they take the app's registry, App Home and
  // autocomplete, and the AdapterSet the app holds is this same object. Both may run
  // in one process.
  if (config.slackEnabled) {
    adapters.add(
      createSlackAdapter({
        config,
        logger,
        db: database.db,
        homeView: (ws, user) => app.homeView(ws, user),
        commands: app.registry.list(),
      }),
    );
  }
  if (config.discordEnabled) {
    adapters.add(
      createDiscordAdapter({
        config,
        logger,
        db: database.db,
        commands: app.registry.list(),
        autocomplete: (kind, prefix) => app.autocomplete(kind, prefix),
        onPlatformError: (ref, err) => app.onPlatformError(ref, err),
      }),
    );
  }

  // Heard from here on, so a stop that arrives during start-up still shuts down cleanly.
  const stopped = new Promise<string>((resolve) => {
    const onSignal = (signal: string) => () => resolve(signal);
    process.once('SIGINT', onSignal('SIGINT'));
    process.once('SIGTERM', onSignal('SIGTERM'));
    terminal?.done.then(() => resolve('end of input'));
  });

  const started: Adapter[] = [];
  const stopAdapters = async () => {
    for (const adapter of started.reverse()) {
      await adapter
        .stop()
        .catch((err) => logger.warn({ err, platform: adapter.platform }, 'adapter did not stop cleanly'));
    }
  };
  try {
    for (const adapter of adapters.all()) {
      await adapter.start((event) => app.handle(event));
      started.push(adapter);
    }
    await app.tick();
  } catch (err) {
    // One platform failing to start must not leave the other's server running.
    await stopAdapters();
    await database.close();
    throw err;
  }
  if (terminal) {
    try {
      const open = await openQuestion(app.ctx, terminal.workspace, terminal.channel);
      if (!open.fresh) terminal.resume(open.post.thread_ref, open.message, open.post.id);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      (options.output ?? process.stdout).write(`${err.message}${err.example ? `\nTry: ${err.example}` : ''}\n`);
    }
    terminal.ready();
  }

  const stopTicker = startTicker((now) => app.tick(now), logger);
  logger.info({ platforms: started.map((a) => a.platform) }, 'ready');

  const why = await stopped;
  logger.info({ why }, 'shutting down');
  await stopTicker();
  await app.stop().catch((err) => logger.warn({ err }, 'held feedback could not all be sent before stopping'));
  await stopAdapters();
  await database.close();
  return 0;
}
