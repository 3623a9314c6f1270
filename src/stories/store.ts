// The story bank's rows: a member's answers that tell a story (read from answers and
// their analyses, and from mock interview answers, so every story answer is in the bank
// as soon as it is analysed), and the member's own marks on them (retagged
// competencies, merged answers).
import type { StoryMark } from '../db/schema';
import { ANALYSIS_FLAG_COLUMNS, flagsFromRow } from '../practice/store/answers';
import type { Db } from '../practice/store/db';
import { type Analysis, type AnswerFlags, flagsOf } from '../star';

export interface StoryAnswer {
  answerId: string;
  text: string;
  at: number;
  questionId: string;
  questionText: string;
  category: string;
  employer: string;
  flags: AnswerFlags;
  /** The analysis as JSON, for the member's own opening sentence. */
  data: string;
  /** A daily question's answer (or its STAR form), or an answer in a mock interview. */
  source: 'daily' | 'mock';
}

/** What the bank ids of a mock interview's answers start with. */
export function mockSessionPrefix(sessionId: string): string {
  return `mock:${sessionId}:`;
}

/** A mock interview answer's id in the bank and its marks: `mock:<session>:<position>`. */
function mockAnswerId(sessionId: string, position: number): string {
  return `${mockSessionPrefix(sessionId)}${position}`;
}

/** Every answer by the member that the analyser read as a story, daily and mock, oldest first. */
export async function storyAnswersOf(db: Db, workspace: string, userId: string): Promise<StoryAnswer[]> {
  const [daily, mock] = await Promise.all([
    dailyStoryAnswers(db, workspace, userId),
    mockStoryAnswers(db, workspace, userId),
  ]);
  return [...daily, ...mock].sort((a, b) => a.at - b.at || (a.answerId < b.answerId ? -1 : 1));
}

async function dailyStoryAnswers(db: Db, workspace: string, userId: string): Promise<StoryAnswer[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('analyses', 'analyses.answer_id', 'answers.id')
    .innerJoin('posts', 'posts.id', 'answers.post_id')
    .select([
      'answers.id',
      'answers.text',
      'answers.created_at',
      'posts.question_id',
      'posts.question_text',
      'posts.category',
      'posts.employer',
      'analyses.data',
      ...ANALYSIS_FLAG_COLUMNS,
    ])
    .where('answers.workspace', '=', workspace)
    .where('answers.user_id', '=', userId)
    .where('analyses.story', '=', 1)
    .orderBy('answers.created_at')
    .orderBy('answers.id')
    .execute();
  return rows.map((r) => ({
    answerId: r.id,
    text: r.text,
    at: Number(r.created_at),
    questionId: r.question_id,
    questionText: r.question_text,
    category: r.category,
    employer: r.employer,
    flags: flagsFromRow(r),
    data: r.data,
    source: 'daily' as const,
  }));
}

function parseAnalysis(json: string): Analysis | undefined {
  try {
    return JSON.parse(json) as Analysis;
  } catch {
    return undefined;
  }
}

/** The member's mock interview answers that tell a story, as they read after the last follow-up. */
async function mockStoryAnswers(db: Db, workspace: string, userId: string): Promise<StoryAnswer[]> {
  const rows = await db
    .selectFrom('mock_items')
    .innerJoin('mock_sessions', 'mock_sessions.id', 'mock_items.session_id')
    .select([
      'mock_items.session_id',
      'mock_items.position',
      'mock_items.question_id',
      'mock_items.question_text',
      'mock_items.category',
      'mock_items.employer',
      'mock_items.answer_text',
      'mock_items.last_analysis',
      'mock_items.updated_at',
    ])
    .where('mock_sessions.workspace', '=', workspace)
    .where('mock_sessions.user_id', '=', userId)
    .where('mock_items.answer_text', 'is not', null)
    .where('mock_items.last_analysis', 'is not', null)
    .execute();
  const stories: StoryAnswer[] = [];
  for (const r of rows) {
    const analysis = parseAnalysis(r.last_analysis ?? '');
    if (!analysis?.story || r.answer_text === null || r.last_analysis === null) continue;
    stories.push({
      answerId: mockAnswerId(r.session_id, Number(r.position)),
      text: r.answer_text,
      at: Number(r.updated_at),
      questionId: r.question_id,
      questionText: r.question_text,
      category: r.category,
      employer: r.employer,
      flags: flagsOf(analysis),
      data: r.last_analysis,
      source: 'mock',
    });
  }
  return stories;
}

export async function marksOf(db: Db, workspace: string, userId: string): Promise<StoryMark[]> {
  return db
    .selectFrom('story_marks')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .orderBy('answer_id')
    .execute();
}

interface MarkChange {
  workspace: string;
  userId: string;
  answerId: string;
  sameAs?: string | null;
  competencies?: string[] | null;
  now: number;
}

/** Records a member's change to one answer's story, keeping what the change does not touch. */
export async function markStory(db: Db, m: MarkChange): Promise<void> {
  const set: { same_as?: string | null; competencies?: string | null; updated_at: number } = { updated_at: m.now };
  if (m.sameAs !== undefined) set.same_as = m.sameAs;
  if (m.competencies !== undefined) set.competencies = m.competencies ? JSON.stringify(m.competencies) : null;
  await db
    .insertInto('story_marks')
    .values({
      answer_id: m.answerId,
      workspace: m.workspace,
      user_id: m.userId,
      same_as: set.same_as ?? null,
      competencies: set.competencies ?? null,
      updated_at: m.now,
    })
    .onConflict((oc) => oc.column('answer_id').doUpdateSet(set))
    .execute();
}

/** Moves every answer marked as the same story as `from` onto `to` (a merge of merged stories). */
export async function repointStory(db: Db, workspace: string, from: string, to: string, now: number): Promise<void> {
  await db
    .updateTable('story_marks')
    .set({ same_as: to, updated_at: now })
    .where('workspace', '=', workspace)
    .where('same_as', '=', from)
    .execute();
}

/** Removes a member's story marks (`/prep forget-me`); their answers go with the answers. */
export async function forgetStoryMarks(db: Db, workspace: string, userId: string): Promise<number> {
  const r = await db
    .deleteFrom('story_marks')
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

/**
 * Members who have told a story in this channel (in its threads, or in a mock interview
 * started there): who may hear that a new question fits one.
 */
export async function storytellersIn(db: Db, workspace: string, channel: string): Promise<string[]> {
  const mock = await db
    .selectFrom('mock_sessions')
    .innerJoin('mock_items', 'mock_items.session_id', 'mock_sessions.id')
    .select('mock_sessions.user_id')
    .distinct()
    .where('mock_sessions.workspace', '=', workspace)
    .where('mock_sessions.channel_ref', '=', channel)
    .where('mock_items.answer_text', 'is not', null)
    .execute();
  const rows = await db
    .selectFrom('answers')
    .innerJoin('analyses', 'analyses.answer_id', 'answers.id')
    .select('answers.user_id')
    .distinct()
    .where('answers.workspace', '=', workspace)
    .where('answers.channel_ref', '=', channel)
    .where('analyses.story', '=', 1)
    .orderBy('answers.user_id')
    .execute();
  return [...new Set([...rows, ...mock].map((r) => r.user_id))].sort();
}
