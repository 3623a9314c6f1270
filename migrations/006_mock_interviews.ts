// Mock interviews: a member's private session of a few questions with follow-ups.
// Booleans are 0/1 integers and times epoch milliseconds, as in every migration.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mock_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    // where /prep mock was run, and where the conversation happens (a DM or a private thread)
    .addColumn('channel_ref', 'text', (c) => c.notNull())
    .addColumn('place_ref', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('closed_reason', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull())
    // bumped by every change, so two replicas cannot both move a session on
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute();
  // one open session per member, whichever replica starts it
  await db.schema
    .createIndex('mock_sessions_open')
    .unique()
    .on('mock_sessions')
    .columns(['workspace', 'user_id'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema.createIndex('mock_sessions_place').on('mock_sessions').columns(['place_ref', 'status']).execute();
  await db.schema.createIndex('mock_sessions_idle').on('mock_sessions').columns(['status', 'updated_at']).execute();
  await db.schema
    .createTable('mock_items')
    .addColumn('session_id', 'text', (c) => c.notNull().references('mock_sessions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('question_text', 'text', (c) => c.notNull())
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // 'waiting' for the answer, 'following-up', 'done' or 'skipped'
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('waiting'))
    .addColumn('answer_text', 'text')
    .addColumn('first_analysis', 'text')
    .addColumn('last_analysis', 'text')
    .addColumn('followups_asked', 'integer', (c) => c.notNull().defaultTo(0))
    // the follow-up waiting for a reply, as JSON
    .addColumn('pending', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('mock_items_pk', ['session_id', 'position'])
    .execute();
  // every reply read, once: a redelivered or doubly received message is not read twice
  await db.schema
    .createTable('mock_turns')
    .addColumn('session_id', 'text', (c) => c.notNull().references('mock_sessions.id').onDelete('cascade'))
    .addColumn('message_ref', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('mock_turns_pk', ['session_id', 'message_ref'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mock_turns').execute();
  await db.schema.dropTable('mock_items').execute();
  await db.schema.dropTable('mock_sessions').execute();
}
