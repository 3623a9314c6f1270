// What opening a database hands back, whichever kind it is. Its own file so that each
// kind's opener (connection.ts for SQLite, postgres.ts) can return it without importing
// the other.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { DatabaseTarget } from './url';

export interface OpenDatabase {
  db: Kysely<Database>;
  target: DatabaseTarget;
  /** The raw SQLite handle, for online backup. Absent on Postgres. */
  sqlite?: SQLite.Database;
  /** A new SQLite file was made by this open (the first start on this path). */
  created?: boolean;
  close(): Promise<void>;
}
