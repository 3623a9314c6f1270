// Streaks count the days a member answered the channel's question. A day without a
// question never breaks a streak; a snoozed day is skipped; one missed day per ISO
// week is forgiven (the grace day). Today's question does not count against anyone
// until its day is over.
import { DateTime } from 'luxon';

export interface StreakInput {
  /** When each question in the channel was posted (ms). */
  questionTimes: readonly number[];
  /** Post times of the questions the member answered (ms). */
  answeredTimes: readonly number[];
  /** Snoozed intervals [from, until) in ms. */
  snoozes: readonly { from: number; until: number }[];
  now: number;
  timezone: string;
}

export interface Streak {
  /** Answered question days in the current run. */
  days: number;
  /** Whether the grace day of the current week has been used. */
  graceUsedThisWeek: boolean;
  /** The run reached the oldest question given without breaking: older data may extend it. */
  unbroken: boolean;
}

function dayKey(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? '';
}

function weekKey(ms: number, zone: string): string {
  const d = DateTime.fromMillis(ms, { zone });
  return `${d.weekYear}-${d.weekNumber}`;
}

export function computeStreak(input: StreakInput): Streak {
  const zone = input.timezone;
  const answered = new Set(input.answeredTimes.map((t) => dayKey(t, zone)));
  // One entry per question day, newest first, with the first post time of that day.
  const days = new Map<string, number>();
  for (const t of [...input.questionTimes].sort((a, b) => b - a)) {
    if (t > input.now) continue;
    days.set(dayKey(t, zone), t);
  }
  const today = dayKey(input.now, zone);
  const thisWeek = weekKey(input.now, zone);
  const graceWeeks = new Set<string>();
  let count = 0;
  for (const [day, t] of days) {
    if (answered.has(day)) {
      count += 1;
      continue;
    }
    if (day === today) continue;
    if (input.snoozes.some((s) => t >= s.from && t < s.until)) continue;
    const week = weekKey(t, zone);
    if (!graceWeeks.has(week)) {
      graceWeeks.add(week);
      continue;
    }
    return { days: count, graceUsedThisWeek: graceWeeks.has(thisWeek), unbroken: false };
  }
  return { days: count, graceUsedThisWeek: graceWeeks.has(thisWeek), unbroken: true };
}
