// A member's own data: everything for export, and deletion on request. Both are
// bounded to one workspace: the same person elsewhere is untouched.
import type { Answer } from '../../db/schema';
import { type ExportedTimes, exportTimes, forgetTimes } from '../../interview/export';
import { type ExportedMockSession, exportMockSessions } from '../../mock/export';
import { forgetSessions } from '../../mock/store';
import { type ExportedStoryMark, exportStoryMarks } from '../../stories/export';
import { forgetStoryMarks } from '../../stories/store';
import { analysisOf, answerMessages } from './answers';
import { affected, type Db } from './db';
import { feedbackOf, forgetFeedback } from './feedback-due';
import { clearRetry, getMember, getRetry, snoozesOf } from './members';

interface ExportedAnswer {
  id: string;
  channel: string;
  question: { id: string; text: string; employer: string; category: string; postedAt: string };
  attempt: number;
  late: boolean;
  text: string;
  parts: { ref: string; text: string; at: string }[];
  createdAt: string;
  updatedAt: string;
  /** Whether its STAR checks count as a score (false for approach questions and unreadable answers). */
  scored: boolean;
  analysis: unknown;
}

/** A daily question schedule the member set (the latest to set it in that channel). */
interface ExportedSchedule {
  channel: string;
  /** Local time HH:MM in `timezone`. */
  time: string;
  timezone: string;
  /** ISO weekdays: 1 is Monday. */
  days: number[];
  employer: string | null;
  category: string | null;
  paused: boolean;
  pausedReason: string | null;
  nextRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemberExport {
  workspace: string;
  userId: string;
  exportedAt: string;
  /** aiCoach: 'off' when the member keeps their answers from the AI coach (`/prep settings me ai off`). */
  member: { name: string; snoozedUntil: string | null; aiCoach: 'on' | 'off' } | null;
  snoozes: { from: string; until: string }[];
  pendingRetry: { postId: string; since: string } | null;
  schedules: ExportedSchedule[];
  answers: ExportedAnswer[];
  /** Mock interviews (`/prep mock`), apart from the daily answers. */
  mockInterviews: ExportedMockSession[];
  /** Guides they added from the chat (`/prep guide add`), confirmed or waiting as a preview. */
  guidesAdded: { employer: string; slug: string; source: string; confirmed: boolean; addedAt: string }[];
  /** What the member changed in their story bank (`/prep stories retag` and `merge`). */
  storyMarks: ExportedStoryMark[];
  /** Each answer's feedback: held for the quiet period until `dueAt`, sent at `sentAt`. */
  feedback: { answerId: string; dueAt: string | null; sentAt: string | null; sentChecks: unknown }[];
  /** Own time zone, quiet hours, reminders sent and the interview set with `/prep interview`. */
  timesAndInterview: ExportedTimes;
}

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();

export async function exportMember(db: Db, workspace: string, userId: string, now: Date): Promise<MemberExport> {
  const member = await getMember(db, workspace, userId);
  const snoozes = await snoozesOf(db, workspace, userId);
  const retry = await getRetry(db, workspace, userId);
  const schedules = await db
    .selectFrom('schedules')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('created_by', '=', userId)
    .orderBy('channel_ref')
    .execute();
  const answers: (Answer & { q_id: string; q_text: string; employer: string; category: string; posted_at: number })[] =
    await db
      .selectFrom('answers')
      .innerJoin('posts', 'posts.id', 'answers.post_id')
      .selectAll('answers')
      .select([
        'posts.question_id as q_id',
        'posts.question_text as q_text',
        'posts.employer',
        'posts.category',
        'posts.posted_at',
      ])
      .where('answers.workspace', '=', workspace)
      .where('answers.user_id', '=', userId)
      .orderBy('answers.created_at')
      .execute();
  const out: ExportedAnswer[] = [];
  for (const a of answers) {
    const parts = await answerMessages(db, a.id);
    const analysis = await analysisOf(db, a.id);
    out.push({
      id: a.id,
      channel: a.channel_ref,
      question: {
        id: a.q_id,
        text: a.q_text,
        employer: a.employer,
        category: a.category,
        postedAt: iso(a.posted_at) ?? '',
      },
      attempt: Number(a.attempt),
      late: a.late === 1,
      text: a.text,
      parts: parts.map((m) => ({ ref: m.ref, text: m.text, at: iso(m.created_at) ?? '' })),
      createdAt: iso(a.created_at) ?? '',
      updatedAt: iso(a.updated_at) ?? '',
      scored: Number(a.checks_total) > 0,
      analysis: analysis ? JSON.parse(analysis.data) : null,
    });
  }
  return {
    workspace,
    userId,
    exportedAt: now.toISOString(),
    member: member
      ? { name: member.name, snoozedUntil: iso(member.snoozed_until), aiCoach: member.ai_opt_out === 1 ? 'off' : 'on' }
      : null,
    snoozes: snoozes.map((s) => ({ from: iso(s.from_at) ?? '', until: iso(s.until_at) ?? '' })),
    pendingRetry: retry ? { postId: retry.post_id, since: iso(retry.created_at) ?? '' } : null,
    schedules: schedules.map((s) => ({
      channel: s.channel_ref,
      time: s.time,
      timezone: s.timezone,
      days: s.days.split(',').filter(Boolean).map(Number),
      employer: s.employer,
      category: s.category,
      paused: s.paused === 1,
      pausedReason: s.paused_reason,
      nextRunAt: iso(s.next_run_at),
      createdAt: iso(s.created_at) ?? '',
      updatedAt: iso(s.updated_at) ?? '',
    })),
    answers: out,
    mockInterviews: await exportMockSessions(db, workspace, userId),
    guidesAdded: (
      await db
        .selectFrom('chat_guides')
        .select(['employer', 'slug', 'source', 'confirmed', 'created_at'])
        .where('workspace', '=', workspace)
        .where('added_by', '=', userId)
        .orderBy('created_at')
        .execute()
    ).map((g) => ({
      employer: g.employer,
      slug: g.slug,
      source: g.source,
      confirmed: g.confirmed === 1,
      addedAt: iso(g.created_at) ?? '',
    })),
    storyMarks: await exportStoryMarks(db, workspace, userId),
    feedback: (await feedbackOf(db, workspace, userId)).map((f) => ({
      answerId: f.answer_id,
      dueAt: iso(f.due_at),
      sentAt: iso(f.sent_at),
      sentChecks: f.sent_flags ? JSON.parse(f.sent_flags) : null,
    })),
    timesAndInterview: await exportTimes(db, workspace, userId),
  };
}

export interface Forgotten {
  answers: number;
  mockInterviews: number;
  analyses: number;
  replies: number;
  snoozes: number;
  member: boolean;
  storyMarks: number;
  /** Settings, reminder log and interview rows. */
  settings: number;
}

/** Deletes everything the member left in the workspace, in one transaction. */
export async function forgetMember(db: Db, workspace: string, userId: string): Promise<Forgotten> {
  return db.transaction().execute(async (trx) => {
    const ids = (
      await trx
        .selectFrom('answers')
        .select('id')
        .where('workspace', '=', workspace)
        .where('user_id', '=', userId)
        .execute()
    ).map((r) => r.id);
    const deleteOfMember = async (table: 'answers' | 'snoozes' | 'members') =>
      affected(
        await trx.deleteFrom(table).where('workspace', '=', workspace).where('user_id', '=', userId).executeTakeFirst(),
      );
    let analyses = 0;
    let replies = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      analyses += affected(await trx.deleteFrom('analyses').where('answer_id', 'in', chunk).executeTakeFirst());
      replies += affected(await trx.deleteFrom('answer_messages').where('answer_id', 'in', chunk).executeTakeFirst());
    }
    // story marks and feedback records point at the answers: they go first
    const storyMarks = await forgetStoryMarks(trx, workspace, userId);
    await forgetFeedback(trx, workspace, userId);
    const answers = await deleteOfMember('answers');
    const mockInterviews = await forgetSessions(trx, workspace, userId);
    const snoozes = await deleteOfMember('snoozes');
    const settings = await forgetTimes(trx, workspace, userId);
    await clearRetry(trx, workspace, userId);
    const member = (await deleteOfMember('members')) > 0;
    // Questions they asked stay for the group, without their name on them.
    await trx
      .updateTable('posts')
      .set({ posted_by: null })
      .where('workspace', '=', workspace)
      .where('posted_by', '=', userId)
      .execute();
    // Guides they added stay for the group without their name; their unconfirmed previews go.
    const byThem = trx.deleteFrom('chat_guides').where('workspace', '=', workspace).where('added_by', '=', userId);
    await byThem.where('confirmed', '=', 0).execute();
    await trx
      .updateTable('chat_guides')
      .set({ added_by: '' })
      .where('workspace', '=', workspace)
      .where('added_by', '=', userId)
      .execute();
    return { answers, mockInterviews, analyses, replies, snoozes, member, storyMarks, settings };
  });
}
