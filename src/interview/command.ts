// `/prep interview <employer> <date>`: prepare for a real interview. Practice leans
// to that employer, the summary counts the days, and a brief comes the day before.
import { z } from 'zod';
import { UserError } from '../chat/errors';
import { type CommandForm, type CommandReply, defineCommand, formButton, tokenize } from '../chat/registry';
import type { CommandEvent } from '../chat/types';
import { resolveEmployer } from '../practice/commands/phrase';
import type { AppContext } from '../practice/context';
import { memberZone } from '../reminders/settings';
import { BRIEF_HOUR, briefDueAt, daysLeft, daysLeftText, formatDay, readDate } from './dates';
import { clearTarget, getTarget, setTarget } from './store';

const EXAMPLE = '/prep interview chop 11 Dec';

/** "children's hospital 11 dec" → employer and date: the date is the last one to three words. */
function splitEmployerDate(text: string): { employer?: string; date?: string } {
  const words = tokenize(text);
  if (words.length === 0) return {};
  if (words.length === 1) return { employer: words[0] };
  for (const n of [3, 2, 1]) {
    if (words.length <= n) continue;
    const date = words.slice(-n).join(' ');
    if (/\d|today|tomorrow/i.test(date) && readDate(date, 'UTC', new Date())) {
      return { employer: words.slice(0, -n).join(' '), date };
    }
  }
  return { employer: words.slice(0, -1).join(' '), date: words.at(-1) };
}

const INTERVIEW_FORM: CommandForm = {
  title: 'Your interview',
  label: 'Set an interview…',
  submit: 'Set',
  fields: ['employer', 'date'],
  required: ['employer', 'date'],
};

async function show(ctx: AppContext, event: CommandEvent): Promise<CommandReply> {
  const target = await getTarget(ctx.db, event.workspace, event.author.id);
  const form = ctx.adapters.opensForms(event.channel) ? { buttons: [formButton('interview', INTERVIEW_FORM)] } : {};
  if (!target) {
    return {
      kind: 'info',
      text: `No interview set. \`${EXAMPLE}\` sets one: practice leans to that employer and a brief comes the day before.`,
      ...form,
    };
  }
  return { kind: 'info', text: targetLine(ctx, target.employer, target.interview_date, target.timezone), ...form };
}

function targetLine(ctx: AppContext, employer: string, date: string, zone: string): string {
  const name = ctx.guides.lookup(employer).guide?.employer ?? employer;
  return `Your **${name}** interview: ${formatDay(date, zone)}, ${daysLeftText(daysLeft(date, zone, ctx.clock()))}.`;
}

async function set(ctx: AppContext, event: CommandEvent, employer: string, typedDate: string): Promise<CommandReply> {
  const guide = resolveEmployer(ctx.guides, employer, (name) => `/prep interview ${name} ${typedDate}`);
  const { zone, from } = await memberZone(ctx, event);
  const now = ctx.clock();
  const day = readDate(typedDate, zone, now);
  if (!day) {
    throw new UserError(
      `"${typedDate}" is not a date I can read.`,
      `\`/prep interview ${guide.slug} 11 Dec\` (or \`2026-12-11\`, \`tomorrow\`, \`in 5 days\`)`,
    );
  }
  const date = day.toISODate() ?? '';
  const left = daysLeft(date, zone, now);
  if (left < 0)
    throw new UserError(`${formatDay(date, zone)} has passed.`, `a date from today on, for example \`${EXAMPLE}\``);
  if (left > 366)
    throw new UserError(
      `${formatDay(date, zone)} is more than a year away.`,
      `a date within the year, for example \`${EXAMPLE}\``,
    );
  const due = briefDueAt(date, zone);
  await setTarget(
    ctx.db,
    {
      workspace: event.workspace,
      userId: event.author.id,
      employer: guide.slug,
      date,
      timezone: zone,
      channel: event.channel,
      briefDueAt: due,
    },
    now.getTime(),
  );
  const brief =
    left === 0
      ? 'Good luck today.'
      : due <= now.getTime()
        ? 'Your brief comes in a minute, privately.'
        : `Your brief comes privately the day before, at ${String(BRIEF_HOUR).padStart(2, '0')}:00.`;
  return {
    kind: 'info',
    text: [
      targetLine(ctx, guide.slug, date, zone),
      `\`/prep question\` now draws from the ${guide.employer} guide. ${brief}`,
      `_Dates are read in ${zone} (${from}); \`/prep settings me timezone <zone>\` changes it._`,
    ].join('\n'),
  };
}

export const interviewCommand = defineCommand<AppContext, { employer?: string; date?: string }>({
  name: 'interview',
  direct: true,
  home: 'Your interview',
  description: 'Prepare for a real interview: practice leans to that employer, a brief comes the day before',
  usage: '/prep interview <employer> <date> | /prep interview off | /prep interview',
  examples: [EXAMPLE, '/prep interview chop in 10 days', '/prep interview off'],
  notes: [
    'The date is read in your own time zone (`/prep settings me timezone`). The brief comes at 09:00 the day before.',
  ],
  form: INTERVIEW_FORM,
  options: [
    { name: 'employer', description: 'Employer name, or off', type: 'string', autocomplete: 'employer' },
    { name: 'date', description: 'The interview day: 2026-12-11, 11 Dec, tomorrow', type: 'string' },
  ],
  args: z.object({ employer: z.string().trim().max(200).optional(), date: z.string().trim().max(40).optional() }),
  parseText: splitEmployerDate,
  async run(ctx, args, event) {
    if (!args.employer) return show(ctx, event);
    if (['off', 'none', 'clear', 'done'].includes(args.employer.toLowerCase()) && !args.date) {
      const had = await clearTarget(ctx.db, event.workspace, event.author.id);
      return {
        kind: 'info',
        text: had ? 'Interview cleared: practice and summaries are back to normal.' : 'There was no interview set.',
      };
    }
    if (!args.date) throw new UserError('Which day is the interview?', `\`/prep interview ${args.employer} 11 Dec\``);
    return set(ctx, event, args.employer, args.date);
  },
});

/** The summary's line: which interview, and the days left. */
export async function interviewSummaryLine(
  ctx: AppContext,
  workspace: string,
  userId: string,
): Promise<string | undefined> {
  const t = await getTarget(ctx.db, workspace, userId);
  if (!t) return undefined;
  const left = daysLeft(t.interview_date, t.timezone, ctx.clock());
  if (left < 0) return undefined;
  const name = ctx.guides.lookup(t.employer).guide?.employer ?? t.employer;
  return `**Interview:** ${name}, ${formatDay(t.interview_date, t.timezone)} (${left === 0 ? 'today' : `${left} day${left === 1 ? '' : 's'} left`})`;
}
