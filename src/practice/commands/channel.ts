// Channel commands: an ad-hoc question and the daily schedule.
import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { type CommandOption, type CommandRegistry, defineCommand, tokenize } from '../../chat/registry';
import type { CommandEvent, Ref } from '../../chat/types';
import type { Schedule } from '../../db/schema';
import type { GuideLibrary } from '../../guides/library';
import { parseCategory, QUESTION_CATEGORIES } from '../../guides/schema';
import {
  getSchedule,
  pauseSchedule,
  removeSchedule,
  resumeSchedule,
  scheduleDays,
  setSchedule,
} from '../../scheduler/store';
import { formatDays, formatLocal, isValidTimeZone, parseDays, parseHHMM } from '../../scheduler/time';
import { resolveZone, zoneNote } from '../../scheduler/zones';
import type { AppContext } from '../context';
import { categoryLabel, employerName, shortName } from '../format';
import { candidatesFor, postQuestion } from '../posting';
import { ensureChannel } from '../store/channels';
import { readEmployerPhrase, resolveEmployer } from './phrase';

const CATEGORY_LIST = QUESTION_CATEGORIES.join(', ');

/**
 * An employer and a category typed as text (`/prep question`, the end of
 * `/prep schedule`): the employer is the longest run of leading words naming a guide,
 * the category the longest run after it, and anything after that is `extra`.
 */
export function readEmployerCategory(
  guides: GuideLibrary,
  words: readonly string[],
): { employer?: string; category?: string; extra?: string } {
  const phrase = readEmployerPhrase(guides, words, (rest) => !!parseCategory(rest.join(' ')));
  const out: { employer?: string; category?: string; extra?: string } = phrase.employer
    ? { employer: phrase.employer }
    : {};
  const rest = phrase.rest;
  if (rest.length === 0) return out;
  for (let k = rest.length; k >= 1; k--) {
    const category = rest.slice(0, k).join(' ');
    if (parseCategory(category)) {
      return { ...out, category, ...(k < rest.length ? { extra: rest.slice(k).join(' ') } : {}) };
    }
  }
  // Not a category: refused as one when the command runs.
  return { ...out, category: rest.join(' ') };
}

export function requireCategory(text: string, example: string): string {
  const c = parseCategory(text);
  if (!c) throw new UserError(`"${text}" is not a question category. The categories are ${CATEGORY_LIST}.`, example);
  return c;
}

function requireAdmin(event: CommandEvent, what: string): void {
  if (!event.author.isAdmin) {
    throw new UserError(`Only channel admins can ${what}.`, 'ask an admin of this channel to run it');
  }
}

/** Reads times people write: 9, 9am, 9:30pm, 09:00, 21:15, 0915. */
export function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?::?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour > 23 || (m[2] === undefined && text.trim().length > 2)) {
    return undefined;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

interface ScheduleArgs {
  time?: string;
  timezone?: string;
  days?: string;
  employer?: string;
  category?: string;
  /** Typed text after the time, zone and days: the employer and category, read when the command runs. */
  words?: string[];
}

const OFF_WORDS = new Set(['off', 'stop', 'pause', 'none', 'disable', 'cancel']);
const DELETE_WORDS = new Set(['delete', 'remove', 'clear']);
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
function looksLikeDays(word: string): boolean {
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

const SCHEDULE_EXAMPLE = '`/prep schedule 09:00 Europe/Berlin weekdays chop behavioral`';
const RESUME = '`/prep schedule resume`';
const DELETE = '`/prep schedule delete`';

/** What `/prep help schedule` adds under the examples. */
const SCHEDULE_NOTES: readonly string[] = [
  'Setting a schedule replaces the one before. The time zone and days carry over when you leave them out; the employer and category do not (the reply says which were dropped).',
  `If Starling cannot post here (the bot was removed, or lost a permission), the schedule pauses and whoever set it gets a direct message. Fix the cause, then run ${RESUME} here: it keeps the time, days, employer and category.`,
];

/** `**09:00** (Europe/Berlin), weekdays, from Acme Corp, behavioral` */
function scheduleLine(ctx: AppContext, s: Schedule): string {
  const from = [
    s.employer ? employerName(ctx.guides, s.employer) : 'every guide',
    s.category ? categoryLabel(s.category) : 'any category',
  ];
  return `**${s.time}** (${s.timezone}), ${formatDays(scheduleDays(s))}, from ${from.join(', ')}`;
}

function nextRun(s: Schedule): string {
  return s.next_run_at ? formatLocal(new Date(Number(s.next_run_at)), s.timezone) : 'never';
}

/** Why a schedule is paused, as its paused_reason says. */
function pausedWhy(s: Schedule): string {
  const why = s.paused_reason?.trim();
  if (!why) return `**Paused.** Run ${RESUME} to start it again.`;
  return `**Paused:** ${why}`;
}

async function describeSchedule(ctx: AppContext, channel: Ref): Promise<string> {
  const s = await getSchedule(ctx.db, channel);
  if (!s)
    return 'There is no daily question in this channel. Set one with `/prep schedule 09:00 Europe/London weekdays`.';
  const lines = [`Daily question at ${scheduleLine(ctx, s)}.`];
  if (s.paused) lines.push(pausedWhy(s));
  else lines.push(`Next: ${nextRun(s)}.`);
  return lines.join('\n');
}

/** `/prep schedule off`: paused, keeping time, days and filters, so resume brings it back. */
async function turnOff(ctx: AppContext, event: CommandEvent) {
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
async function remove(ctx: AppContext, event: CommandEvent) {
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

async function resume(ctx: AppContext, event: CommandEvent) {
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

/** The filters a new schedule no longer has: `CHOP, behavioral`. */
function droppedFilters(
  ctx: AppContext,
  before: Schedule | undefined,
  employer: string | null,
  category: string | null,
): string[] {
  if (!before) return [];
  const dropped: string[] = [];
  if (before.employer && !employer) dropped.push(employerName(ctx.guides, before.employer));
  if (before.category && !category) dropped.push(categoryLabel(before.category));
  return dropped;
}

/** The employer and category a schedule or a mock interview draws its questions from. */
export const FILTER_OPTIONS: readonly CommandOption[] = [
  { name: 'employer', description: 'Only this employer', type: 'string', autocomplete: 'employer' },
  {
    name: 'category',
    description: 'Only this category',
    type: 'string',
    autocomplete: 'category',
    choices: QUESTION_CATEGORIES,
  },
];

export function registerChannelCommands(registry: CommandRegistry<AppContext>): void {
  registry.register(
    defineCommand<AppContext, { employer?: string; category?: string; words?: string[] }>({
      name: 'question',
      description: 'Post a practice question now',
      usage: '/prep question [employer] [category]',
      examples: [
        '/prep question',
        '/prep question chop',
        '/prep question chop behavioral',
        '/prep question system design',
      ],
      options: [
        { name: 'employer', description: 'Employer name', type: 'string', autocomplete: 'employer' },
        {
          name: 'category',
          description: 'Question category',
          type: 'string',
          autocomplete: 'category',
          choices: QUESTION_CATEGORIES,
        },
      ],
      args: z.object({
        employer: z.string().optional(),
        category: z.string().optional(),
        words: z.array(z.string()).optional(),
      }),
      // Typed text is read against the guides when the command runs (readEmployerCategory).
      parseText: (text) => {
        const words = tokenize(text);
        return words.length ? { words } : {};
      },
      async run(ctx, args, event) {
        const typed: { employer?: string; category?: string; extra?: string } = args.words
          ? readEmployerCategory(ctx.guides, args.words)
          : args;
        const categoryOk = typed.category ? parseCategory(typed.category) : undefined;
        const guide = typed.employer?.trim()
          ? resolveEmployer(
              ctx.guides,
              typed.employer,
              (name) => `/prep question ${name}${categoryOk ? ` ${typed.category}` : ''}`,
            )
          : undefined;
        const employer = guide?.slug;
        const named = guide ? `${shortName(ctx.guides, guide)} ` : '';
        const category = typed.category?.trim()
          ? requireCategory(typed.category, `\`/prep question ${named}behavioral\``)
          : undefined;
        if (typed.extra) {
          throw new UserError(
            `"${typed.extra}" is left over: \`/prep question\` takes an employer and one category.`,
            `\`/prep question ${named}${typed.category}\``,
          );
        }
        const post = await postQuestion(ctx, {
          workspace: event.workspace,
          channel: event.channel,
          employer,
          category,
          kind: 'adhoc',
          postedBy: event.author.id,
        });
        return {
          kind: 'info',
          text: `Posted a ${categoryLabel(post.category)} question from ${employerName(ctx.guides, post.employer)}. Answer in its thread.`,
        };
      },
    }),
    defineCommand<AppContext, ScheduleArgs>({
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
        const now = ctx.clock();
        const word = args.time?.trim().toLowerCase();
        if (!word || word === 'show') {
          return { kind: 'info', text: await describeSchedule(ctx, event.channel) };
        }
        if (word === 'resume') return resume(ctx, event);
        if (OFF_WORDS.has(word)) return turnOff(ctx, event);
        if (DELETE_WORDS.has(word)) return remove(ctx, event);
        requireAdmin(event, 'set the daily question');
        const time = parseTime(args.time ?? '');
        if (!time) {
          throw new UserError(
            `"${args.time}" is not a time of day. Use 24-hour HH:MM (or 9am, 6:30pm).`,
            SCHEDULE_EXAMPLE,
          );
        }
        const existing = await getSchedule(ctx.db, event.channel);
        const typedZone = args.timezone?.trim();
        const zone = typedZone ? resolveZone(typedZone) : undefined;
        if (typedZone && !zone) {
          throw new UserError(
            `"${typedZone}" is not a time zone. Use a Region/City name such as Europe/Berlin, America/New_York, Asia/Kolkata, or UTC (EST, PST, CET and the like work too).`,
            SCHEDULE_EXAMPLE,
          );
        }
        const timezone = zone?.zone ?? existing?.timezone ?? 'UTC';
        const days = args.days ? parseDays(args.days) : existing ? scheduleDays(existing) : [1, 2, 3, 4, 5, 6, 7];
        if (!days || days.length === 0) {
          throw new UserError(
            `"${args.days}" is not a set of days. Use daily, weekdays, weekends, a range like mon-fri, or a list like mon,wed,fri.`,
            SCHEDULE_EXAMPLE,
          );
        }
        const typed: { employer?: string; category?: string; extra?: string } = args.words
          ? readEmployerCategory(ctx.guides, args.words)
          : args;
        // The command as typed so far, for examples: `/prep schedule 09:00 UTC chop behavioral`.
        const zoneWord = args.timezone?.trim() ? ` ${args.timezone.trim()}` : '';
        const daysWord = args.days ? ` ${args.days}` : '';
        const asTyped = (rest: string) => `\`/prep schedule ${time}${zoneWord}${daysWord}${rest}\``;
        /** A leftover word meant for another slot gets that slot's refusal. */
        const refuseStray = (word: string) => {
          if (looksLikeDays(word)) {
            throw new UserError(
              `"${word}" is not a set of days. Use daily, weekdays, weekends, a range like mon-fri, or a list like mon,wed,fri.`,
              `\`/prep schedule ${time}${zoneWord} weekdays\``,
            );
          }
          const zone = zoneForCity(word);
          if (zone) {
            throw new UserError(
              `"${word}" is not a time zone name; time zones are written Region/City.`,
              `\`/prep schedule ${time} ${zone}${daysWord}\``,
            );
          }
        };
        if (typed.employer && !ctx.guides.lookup(typed.employer).guide) refuseStray(typed.employer);
        const guide = typed.employer?.trim()
          ? resolveEmployer(
              ctx.guides,
              typed.employer,
              (name) => `/prep schedule ${time}${zoneWord}${daysWord} ${name}`,
            )
          : undefined;
        const employer = guide?.slug ?? null;
        const named = guide ? ` ${shortName(ctx.guides, guide)}` : '';
        if (typed.category?.trim() && !parseCategory(typed.category)) refuseStray(typed.category);
        const category = typed.category?.trim()
          ? requireCategory(typed.category, asTyped(`${named} behavioral`))
          : null;
        if (typed.extra) {
          refuseStray(typed.extra);
          throw new UserError(
            `"${typed.extra}" is left over: after the time, zone and days \`/prep schedule\` takes an employer and one category.`,
            asTyped(`${named} ${typed.category}`),
          );
        }
        if (candidatesFor(ctx, employer, category).length === 0) {
          throw new UserError(
            `No guide has ${category ? `a ${categoryLabel(category)} question` : 'questions'}${employer ? ` for ${employerName(ctx.guides, employer)}` : ''}.`,
            '`/prep tips <employer> questions` shows what a guide asks',
          );
        }
        await ensureChannel(ctx.db, event.workspace, event.channel, now);
        const s = await setSchedule(
          ctx.db,
          {
            workspace: event.workspace,
            channelRef: event.channel,
            time,
            timezone,
            days,
            employer,
            category,
            createdBy: event.author.id,
          },
          now,
        );
        const notes: string[] = [];
        const zoneSaid = zone && zoneNote(zone);
        if (zoneSaid) notes.push(zoneSaid);
        const dropped = droppedFilters(ctx, existing, employer, category);
        if (dropped.length && existing) {
          const keptEmployer = employer ?? existing.employer;
          const keptCategory = category ?? existing.category;
          const name = keptEmployer ? employerName(ctx.guides, keptEmployer) : '';
          // Quoted, so a many-word name reads as one employer; the category by its one-word key.
          const keep = [time, name.includes(' ') ? `"${name}"` : name, keptCategory ?? ''];
          notes.push(
            `No longer only ${dropped.join(', ')}: a new schedule keeps the time zone and days, not the employer or category. To keep them: \`/prep schedule ${keep.filter(Boolean).join(' ')}\``,
          );
        }
        if (existing?.paused) notes.push('It was paused; it runs again from now.');
        return {
          kind: 'info',
          visibility: 'channel',
          text: [
            `Daily question set by <@${event.author.id}>: ${scheduleLine(ctx, s)}. First one: ${nextRun(s)}.`,
            ...notes,
          ].join('\n'),
        };
      },
    }),
  );
}
