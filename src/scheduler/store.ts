// Channel schedules in the database. The next run is computed in the channel's own
// time zone and stored, so a tick only asks "which are due?".
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Schedule } from '../db/schema';
import { nextRunAt } from './time';

export interface ScheduleInput {
  workspace: string;
  channelRef: string;
  time: string;
  timezone: string;
  days: readonly number[];
  employer?: string | null;
  category?: string | null;
  createdBy: string;
}

export function scheduleDays(s: Pick<Schedule, 'days'>): number[] {
  return s.days.split(',').filter(Boolean).map(Number);
}

export function computeNextRun(s: Pick<Schedule, 'time' | 'timezone' | 'days'>, after: Date): number | null {
  return nextRunAt({ time: s.time, timezone: s.timezone, days: scheduleDays(s) }, after)?.getTime() ?? null;
}

/** Creates or replaces the channel's schedule (one per channel) and un-pauses it. */
export async function setSchedule(db: Kysely<Database>, input: ScheduleInput, now: Date): Promise<Schedule> {
  const days = [...input.days].sort((a, b) => a - b).join(',');
  const next = computeNextRun({ time: input.time, timezone: input.timezone, days }, now);
  const at = now.getTime();
  const values = {
    workspace: input.workspace,
    time: input.time,
    timezone: input.timezone,
    days,
    employer: input.employer ?? null,
    category: input.category ?? null,
    paused: 0,
    paused_reason: null,
    created_by: input.createdBy,
    next_run_at: next,
    updated_at: at,
  };
  await db
    .insertInto('schedules')
    .values({ id: randomUUID(), channel_ref: input.channelRef, created_at: at, ...values })
    .onConflict((oc) => oc.column('channel_ref').doUpdateSet(values))
    .execute();
  const saved = await getSchedule(db, input.channelRef);
  if (!saved) throw new Error('schedule vanished after saving');
  return saved;
}

export async function getSchedule(db: Kysely<Database>, channelRef: string): Promise<Schedule | undefined> {
  return db.selectFrom('schedules').selectAll().where('channel_ref', '=', channelRef).executeTakeFirst();
}

export async function removeSchedule(db: Kysely<Database>, channelRef: string): Promise<boolean> {
  const r = await db.deleteFrom('schedules').where('channel_ref', '=', channelRef).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Stops posting in a channel (the platform refused, or an admin asked) with a reason. */
export async function pauseSchedule(
  db: Kysely<Database>,
  channelRef: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('schedules')
    .set({ paused: 1, paused_reason: reason, updated_at: now.getTime() })
    .where('channel_ref', '=', channelRef)
    .execute();
}

export async function resumeSchedule(
  db: Kysely<Database>,
  channelRef: string,
  now: Date,
): Promise<Schedule | undefined> {
  const s = await getSchedule(db, channelRef);
  if (!s) return undefined;
  await db
    .updateTable('schedules')
    .set({ paused: 0, paused_reason: null, next_run_at: computeNextRun(s, now), updated_at: now.getTime() })
    .where('id', '=', s.id)
    .execute();
  return getSchedule(db, channelRef);
}

export async function listSchedules(db: Kysely<Database>, workspace?: string): Promise<Schedule[]> {
  let q = db.selectFrom('schedules').selectAll().orderBy('workspace').orderBy('channel_ref');
  if (workspace) q = q.where('workspace', '=', workspace);
  return q.execute();
}
