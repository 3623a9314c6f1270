// The optional AI coach: off in every channel until an admin turns it on, and a member's
// own opt-out, which holds in every channel of the workspace.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('ai_coach', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('members')
    .addColumn('ai_opt_out', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').dropColumn('ai_opt_out').execute();
  await db.schema.alterTable('channels').dropColumn('ai_coach').execute();
}
