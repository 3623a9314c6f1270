// The story bank and one feedback per answer (issue 15).
// story_marks: what a member changed about a story (its competencies, or that an
// answer is the same story as another); stories themselves are read from answers.
// answer_feedback: an answer's feedback waiting for the member's quiet period, kept
// so a restart sends it instead of losing it, and where it went once sent.
// Booleans are 0/1 integers and times epoch milliseconds, as in every migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('story_marks')
    .addColumn('answer_id', 'text', (c) => c.primaryKey().references('answers.id').onDelete('cascade'))
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // the answer this one is the same story as (the story's first answer), or null
    .addColumn('same_as', 'text')
    // the member's own competencies for the story, as a JSON array of ids, or null for the tagger's
    .addColumn('competencies', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_marks_member').on('story_marks').columns(['workspace', 'user_id']).execute();
  await db.schema
    .createTable('answer_feedback')
    .addColumn('answer_id', 'text', (c) => c.primaryKey().references('answers.id').onDelete('cascade'))
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // when the feedback is due (the end of the quiet period), or null once sent
    .addColumn('due_at', 'bigint')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    // the S·T·A·R checks the last feedback reported, so an edit can say what changed
    .addColumn('sent_flags', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('answer_feedback_due').on('answer_feedback').columns(['due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('answer_feedback').execute();
  await db.schema.dropTable('story_marks').execute();
}
