// A member's own times: the zone they chose (else the platform's), quiet hours and
// whether they want reminders. One row per member and workspace, made on first use.
import type { MemberPrefs } from '../db/schema';
import type { Db } from '../practice/store/db';
import { isValidTimeZone } from '../scheduler/time';

export interface Quiet {
  /** Minutes after local midnight. */
  from: number;
  to: number;
}

export async function getPrefs(db: Db, workspace: string, userId: string): Promise<MemberPrefs | undefined> {
  return db
    .selectFrom('member_prefs')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

type Change = Partial<
  Pick<MemberPrefs, 'timezone' | 'platform_timezone' | 'quiet_from' | 'quiet_to' | 'reminders_off'>
>;

export async function setPrefs(db: Db, workspace: string, userId: string, change: Change, now: number): Promise<void> {
  await db
    .insertInto('member_prefs')
    .values({ workspace, user_id: userId, ...change, updated_at: now })
    .onConflict((oc) => oc.columns(['workspace', 'user_id']).doUpdateSet({ ...change, updated_at: now }))
    .execute();
}

/** Remembers the zone the platform gave for the member, when it gave one that changed. */
export async function notePlatformZone(
  db: Db,
  workspace: string,
  userId: string,
  zone: string | undefined,
  now: number,
) {
  if (!zone || !isValidTimeZone(zone)) return;
  const prefs = await getPrefs(db, workspace, userId);
  if (prefs?.platform_timezone === zone) return;
  await setPrefs(db, workspace, userId, { platform_timezone: zone }, now);
}

/** The zone that reads the member's dates and quiet hours: theirs, the platform's, else the fallback. */
export function zoneOf(
  prefs: Pick<MemberPrefs, 'timezone' | 'platform_timezone'> | undefined,
  fallback: string,
): string {
  for (const z of [prefs?.timezone, prefs?.platform_timezone]) if (z && isValidTimeZone(z)) return z;
  return isValidTimeZone(fallback) ? fallback : 'UTC';
}

export function quietOf(prefs: Pick<MemberPrefs, 'quiet_from' | 'quiet_to'> | undefined): Quiet | undefined {
  if (prefs?.quiet_from === null || prefs?.quiet_from === undefined) return undefined;
  if (prefs.quiet_to === null || prefs.quiet_to === undefined) return undefined;
  return { from: Number(prefs.quiet_from), to: Number(prefs.quiet_to) };
}

/** Whether a local minute after midnight falls in quiet hours (the end minute is no longer quiet). */
export function quietAtMinute(quiet: Quiet | undefined, minute: number): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  return quiet.from < quiet.to ? minute >= quiet.from && minute < quiet.to : minute >= quiet.from || minute < quiet.to;
}

/** "22:00-07:30" as minutes, or undefined. */
export function parseQuiet(text: string): Quiet | undefined {
  const m = /^([01]?\d|2[0-3])[:.h]?([0-5]\d)?\s*(?:-|–|to)\s*([01]?\d|2[0-3])[:.h]?([0-5]\d)?$/.exec(text.trim());
  if (!m) return undefined;
  return { from: Number(m[1]) * 60 + Number(m[2] ?? 0), to: Number(m[3]) * 60 + Number(m[4] ?? 0) };
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
