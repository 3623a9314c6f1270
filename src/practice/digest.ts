// At the end of each answer window the question's thread gets a digest: how many
// answered, which parts were most often missing, and one tip from the guide.
// Exactly one replica posts it: the digest is claimed in the database first.
import { channelChart } from '../charts';
import { PlatformError } from '../chat/errors';
import type { OutboundMessage } from '../chat/types';
import type { Post } from '../db/schema';
import type { GuideLibrary } from '../guides/library';
import { type AnswerFlags, hasAllParts } from '../star';
import type { AppContext } from './context';
import { plural } from './format';
import { stableHash } from './rotation';
import { claimDigest, otherDigestSince, postsAwaitingDigest, releaseDigest } from './store/posts';
import { answersToPost, type PostAnswerRow } from './store/stats';

const GAPS: { key: string; label: string; missing: (f: AnswerFlags) => boolean }[] = [
  { key: 'story', label: 'one specific past episode (not "I usually…" or "I would…")', missing: (f) => !f.story },
  { key: 'situation', label: 'the Situation', missing: (f) => !f.situation },
  { key: 'task', label: 'the Task', missing: (f) => !f.task },
  { key: 'action', label: 'the Action', missing: (f) => !f.action },
  { key: 'result', label: 'the Result', missing: (f) => !f.result },
  { key: 'measured', label: 'a measured result', missing: (f) => f.result && !f.resultMeasured },
  { key: 'ownership', label: 'actions told with "I"', missing: (f) => f.ownershipFlagged },
];

/** Each member's latest attempt only. */
function latestPerMember(rows: readonly PostAnswerRow[]): PostAnswerRow[] {
  const by = new Map<string, PostAnswerRow>();
  for (const r of rows) {
    const seen = by.get(r.userId);
    if (!seen || r.attempt > seen.attempt) by.set(r.userId, r);
  }
  return [...by.values()];
}

export function composeDigest(
  rows: readonly PostAnswerRow[],
  tip: string | undefined,
  employerName: string,
  /** False for a question that asks for an approach, not a story: no STAR tally. */
  storyQuestion = true,
): OutboundMessage {
  const latest = latestPerMember(rows);
  const lines: string[] = [];
  if (latest.length === 0) {
    lines.push('Nobody answered this one. It will come round again once every other question has been asked.');
  } else if (!storyQuestion) {
    const examples = latest.filter((r) => r.flags.story).length;
    lines.push(
      `**${plural(latest.length, 'member')}** answered; ${examples} backed the approach with a real example from their work.`,
    );
  } else {
    const complete = latest.filter((r) => hasAllParts(r.flags)).length;
    lines.push(`**${plural(latest.length, 'member')}** answered; ${complete} with all four STAR parts.`);
    const gaps = GAPS.map((g) => ({ ...g, n: latest.filter((r) => g.missing(r.flags)).length }))
      .filter((g) => g.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, 3);
    if (gaps.length) {
      lines.push('Most often missing:');
      for (const g of gaps) lines.push(`- ${g.label}: ${g.n} of ${latest.length}`);
    } else {
      lines.push('Nothing was missing: every answer told a specific story with all four parts.');
    }
  }
  if (tip) lines.push('', `**Tip from the ${employerName} guide:** ${tip}`);
  lines.push('', '_Missed it? Answers still count, marked late. `/prep retry` to try it again._');
  return { kind: 'digest', title: 'Answer window closed', text: lines.join('\n') };
}

/** One tip from the post's guide, the same one for the same post. */
export function tipFor(guides: GuideLibrary, post: Pick<Post, 'id' | 'employer'>): { tip?: string; employer: string } {
  const guide = guides.lookup(post.employer).guide;
  if (!guide) return { employer: post.employer };
  // Not every guide has a tips section (Harvard Medical School's has none): fall back
  // to its focus areas, then to what its interviewers evaluate.
  const pool = guide.tips.length
    ? guide.tips
    : guide.focusAreas.length
      ? guide.focusAreas
      : guide.evaluationAreas.map((e) => `Interviewers look at ${e.name}: ${e.description}`);
  return { tip: pool[stableHash(post.id) % Math.max(1, pool.length)], employer: guide.employer };
}

const WEEK_MS = 7 * 86_400_000;
/** 1970-01-01 was a Thursday: weeks start on Monday, four days later. */
const MONDAY_OFFSET_MS = 4 * 86_400_000;

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStart(at: number): number {
  return Math.floor((at - MONDAY_OFFSET_MS) / WEEK_MS) * WEEK_MS + MONDAY_OFFSET_MS;
}

/**
 * The channel's participation chart, with the first digest of each week only: a chart
 * under every daily digest would say the same thing five times.
 */
async function weeklyChart(ctx: AppContext, post: Post, now: Date): Promise<OutboundMessage['image']> {
  try {
    if (await otherDigestSince(ctx.db, post.channel_ref, post.id, weekStart(now.getTime()))) return undefined;
    return await channelChart(ctx.db, {
      channelRef: post.channel_ref,
      channelName: 'This channel',
      now: now.getTime(),
    });
  } catch (err) {
    // the digest matters more than its picture
    ctx.logger.warn(
      { err, post: post.id },
      'could not draw the weekly participation chart; posting the digest without it',
    );
    return undefined;
  }
}

/**
 * Posts the digest of every question whose window has closed, on the platforms
 * this process runs; the others are left for the processes that run theirs.
 * Windows that closed longer ago than the catch-up window are claimed silently
 * (a long outage should not flood old threads).
 */
export async function runDigests(
  ctx: AppContext,
  now: Date,
  catchupMs: number,
  onPlatformError?: (channelRef: string, err: PlatformError) => Promise<void>,
): Promise<number> {
  let posted = 0;
  const platforms = ctx.adapters.all().map((a) => a.platform);
  for (const post of await postsAwaitingDigest(ctx.db, now, platforms)) {
    if (!(await claimDigest(ctx.db, post.id, now))) continue;
    if (now.getTime() - Number(post.closes_at) > catchupMs) continue;
    const { tip, employer } = tipFor(ctx.guides, post);
    const storyQuestion = ctx.guides.question(post.question_id)?.star !== false;
    const message = composeDigest(await answersToPost(ctx.db, post.workspace, post.id), tip, employer, storyQuestion);
    const image = await weeklyChart(ctx, post, now);
    if (image) message.image = image;
    try {
      await ctx.adapters.post(post.thread_ref, message);
      posted += 1;
    } catch (err) {
      const lasting =
        err instanceof PlatformError && (err.kind === 'channel_unavailable' || err.kind === 'no_permission');
      ctx.logger.warn(
        { err, post: post.id, channel: post.channel_ref },
        lasting ? 'could not post a digest; the channel refuses posts' : 'could not post a digest; will try again',
      );
      // A rate limit or a network failure passes: give the claim back so a later tick
      // posts it (within the catch-up window). A channel that refuses posts for good
      // keeps it claimed, and its schedule is paused.
      if (!lasting) await releaseDigest(ctx.db, post.id, now);
      if (err instanceof PlatformError) await onPlatformError?.(post.channel_ref, err);
    }
  }
  return posted;
}
