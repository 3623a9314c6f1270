// Reminders and interview targets: a member's time zone, quiet hours and reminder
// opt-out; a channel's reminder setting; the one reminder a member gets a day; and a
// member's real interview with the brief sent the day before.
// Booleans are 0/1 integers and times epoch milliseconds, as in every migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_prefs')
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // the zone the member chose; the platform's (Slack profile) when they chose none
    .addColumn('timezone', 'text')
    .addColumn('platform_timezone', 'text')
    // quiet hours as minutes after local midnight; from > to wraps past midnight
    .addColumn('quiet_from', 'integer')
    .addColumn('quiet_to', 'integer')
    .addColumn('reminders_off', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_prefs_pk', ['workspace', 'user_id'])
    .execute();
  await db.schema
    .createTable('channel_reminders')
    .addColumn('channel_ref', 'text', (c) => c.primaryKey())
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    // HH:MM in the schedule's zone; null: an hour before the answer window closes
    .addColumn('at_time', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channel_reminders_enabled').on('channel_reminders').column('enabled').execute();
  // one row per member and local day: the key is what keeps it to one a day on any replica
  await db.schema
    .createTable('reminder_sends')
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('channel_ref', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_sends_pk', ['workspace', 'user_id', 'day'])
    .execute();
  await db.schema.createIndex('reminder_sends_created').on('reminder_sends').column('created_at').execute();
  await db.schema
    .createTable('interview_targets')
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('employer', 'text', (c) => c.notNull())
    // YYYY-MM-DD in `timezone`, the member's zone when they set it
    .addColumn('interview_date', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('channel_ref', 'text', (c) => c.notNull())
    .addColumn('brief_due_at', 'bigint', (c) => c.notNull())
    .addColumn('brief_claimed_by', 'text')
    .addColumn('brief_claimed_at', 'bigint')
    .addColumn('brief_sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('interview_targets_pk', ['workspace', 'user_id'])
    .execute();
  await db.schema
    .createIndex('interview_targets_brief')
    .on('interview_targets')
    .columns(['brief_sent_at', 'brief_due_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('interview_targets').execute();
  await db.schema.dropTable('reminder_sends').execute();
  await db.schema.dropTable('channel_reminders').execute();
  await db.schema.dropTable('member_prefs').execute();
}
