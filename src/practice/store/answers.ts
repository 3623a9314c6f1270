// Answers: one per member, question and attempt, built from one or more thread
// replies (answer_messages) and re-analysed whenever a part changes.
import { randomUUID } from 'node:crypto';
import type { AnalysisRow, Answer, AnswerMessage } from '../../db/schema';
import { type AnswerFlags, hasAllParts } from '../../star';
import { affected, type Db } from './db';

/** The member's attempts at a question. */
function attemptsAt(db: Db, workspace: string, postId: string, userId: string) {
  return db
    .selectFrom('answers')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('post_id', '=', postId)
    .where('user_id', '=', userId);
}

/** The member's latest attempt at a question, if any. */
export async function latestAttempt(
  db: Db,
  workspace: string,
  postId: string,
  userId: string,
): Promise<Answer | undefined> {
  return attemptsAt(db, workspace, postId, userId).orderBy('attempt', 'desc').limit(1).executeTakeFirst();
}

export async function attemptOf(
  db: Db,
  workspace: string,
  postId: string,
  userId: string,
  attempt: number,
): Promise<Answer | undefined> {
  return attemptsAt(db, workspace, postId, userId).where('attempt', '=', attempt).executeTakeFirst();
}

export interface NewAnswer {
  postId: string;
  workspace: string;
  channelRef: string;
  userId: string;
  userName: string;
  attempt: number;
  late: boolean;
  at: number;
}

export async function createAnswer(db: Db, a: NewAnswer): Promise<Answer> {
  const id = randomUUID();
  await db
    .insertInto('answers')
    .values({
      id,
      post_id: a.postId,
      workspace: a.workspace,
      channel_ref: a.channelRef,
      user_id: a.userId,
      user_name: a.userName,
      attempt: a.attempt,
      text: '',
      late: a.late ? 1 : 0,
      created_at: a.at,
      updated_at: a.at,
    })
    .execute();
  return db.selectFrom('answers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function getAnswer(db: Db, workspace: string, id: string): Promise<Answer | undefined> {
  return db
    .selectFrom('answers')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Adds one reply to an answer; false when this message was already recorded (a redelivery). */
export async function addAnswerMessage(
  db: Db,
  answerId: string,
  ref: string,
  text: string,
  at: number,
): Promise<boolean> {
  const r = await db
    .insertInto('answer_messages')
    .values({ ref, answer_id: answerId, text, created_at: at })
    .onConflict((oc) => oc.column('ref').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The answer a message belongs to, within the workspace. */
export async function answerOfMessage(
  db: Db,
  workspace: string,
  ref: string,
): Promise<{ answer: Answer; message: AnswerMessage } | undefined> {
  const message = await db.selectFrom('answer_messages').selectAll().where('ref', '=', ref).executeTakeFirst();
  if (!message) return undefined;
  const answer = await getAnswer(db, workspace, message.answer_id);
  return answer ? { answer, message } : undefined;
}

export async function editAnswerMessage(db: Db, ref: string, text: string): Promise<void> {
  await db.updateTable('answer_messages').set({ text }).where('ref', '=', ref).execute();
}

export async function deleteAnswerMessage(db: Db, ref: string): Promise<boolean> {
  return affected(await db.deleteFrom('answer_messages').where('ref', '=', ref).executeTakeFirst()) > 0;
}

export async function answerMessages(db: Db, answerId: string): Promise<AnswerMessage[]> {
  return db
    .selectFrom('answer_messages')
    .selectAll()
    .where('answer_id', '=', answerId)
    .orderBy('created_at')
    .orderBy('ref')
    .execute();
}

/**
 * Rebuilds an answer's text from its replies, in the order they were written.
 * Returns the new text, or undefined when no reply is left and the answer (with its
 * analysis) has been deleted.
 */
export async function rebuildAnswer(db: Db, answerId: string, now: number): Promise<string | undefined> {
  const parts = await answerMessages(db, answerId);
  if (parts.length === 0) {
    await db.deleteFrom('analyses').where('answer_id', '=', answerId).execute();
    // story marks name answers without a foreign key (mock answers have no row, migration 012)
    await db.deleteFrom('story_marks').where('answer_id', '=', answerId).execute();
    await db.deleteFrom('answers').where('id', '=', answerId).execute();
    return undefined;
  }
  const text = parts.map((p) => p.text.trim()).join('\n\n');
  await db.updateTable('answers').set({ text, updated_at: now }).where('id', '=', answerId).execute();
  return text;
}

export interface StoredAnalysis {
  answerId: string;
  flags: AnswerFlags;
  /** Share of action sentences told with "I" (0..1), when there are actions. */
  iShare: number | null;
  /** The full analysis, as JSON. */
  data: string;
  /**
   * False for an answer to a question that does not call for a story (system design,
   * an approach): its analysis is kept, but its STAR figures stay off the answer row,
   * so the leaderboard and summaries count it as taking part, not as a story.
   */
  scored?: boolean;
}

export async function saveAnalysis(db: Db, a: StoredAnalysis, now: number): Promise<void> {
  const f = a.flags;
  const values = {
    story: f.story ? 1 : 0,
    situation: f.situation ? 1 : 0,
    task: f.task ? 1 : 0,
    action: f.action ? 1 : 0,
    result: f.result ? 1 : 0,
    result_measured: f.resultMeasured ? 1 : 0,
    ownership: a.iShare,
    ownership_flagged: f.ownershipFlagged ? 1 : 0,
    checks_passed: f.checksPassed,
    checks_total: f.checksTotal,
    word_count: f.wordCount,
    data: a.data,
    created_at: now,
  };
  await db
    .insertInto('analyses')
    .values({ answer_id: a.answerId, ...values })
    .onConflict((oc) => oc.column('answer_id').doUpdateSet(values))
    .execute();
  const scored = a.scored !== false;
  await db
    .updateTable('answers')
    .set({
      checks_passed: scored ? f.checksPassed : 0,
      checks_total: scored ? f.checksTotal : 0,
      complete: scored && hasAllParts(f) ? 1 : 0,
    })
    .where('id', '=', a.answerId)
    .execute();
}

/** The analysis columns flagsFromRow reads, for queries that join analyses. */
export const ANALYSIS_FLAG_COLUMNS = [
  'analyses.story',
  'analyses.situation',
  'analyses.task',
  'analyses.action',
  'analyses.result',
  'analyses.result_measured',
  'analyses.ownership_flagged',
  'analyses.checks_passed',
  'analyses.checks_total',
  'analyses.word_count',
] as const;

export type AnalysisFlagsRow = Pick<
  AnalysisRow,
  (typeof ANALYSIS_FLAG_COLUMNS)[number] extends `analyses.${infer C}` ? C & keyof AnalysisRow : never
>;

export function flagsFromRow(r: AnalysisFlagsRow): AnswerFlags {
  return {
    story: r.story === 1,
    situation: r.situation === 1,
    task: r.task === 1,
    action: r.action === 1,
    result: r.result === 1,
    resultMeasured: r.result_measured === 1,
    ownershipFlagged: r.ownership_flagged === 1,
    checksPassed: Number(r.checks_passed),
    checksTotal: Number(r.checks_total),
    wordCount: Number(r.word_count),
  };
}

export async function analysisOf(db: Db, answerId: string): Promise<{ flags: AnswerFlags; data: string } | undefined> {
  const row = await db.selectFrom('analyses').selectAll().where('answer_id', '=', answerId).executeTakeFirst();
  return row ? { flags: flagsFromRow(row), data: row.data } : undefined;
}
