// Mock interview answers are stories too: a member may retag or merge one like a daily
// answer. story_marks (008) tied each mark to an answers row by a foreign key, which a
// mock answer (`mock:<session>:<position>`) has not, so the table is rebuilt without
// it, every mark kept. Deleting an answer or a mock session no longer cascades to its
// marks: the code removes them itself, and `/prep forget-me` removes them all.
// Booleans are 0/1 integers and times epoch milliseconds, as in every migration.
import { type Kysely, sql } from 'kysely';

async function rebuild(db: Kysely<any>, toAnswers: boolean): Promise<void> {
  await db.schema
    .createTable('story_marks_next')
    .addColumn('answer_id', 'text', (c) =>
      toAnswers ? c.primaryKey().references('answers.id').onDelete('cascade') : c.primaryKey(),
    )
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('same_as', 'text')
    .addColumn('competencies', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  const keep = toAnswers ? sql`where answer_id in (select id from answers)` : sql``;
  await sql`insert into story_marks_next (answer_id, workspace, user_id, same_as, competencies, updated_at)
    select answer_id, workspace, user_id, same_as, competencies, updated_at from story_marks ${keep}`.execute(db);
  await db.schema.dropTable('story_marks').execute();
  await db.schema.alterTable('story_marks_next').renameTo('story_marks').execute();
  await db.schema.createIndex('story_marks_member').on('story_marks').columns(['workspace', 'user_id']).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await rebuild(db, false);
}

export async function down(db: Kysely<any>): Promise<void> {
  // marks on mock answers have no answers row to point at: they go
  await rebuild(db, true);
}
