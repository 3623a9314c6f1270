// A channel's reminder setting, and the one reminder a member gets a day: the row's
// key (member, local day) is the claim, so however many replicas run the pass, the
// first insert wins and the others skip.
import type { Db } from '../practice/store/db';

export interface ChannelReminder {
  enabled: boolean;
  /** HH:MM in the schedule's zone; undefined: an hour before the window closes. */
  at?: string;
}

export async function channelReminder(db: Db, channelRef: string): Promise<ChannelReminder> {
  const row = await db
    .selectFrom('channel_reminders')
    .selectAll()
    .where('channel_ref', '=', channelRef)
    .executeTakeFirst();
  return { enabled: row?.enabled === 1, ...(row?.at_time ? { at: row.at_time } : {}) };
}

export async function setChannelReminder(
  db: Db,
  where: { workspace: string; channel: string; by: string },
  setting: ChannelReminder,
  now: number,
): Promise<void> {
  const change = {
    enabled: setting.enabled ? 1 : 0,
    at_time: setting.at ?? null,
    updated_by: where.by,
    updated_at: now,
  };
  await db
    .insertInto('channel_reminders')
    .values({ channel_ref: where.channel, workspace: where.workspace, ...change })
    .onConflict((oc) => oc.column('channel_ref').doUpdateSet(change))
    .execute();
}

export interface ReminderClaim {
  workspace: string;
  userId: string;
  day: string;
  channel: string;
  postId: string;
}

const CLAIMS_AT_ONCE = 2_000;

/** Claims each member's reminder for their day; returns the ones this replica won. */
export async function claimReminders(
  db: Db,
  claims: readonly ReminderClaim[],
  replicaId: string,
  now: number,
): Promise<ReminderClaim[]> {
  const won: ReminderClaim[] = [];
  // eight values a row: 16,000 parameters a statement, below SQLite's 32,766 and Postgres' 65,535
  for (let i = 0; i < claims.length; i += CLAIMS_AT_ONCE) {
    const chunk = claims.slice(i, i + CLAIMS_AT_ONCE);
    const rows = await db
      .insertInto('reminder_sends')
      .values(
        chunk.map((c) => ({
          workspace: c.workspace,
          user_id: c.userId,
          day: c.day,
          channel_ref: c.channel,
          post_id: c.postId,
          claimed_by: replicaId,
          sent_at: null,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace', 'user_id', 'day']).doNothing())
      .returning(['workspace', 'user_id', 'day'])
      .execute();
    const key = (w: string, u: string, d: string) => `${w}\u0000${u}\u0000${d}`;
    const inserted = new Set(rows.map((r) => key(r.workspace, r.user_id, r.day)));
    for (const c of chunk) if (inserted.has(key(c.workspace, c.userId, c.day))) won.push(c);
  }
  return won;
}

/**
 * Marks as sent every claim one pass made (`claimedAt`, by this replica) that is still
 * unmarked: one statement, however many members. The pass gives back the claims it could
 * not send before it marks, so what is left was sent.
 */
export async function markPassSent(db: Db, replicaId: string, claimedAt: number, now: number): Promise<void> {
  await db
    .updateTable('reminder_sends')
    .set({ sent_at: now })
    .where('created_at', '=', claimedAt)
    .where('claimed_by', '=', replicaId)
    .where('sent_at', 'is', null)
    .execute();
}

/**
 * Marks these sent reminders, one statement per workspace and day and 500 members (when a
 * pass could not give some failed claims back, so not all of its claims were sent).
 */
export async function markRemindersSent(db: Db, sent: readonly ReminderClaim[], now: number): Promise<void> {
  const groups = new Map<string, ReminderClaim[]>();
  for (const c of sent) {
    const key = `${c.workspace}\u0000${c.day}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    for (let i = 0; i < group.length; i += 500) {
      await db
        .updateTable('reminder_sends')
        .set({ sent_at: now })
        .where('workspace', '=', first.workspace)
        .where('day', '=', first.day)
        .where(
          'user_id',
          'in',
          group.slice(i, i + 500).map((c) => c.userId),
        )
        .execute();
    }
  }
}

/** A reminder that could not be sent is given back, so a later tick tries again. */
export async function releaseReminder(db: Db, c: ReminderClaim): Promise<void> {
  await db
    .deleteFrom('reminder_sends')
    .where('workspace', '=', c.workspace)
    .where('user_id', '=', c.userId)
    .where('day', '=', c.day)
    .where('sent_at', 'is', null)
    .execute();
}

export async function pruneReminderSends(db: Db, before: number): Promise<void> {
  await db.deleteFrom('reminder_sends').where('created_at', '<', before).execute();
}
