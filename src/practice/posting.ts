// Posting a question into a channel, for `/prep question` and for schedules alike:
// the same message, recorded so replies in its thread become answers.
import { randomUUID } from 'node:crypto';
import { UserError } from '../chat/errors';
import { timeToken } from '../chat/time';
import type { OutboundMessage, PostResult } from '../chat/types';
import type { Occurrence, Post, Schedule } from '../db/schema';
import type { Guide, GuideQuestion } from '../guides/schema';
import { type AppContext, announceQuestion } from './context';
import { APPROACH_INVITE, STORY_INVITE } from './feedback';
import { categoryLabel, formatWindow, shortName } from './format';
import { pickQuestion } from './rotation';
import { type ChannelSettings, ensureChannel, type FeedbackMode, settingsOf } from './store/channels';
import { answersPerCategory, insertPost, latestPost, postByOccurrence, questionCounts } from './store/posts';

export type Pickable = GuideQuestion & { guide: Guide };

export interface QuestionRequest {
  workspace: string;
  channel: string;
  employer?: string | null;
  category?: string | null;
  kind: 'daily' | 'adhoc';
  postedBy?: string | null;
  occurrenceId?: string | null;
}

/** The candidates for a channel's filters, STAR-shaped ones first when there are any. */
export function candidatesFor(ctx: AppContext, employer?: string | null, category?: string | null): Pickable[] {
  const all = ctx.guides.questions({
    ...(employer ? { employer } : {}),
    ...(category ? { category: category as GuideQuestion['category'] } : {}),
  }) as Pickable[];
  const stories = all.filter((q) => q.star);
  return stories.length > 0 ? stories : all;
}

/** No question fits the filters (or no guide is loaded): what to do about it. */
export function noQuestion(employer?: string | null, category?: string | null): UserError {
  const what = [employer && `employer ${employer}`, category && `category ${category}`].filter(Boolean).join(' and ');
  return new UserError(
    what ? `No guide has a question for ${what}.` : 'No guides are loaded, so there is no question to ask.',
    what
      ? '`/prep employers` lists the guides and what they cover'
      : 'add guides under content/guides (see `starling guide import`)',
  );
}

async function chooseQuestion(ctx: AppContext, req: QuestionRequest): Promise<Pickable> {
  const candidates = candidatesFor(ctx, req.employer, req.category);
  if (candidates.length === 0) throw noQuestion(req.employer, req.category);
  const asked = await questionCounts(ctx.db, req.workspace, req.channel);
  const answered = await answersPerCategory(ctx.db, req.workspace, req.channel);
  const seed = `${req.channel}:${[...asked.values()].reduce((a, b) => a + b, 0)}`;
  const q = pickQuestion(candidates, asked, answered, seed);
  if (!q) throw new Error('question rotation returned nothing for a non-empty list');
  return q;
}

function questionMessage(
  q: Pickable,
  postId: string,
  kind: 'daily' | 'adhoc',
  window: { minutes: number; closesAt: number },
  name = q.guide.slug,
  feedback: FeedbackMode = 'private',
): OutboundMessage {
  const closes = timeToken(window.closesAt, 'relative', `in ${formatWindow(window.minutes)}`);
  const where = {
    private: ' Feedback comes to you privately.',
    public: ' Feedback is posted in this thread.',
    off: '',
  }[feedback];
  return {
    kind: 'question',
    title: `${kind === 'daily' ? 'Question of the day' : 'Practice question'} · ${q.guide.employer} · ${categoryLabel(q.category)}`,
    text: [
      `> ${q.text}`,
      '',
      q.star ? STORY_INVITE : APPROACH_INVITE,
      `Several replies count as one answer, and you can edit or delete them.${where} Answers close ${closes}; later ones still count, marked late.`,
    ].join('\n'),
    footer: `From the ${q.guide.employer} ${q.guide.role} guide · \`/prep tips ${name}\` for what they look for`,
    starForm: { postId },
  };
}

async function record(
  ctx: AppContext,
  req: QuestionRequest,
  q: Pickable,
  postId: string,
  result: PostResult,
  at: Date,
  windowMinutes: number,
): Promise<Post> {
  return insertPost(ctx.db, {
    id: postId,
    workspace: req.workspace,
    channel_ref: req.channel,
    message_ref: result.ref,
    thread_ref: result.threadRef,
    question_id: q.id,
    employer: q.guide.slug,
    category: q.category,
    question_text: q.text,
    kind: req.kind,
    posted_by: req.postedBy ?? null,
    occurrence_id: req.occurrenceId ?? null,
    posted_at: at.getTime(),
    closes_at: at.getTime() + windowMinutes * 60_000,
    digest_at: null,
  });
}

/**
 * A scheduled post's id follows from its occurrence, so the STAR form button on a
 * message a crashed replica posted still points at the post this replica records.
 */
function postIdFor(req: QuestionRequest): string {
  return req.occurrenceId ? `occ-${req.occurrenceId}` : randomUUID();
}

/** Picks, posts and records a question. */
export async function postQuestion(ctx: AppContext, req: QuestionRequest): Promise<Post> {
  const post = await placeQuestion(ctx, req);
  await announce(ctx, post);
  return post;
}

/** Tells the question's listeners (the story bank); the question is posted whatever they do. */
function announce(ctx: AppContext, post: Post): Promise<void> {
  const asked = {
    workspace: post.workspace,
    channel: post.channel_ref,
    place: post.thread_ref,
    questionText: post.question_text,
    category: post.category,
  };
  return announceQuestion(ctx, asked, { post: post.id });
}

/**
 * Picks and records a question, posting it unless the platform already shows it
 * (`posted`, found after a crash): the same channel state picks the same question.
 */
async function placeQuestion(ctx: AppContext, req: QuestionRequest, posted?: PostResult): Promise<Post> {
  const now = ctx.clock();
  const channel = settingsOf(await ensureChannel(ctx.db, req.workspace, req.channel, now));
  const q = await chooseQuestion(ctx, req);
  const postId = postIdFor(req);
  let result = posted;
  if (!result) {
    const message = questionMessage(
      q,
      postId,
      req.kind,
      { minutes: channel.answerWindowMinutes, closesAt: now.getTime() + channel.answerWindowMinutes * 60_000 },
      shortName(ctx.guides, q.guide),
      channel.feedbackMode,
    );
    if (req.occurrenceId) message.idempotencyKey = req.occurrenceId;
    result = await ctx.adapters.post(req.channel, message);
  }
  return record(ctx, req, q, postId, result, now, channel.answerWindowMinutes);
}

/**
 * The scheduler's post callback. An occurrence is posted at most once: if this
 * replica (or a crashed one) already recorded it, or the platform already shows a
 * message carrying the occurrence's key, that post is reused.
 */
export function scheduledPoster(ctx: AppContext) {
  return async function postScheduledQuestion(schedule: Schedule, occurrence: Occurrence): Promise<{ postId: string }> {
    const known = await postByOccurrence(ctx.db, occurrence.id);
    if (known) return { postId: known.id };
    const req: QuestionRequest = {
      workspace: schedule.workspace,
      channel: schedule.channel_ref,
      employer: schedule.employer,
      category: schedule.category,
      kind: 'daily',
      postedBy: null,
      occurrenceId: occurrence.id,
    };
    const adapter = ctx.adapters.for(schedule.channel_ref);
    // Only a re-claimed occurrence can have an earlier post; asking the platform on
    // every first attempt would spend a 09:00 fan-out's rate limit on history reads.
    const found =
      occurrence.attempts > 1 && adapter.findPosted
        ? await adapter.findPosted(schedule.channel_ref, occurrence.id)
        : undefined;
    if (found) {
      const post = await placeQuestion(ctx, req, found);
      ctx.logger.info({ occurrence: occurrence.id, post: post.id }, 'occurrence was already posted; recorded it');
      return { postId: post.id };
    }
    const post = await postQuestion(ctx, req);
    return { postId: post.id };
  };
}

/** The message for an already recorded post (to show it again, in the terminal after a restart). */
function messageForPost(ctx: AppContext, post: Post, settings: ChannelSettings): OutboundMessage {
  const q = ctx.guides.question(post.question_id) as Pickable | undefined;
  const kind = post.kind === 'daily' ? 'daily' : 'adhoc';
  if (q) {
    return questionMessage(
      q,
      post.id,
      kind,
      { minutes: settings.answerWindowMinutes, closesAt: Number(post.closes_at) },
      shortName(ctx.guides, q.guide),
      settings.feedbackMode,
    );
  }
  return {
    kind: 'question',
    title: `${kind === 'daily' ? 'Question of the day' : 'Practice question'} · ${post.employer} · ${categoryLabel(post.category)}`,
    text: `> ${post.question_text}\n\nAnswer in this thread with one specific time it happened.`,
    starForm: { postId: post.id },
  };
}

/**
 * The channel's open question, or a new one when none is open: what the terminal
 * study group shows at start.
 */
export async function openQuestion(
  ctx: AppContext,
  workspace: string,
  channel: string,
): Promise<{ post: Post; fresh: boolean; message: OutboundMessage }> {
  const now = ctx.clock();
  const settings = settingsOf(await ensureChannel(ctx.db, workspace, channel, now));
  const latest = await latestPost(ctx.db, workspace, channel);
  if (latest && Number(latest.closes_at) > now.getTime()) {
    return { post: latest, fresh: false, message: messageForPost(ctx, latest, settings) };
  }
  const post = await postQuestion(ctx, { workspace, channel, kind: 'daily' });
  return { post, fresh: true, message: messageForPost(ctx, post, settings) };
}
