// What reminders and interview targets keep about a member, for `/prep export`, and
// its deletion for `/prep forget-me`.
import type { Db } from '../practice/store/db';
import { affected } from '../practice/store/db';
import { formatMinutes } from '../reminders/prefs';

export interface ExportedTimes {
  /** The zone the member set, and the one their chat profile gave. */
  timezone: string | null;
  platformTimezone: string | null;
  quietHours: string | null;
  remindersOff: boolean;
  remindersSent: { day: string; channel: string; sentAt: string | null }[];
  interview: { employer: string; date: string; timezone: string; briefSentAt: string | null } | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export async function exportTimes(db: Db, workspace: string, userId: string): Promise<ExportedTimes> {
  const prefs = await db
    .selectFrom('member_prefs')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const sends = await db
    .selectFrom('reminder_sends')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .orderBy('day')
    .execute();
  const target = await db
    .selectFrom('interview_targets')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const quiet =
    prefs && prefs.quiet_from !== null && prefs.quiet_to !== null
      ? `${formatMinutes(Number(prefs.quiet_from))}-${formatMinutes(Number(prefs.quiet_to))}`
      : null;
  return {
    timezone: prefs?.timezone ?? null,
    platformTimezone: prefs?.platform_timezone ?? null,
    quietHours: quiet,
    remindersOff: prefs?.reminders_off === 1,
    remindersSent: sends.map((s) => ({ day: s.day, channel: s.channel_ref, sentAt: iso(s.sent_at) })),
    interview: target
      ? {
          employer: target.employer,
          date: target.interview_date,
          timezone: target.timezone,
          briefSentAt: iso(target.brief_sent_at),
        }
      : null,
  };
}

/** Deletes the member's settings, reminder log and interview; returns how many rows went. */
export async function forgetTimes(db: Db, workspace: string, userId: string): Promise<number> {
  let gone = 0;
  for (const table of ['member_prefs', 'reminder_sends', 'interview_targets'] as const) {
    gone += affected(
      await db.deleteFrom(table).where('workspace', '=', workspace).where('user_id', '=', userId).executeTakeFirst(),
    );
  }
  return gone;
}
