// A member's summary: answers given, streak, STAR coverage chart, trend, weakest
// part, best answer, what they practised. Shared by `/prep me`, `/prep summary`
// and the Slack App Home.
import { memberChart } from '../charts';
import type { OutboundMessage } from '../chat/types';
import { interviewSummaryLine } from '../interview/command';
import { mockSummaryLine } from '../mock/summary';
import { getSchedule } from '../scheduler/store';
import { renderSummaryChart, type SummaryEntry, summarize } from '../star';
import type { AppContext } from './context';
import { asksForStory } from './feedback';
import { categoryLabel, employerName, plural, quote } from './format';
import { snoozesOf } from './store/members';
import { postTimes } from './store/posts';
import { answeredPostTimes, memberAnswerCount, memberHistory } from './store/stats';
import { computeStreak, type Streak } from './streak';

/** How far back a streak is looked for: most streaks end within the first window. */
const STREAK_WINDOWS_MS = [35 * 86_400_000, 400 * 86_400_000];

async function streakIn(ctx: AppContext, workspace: string, channel: string, userId: string): Promise<Streak> {
  const now = ctx.clock().getTime();
  const schedule = await getSchedule(ctx.db, channel);
  const snoozes = (await snoozesOf(ctx.db, workspace, userId)).map((s) => ({
    from: Number(s.from_at),
    until: Number(s.until_at),
  }));
  let streak: Streak = { days: 0, graceUsedThisWeek: false, unbroken: true };
  for (const window of STREAK_WINDOWS_MS) {
    const since = now - window;
    // The days that can break a streak are the daily question's. A question someone
    // asked for with /prep question counts when the member answered it, and otherwise
    // costs nobody their grace day.
    const answeredTimes = await answeredPostTimes(ctx.db, workspace, channel, userId, since);
    streak = computeStreak({
      questionTimes: [...(await postTimes(ctx.db, workspace, channel, since, 'daily')), ...answeredTimes],
      answeredTimes,
      snoozes,
      now,
      timezone: schedule?.timezone ?? 'UTC',
    });
    if (!streak.unbroken) break;
  }
  return streak;
}

export interface SummaryOptions {
  workspace: string;
  userId: string;
  name: string;
  /** The channel whose streak to show; the member's most recent channel when absent. */
  channel?: string;
  /** Written about someone else ("Ada has...") rather than "you". */
  third?: boolean;
}

export async function memberSummary(ctx: AppContext, o: SummaryOptions): Promise<OutboundMessage> {
  const [count, history] = await Promise.all([
    memberAnswerCount(ctx.db, o.workspace, o.userId),
    memberHistory(ctx.db, o.workspace, o.userId, 50),
  ]);
  const who = o.third ? o.name : 'You';
  const mock = o.third ? undefined : await mockSummaryLine(ctx.db, o.workspace, o.userId, count > 0);
  const interview = o.third ? undefined : await interviewSummaryLine(ctx, o.workspace, o.userId);
  if (count === 0) {
    const none = `${who} ${o.third ? 'has' : 'have'} not answered a question in this workspace yet. Answer today's question in its thread, or ask for one with \`/prep question\`.`;
    return {
      kind: 'info',
      title: `${o.third ? `${o.name}'s` : 'Your'} practice summary`,
      text: [interview, none, mock].filter(Boolean).join('\n'),
    };
  }
  // The streak of the channel asked from, or of the member's latest channel when
  // they have not answered there (a command typed in a DM or another channel).
  const here = o.channel && history.some((h) => h.channelRef === o.channel) ? o.channel : undefined;
  const channel = here ?? history[0]?.channelRef;
  const streak = channel
    ? await streakIn(ctx, o.workspace, channel, o.userId)
    : { days: 0, graceUsedThisWeek: false, unbroken: false };
  // Answers to approach questions (design, technical) count as answers given and
  // keep a streak, but are not stories, so the STAR figures leave them out.
  // and answers the check could not read (not English, code only) are left out the same way
  const unscored = history.filter((h) => !h.scored);
  const approach = unscored.filter((h) => !asksForStory(ctx, h.questionId)).length;
  const unreadable = unscored.length - approach;
  const entries: SummaryEntry[] = history
    .filter((h) => h.scored)
    .map((h) => ({
      answerId: h.answerId,
      at: new Date(h.at),
      flags: h.flags,
      employer: employerName(ctx.guides, h.employer),
      category: h.category,
      questionText: h.questionText,
    }));
  const summary = summarize(entries);
  const late = history.filter((h) => h.late).length;
  const lines = [
    ...(interview ? [interview] : []),
    `**Answers given:** ${count}${late ? ` (${late} late)` : ''}`,
    `**Streak:** ${plural(streak.days, 'day')}${streak.graceUsedThisWeek ? " (this week's grace day is used)" : ' (one missed day a week is forgiven)'}`,
    '',
    entries.length
      ? renderSummaryChart(summary)
      : unreadable
        ? 'No scored answers yet, so there is no STAR chart: the check reads answers written in English.'
        : 'No answers to story questions yet, so there is no STAR chart: answer a "Tell me about a time…" question to see one.',
  ];
  if (unreadable) {
    lines.push(
      `_${plural(unreadable, 'answer')} the check could not read (not in English, or code only) ${unreadable === 1 ? 'counts' : 'count'} above but not in the STAR figures._`,
    );
  }
  if (approach) {
    lines.push(
      `_${plural(approach, 'answer')} to questions that ask for an approach (design, technical) ${approach === 1 ? 'counts' : 'count'} above but not in the STAR figures._`,
    );
  }
  if (summary.weakest) {
    const part = summary.weakest.part === 'story' ? 'telling one specific story' : `the ${summary.weakest.part}`;
    lines.push(`**Weakest:** ${part}. ${summary.weakest.tip}`);
  }
  if (summary.best?.questionText) {
    const f = summary.best.flags;
    lines.push(
      `**Best-structured answer:** “${quote(summary.best.questionText, 100)}” (${f.checksPassed} of ${f.checksTotal} checks)`,
    );
  }
  // What was practised covers every answer, approach questions included.
  const employers = [...new Set(history.map((h) => employerName(ctx.guides, h.employer)))];
  const categories = [...new Set(history.map((h) => h.category))];
  if (employers.length) lines.push(`**Employers practised:** ${employers.join(', ')}`);
  if (categories.length) lines.push(`**Categories:** ${categories.map(categoryLabel).join(', ')}`);
  if (mock) lines.push(mock);
  const image = await memberChart(ctx.db, { ...o, now: ctx.clock().getTime() });
  return {
    kind: 'info',
    title: `${o.third ? `${o.name}'s` : 'Your'} practice summary`,
    text: lines.join('\n'),
    ...(image ? { image } : {}),
  };
}
