// Interview dates as people type them, read in the member's own time zone.
import { DateTime } from 'luxon';

const FORMATS = [
  'yyyy-MM-dd',
  'yyyy/MM/dd',
  'd MMM yyyy',
  'd MMMM yyyy',
  'MMM d yyyy',
  'MMMM d yyyy',
  'd MMM',
  'd MMMM',
  'MMM d',
  'MMMM d',
];
/** The brief goes at this local hour the day before (or at once, when set later than that). */
export const BRIEF_HOUR = 9;

/** The day `text` means in `zone`, or undefined. A date without a year is the next one to come. */
export function readDate(text: string, zone: string, now: Date): DateTime | undefined {
  const typed = text
    .trim()
    .toLowerCase()
    .replace(/,/g, '')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  if (typed === 'today') return today;
  if (typed === 'tomorrow') return today.plus({ days: 1 });
  const inDays = /^in (\d{1,3}) days?$/.exec(typed);
  if (inDays) return today.plus({ days: Number(inDays[1]) });
  for (const format of FORMATS) {
    const d = DateTime.fromFormat(typed, format, { zone, locale: 'en' });
    if (!d.isValid) continue;
    if (!format.includes('yyyy') && d < today) return d.plus({ years: 1 });
    return d.startOf('day');
  }
  return undefined;
}

/** Whole local days from today to the interview day. */
export function daysLeft(date: string, zone: string, now: Date): number {
  const day = DateTime.fromISO(date, { zone }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return Math.round(day.diff(today, 'days').days);
}

export function briefDueAt(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).minus({ days: 1 }).set({ hour: BRIEF_HOUR }).toMillis();
}

/** The start of the interview day: a brief is for the day before, and is not sent after this. */
export function interviewStartsAt(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).startOf('day').toMillis();
}

export function formatDay(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).setLocale('en-GB').toFormat('ccc d LLL yyyy');
}

export function daysLeftText(n: number): string {
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  return n < 0 ? `${-n} days ago` : `in ${n} days`;
}
