// The feedback message on an answer, sent to its author privately (or in the thread
// where the channel says so). An edit after feedback says what the edit changed.
import { PlatformError } from '../chat/errors';
import type { OutboundMessage, ReplyOptions, Sent } from '../chat/types';
import { coachAnswer } from '../coach/on-answer';
import type { Answer, Post } from '../db/schema';
import { type Analysis, type AnswerFlags, compareAttempts, flagsOf } from '../star';
import { type AppContext, MAX_ANSWER_CHARS } from './context';
import { feedbackFor } from './feedback';
import { deliverFeedback } from './feedback-delivery';
import { quote } from './format';
import { analysisOf, attemptOf } from './store/answers';
import type { FeedbackMode } from './store/channels';
import { feedbackState, recordSent } from './store/feedback-due';

export type Reply = (message: OutboundMessage, options?: ReplyOptions) => Promise<Sent>;

/** Sends to people without failing the answer: it is stored whatever the platform says. */
export async function bestEffort<T>(ctx: AppContext, what: string, send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await send();
  } catch (err) {
    if (!(err instanceof PlatformError)) throw err;
    ctx.logger.warn({ kind: err.kind, code: err.code }, `could not deliver ${what}`);
    return undefined;
  }
}

export interface FeedbackInput {
  answer: Answer;
  post: Post;
  analysis: Analysis;
  story: boolean;
  reason: 'answer' | 'edit';
  truncated: boolean;
  mode: FeedbackMode;
  reply: Reply;
}

function parseFlags(json: string | null | undefined): AnswerFlags | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as AnswerFlags;
  } catch {
    return undefined;
  }
}

async function feedbackLines(ctx: AppContext, f: FeedbackInput): Promise<string[]> {
  const { answer, analysis, story } = f;
  const lines: string[] = [];
  if (f.reason === 'edit') {
    const before = parseFlags((await feedbackState(ctx.db, answer.id))?.sent_flags);
    lines.push('_Updated after your edit._');
    if (before) lines.push(`_What your edit changed:_ ${compareAttempts(before, analysis).text}`, '');
  }
  if (answer.late === 1) lines.push('_This answer came after the answer window closed: it counts, marked late._');
  if (f.truncated) {
    lines.push(
      `_Your answer was longer than ${MAX_ANSWER_CHARS.toLocaleString('en')} characters; only the first part was read._`,
    );
  }
  lines.push(feedbackFor(analysis, story));
  if (answer.attempt > 1) {
    const prev = await attemptOf(ctx.db, f.post.workspace, f.post.id, answer.user_id, answer.attempt - 1);
    const prevAnalysis = prev ? await analysisOf(ctx.db, prev.id) : undefined;
    if (prevAnalysis)
      lines.push(
        '',
        `**${story ? 'Compared' : 'The example, compared'} with attempt ${answer.attempt - 1}:**`,
        compareAttempts(prevAnalysis.flags, analysis).text,
      );
  }
  return lines;
}

/** Composes and sends one feedback, and remembers what it said and where. */
export async function sendFeedback(ctx: AppContext, f: FeedbackInput): Promise<void> {
  const { answer, post } = f;
  const lines = await feedbackLines(ctx, f);
  const title = `Feedback on your answer${answer.attempt > 1 ? ` (attempt ${answer.attempt})` : ''}: “${quote(post.question_text, 80)}”`;
  const publicMode = f.mode === 'public';
  const body = publicMode ? `<@${answer.user_id}>\n${lines.join('\n')}` : lines.join('\n');
  const sentBefore = f.reason === 'edit' ? (await feedbackState(ctx.db, answer.id))?.sent_ref : null;
  const ref = await deliverFeedback(ctx, {
    message: { kind: 'feedback', title, text: body },
    options: publicMode ? { inThread: true } : { private: true },
    reply: f.reply,
    sentBefore: sentBefore ?? undefined,
  });
  await recordSent(ctx.db, {
    answerId: answer.id,
    workspace: answer.workspace,
    userId: answer.user_id,
    flags: flagsOf(f.analysis),
    ref: ref ?? null,
    now: ctx.clock().getTime(),
  });
  // the AI coach's suggestion follows the feedback, never before it and never waited for
  const text = f.analysis.sentences.map((x) => x.text).join(' ');
  const who = { workspace: post.workspace, channel: post.channel_ref, userId: answer.user_id };
  coachAnswer(ctx, { ...who, question: post.question_text, text, analysis: f.analysis, reply: f.reply });
}
