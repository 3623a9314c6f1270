// In a mock interview, the follow-up question may come from the model: asked what the
// offline check found missing, within a short budget. Late, invalid or not allowed, the
// offline follow-up goes out as it is.
import type { MockSession } from '../db/schema';
import type { AppContext } from '../practice/context';
import { analyzeAnswer } from '../star';
import { coachFor } from './gate';
import { followupText } from './message';
import { notesOf } from './notes';

/** A follow-up waits for the model at most this long (or LLM_TIMEOUT_MS if shorter). */
const FOLLOWUP_BUDGET_MS = 4000;

export interface FollowupTurn {
  question: string;
  answer: string;
  /** What the follow-ups already asked were about. */
  asked: string[];
}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);

/** The model's follow-up question, labelled, or undefined to send the offline one. */
export async function coachedFollowup(ctx: AppContext, s: MockSession, t: FollowupTurn): Promise<string | undefined> {
  const coach = await coachFor(ctx, s.workspace, s.channel_ref, s.user_id);
  if (!coach) return undefined;
  const notes = notesOf(analyzeAnswer(t.answer, { question: t.question }));
  const budget = Math.min(FOLLOWUP_BUDGET_MS, ctx.config.LLM_TIMEOUT_MS);
  const q = await within(budget, coach.followup(s.workspace, { ...t, notes }));
  return q ? followupText(q) : undefined;
}
