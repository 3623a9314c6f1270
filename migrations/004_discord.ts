// Discord: the hash of the application command definitions last registered per scope
// (global, or one guild), so start-up re-registers only when the definitions change.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('discord_commands')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('discord_commands').execute();
}
