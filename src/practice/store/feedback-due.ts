// An answer's feedback held for the member's quiet period. The row is written with
// the reply, before any timer, so a restart finds what is owed and sends it.
import type { AnswerFeedback } from '../../db/schema';
import type { AnswerFlags } from '../../star';
import { affected, type Db } from './db';

interface Hold {
  answerId: string;
  workspace: string;
  userId: string;
  dueAt: number;
  now: number;
}

/** Feedback on this answer is due at `dueAt` (a later reply moves it on). */
export async function holdFeedback(db: Db, h: Hold): Promise<void> {
  await db
    .insertInto('answer_feedback')
    .values({
      answer_id: h.answerId,
      workspace: h.workspace,
      user_id: h.userId,
      due_at: h.dueAt,
      reason: 'answer',
      sent_at: null,
      sent_flags: null,
      updated_at: h.now,
    })
    .onConflict((oc) => oc.column('answer_id').doUpdateSet({ due_at: h.dueAt, updated_at: h.now }))
    .execute();
}

export async function feedbackState(db: Db, answerId: string): Promise<AnswerFeedback | undefined> {
  return db.selectFrom('answer_feedback').selectAll().where('answer_id', '=', answerId).executeTakeFirst();
}

/**
 * Takes the feedback due by `dueBy` for sending; false when it is not due yet or another
 * process took it. (Shutdown passes a far `dueBy`: it sends what it holds at once.)
 */
export async function claimFeedback(db: Db, answerId: string, dueBy: number, now = Date.now()): Promise<boolean> {
  const r = await db
    .updateTable('answer_feedback')
    .set({ due_at: null, sent_at: now, updated_at: now })
    .where('answer_id', '=', answerId)
    .where('due_at', 'is not', null)
    .where('due_at', '<=', dueBy)
    .executeTakeFirst();
  return affected(r) === 1;
}

/** Remembers what the feedback just sent said and where, so a later edit can update it and say what changed. */
export async function recordSent(
  db: Db,
  s: { answerId: string; workspace: string; userId: string; flags: AnswerFlags; ref: string | null; now: number },
): Promise<void> {
  const flags = JSON.stringify(s.flags);
  const sent = { sent_flags: flags, sent_ref: s.ref, sent_at: s.now, updated_at: s.now };
  await db
    .insertInto('answer_feedback')
    .values({
      answer_id: s.answerId,
      workspace: s.workspace,
      user_id: s.userId,
      due_at: null,
      reason: 'answer',
      ...sent,
    })
    .onConflict((oc) => oc.column('answer_id').doUpdateSet(sent))
    .execute();
}

/** Feedback due before `before` that nobody sent: its timer died with a process. */
export async function overdueFeedback(db: Db, before: number, limit = 100): Promise<AnswerFeedback[]> {
  return db
    .selectFrom('answer_feedback')
    .selectAll()
    .where('due_at', 'is not', null)
    .where('due_at', '<=', before)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/** A member's feedback records (`/prep export`), oldest first. */
export async function feedbackOf(db: Db, workspace: string, userId: string): Promise<AnswerFeedback[]> {
  return db
    .selectFrom('answer_feedback')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .orderBy('updated_at')
    .execute();
}

/** Removes a member's feedback records (`/prep forget-me`). */
export async function forgetFeedback(db: Db, workspace: string, userId: string): Promise<number> {
  return affected(
    await db
      .deleteFrom('answer_feedback')
      .where('workspace', '=', workspace)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );
}
