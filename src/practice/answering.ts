// Thread replies become answers. Several replies by one person form one answer; an
// edit or a deletion rebuilds and re-analyses it; the STAR form is an answer too.
// After each analysis the author gets feedback and the answer a compact marker,
// as the channel's feedback mode says.
import { UserError } from '../chat/errors';
import type { EventHandlers } from '../chat/router';
import { STAR_FORM_FIELDS } from '../chat/star-form';
import type { FormSubmittedEvent, MessageDeletedEvent, MessageEditedEvent, MessageEvent } from '../chat/types';
import type { Answer, Post } from '../db/schema';
import { notePlatformZone } from '../reminders/prefs';
import { type Analysis, analyzeAnswer, flagsOf, markerOf } from '../star';
import { type AppContext, MAX_ANSWER_CHARS } from './context';
import { asksForStory } from './feedback';
import { sendOverdue } from './overdue';
import { QuietFeedback, quietMsFor, realTimers, type Timers } from './quiet';
import { bestEffort, type Reply, sendFeedback } from './respond';
import {
  addAnswerMessage,
  analysisOf,
  answerMessages,
  answerOfMessage,
  attemptOf,
  createAnswer,
  deleteAnswerMessage,
  editAnswerMessage,
  getAnswer,
  latestAttempt,
  rebuildAnswer,
  saveAnalysis,
} from './store/answers';
import { ensureChannel, settingsOf } from './store/channels';
import { feedbackState } from './store/feedback-due';
import { clearRetry, getRetry, upsertMember } from './store/members';
import { getPost, postByThread } from './store/posts';

interface Respond {
  /** Replies to the author (the event's reply). */
  reply?: Reply;
  /** Why feedback is sent: a new reply, an edit, or nothing to say (deletions). */
  reason: 'answer' | 'edit' | 'silent';
  truncated?: boolean;
  /** The message that carried the answer's marker before this change, when it may have gone. */
  markedRef?: string;
  /** A whole answer at once (the STAR form): no quiet period to wait for more. */
  whole?: boolean;
}

function clip(text: string): { text: string; truncated: boolean } {
  const t = text.trim();
  return t.length > MAX_ANSWER_CHARS
    ? { text: t.slice(0, MAX_ANSWER_CHARS), truncated: true }
    : { text: t, truncated: false };
}

function parseAnalysis(data: string): Analysis | undefined {
  try {
    return JSON.parse(data) as Analysis;
  } catch {
    return undefined;
  }
}

/** Which answer a new reply belongs to: the pending retry's new attempt, the latest attempt, or a first one. */
async function answerFor(
  ctx: AppContext,
  post: Post,
  userId: string,
  userName: string,
  at: Date,
  forceNew: boolean,
): Promise<Answer> {
  const ws = post.workspace;
  const latest = await latestAttempt(ctx.db, ws, post.id, userId);
  const retry = await getRetry(ctx.db, ws, userId);
  const retrying = retry?.post_id === post.id;
  if (latest && !retrying && !forceNew) return latest;
  if (retrying) await clearRetry(ctx.db, ws, userId);
  const attempt = (latest?.attempt ?? 0) + 1;
  try {
    return await createAnswer(ctx.db, {
      postId: post.id,
      workspace: ws,
      channelRef: post.channel_ref,
      userId,
      userName,
      attempt,
      late: at.getTime() > Number(post.closes_at),
      at: at.getTime(),
    });
  } catch (err) {
    // Two replies handled at once both start the attempt; the second joins it.
    const raced = await attemptOf(ctx.db, ws, post.id, userId, attempt);
    if (raced) return raced;
    throw err;
  }
}

async function updateMarker(
  ctx: AppContext,
  answer: Answer,
  before: Analysis | undefined,
  after: Analysis | undefined,
  post: Post,
  markedRef?: string,
) {
  const parts = await answerMessages(ctx.db, answer.id);
  const target = parts[0]?.ref;
  // The marker sits on the answer's first message; if that was deleted, the next one starts bare.
  const moved = markedRef !== undefined && markedRef !== target;
  const old = before && !moved ? markerOf(before) : undefined;
  const next = after ? markerOf(after) : undefined;
  const adapter = ctx.adapters.for(post.thread_ref);
  if (adapter.react && target) {
    const had = new Set(old?.emoji ?? []);
    const want = new Set(next?.emoji ?? []);
    if (adapter.unreact) for (const e of had) if (!want.has(e)) await adapter.unreact(target, e);
    for (const e of want) if (!had.has(e)) await adapter.react(target, e);
    return;
  }
  if (next && next.text !== old?.text) {
    await ctx.adapters.post(post.thread_ref, { kind: 'marker', text: `_${answer.user_name}:_ ${next.text}` });
  }
}

/** Re-reads an answer from its replies, stores the analysis, and tells people. */
async function analyseAndRespond(
  ctx: AppContext,
  quiet: QuietFeedback,
  answerId: string,
  post: Post,
  respond: Respond,
): Promise<void> {
  const now = ctx.clock().getTime();
  const answer = await getAnswer(ctx.db, post.workspace, answerId);
  if (!answer) return;
  const previous = await analysisOf(ctx.db, answer.id);
  const story = asksForStory(ctx, post.question_id);
  // An answer to an approach question shows a marker only when it tells an example:
  // S ✗ T ✗ A ✗ R ✗ under a sound design answer would judge it a failed story.
  const marked = (a: Analysis | undefined) => (a && (story || a.story) ? a : undefined);
  const before = marked(previous ? parseAnalysis(previous.data) : undefined);
  const whole = await rebuildAnswer(ctx.db, answer.id, now);
  // many replies together may pass the limit one reply is held to: read the first part
  const merged = whole === undefined ? undefined : clip(whole);
  const text = merged?.text;
  const settings = settingsOf(await ensureChannel(ctx.db, post.workspace, post.channel_ref, ctx.clock()));
  if (text === undefined) {
    if (settings.feedbackMode !== 'off') {
      await bestEffort(ctx, 'a marker', () => updateMarker(ctx, answer, before, undefined, post));
    }
    return;
  }
  const analysis = analyzeAnswer(text, { question: post.question_text });
  await saveAnalysis(
    ctx.db,
    {
      answerId: answer.id,
      flags: flagsOf(analysis),
      iShare: analysis.ownership?.iShare ?? null,
      data: JSON.stringify(analysis),
      // an answer the check could not read (not English, code only) has no STAR score to count
      scored: story && analysis.readable !== false,
    },
    now,
  );
  if (settings.feedbackMode === 'off') return;
  await bestEffort(ctx, 'a marker', () => updateMarker(ctx, answer, before, marked(analysis), post, respond.markedRef));
  const reply = respond.reply;
  if (respond.reason === 'silent' || !reply) return;
  // Quick replies wait for the member to finish; an edit while feedback waits joins the wait.
  const ms = respond.whole ? 0 : quietMsFor(ctx, post.thread_ref);
  const held = (await feedbackState(ctx.db, answer.id))?.due_at != null;
  if (ms > 0 && (respond.reason === 'answer' || held)) {
    await quiet.hold(answer, reply, ms);
    return;
  }
  const truncated = Boolean(respond.truncated || merged?.truncated);
  await sendFeedback(ctx, {
    answer,
    post,
    analysis,
    story,
    reason: respond.reason,
    truncated,
    mode: settings.feedbackMode,
    reply,
  });
}

/** The held feedback for an answer, as it reads now (the quiet period's end). */
async function sendHeld(ctx: AppContext, answerId: string, reply: Reply): Promise<void> {
  const answer = await ctx.db.selectFrom('answers').selectAll().where('id', '=', answerId).executeTakeFirst();
  const post = answer ? await getPost(ctx.db, answer.workspace, answer.post_id) : undefined;
  const stored = answer ? await analysisOf(ctx.db, answer.id) : undefined;
  const analysis = stored ? parseAnalysis(stored.data) : undefined;
  if (!answer || !post || !analysis) return;
  const settings = settingsOf(await ensureChannel(ctx.db, post.workspace, post.channel_ref, ctx.clock()));
  if (settings.feedbackMode === 'off') return;
  const parts = await answerMessages(ctx.db, answer.id);
  const truncated =
    parts.some((m) => m.text.length >= MAX_ANSWER_CHARS) ||
    parts.reduce((n, m) => n + m.text.length, 0) > MAX_ANSWER_CHARS;
  const story = asksForStory(ctx, post.question_id);
  await sendFeedback(ctx, {
    answer,
    post,
    analysis,
    story,
    reason: 'answer',
    truncated,
    mode: settings.feedbackMode,
    reply,
  });
}

async function onMessage(ctx: AppContext, quiet: QuietFeedback, event: MessageEvent): Promise<void> {
  if (event.author.isBot || !event.thread) return;
  const post = await postByThread(ctx.db, event.workspace, event.thread);
  if (!post) return;
  const { text, truncated } = clip(event.text);
  if (!text) return;
  // A redelivered message must not start an attempt (or use up a pending retry).
  if (await answerOfMessage(ctx.db, event.workspace, event.ref)) return;
  await upsertMember(ctx.db, event.workspace, event.author.id, event.author.name, ctx.clock().getTime());
  // the reminder pass reads members' zones; Slack gives one with the author
  await notePlatformZone(ctx.db, event.workspace, event.author.id, event.author.timezone, ctx.clock().getTime());
  const answer = await answerFor(ctx, post, event.author.id, event.author.name, event.at, false);
  const fresh = await addAnswerMessage(ctx.db, answer.id, event.ref, text, event.at.getTime());
  if (!fresh) return;
  await analyseAndRespond(ctx, quiet, answer.id, post, { reply: event.reply, reason: 'answer', truncated });
}

async function onEdited(ctx: AppContext, quiet: QuietFeedback, event: MessageEditedEvent): Promise<void> {
  if (event.author.isBot) return;
  const found = await answerOfMessage(ctx.db, event.workspace, event.ref);
  if (!found) {
    // An edit of a reply we never counted (it was empty, say) makes it an answer now.
    if (event.thread) await onMessage(ctx, quiet, { ...event, type: 'message' });
    return;
  }
  const post = await getPost(ctx.db, event.workspace, found.answer.post_id);
  if (!post) return;
  const { text, truncated } = clip(event.text);
  if (!text) {
    await onDeleted(ctx, quiet, { ...event, type: 'message_deleted' });
    return;
  }
  if (text === found.message.text) return;
  await editAnswerMessage(ctx.db, event.ref, text);
  await analyseAndRespond(ctx, quiet, found.answer.id, post, { reply: event.reply, reason: 'edit', truncated });
}

async function onDeleted(ctx: AppContext, quiet: QuietFeedback, event: MessageDeletedEvent): Promise<void> {
  const found = await answerOfMessage(ctx.db, event.workspace, event.ref);
  if (!found) return;
  const post = await getPost(ctx.db, event.workspace, found.answer.post_id);
  const markedRef = (await answerMessages(ctx.db, found.answer.id))[0]?.ref;
  await deleteAnswerMessage(ctx.db, event.ref);
  if (!post) return;
  await analyseAndRespond(ctx, quiet, found.answer.id, post, { reason: 'silent', markedRef });
}

function formAnswerText(values: FormSubmittedEvent['values']): string {
  return [values.situation, values.task, values.action, values.result]
    .map((v) => (v ?? '').trim())
    .filter(Boolean)
    .join('\n\n');
}

async function onForm(ctx: AppContext, quiet: QuietFeedback, event: FormSubmittedEvent): Promise<void> {
  const post = await getPost(ctx.db, event.workspace, event.postId);
  if (!post) {
    throw new UserError(
      'That question is no longer in this workspace, so the form could not be saved.',
      'answer the latest question in its thread, or ask for a new one with `/prep question`',
    );
  }
  // Platforms may leave untouched fields out; treat them as empty.
  const raw: Partial<FormSubmittedEvent['values']> = event.values ?? {};
  const v = {
    situation: raw.situation ?? '',
    task: raw.task ?? '',
    action: raw.action ?? '',
    result: raw.result ?? '',
  };
  if (STAR_FORM_FIELDS.every((f) => !v[f.key].trim())) {
    throw new UserError(
      'The STAR form was empty, so there is nothing to analyse.',
      'fill in at least the Situation and the Action',
    );
  }
  const { text, truncated } = clip(formAnswerText(v));
  await upsertMember(ctx.db, event.workspace, event.author.id, event.author.name, ctx.clock().getTime());
  const shown = [
    `**${event.author.name}** answered with the STAR form:`,
    ...STAR_FORM_FIELDS.map((f) => `**${f.label}:** ${v[f.key].trim() || '_(left empty)_'}`),
  ].join('\n');
  const posted = await ctx.adapters.post(post.thread_ref, { kind: 'answer', text: shown });
  // A form is a whole answer: after an earlier answer it is the next attempt.
  const answer = await answerFor(ctx, post, event.author.id, event.author.name, event.at, true);
  await addAnswerMessage(ctx.db, answer.id, posted.ref, text, event.at.getTime());
  await analyseAndRespond(ctx, quiet, answer.id, post, {
    reply: event.reply,
    reason: 'answer',
    truncated,
    whole: true,
  });
}

export interface AnswerHandlers extends EventHandlers {
  /** Sends feedback whose quiet period ended while no process was waiting for it (the tick). */
  sendOverdue(now: Date): Promise<number>;
  /** Shutdown: sends the feedback still waiting for a quiet period. */
  flush(): Promise<void>;
}

export function answerHandlers(ctx: AppContext, timers: Timers = realTimers): AnswerHandlers {
  const quiet = new QuietFeedback(ctx, timers, (id, reply) => sendHeld(ctx, id, reply));
  return {
    message: (e) => onMessage(ctx, quiet, e),
    message_edited: (e) => onEdited(ctx, quiet, e),
    message_deleted: (e) => onDeleted(ctx, quiet, e),
    form_submitted: (e) => onForm(ctx, quiet, e),
    sendOverdue: (now) => sendOverdue(ctx, now, (id, reply) => sendHeld(ctx, id, reply)),
    flush: () => quiet.flush(),
  };
}
