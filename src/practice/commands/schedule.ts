// `/prep schedule`: sets the channel's daily question (time, zone, days, employer, category),
// or shows, resumes, turns off or deletes it (schedule-state.ts).
import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { type CommandForm, defineCommand, formButton } from '../../chat/registry';
import type { CommandEvent } from '../../chat/types';
import type { Schedule } from '../../db/schema';
import { parseCategory } from '../../guides/schema';
import { getSchedule, scheduleDays, setSchedule } from '../../scheduler/store';
import { parseDays } from '../../scheduler/time';
import { type ResolvedZone, resolveZone, zoneNote } from '../../scheduler/zones';
import type { AppContext } from '../context';
import { categoryLabel, employerName, shortName } from '../format';
import { candidatesFor } from '../posting';
import { ensureChannel } from '../store/channels';
import { resolveEmployer } from './phrase';
import {
  describeSchedule,
  nextRun,
  remove,
  resume,
  SCHEDULE_EXAMPLE,
  SCHEDULE_NOTES,
  scheduleLine,
  turnOff,
} from './schedule-state';
import {
  DELETE_WORDS,
  looksLikeDays,
  OFF_WORDS,
  parseScheduleText,
  type ScheduleArgs,
  zoneForCity,
} from './schedule-text';
import { FILTER_OPTIONS, parseTime, readEmployerCategory, requireAdmin, requireCategory } from './words';

const DAYS_HELP = 'Use daily, weekdays, weekends, a range like mon-fri, or a list like mon,wed,fri.';

/** When it runs: the time, the zone (typed, else kept, else UTC) and the days (likewise). */
interface When {
  time: string;
  zone: ResolvedZone | undefined;
  timezone: string;
  days: number[];
  /** The zone and days as typed (` UTC`, ` weekdays`), or '' where left out. */
  zoneWord: string;
  daysWord: string;
}

/** The command as typed so far, for examples: `/prep schedule 09:00 UTC <rest>`. */
function asTyped(when: When, rest: string): string {
  return `/prep schedule ${when.time}${when.zoneWord}${when.daysWord}${rest}`;
}

function readWhen(args: ScheduleArgs, existing: Schedule | undefined): When {
  const time = parseTime(args.time ?? '');
  if (!time) {
    throw new UserError(`"${args.time}" is not a time of day. Use 24-hour HH:MM (or 9am, 6:30pm).`, SCHEDULE_EXAMPLE);
  }
  const typedZone = args.timezone?.trim();
  const zone = typedZone ? resolveZone(typedZone) : undefined;
  if (typedZone && !zone) {
    throw new UserError(
      `"${typedZone}" is not a time zone. Use a Region/City name such as Europe/Berlin, America/New_York, Asia/Kolkata, or UTC (EST, PST, CET and the like work too).`,
      SCHEDULE_EXAMPLE,
    );
  }
  const days = args.days ? parseDays(args.days) : existing ? scheduleDays(existing) : [1, 2, 3, 4, 5, 6, 7];
  if (!days || days.length === 0)
    throw new UserError(`"${args.days}" is not a set of days. ${DAYS_HELP}`, SCHEDULE_EXAMPLE);
  return {
    time,
    zone,
    timezone: zone?.zone ?? existing?.timezone ?? 'UTC',
    days,
    zoneWord: typedZone ? ` ${typedZone}` : '',
    daysWord: args.days ? ` ${args.days}` : '',
  };
}

/** A leftover word meant for another slot gets that slot's refusal. */
function refuseStray(word: string, when: When): void {
  if (looksLikeDays(word)) {
    throw new UserError(
      `"${word}" is not a set of days. ${DAYS_HELP}`,
      `\`/prep schedule ${when.time}${when.zoneWord} weekdays\``,
    );
  }
  const zone = zoneForCity(word);
  if (zone) {
    throw new UserError(
      `"${word}" is not a time zone name; time zones are written Region/City.`,
      `\`/prep schedule ${when.time} ${zone}${when.daysWord}\``,
    );
  }
}

/** Which questions it draws from: the employer and category typed after the time, zone and days. */
function readFilters(ctx: AppContext, args: ScheduleArgs, when: When) {
  const typed: { employer?: string; category?: string; extra?: string } = args.words
    ? readEmployerCategory(ctx.guides, args.words)
    : args;
  if (typed.employer && !ctx.guides.lookup(typed.employer).guide) refuseStray(typed.employer, when);
  const guide = typed.employer?.trim()
    ? resolveEmployer(ctx.guides, typed.employer, (name) => asTyped(when, ` ${name}`))
    : undefined;
  const employer = guide?.slug ?? null;
  const named = guide ? ` ${shortName(ctx.guides, guide)}` : '';
  if (typed.category?.trim() && !parseCategory(typed.category)) refuseStray(typed.category, when);
  const category = typed.category?.trim()
    ? requireCategory(typed.category, `\`${asTyped(when, `${named} behavioral`)}\``)
    : null;
  if (typed.extra) {
    refuseStray(typed.extra, when);
    throw new UserError(
      `"${typed.extra}" is left over: after the time, zone and days \`/prep schedule\` takes an employer and one category.`,
      `\`${asTyped(when, `${named} ${typed.category}`)}\``,
    );
  }
  if (candidatesFor(ctx, employer, category).length === 0) {
    throw new UserError(
      `No guide has ${category ? `a ${categoryLabel(category)} question` : 'questions'}${employer ? ` for ${employerName(ctx.guides, employer)}` : ''}.`,
      '`/prep tips <employer> questions` shows what a guide asks',
    );
  }
  return { employer, category };
}

/** What the reply adds: how the zone was read, the filters a new schedule dropped, a pause ended. */
function notesFor(ctx: AppContext, when: When, existing: Schedule | undefined, set: Schedule): string[] {
  const notes: string[] = [];
  const zoneSaid = when.zone && zoneNote(when.zone);
  if (zoneSaid) notes.push(zoneSaid);
  const dropped: string[] = [];
  if (existing?.employer && !set.employer) dropped.push(employerName(ctx.guides, existing.employer));
  if (existing?.category && !set.category) dropped.push(categoryLabel(existing.category));
  if (dropped.length && existing) {
    const keptEmployer = set.employer ?? existing.employer;
    const name = keptEmployer ? employerName(ctx.guides, keptEmployer) : '';
    // Quoted, so a many-word name reads as one employer; the category by its one-word key.
    const keep = [when.time, name.includes(' ') ? `"${name}"` : name, set.category ?? existing.category ?? ''];
    notes.push(
      `No longer only ${dropped.join(', ')}: a new schedule keeps the time zone and days, not the employer or category. To keep them: \`/prep schedule ${keep.filter(Boolean).join(' ')}\``,
    );
  }
  if (existing?.paused) notes.push('It was paused; it runs again from now.');
  return notes;
}

async function setDaily(ctx: AppContext, args: ScheduleArgs, event: CommandEvent) {
  requireAdmin(event, 'set the daily question');
  const now = ctx.clock();
  const existing = await getSchedule(ctx.db, event.channel);
  const when = readWhen(args, existing);
  const { employer, category } = readFilters(ctx, args, when);
  await ensureChannel(ctx.db, event.workspace, event.channel, now);
  const s = await setSchedule(
    ctx.db,
    {
      workspace: event.workspace,
      channelRef: event.channel,
      time: when.time,
      timezone: when.timezone,
      days: when.days,
      employer,
      category,
      createdBy: event.author.id,
    },
    now,
  );
  const head = `Daily question set by <@${event.author.id}>: ${scheduleLine(ctx, s)}. First one: ${nextRun(s)}.`;
  return {
    kind: 'info' as const,
    visibility: 'channel' as const,
    text: [head, ...notesFor(ctx, when, existing, s)].join('\n'),
  };
}

const SCHEDULE_FORM: CommandForm = {
  title: 'Daily question',
  label: 'Set the daily question…',
  submit: 'Set',
  fields: ['time', 'timezone', 'days', 'employer', 'category'],
  required: ['time'],
};

/** The schedule as it is, with the form that sets it where the platform has one (admins only). */
async function show(ctx: AppContext, event: CommandEvent) {
  const text = await describeSchedule(ctx, event.channel);
  const form = event.author.isAdmin && ctx.adapters.opensForms(event.channel);
  return { kind: 'info' as const, text, ...(form ? { buttons: [formButton('schedule', SCHEDULE_FORM)] } : {}) };
}

export const scheduleCommand = defineCommand<AppContext, ScheduleArgs>({
  name: 'schedule',
  description: 'Set, show, resume or turn off the daily question in this channel',
  usage: '/prep schedule [<HH:MM> [time zone] [days] [employer] [category] | resume | off]',
  examples: [
    '/prep schedule 09:00 Europe/Berlin weekdays',
    '/prep schedule 18:30 America/New_York mon,wed,fri chop behavioral',
    '/prep schedule 10:00',
    '/prep schedule',
    '/prep schedule resume',
    '/prep schedule off',
    '/prep schedule delete',
  ],
  notes: SCHEDULE_NOTES,
  form: SCHEDULE_FORM,
  options: [
    {
      name: 'time',
      description: 'Local time HH:MM (24-hour); or "off" to pause, "resume", or "delete"',
      type: 'string',
    },
    { name: 'timezone', description: 'IANA time zone, e.g. Europe/Berlin', type: 'string' },
    { name: 'days', description: 'daily, weekdays, weekends, mon-fri or mon,wed,fri', type: 'string' },
    ...FILTER_OPTIONS,
  ],
  args: z.object({
    time: z.string().optional(),
    timezone: z.string().optional(),
    days: z.string().optional(),
    employer: z.string().optional(),
    category: z.string().optional(),
    words: z.array(z.string()).optional(),
  }),
  parseText: (text) => parseScheduleText(text) as Record<string, unknown>,
  async run(ctx, args, event) {
    const word = args.time?.trim().toLowerCase();
    if (!word || word === 'show') return show(ctx, event);
    if (word === 'resume') return resume(ctx, event);
    if (OFF_WORDS.has(word)) return turnOff(ctx, event);
    if (DELETE_WORDS.has(word)) return remove(ctx, event);
    return setDaily(ctx, args, event);
  },
});
