// Platforms deliver some events more than once (Slack retries, a gateway resume).
// The first delivery of a key wins; later ones are dropped.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Records `key`; returns true the first time it is seen and false after. */
export async function firstDelivery(db: Kysely<Database>, key: string, now = Date.now()): Promise<boolean> {
  const result = await db
    .insertInto('processed_events')
    .values({ key, seen_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Forgets keys older than `before` so the table stays small. */
export async function pruneDeliveries(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('processed_events').where('seen_at', '<', before).execute();
}
