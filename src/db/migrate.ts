// Applies and reports migrations from the one registry in migrations/.
import { type Kysely, type MigrationResultSet, Migrator, PostgresAdapter, sql } from 'kysely';
import { migrations } from '../../migrations/index';

async function migrator(db: Kysely<any>): Promise<Migrator> {
  // kysely looks for its bookkeeping tables in every schema unless told which one;
  // pin it to the connection's own schema so a database shared by several schemas works.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    migrationTableSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  }
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result: MigrationResultSet = await (await migrator(db)).migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error) {
    const why = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${why}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface MigrationStatus {
  name: string;
  appliedAt?: Date;
}

export async function migrationStatus(db: Kysely<any>): Promise<MigrationStatus[]> {
  const list = await (await migrator(db)).getMigrations();
  return list.map((m) => ({ name: m.name, appliedAt: m.executedAt }));
}
