// Postgres through kysely's dialect and pg. Loaded only when DATABASE_URL says so.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { OpenDatabase } from './connection';
import type { Database } from './schema';

// bigint columns hold epoch milliseconds, well inside a double's exact range.
pg.types.setTypeParser(20, (v) => Number(v));

export function openPostgres(url: string): OpenDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, target: { kind: 'postgres', url }, close: () => db.destroy() };
}
