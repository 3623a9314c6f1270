// The composition root: config, logger, database, migrations, guides, adapters,
// the app, the minute tick, and a clean shutdown. Nothing else creates these.
import { join } from 'node:path';
import cron from 'node-cron';
import { ConsoleAdapter } from '../adapters/console/index';
import { buildApp } from './app';
import { AdapterSet } from './chat/adapters';
import { UserError } from './chat/errors';
import { loadConfig } from './config';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { loadDotenv } from './env';
import { loadGuides } from './guides/load';
import { createLogger } from './logger';
import { openQuestion } from './practice/posting';

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

  const database = await openDatabase(config.DATABASE_URL);
  const applied = await migrateToLatest(database.db);
  if (applied.length) logger.info({ applied }, 'database migrated');

  const { library, problems } = loadGuides(join(config.CONTENT_DIR, 'guides'));
  for (const p of problems) logger.warn({ file: p.file }, `guide skipped: ${p.message}`);
  logger.info({ guides: library.all().length }, 'guides loaded');

  const adapters = new AdapterSet();
  let terminal: ConsoleAdapter | undefined;
  if (consoleMode) {
    terminal = new ConsoleAdapter({ user: config.CONSOLE_USER, input: options.input, output: options.output });
    adapters.add(terminal);
  }
  const app = buildApp({ config, logger, db: database.db, guides: library, adapters });

  // ── Platform adapters ────────────────────────────────────────────────────────
  // The lead wires Slack and Discord here. They are added after buildApp because
  // they take the app's registry, App Home and autocomplete; the AdapterSet the app
  // holds is the same object, so adding them now is enough. For example:
  //   if (config.slackEnabled) adapters.add(createSlackAdapter({ config, logger, db: database.db,
  //     homeView: app.homeView, commands: app.registry.list() }));
  //   if (config.discordEnabled) adapters.add(createDiscordAdapter({ config, logger, db: database.db,
  //     commands: app.registry.list(), autocomplete: app.autocomplete, onPlatformError: app.onPlatformError }));
  // ─────────────────────────────────────────────────────────────────────────────

  for (const adapter of adapters.all()) await adapter.start((event) => app.handle(event));

  await app.tick();
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

  let ticking = Promise.resolve();
  const task = cron.schedule(
    '* * * * *',
    () => {
      ticking = app.tick();
      return ticking;
    },
    { noOverlap: true, name: 'starling-tick' },
  );

  const stopped = new Promise<string>((resolve) => {
    const onSignal = (signal: string) => () => resolve(signal);
    process.once('SIGINT', onSignal('SIGINT'));
    process.once('SIGTERM', onSignal('SIGTERM'));
    terminal?.done.then(() => resolve('end of input'));
  });
  const why = await stopped;
  logger.info({ why }, 'shutting down');
  await task.stop();
  await ticking.catch(() => {});
  for (const adapter of adapters.all()) {
    await adapter
      .stop()
      .catch((err) => logger.warn({ err, platform: adapter.platform }, 'adapter did not stop cleanly'));
  }
  await database.close();
  return 0;
}
