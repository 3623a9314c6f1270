// As shipped in commit 6a01985 (the first release): kept verbatim, see README.md.
// Frozen once shipped. What the practice features need beyond 001: snooze history
// (so past snoozed days keep a streak whole), pending retries, the ownership flag
// as a column (summaries read flags without parsing the stored analysis), and the
// indexes behind `/prep me` and `/prep leaderboard` on large databases.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('snoozes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('from_at', 'bigint', (c) => c.notNull())
    .addColumn('until_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('snoozes_member').on('snoozes').columns(['workspace', 'user_id', 'until_at']).execute();

  await db.schema
    .createTable('retries')
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('retries_pk', ['workspace', 'user_id'])
    .execute();

  await db.schema
    .alterTable('analyses')
    .addColumn('ownership_flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // A member's answers in one channel (streaks) and an answer's lookup by post and member.
  await db.schema
    .createIndex('answers_channel_member')
    .on('answers')
    .columns(['channel_ref', 'user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('answers_channel_member').execute();
  await db.schema.alterTable('analyses').dropColumn('ownership_flagged').execute();
  await db.schema.dropTable('retries').execute();
  await db.schema.dropTable('snoozes').execute();
}
