// A channel's daily question as it stands: shown, turned off, deleted, resumed.
import { UserError } from '../../chat/errors';
import { timeToken } from '../../chat/time';
import type { CommandEvent, Ref } from '../../chat/types';
import type { Schedule } from '../../db/schema';
import { getSchedule, pauseSchedule, removeSchedule, resumeSchedule, scheduleDays } from '../../scheduler/store';
import { formatDays, formatLocal, isValidTimeZone, parseHHMM } from '../../scheduler/time';
import type { AppContext } from '../context';
import { categoryLabel, employerName } from '../format';
import { requireAdmin } from './words';

export const SCHEDULE_EXAMPLE = '`/prep schedule 09:00 Europe/Berlin weekdays chop behavioral`';
const RESUME = '`/prep schedule resume`';
const DELETE = '`/prep schedule delete`';

/** What `/prep help schedule` adds under the examples. */
export const SCHEDULE_NOTES: readonly string[] = [
  'Setting a schedule replaces the one before. The time zone and days carry over when you leave them out; the employer and category do not (the reply says which were dropped).',
  `If Starling cannot post here (the bot was removed, or lost a permission), the schedule pauses and whoever set it gets a direct message. Fix the cause, then run ${RESUME} here: it keeps the time, days, employer and category.`,
];

/** `**09:00** (Europe/Berlin), weekdays, from Acme Corp, behavioral` */
export function scheduleLine(ctx: AppContext, s: Schedule): string {
  const from = [
    s.employer ? employerName(ctx.guides, s.employer) : 'every guide',
    s.category ? categoryLabel(s.category) : 'any category',
  ];
  return `**${s.time}** (${s.timezone}), ${formatDays(scheduleDays(s))}, from ${from.join(', ')}`;
}

export function nextRun(s: Schedule): string {
  if (!s.next_run_at) return 'never';
  const at = new Date(Number(s.next_run_at));
  return timeToken(at, 'moment', formatLocal(at, s.timezone));
}

/** Why a schedule is paused, as its paused_reason says. */
function pausedWhy(s: Schedule): string {
  const why = s.paused_reason?.trim();
  if (!why) return `**Paused.** Run ${RESUME} to start it again.`;
  return `**Paused:** ${why}`;
}

export async function describeSchedule(ctx: AppContext, channel: Ref): Promise<string> {
  const s = await getSchedule(ctx.db, channel);
  if (!s)
    return 'There is no daily question in this channel. Set one with `/prep schedule 09:00 Europe/London weekdays`.';
  const lines = [`Daily question at ${scheduleLine(ctx, s)}.`];
  if (s.paused) lines.push(pausedWhy(s));
  else lines.push(`Next: ${nextRun(s)}.`);
  return lines.join('\n');
}

/** `/prep schedule off`: paused, keeping time, days and filters, so resume brings it back. */
export async function turnOff(ctx: AppContext, event: CommandEvent) {
  requireAdmin(event, 'turn off the daily question');
  const s = await getSchedule(ctx.db, event.channel);
  if (!s) return { kind: 'info' as const, text: 'There is no daily question in this channel to turn off.' };
  if (s.paused) {
    return { kind: 'info' as const, text: `The daily question here is already paused. ${RESUME} starts it again.` };
  }
  const reason = `turned off by <@${event.author.id}>. ${RESUME} starts it again as it was; ${DELETE} removes it.`;
  await pauseSchedule(ctx.db, event.channel, reason, ctx.clock());
  return {
    kind: 'info' as const,
    visibility: 'channel' as const,
    text: `<@${event.author.id}> turned off the daily question in this channel (${scheduleLine(ctx, s)}). ${RESUME} starts it again; ${DELETE} removes it.`,
  };
}

/** `/prep schedule delete`: the schedule is gone; a new one starts from scratch. */
export async function remove(ctx: AppContext, event: CommandEvent) {
  requireAdmin(event, 'delete the daily question');
  const removed = await removeSchedule(ctx.db, event.channel);
  return {
    kind: 'info' as const,
    visibility: removed ? ('channel' as const) : ('private' as const),
    text: removed
      ? `<@${event.author.id}> deleted the daily question schedule in this channel. Set a new one with ${SCHEDULE_EXAMPLE}.`
      : 'There is no daily question schedule in this channel to delete.',
  };
}

export async function resume(ctx: AppContext, event: CommandEvent) {
  requireAdmin(event, 'resume the daily question');
  const s = await getSchedule(ctx.db, event.channel);
  if (!s) throw new UserError('There is no daily question in this channel to resume.', SCHEDULE_EXAMPLE);
  if (!s.paused) {
    return {
      kind: 'info' as const,
      text: `The daily question here is not paused: ${scheduleLine(ctx, s)}. Next: ${nextRun(s)}.`,
    };
  }
  if (!parseHHMM(s.time) || !isValidTimeZone(s.timezone)) {
    throw new UserError(
      `This schedule cannot resume as it is: its time "${s.time}" or time zone "${s.timezone}" cannot be read. Set it again instead.`,
      SCHEDULE_EXAMPLE,
    );
  }
  const resumed = (await resumeSchedule(ctx.db, event.channel, ctx.clock())) ?? s;
  return {
    kind: 'info' as const,
    visibility: 'channel' as const,
    text: `<@${event.author.id}> resumed the daily question: ${scheduleLine(ctx, resumed)}. Next one: ${nextRun(resumed)}.`,
  };
}
