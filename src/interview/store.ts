// A member's real interview: one target per member and workspace, and its brief,
// claimed before it is sent so that replicas send it exactly once.
import type { InterviewTarget } from '../db/schema';
import type { Db } from '../practice/store/db';
import { affected } from '../practice/store/db';

/** A claim older than this was left by a replica that died mid-send: it may be taken again. */
const BRIEF_LEASE_MS = 10 * 60_000;

export interface NewTarget {
  workspace: string;
  userId: string;
  employer: string;
  date: string;
  timezone: string;
  channel: string;
  briefDueAt: number;
}

export async function setTarget(db: Db, t: NewTarget, now: number): Promise<void> {
  const fields = {
    employer: t.employer,
    interview_date: t.date,
    timezone: t.timezone,
    channel_ref: t.channel,
    brief_due_at: t.briefDueAt,
    brief_claimed_by: null,
    brief_claimed_at: null,
    brief_sent_at: null,
    updated_at: now,
  };
  await db
    .insertInto('interview_targets')
    .values({ workspace: t.workspace, user_id: t.userId, ...fields, created_at: now })
    .onConflict((oc) => oc.columns(['workspace', 'user_id']).doUpdateSet(fields))
    .execute();
}

export async function getTarget(db: Db, workspace: string, userId: string): Promise<InterviewTarget | undefined> {
  return db
    .selectFrom('interview_targets')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function clearTarget(db: Db, workspace: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('interview_targets')
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return affected(r) > 0;
}

/** Briefs due by `now`, not sent, not held by a live claim. */
export async function dueBriefs(db: Db, now: number, limit: number): Promise<InterviewTarget[]> {
  return db
    .selectFrom('interview_targets')
    .selectAll()
    .where('brief_sent_at', 'is', null)
    .where('brief_due_at', '<=', now)
    .where((eb) => eb.or([eb('brief_claimed_at', 'is', null), eb('brief_claimed_at', '<', now - BRIEF_LEASE_MS)]))
    .orderBy('brief_due_at')
    .limit(limit)
    .execute();
}

/** Takes the brief for this replica; false when another took it first. */
export async function claimBrief(db: Db, t: InterviewTarget, replicaId: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('interview_targets')
    .set({ brief_claimed_by: replicaId, brief_claimed_at: now })
    .where('workspace', '=', t.workspace)
    .where('user_id', '=', t.user_id)
    .where('updated_at', '=', t.updated_at)
    .where('brief_sent_at', 'is', null)
    .where((eb) => eb.or([eb('brief_claimed_at', 'is', null), eb('brief_claimed_at', '<', now - BRIEF_LEASE_MS)]))
    .executeTakeFirst();
  return affected(r) > 0;
}

export async function finishBrief(db: Db, t: InterviewTarget, sent: boolean, now: number): Promise<void> {
  await db
    .updateTable('interview_targets')
    .set(sent ? { brief_sent_at: now } : { brief_claimed_by: null, brief_claimed_at: null })
    .where('workspace', '=', t.workspace)
    .where('user_id', '=', t.user_id)
    .where('updated_at', '=', t.updated_at)
    .execute();
}
