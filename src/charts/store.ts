// What the charts read: a member's answers or a channel's since a time, each with the
// STAR figures when it was analysed as a story. Bounded by the answers_member and
// answers_channel indexes (migration 001).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ChartAnswer } from './series';

type Db = Kysely<Database>;

export async function memberChartAnswers(
  db: Db,
  workspace: string,
  userId: string,
  since: number,
): Promise<ChartAnswer[]> {
  const rows = await db
    .selectFrom('answers')
    .leftJoin('analyses', 'analyses.answer_id', 'answers.id')
    .select([
      'answers.created_at',
      'answers.checks_passed',
      'answers.checks_total',
      'analyses.situation',
      'analyses.task',
      'analyses.action',
      'analyses.result',
    ])
    .where('answers.workspace', '=', workspace)
    .where('answers.user_id', '=', userId)
    .where('answers.created_at', '>=', since)
    .execute();
  return rows.map((r) => ({
    at: Number(r.created_at),
    // answers to approach questions carry 0 of 0 checks: counted, not scored
    flags:
      Number(r.checks_total) > 0
        ? {
            situation: r.situation === 1,
            task: r.task === 1,
            action: r.action === 1,
            result: r.result === 1,
            checksPassed: Number(r.checks_passed),
            checksTotal: Number(r.checks_total),
          }
        : undefined,
  }));
}

export async function channelChartAnswers(db: Db, channelRef: string, since: number): Promise<ChartAnswer[]> {
  const rows = await db
    .selectFrom('answers')
    .select(['created_at', 'user_id'])
    .where('channel_ref', '=', channelRef)
    .where('created_at', '>=', since)
    .execute();
  return rows.map((r) => ({ at: Number(r.created_at), userId: r.user_id }));
}
