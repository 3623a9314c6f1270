// Frozen once shipped. Repairs databases made before 002_practice.ts was edited in place:
// the first release (no figures on answers, no covering indexes) and the release after it
// (covering indexes, but an older answers_board). It copies each answer's STAR figures from
// its analysis onto the answer, as 002 on main now creates them, and builds the indexes the
// leaderboard and summaries read. A database already in today's shape is left as it is.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

const FIGURES = ['checks_passed', 'checks_total', 'complete'] as const;

/** Whether this schema's answers table has the figures (not another schema's, on Postgres). */
async function answersHasFigures(db: Kysely<any>): Promise<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await sql`
      select 1 from information_schema.columns
      where table_schema = current_schema() and table_name = 'answers' and column_name = 'checks_passed'
    `.execute(db);
    return r.rows.length > 0;
  }
  const r = await sql<{ name: string }>`select name from pragma_table_info('answers')`.execute(db);
  return r.rows.some((c) => c.name === 'checks_passed');
}

// All or nothing: SQLite runs migrations outside a transaction, and a repair stopped half-way
// (columns added, figures not copied) would otherwise look done on the next start.
export async function up(db: Kysely<any>): Promise<void> {
  if (db.isTransaction) await repair(db);
  else await db.transaction().execute(repair);
}

async function repair(db: Kysely<any>): Promise<void> {
  if (await answersHasFigures(db)) return;
  for (const column of FIGURES) {
    await db.schema
      .alterTable('answers')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  // the figures the leaderboard showed before, read from each answer's analysis
  await sql`
    update answers set
      checks_passed = coalesce((select a.checks_passed from analyses a where a.answer_id = answers.id), 0),
      checks_total = coalesce((select a.checks_total from analyses a where a.answer_id = answers.id), 0),
      complete = coalesce((
        select case when a.situation = 1 and a.task = 1 and a.action = 1 and a.result = 1 then 1 else 0 end
        from analyses a where a.answer_id = answers.id), 0)
  `.execute(db);
  // the release after the first built answers_board without the figures
  await db.schema.dropIndex('answers_board').ifExists().execute();
  await db.schema
    .createIndex('answers_board')
    .on('answers')
    .columns([
      'channel_ref',
      'created_at',
      'workspace',
      'user_id',
      'user_name',
      'post_id',
      'checks_passed',
      'checks_total',
      'complete',
    ])
    .execute();
  await db.schema
    .createIndex('analyses_flags')
    .ifNotExists()
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

// Nothing to undo: on a database it repaired, 002's own down removes what it added.
export async function down(_db: Kysely<any>): Promise<void> {}
