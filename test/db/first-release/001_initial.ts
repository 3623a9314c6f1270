// As shipped in commit 6a01985 (unchanged since): kept verbatim, see README.md.
// Frozen: the first schema. Never edit a migration that has shipped; add a new one.
// Booleans are 0/1 integers and times are epoch milliseconds (bigint), so the same
// migration serves SQLite and Postgres.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('channels')
    .addColumn('ref', 'text', (c) => c.primaryKey())
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('answer_window_minutes', 'integer', (c) => c.notNull().defaultTo(1440))
    .addColumn('feedback_mode', 'text', (c) => c.notNull().defaultTo('private'))
    .addColumn('summaries_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channels_workspace').on('channels').column('workspace').execute();

  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('channel_ref', 'text', (c) => c.notNull().unique())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('employer', 'text')
    .addColumn('category', 'text')
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('next_run_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedules_due').on('schedules').columns(['paused', 'next_run_at']).execute();

  await db.schema
    .createTable('occurrences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('post_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('occurrences_once', ['schedule_id', 'due_at'])
    .execute();
  await db.schema.createIndex('occurrences_status').on('occurrences').columns(['status', 'lease_until']).execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('channel_ref', 'text', (c) => c.notNull())
    .addColumn('message_ref', 'text', (c) => c.notNull())
    .addColumn('thread_ref', 'text', (c) => c.notNull().unique())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('question_text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('posted_by', 'text')
    .addColumn('occurrence_id', 'text')
    .addColumn('posted_at', 'bigint', (c) => c.notNull())
    .addColumn('closes_at', 'bigint', (c) => c.notNull())
    .addColumn('digest_at', 'bigint')
    .execute();
  await db.schema.createIndex('posts_channel').on('posts').columns(['channel_ref', 'posted_at']).execute();
  await db.schema.createIndex('posts_open').on('posts').columns(['digest_at', 'closes_at']).execute();

  await db.schema
    .createTable('members')
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('snoozed_until', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('members_pk', ['workspace', 'user_id'])
    .execute();

  await db.schema
    .createTable('answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('channel_ref', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('answers_attempt', ['post_id', 'user_id', 'attempt'])
    .execute();
  await db.schema.createIndex('answers_member').on('answers').columns(['workspace', 'user_id', 'created_at']).execute();
  await db.schema.createIndex('answers_channel').on('answers').columns(['channel_ref', 'created_at']).execute();

  await db.schema
    .createTable('answer_messages')
    .addColumn('ref', 'text', (c) => c.primaryKey())
    .addColumn('answer_id', 'text', (c) => c.notNull().references('answers.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('answer_messages_answer').on('answer_messages').column('answer_id').execute();

  await db.schema
    .createTable('analyses')
    .addColumn('answer_id', 'text', (c) => c.primaryKey().references('answers.id').onDelete('cascade'))
    .addColumn('story', 'integer', (c) => c.notNull())
    .addColumn('situation', 'integer', (c) => c.notNull())
    .addColumn('task', 'integer', (c) => c.notNull())
    .addColumn('action', 'integer', (c) => c.notNull())
    .addColumn('result', 'integer', (c) => c.notNull())
    .addColumn('result_measured', 'integer', (c) => c.notNull())
    .addColumn('ownership', 'real')
    .addColumn('checks_passed', 'integer', (c) => c.notNull())
    .addColumn('checks_total', 'integer', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('processed_events')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('slack_installations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text')
    .addColumn('enterprise_id', 'text')
    .addColumn('bot_token', 'text', (c) => c.notNull())
    .addColumn('bot_user_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('installed_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'slack_installations',
    'processed_events',
    'analyses',
    'answer_messages',
    'answers',
    'members',
    'posts',
    'occurrences',
    'schedules',
    'channels',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
