// Guides added from the chat (`/prep guide add <address>`): each is the guide as the importer
// read it (JSON), with where it came from and who added it. A guide waits as a draft (confirmed
// 0) until its preview's confirm button is pressed. Booleans are 0/1 and times epoch
// milliseconds, as in every migration.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chat_guides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('guide', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('workspace', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // one confirmed guide per slug, whoever added it
  await db.schema
    .createIndex('chat_guides_slug')
    .unique()
    .on('chat_guides')
    .column('slug')
    .where(sql.ref('confirmed'), '=', 1)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chat_guides').execute();
}
