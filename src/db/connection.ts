// Opens the database named by DATABASE_URL. Unset means a SQLite file at
// ./data/starling.db; a path or sqlite://path means that file; ':memory:' is a
// throwaway database for tests.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export const DEFAULT_SQLITE_PATH = './data/starling.db';

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface OpenDatabase {
  db: Kysely<Database>;
  target: DatabaseTarget;
  /** The raw SQLite handle, for online backup. Absent on Postgres. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

/** Reads DATABASE_URL into a target; throws a readable error for a URL it cannot use. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  if (value === ':memory:') return { kind: 'sqlite', path: ':memory:' };
  const m = /^(sqlite|file):(\/\/)?(.*)$/i.exec(value);
  if (m) {
    const path = m[3] ?? '';
    if (!path) throw new Error(`DATABASE_URL "${value}" names no file; use sqlite://./data/starling.db`);
    return { kind: 'sqlite', path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new Error(
      `DATABASE_URL "${value}" uses a database Starling does not support; use a file path, sqlite://path or postgres://user@host/db`,
    );
  }
  return { kind: 'sqlite', path: value };
}

export function openSqlite(path: string): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    target: { kind: 'sqlite', path },
    close: () => db.destroy(),
  };
}

export async function openDatabase(url: string | undefined): Promise<OpenDatabase> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'sqlite') return openSqlite(target.path);
  const { openPostgres } = await import('./postgres');
  return openPostgres(target.url);
}
