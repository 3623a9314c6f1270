// As shipped in commit 12e9c26 (the release after the first): kept verbatim, see README.md.
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

  // A member's answers in one channel (streaks).
  await db.schema
    .createIndex('answers_channel_member')
    .on('answers')
    .columns(['channel_ref', 'user_id', 'created_at'])
    .execute();
  // Covering indexes: the leaderboard reads a channel's recent answers and their
  // flags without touching either table (measured in bench/core.ts: about half the time).
  await db.schema
    .createIndex('answers_board')
    .on('answers')
    .columns(['channel_ref', 'created_at', 'workspace', 'user_id', 'user_name', 'post_id', 'id'])
    .execute();
  await db.schema
    .createIndex('analyses_flags')
    .on('analyses')
    .columns([
      'answer_id',
      'story',
      'situation',
      'task',
      'action',
      'result',
      'result_measured',
      'ownership_flagged',
      'checks_passed',
      'checks_total',
      'word_count',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('analyses_flags').execute();
  await db.schema.dropIndex('answers_board').execute();
  await db.schema.dropIndex('answers_channel_member').execute();
  await db.schema.alterTable('analyses').dropColumn('ownership_flagged').execute();
  await db.schema.dropTable('retries').execute();
  await db.schema.dropTable('snoozes').execute();
}
