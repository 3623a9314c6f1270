// What every practice store function shares: the database handle type and a count of
// changed rows that reads the same on both engines.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export type Db = Kysely<Database>;

/** Rows changed by an update or delete, the same on SQLite and Postgres. */
export function affected(r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number {
  return Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0);
}
