// `starling db migrate | status | backup <file>`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connection';
import type { OpenDatabase } from '../db/handle';
import { migrateToLatest, migrationStatus } from '../db/migrate';
import { parseCli } from './args';
import { type Cli, CliError } from './errors';

const usage = `Usage: starling db <migrate|status|backup <file>>

  migrate         apply every pending migration (start-up does this too)
  status          list migrations, applied and pending
  backup <file>   write a consistent copy of the live SQLite database to <file>
                  (SQLite's online backup: safe while the bot is running)

The database is DATABASE_URL (default: ./data/starling.db).`;

async function withDatabase<T>(fn: (open: OpenDatabase) => Promise<T>, mustExist = true): Promise<T> {
  const config = loadConfig();
  const open = await openDatabase(config.DATABASE_URL, { mustExist });
  try {
    return await fn(open);
  } finally {
    await open.close();
  }
}

function describe(open: OpenDatabase): string {
  return open.target.kind === 'sqlite' ? `SQLite ${open.target.path}` : 'Postgres';
}

export async function backupSqlite(open: OpenDatabase, file: string): Promise<number> {
  if (!open.sqlite) throw new CliError('backup copies a SQLite database; for Postgres use pg_dump.');
  const target = resolve(file);
  if (existsSync(target))
    throw new CliError(`${file} already exists; choose a new file name so nothing is overwritten.`);
  const progress = await open.sqlite.backup(target);
  return progress.totalPages;
}

export const cli: Cli = {
  summary: 'database migrations, status and online backup',
  usage,
  async run(args) {
    const [sub, ...more] = args;
    // migrate and status take nothing more; backup takes its file
    const rest = parseCli(more, {}, usage).positionals;
    if (rest.length > (sub === 'backup' ? 1 : 0)) {
      throw new CliError(`${sub} does not take "${rest.join(' ')}".\n\n${usage}`, 2);
    }
    switch (sub) {
      case 'migrate':
        return withDatabase(async (open) => {
          const applied = await migrateToLatest(open.db);
          process.stdout.write(
            applied.length
              ? `Applied ${applied.length} migration(s) to ${describe(open)}:\n${applied.map((n) => `  ${n}`).join('\n')}\n`
              : `${describe(open)} is up to date.\n`,
          );
          return 0;
        }, false);
      case 'status':
        return withDatabase(async (open) => {
          const list = await migrationStatus(open.db);
          process.stdout.write(`${describe(open)}\n`);
          for (const m of list) {
            process.stdout.write(
              `  ${m.appliedAt ? 'applied' : 'pending'}  ${m.name}${m.appliedAt ? `  (${m.appliedAt.toISOString()})` : ''}\n`,
            );
          }
          const pending = list.filter((m) => !m.appliedAt).length;
          process.stdout.write(pending ? `${pending} pending: run \`starling db migrate\`.\n` : 'Up to date.\n');
          return 0;
        });
      case 'backup': {
        const file = rest[0];
        if (!file)
          throw new CliError(
            `backup needs a file name, for example: starling db backup backups/starling-${new Date().toISOString().slice(0, 10)}.db`,
          );
        return withDatabase(async (open) => {
          const pages = await backupSqlite(open, file);
          process.stdout.write(`Backed up ${describe(open)} to ${file} (${pages} pages).\n`);
          return 0;
        });
      }
      default:
        throw new CliError(`${sub ? `unknown subcommand "${sub}"` : 'missing subcommand'}.\n\n${usage}`, 2);
    }
  },
};
