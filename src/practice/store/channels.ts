// Per-channel settings: answer window, where feedback goes, who may read summaries.
import type { Channel } from '../../db/schema';
import type { Db } from './db';

export type FeedbackMode = 'private' | 'public' | 'off';
export const FEEDBACK_MODES: readonly FeedbackMode[] = ['private', 'public', 'off'];

export interface ChannelSettings {
  feedbackMode: FeedbackMode;
  answerWindowMinutes: number;
  summariesPublic: boolean;
}

export function settingsOf(c: Channel): ChannelSettings {
  const mode = FEEDBACK_MODES.includes(c.feedback_mode as FeedbackMode) ? (c.feedback_mode as FeedbackMode) : 'private';
  return {
    feedbackMode: mode,
    answerWindowMinutes: c.answer_window_minutes,
    summariesPublic: c.summaries_public === 1,
  };
}

/** The channel's row, created with defaults the first time the bot meets it. */
export async function ensureChannel(db: Db, workspace: string, ref: string, now: Date): Promise<Channel> {
  await db
    .insertInto('channels')
    .values({ ref, workspace, name: null, created_at: now.getTime() })
    .onConflict((oc) => oc.column('ref').doNothing())
    .execute();
  const row = await db
    .selectFrom('channels')
    .selectAll()
    .where('ref', '=', ref)
    .where('workspace', '=', workspace)
    .executeTakeFirst();
  if (!row) throw new Error(`channel ${ref} belongs to another workspace than ${workspace}`);
  return row;
}

export async function updateChannelSettings(
  db: Db,
  workspace: string,
  ref: string,
  change: Partial<ChannelSettings>,
  now: Date,
): Promise<ChannelSettings> {
  await ensureChannel(db, workspace, ref, now);
  const set: Record<string, string | number> = {};
  if (change.feedbackMode) set.feedback_mode = change.feedbackMode;
  if (change.answerWindowMinutes !== undefined) set.answer_window_minutes = change.answerWindowMinutes;
  if (change.summariesPublic !== undefined) set.summaries_public = change.summariesPublic ? 1 : 0;
  if (Object.keys(set).length) {
    await db.updateTable('channels').set(set).where('ref', '=', ref).where('workspace', '=', workspace).execute();
  }
  return settingsOf(await ensureChannel(db, workspace, ref, now));
}
