// Members of a workspace, their snoozes (kept as history: a past snooze still
// protects the streak it covered) and a pending retry.

import { randomUUID } from 'node:crypto';
import type { Member, Retry, Snooze } from '../../db/schema';
import { editDistance } from '../../text/edit-distance';
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

/** Edits (insert, delete, change) from one string to another. */
export interface MemberMatch {
  /** The one member meant. */
  member?: Member;
  /** Without one: every member the words fit (ambiguous), else the closest names. */
  candidates: Member[];
  ambiguous: boolean;
}

/**
 * The member `query` means in a workspace: by id, by whole name, or by the start of
 * a name when only one name starts so (all ignoring case), so `bob` finds
 * "Bob Smith". Otherwise the members it could mean, or the closest names.
 */
export async function findMember(db: Db, workspace: string, query: string): Promise<MemberMatch> {
  const want = query.trim().toLowerCase();
  if (!want) return { candidates: [], ambiguous: false };
  const byId = await getMember(db, workspace, query.trim());
  if (byId) return { member: byId, candidates: [], ambiguous: false };
  const rows = await db.selectFrom('members').selectAll().where('workspace', '=', workspace).execute();
  const byName = (a: Member, b: Member) => a.name.localeCompare(b.name);
  for (const fits of [(n: string) => n === want, (n: string) => n.startsWith(want)]) {
    const hits = rows.filter((m) => fits(m.name.toLowerCase())).sort(byName);
    if (hits.length === 1) return { member: hits[0], candidates: [], ambiguous: false };
    if (hits.length > 1) return { candidates: hits, ambiguous: true };
  }
  // A typo: compare with the whole name and with each of its words ("smtih" → Bob Smith).
  const score = (m: Member) => {
    const name = m.name.toLowerCase();
    const parts = [name, ...name.split(/\s+/), name.slice(0, want.length)];
    return Math.min(...parts.map((p) => editDistance(want, p) / Math.max(want.length, p.length, 1)));
  };
  const close = rows
    .map((m) => ({ m, d: score(m) }))
    .filter((x) => x.d <= 0.5)
    .sort((a, b) => a.d - b.d || byName(a.m, b.m))
    .slice(0, 3)
    .map((x) => x.m);
  return { candidates: close, ambiguous: false };
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

/**
 * The workspaces of `platform` (`discord`) where `userId` is a member, the one they were
 * active in most recently first (for a platform whose user ids are the same in every
 * workspace: a Discord user is one user in all their servers).
 */
export async function workspacesOfMember(db: Db, platform: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('members')
    .select('workspace')
    .where('user_id', '=', userId)
    .where('workspace', 'like', `${platform}:%`)
    .orderBy('updated_at', 'desc')
    .orderBy('workspace')
    .execute();
  return rows.map((r) => r.workspace);
}
