// Schedule maths in the channel's own time zone. 09:00 local stays 09:00 local
// across daylight-saving changes; a time that does not exist on the spring-forward
// day runs at the next valid minute; the repeated autumn hour runs once (the first).
import { DateTime, IANAZone } from 'luxon';

export interface ScheduleSpec {
  /** 'HH:MM', 24-hour, local. */
  time: string;
  /** IANA zone, e.g. Europe/Berlin. */
  timezone: string;
  /** ISO weekdays 1 (Monday) to 7 (Sunday). */
  days: readonly number[];
}

// luxon answers by building an Intl.DateTimeFormat each time, which dominated a
// 10,000-schedule tick; the set of zones is small, so remember the answers.
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size < 10_000) zoneValidity.set(zone, valid);
  }
  return valid;
}

export function parseHHMM(time: string): { hour: number; minute: number } | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!m) return undefined;
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The instant of `hour:minute` local on a given local date, moved past a DST gap. */
function localInstant(date: DateTime, hour: number, minute: number): DateTime {
  const wanted = date.set({ hour, minute, second: 0, millisecond: 0 });
  if (wanted.hour === hour && wanted.minute === minute) return wanted;
  // The wall time does not exist (spring forward): take the first minute that does.
  for (let total = hour * 60 + minute + 1; total < 24 * 60; total++) {
    const h = Math.floor(total / 60);
    const m = total % 60;
    const probe = DateTime.fromObject(
      { year: date.year, month: date.month, day: date.day, hour: h, minute: m },
      { zone: date.zone },
    );
    if (probe.hour === h && probe.minute === m) return probe;
  }
  return wanted;
}

/** The first run strictly after `after`, or null when the spec has no days. */
export function nextRunAt(spec: ScheduleSpec, after: Date): Date | null {
  const hm = parseHHMM(spec.time);
  if (!hm) throw new Error(`invalid schedule time "${spec.time}"`);
  if (!isValidTimeZone(spec.timezone)) throw new Error(`invalid time zone "${spec.timezone}"`);
  if (spec.days.length === 0) return null;
  const start = DateTime.fromJSDate(after, { zone: spec.timezone }).startOf('day');
  for (let i = 0; i < 8; i++) {
    const day = start.plus({ days: i });
    if (!spec.days.includes(day.weekday)) continue;
    const at = localInstant(day, hm.hour, hm.minute);
    if (at.toMillis() > after.getTime()) return at.toJSDate();
  }
  return null;
}

/** Every run in (from, to], oldest first: what a restart after downtime missed. */
export function runsBetween(spec: ScheduleSpec, from: Date, to: Date, limit = 1000): Date[] {
  const runs: Date[] = [];
  let cursor = from;
  while (runs.length < limit) {
    const next = nextRunAt(spec, cursor);
    if (!next || next.getTime() > to.getTime()) break;
    runs.push(next);
    cursor = next;
  }
  return runs;
}

/** A local rendering of an instant, e.g. "Mon 24 Nov 09:00 (Europe/Berlin)". */
export function formatLocal(at: Date, timezone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timezone }).toFormat('ccc d LLL HH:mm')} (${timezone})`;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * Reads days as written by people: `weekdays`, `daily`, `weekends`, `mon-fri`,
 * `mon,wed,fri`, `tue`. Returns ISO weekdays, or undefined if it cannot.
 */
export function parseDays(text: string): number[] | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'daily' || t === 'everyday' || t === 'every-day' || t === 'all') return [1, 2, 3, 4, 5, 6, 7];
  if (t === 'weekdays' || t === 'workdays') return [1, 2, 3, 4, 5];
  if (t === 'weekends' || t === 'weekend') return [6, 7];
  const index = (name: string) => DAY_NAMES.findIndex((d) => name.startsWith(d) && name.length <= 9) + 1;
  const days = new Set<number>();
  for (const part of t.split(',')) {
    const range = part.split('-');
    if (range.length === 2) {
      const a = index(range[0] ?? '');
      const b = index(range[1] ?? '');
      if (!a || !b) return undefined;
      for (let d = a; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === b) break;
      }
    } else {
      const d = index(part);
      if (!d) return undefined;
      days.add(d);
    }
  }
  return [...days].sort((x, y) => x - y);
}

export function formatDays(days: readonly number[]): string {
  const key = [...days].sort().join(',');
  if (key === '1,2,3,4,5,6,7') return 'every day';
  if (key === '1,2,3,4,5') return 'weekdays';
  if (key === '6,7') return 'weekends';
  return days.map((d) => DAY_NAMES[d - 1] ?? '?').join(', ');
}
