// Postgres through kysely's dialect and pg. Loaded only when DATABASE_URL says so.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { OpenDatabase } from './handle';
import type { Database } from './schema';

const INT8 = 20;
const NUMERIC = 1700;

// bigint columns hold epoch milliseconds and counts (count(*) is bigint too), well
// inside a double's exact range; avg() and sum() give NUMERIC, which SQLite returns
// as a plain number. pg would hand both over as strings. Set per pool rather than
// on pg's global table so importing this file changes nothing for anyone else.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Called when an idle connection breaks (server restart, network); the pool replaces it. */
  onError?: (err: Error) => void;
}

export function openPostgres(url: string, options: PostgresOptions = {}): OpenDatabase {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // Without a listener, an idle client's error (e.g. Postgres restarting) would crash
  // the process; the pool discards that client and the next query opens a new one.
  pool.on('error', (err) => {
    if (options.onError) options.onError(err);
    else process.emitWarning(`Postgres connection lost (${err.message}); the pool will open a new one`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, target: { kind: 'postgres', url }, close: () => db.destroy() };
}
