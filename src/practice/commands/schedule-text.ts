// `/prep schedule` typed as text: the time first, then the zone, days, employer and category in any order.
import { tokenize } from '../../chat/registry';
import { parseDays } from '../../scheduler/time';
import { resolveZone } from '../../scheduler/zones';

export interface ScheduleArgs {
  time?: string;
  timezone?: string;
  days?: string;
  employer?: string;
  category?: string;
  /** Typed text after the time, zone and days: the employer and category, read when the command runs. */
  words?: string[];
}

export const OFF_WORDS = new Set(['off', 'stop', 'pause', 'none', 'disable', 'cancel']);
export const DELETE_WORDS = new Set(['delete', 'remove', 'clear']);
/** Words that stand alone after `/prep schedule` instead of a time. */
const ACTION_WORDS = new Set([...OFF_WORDS, ...DELETE_WORDS, 'show', 'resume']);

/** Sorts a schedule line's words by what they look like, in any order after the time. */
export function parseScheduleText(text: string): ScheduleArgs {
  const words = tokenize(text);
  if (words.length === 0) return {};
  const [first, ...rest] = words;
  const out: ScheduleArgs = { time: first };
  if (first && ACTION_WORDS.has(first.toLowerCase())) return { time: first.toLowerCase() };
  const other: string[] = [];
  for (const w of rest) {
    if (!out.timezone && (w.includes('/') || resolveZone(w))) out.timezone = w;
    else if (!out.days && parseDays(w)) out.days = w;
    else other.push(w);
  }
  return other.length ? { ...out, words: other } : out;
}

/** A word meant as days that no day parser reads: `someday`, `tuesdays-ish`, `week`. */
export function looksLikeDays(word: string): boolean {
  return /days?$|^week|^(mon|tue|wed|thu|fri|sat|sun)/i.test(word.trim());
}

/** The IANA zone whose city is `word` ("berlin" → Europe/Berlin, "new york" → America/New_York). */
export function zoneForCity(word: string): string | undefined {
  const want = word
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (!want) return undefined;
  return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase().split('/').at(-1) === want);
}
