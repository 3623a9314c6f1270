// Members of a workspace, their snoozes (kept as history: a past snooze still
// protects the streak it covered) and a pending retry.
import { randomUUID } from 'node:crypto';
import type { Member, Retry, Snooze } from '../../db/schema';
import type { Db } from './db';

export async function upsertMember(
  db: Db,
  workspace: string,
  userId: string,
  name: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('members')
    .values({ workspace, user_id: userId, name, snoozed_until: null, updated_at: now })
    .onConflict((oc) => oc.columns(['workspace', 'user_id']).doUpdateSet({ name, updated_at: now }))
    .execute();
}

export async function getMember(db: Db, workspace: string, userId: string): Promise<Member | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Members whose name matches (case-insensitive), for `/prep summary @name`. */
export async function membersNamed(db: Db, workspace: string, name: string): Promise<Member[]> {
  const rows = await db.selectFrom('members').selectAll().where('workspace', '=', workspace).execute();
  const want = name.toLowerCase();
  return rows.filter((m) => m.name.toLowerCase() === want);
}

/** Snoozes from `from` until `until`; replaces any snooze still running. */
export async function snooze(db: Db, workspace: string, userId: string, from: number, until: number): Promise<void> {
  await db
    .updateTable('snoozes')
    .set({ until_at: from })
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .where('until_at', '>', from)
    .execute();
  if (until > from) {
    await db
      .insertInto('snoozes')
      .values({ id: randomUUID(), workspace, user_id: userId, from_at: from, until_at: until, created_at: from })
      .execute();
  }
  await db
    .updateTable('members')
    .set({ snoozed_until: until > from ? until : null })
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .execute();
}

export async function snoozesOf(db: Db, workspace: string, userId: string): Promise<Snooze[]> {
  return db
    .selectFrom('snoozes')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .orderBy('from_at')
    .execute();
}

export async function setRetry(db: Db, workspace: string, userId: string, postId: string, now: number): Promise<void> {
  await db
    .insertInto('retries')
    .values({ workspace, user_id: userId, post_id: postId, created_at: now })
    .onConflict((oc) => oc.columns(['workspace', 'user_id']).doUpdateSet({ post_id: postId, created_at: now }))
    .execute();
}

export async function getRetry(db: Db, workspace: string, userId: string): Promise<Retry | undefined> {
  return db
    .selectFrom('retries')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function clearRetry(db: Db, workspace: string, userId: string): Promise<void> {
  await db.deleteFrom('retries').where('workspace', '=', workspace).where('user_id', '=', userId).execute();
}
