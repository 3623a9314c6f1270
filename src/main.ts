// The composition root: config, logger, database, migrations, guides, adapters,
// the app, the minute tick, and a clean shutdown. Nothing else creates these.

import { dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { ConsoleAdapter } from '../adapters/console/index';
import { createDiscordAdapter } from '../adapters/discord/index';
import { createSlackAdapter } from '../adapters/slack/index';
import { type App, buildApp } from './app';
import { AdapterSet } from './chat/adapters';
import { UserError } from './chat/errors';
import type { Adapter } from './chat/types';
import { coachFromConfig } from './coach/setup';
import { type Config, contentDir, loadConfig } from './config';
import { type DatabaseTarget, openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import type { Database } from './db/schema';
import { loadDotenv } from './env';
import { chatGuides, mergeChatGuides } from './guides/chat-store';
import { GuideLibrary } from './guides/library';
import { loadGuides } from './guides/load';
import { createLogger, type Logger } from './logger';
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

/**
 * Platform adapters join after buildApp: they take the app's registry, App Home and
 * autocomplete, and the AdapterSet the app holds is this same object. Both may run in one
 * process.
 */
function addPlatforms(config: Config, logger: Logger, db: Kysely<Database>, adapters: AdapterSet, app: App): void {
  if (config.slackEnabled) {
    adapters.add(
      createSlackAdapter({
        config,
        logger,
        db,
        homeView: (ws, user) => app.homeView(ws, user),
        suggest: (kind, prefix) => app.autocomplete(kind, prefix),
        commands: app.registry.list(),
        command: (name) => app.registry.get(name),
      }),
    );
  }
  if (config.discordEnabled) {
    adapters.add(
      createDiscordAdapter({
        config,
        logger,
        db,
        commands: app.registry.list(),
        messageActions: app.registry.messageActions(),
        autocomplete: (kind, prefix) => app.autocomplete(kind, prefix),
        onPlatformError: (ref, err) => app.onPlatformError(ref, err),
      }),
    );
  }
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

  const files = loadGuides(join(contentDir(config.CONTENT_DIR), 'guides'));
  for (const p of files.problems) logger.warn({ file: p.file }, `guide skipped: ${p.message}`);
  const merged = mergeChatGuides(files.library.all(), await chatGuides(database.db));
  for (const g of merged.shadowed)
    logger.warn({ slug: g.slug }, 'a guide added from the chat has the slug of a guide file; the file is used');
  const library = new GuideLibrary(merged.guides);
  logger.info({ guides: library.all().length }, 'guides loaded');

  const adapters = new AdapterSet();
  let terminal: ConsoleAdapter | undefined;
  if (consoleMode) {
    terminal = new ConsoleAdapter({
      user: config.CONSOLE_USER,
      input: options.input,
      output: options.output,
      filesDir: join(dataDir(database.target), 'exports'),
      chartsDir: join(dataDir(database.target), 'charts'),
    });
    adapters.add(terminal);
  }
  const coach = coachFromConfig(config, logger);
  if (coach)
    logger.info(
      { model: coach.model, host: coach.host },
      'AI coach available (off in each channel until an admin turns it on)',
    );
  const app = buildApp({ config, logger, db: database.db, guides: library, adapters, coach });

  addPlatforms(config, logger, database.db, adapters, app);

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
  // AI suggestions still on their way go out before the platforms close (each is bounded by LLM_TIMEOUT_MS)
  await coach?.idle();
  await stopAdapters();
  await database.close();
  return 0;
}
