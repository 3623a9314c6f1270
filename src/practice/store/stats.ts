// Read models: a member's answer history, streak inputs, the channel leaderboard
// and what a digest needs. Each query is bounded by an index (see migration 002).
import type { AnswerFlags } from '../../star';
import { ANALYSIS_FLAG_COLUMNS, flagsFromRow } from './answers';
import type { Db } from './db';

export interface HistoryEntry {
  answerId: string;
  at: number;
  channelRef: string;
  attempt: number;
  late: boolean;
  employer: string;
  category: string;
  questionText: string;
  questionId: string;
  flags: AnswerFlags;
  /** False when the question did not call for a story: not in the STAR figures (see saveAnalysis). */
  scored: boolean;
}

/** The member's analysed answers in a workspace, newest first. */
export async function memberHistory(db: Db, workspace: string, userId: string, limit = 100): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('analyses', 'analyses.answer_id', 'answers.id')
    .innerJoin('posts', 'posts.id', 'answers.post_id')
    .select([
      'answers.id',
      'answers.created_at',
      'answers.channel_ref',
      'answers.attempt',
      'answers.late',
      'posts.employer',
      'posts.category',
      'posts.question_text',
      'posts.question_id',
      'answers.checks_total as scored_checks',
      ...ANALYSIS_FLAG_COLUMNS,
    ])
    .where('answers.workspace', '=', workspace)
    .where('answers.user_id', '=', userId)
    .orderBy('answers.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    answerId: r.id,
    at: Number(r.created_at),
    channelRef: r.channel_ref,
    attempt: Number(r.attempt),
    late: r.late === 1,
    employer: r.employer,
    category: r.category,
    questionText: r.question_text,
    questionId: r.question_id,
    flags: flagsFromRow(r),
    scored: Number(r.scored_checks) > 0,
  }));
}

export async function memberAnswerCount(db: Db, workspace: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('answers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** When each question the member answered in the channel was posted (since a time). */
export async function answeredPostTimes(
  db: Db,
  workspace: string,
  channelRef: string,
  userId: string,
  since: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('posts', 'posts.id', 'answers.post_id')
    .select('posts.posted_at')
    .distinct()
    .where('answers.channel_ref', '=', channelRef)
    .where('answers.user_id', '=', userId)
    .where('answers.workspace', '=', workspace)
    // Answers come after their question, so this bounds the index range too.
    .where('answers.created_at', '>=', since)
    .where('posts.posted_at', '>=', since)
    .execute();
  return rows.map((r) => Number(r.posted_at));
}

export interface LeaderRow {
  userId: string;
  name: string;
  /** Distinct questions answered. */
  questions: number;
  answers: number;
  checksPassed: number;
  checksTotal: number;
  /** Answers to story questions with all four parts. */
  complete: number;
}

/**
 * Participation and STAR checks per member in a channel since a time, best first.
 * Every answer counts as taking part; only answers to story questions carry STAR
 * figures (an answer to a design question, or one not analysed yet, adds 0 of 0).
 * One range of the covering answers_board index: the figures live on the answer
 * (copied by saveAnalysis), and rows are summed here because grouping in SQL makes
 * SQLite walk every answer the channel ever had to avoid a sort.
 */
export async function leaderboard(
  db: Db,
  workspace: string,
  channelRef: string,
  since: number,
  limit = 10,
): Promise<LeaderRow[]> {
  const rows = await db
    .selectFrom('answers')
    .select(['user_id', 'user_name', 'post_id', 'checks_passed', 'checks_total', 'complete'])
    .where('channel_ref', '=', channelRef)
    .where('created_at', '>=', since)
    .where('workspace', '=', workspace)
    .execute();
  const by = new Map<string, LeaderRow & { posts: Set<string> }>();
  for (const r of rows) {
    let row = by.get(r.user_id);
    if (!row) {
      row = {
        userId: r.user_id,
        name: r.user_name,
        questions: 0,
        answers: 0,
        checksPassed: 0,
        checksTotal: 0,
        complete: 0,
        posts: new Set(),
      };
      by.set(r.user_id, row);
    }
    row.name = r.user_name;
    row.posts.add(r.post_id);
    row.answers += 1;
    row.checksPassed += Number(r.checks_passed);
    row.checksTotal += Number(r.checks_total);
    row.complete += Number(r.complete);
  }
  const ratio = (r: LeaderRow) => r.checksPassed / Math.max(1, r.checksTotal);
  return [...by.values()]
    .map(({ posts, ...r }) => ({ ...r, questions: posts.size }))
    .sort((a, b) => b.questions - a.questions || ratio(b) - ratio(a) || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export interface PostAnswerRow {
  userId: string;
  attempt: number;
  late: boolean;
  flags: AnswerFlags;
}

/** Each answer to a question with its flags (all attempts). */
export async function answersToPost(db: Db, workspace: string, postId: string): Promise<PostAnswerRow[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('analyses', 'analyses.answer_id', 'answers.id')
    .select(['answers.user_id', 'answers.attempt', 'answers.late', ...ANALYSIS_FLAG_COLUMNS])
    .where('answers.workspace', '=', workspace)
    .where('answers.post_id', '=', postId)
    .orderBy('answers.attempt')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    attempt: Number(r.attempt),
    late: r.late === 1,
    flags: flagsFromRow(r),
  }));
}
