// Where an answer's feedback was sent, so a later edit of the answer can update that
// message in place (a Discord message, a Slack DM or thread message) instead of
// sending another. Null where the platform gave nothing to edit (an ephemeral Slack
// message, the terminal): the next edit's feedback goes as a new message.
// The ref is the owning adapter's opaque string, kept as-is.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('answer_feedback').addColumn('sent_ref', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('answer_feedback').dropColumn('sent_ref').execute();
}
