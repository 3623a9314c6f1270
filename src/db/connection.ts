// Opens the database named by DATABASE_URL. Unset means a SQLite file at
// ./data/starling.db; a path or sqlite://path means that file; ':memory:' is a
// throwaway database for tests.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { damageMessage, isDamage } from './damage';
import type { OpenDatabase } from './handle';
import type { Database } from './schema';
import { type DatabaseTarget, DEFAULT_SQLITE_PATH, parseDatabaseUrl } from './url';

export { type DatabaseTarget, parseDatabaseUrl };

export function openSqlite(path: string): OpenDatabase {
  let sqlite: SQLite.Database;
  const created = path !== ':memory:' && !existsSync(path);
  if (created) makeFolder(path);
  try {
    sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
  } catch (err) {
    if (isDamage(err)) throw new DatabaseError(damageMessage(path, (err as Error).message), { cause: err });
    throw new DatabaseError(
      `Could not open the SQLite database at ${path} (${(err as Error).message}). Check DATABASE_URL and that its folder is writable.`,
      { cause: err },
    );
  }
  if (!created && path !== ':memory:' && statSync(path).size <= QUICK_CHECK_MAX_BYTES) checkIntact(sqlite, path);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    target: { kind: 'sqlite', path },
    created,
    close: () => db.destroy(),
  };
}

/**
 * A new database goes only where its folder already exists: a mistyped DATABASE_URL must not
 * quietly make folders and an empty database. The default ./data folder is Starling's own.
 */
function makeFolder(path: string): void {
  const folder = dirname(resolve(path));
  if (existsSync(folder)) return;
  if (resolve(path) !== resolve(DEFAULT_SQLITE_PATH)) {
    throw new DatabaseError(
      `DATABASE_URL names ${path}, but its folder ${folder} does not exist. Create the folder first (mkdir -p ${folder}), or correct DATABASE_URL if it is a typo.`,
    );
  }
  mkdirSync(folder, { recursive: true });
}

/**
 * Files up to this size get SQLite's quick check on open (it reads every page: about a
 * third of a second at this size). A larger file is trusted at open; damage met later is
 * still reported in plain words (router.ts).
 */
const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/** SQLite's own quick check of an existing file: a damaged one is refused before any query. */
function checkIntact(sqlite: SQLite.Database, path: string): void {
  let verdict: string;
  try {
    verdict = String(sqlite.pragma('quick_check(1)', { simple: true }));
  } catch (err) {
    sqlite.close();
    if (isDamage(err)) throw new DatabaseError(damageMessage(path, (err as Error).message), { cause: err });
    throw err;
  }
  if (verdict !== 'ok') {
    sqlite.close();
    throw new DatabaseError(damageMessage(path, "SQLite's own check of the file failed"), {
      cause: new Error(verdict),
    });
  }
}

/** A database that cannot be opened or reached, said in terms of DATABASE_URL. */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
}

export interface OpenOptions {
  /** Refuse to create a new SQLite file (admin commands on a mistyped path). */
  mustExist?: boolean;
}

/** Where a Postgres URL points, without its password, for messages. */
function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the server in DATABASE_URL';
  }
}

export async function openDatabase(url: string | undefined, options: OpenOptions = {}): Promise<OpenDatabase> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'sqlite') {
    if (options.mustExist && target.path !== ':memory:' && !existsSync(target.path)) {
      throw new DatabaseError(
        `There is no database at ${target.path}. Check DATABASE_URL, or create it with \`npx starling db migrate\` (the bot creates it on start too).`,
      );
    }
    return openSqlite(target.path);
  }
  const { openPostgres } = await import('./postgres');
  const open = openPostgres(target.url);
  try {
    // Connect now, so a server that is down or a wrong URL is reported here, plainly,
    // rather than as a socket error from the first query.
    await sql`select 1`.execute(open.db);
  } catch (err) {
    await open.close().catch(() => {});
    const e = err as { code?: string; message?: string };
    throw new DatabaseError(
      `Could not connect to Postgres at ${describePostgres(target.url)} (${e.code ?? e.message}). Check that the server is running and that DATABASE_URL has the right host, port, database, user and password.`,
      { cause: err },
    );
  }
  return open;
}
