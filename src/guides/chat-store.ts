// Guides added from the chat, kept in the database beside the guide files: a draft while its
// preview waits for the confirm button, then the guide every command and schedule uses.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { type Guide, GuideSchema } from './schema';

const DRAFT_KEPT_MS = 24 * 3_600_000;

export interface ChatGuideDraft {
  id: string;
  guide: Guide;
  addedBy: string;
  confirmed: boolean;
}

function guideOf(json: string): Guide | undefined {
  try {
    const checked = GuideSchema.safeParse(JSON.parse(json));
    return checked.success ? checked.data : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a guide read from the chat as a draft; drafts a day old are dropped. */
export async function saveDraft(
  db: Kysely<Database>,
  guide: Guide,
  who: { workspace: string; userId: string },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const at = now.getTime();
  await db
    .deleteFrom('chat_guides')
    .where('confirmed', '=', 0)
    .where('created_at', '<', at - DRAFT_KEPT_MS)
    .execute();
  await db
    .insertInto('chat_guides')
    .values({
      id,
      slug: guide.slug,
      employer: guide.employer,
      guide: JSON.stringify(guide),
      source: guide.source,
      workspace: who.workspace,
      added_by: who.userId,
      confirmed: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function getDraft(db: Kysely<Database>, id: string): Promise<ChatGuideDraft | undefined> {
  const row = await db.selectFrom('chat_guides').selectAll().where('id', '=', id).executeTakeFirst();
  const guide = row && guideOf(row.guide);
  return row && guide ? { id: row.id, guide, addedBy: row.added_by, confirmed: row.confirmed === 1 } : undefined;
}

/** Makes a draft the guide for its slug, replacing one added before under the same slug. */
export async function confirmDraft(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('chat_guides').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
    await tx.deleteFrom('chat_guides').where('slug', '=', row.slug).where('confirmed', '=', 1).execute();
    await tx.updateTable('chat_guides').set({ confirmed: 1, updated_at: now.getTime() }).where('id', '=', id).execute();
  });
}

export async function discardDraft(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('chat_guides').where('id', '=', id).where('confirmed', '=', 0).execute();
}

/** Every confirmed guide added from the chat; a row that no longer reads as a guide is skipped. */
export async function chatGuides(db: Kysely<Database>): Promise<Guide[]> {
  const rows = await db.selectFrom('chat_guides').select('guide').where('confirmed', '=', 1).execute();
  return rows.map((r) => guideOf(r.guide)).filter((g): g is Guide => g !== undefined);
}

/** Removes the confirmed chat guide with this slug; whether there was one. */
export async function removeChatGuide(db: Kysely<Database>, slug: string): Promise<boolean> {
  const gone = await db
    .deleteFrom('chat_guides')
    .where('slug', '=', slug)
    .where('confirmed', '=', 1)
    .executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/** The guide files with the chat's guides; a chat guide whose slug a file has is left out. */
export function mergeChatGuides(files: Guide[], chat: Guide[]): { guides: Guide[]; shadowed: Guide[] } {
  const fileSlugs = new Set(files.map((g) => g.slug));
  return {
    guides: [...files, ...chat.filter((g) => !fileSlugs.has(g.slug))],
    shadowed: chat.filter((g) => fileSlugs.has(g.slug)),
  };
}
