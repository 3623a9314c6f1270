// The brief job, a plain function of (ctx, now) called by the scheduler tick: every
// brief whose time has come (09:00 the day before, in the member's zone) is claimed,
// then sent privately; a failed send gives the claim back for a later tick.
import type { InterviewTarget } from '../db/schema';
import type { AppContext } from '../practice/context';
import { sendPrivately } from '../reminders/direct';
import { composeBrief } from './brief';
import { formatDay, interviewStartsAt } from './dates';
import { claimBrief, dueBriefs, finishBrief } from './store';
import { bestStories } from './stories';

const BATCH = 200;

export async function runBriefs(ctx: AppContext, now: Date, platforms: readonly string[]): Promise<number> {
  let sent = 0;
  const t = now.getTime();
  const due = (await dueBriefs(ctx.db, t, BATCH)).filter((b) =>
    platforms.some((p) => b.channel_ref.startsWith(`${p}:`)),
  );
  for (const target of due) {
    if (!(await claimBrief(ctx.db, target, ctx.replicaId, t))) continue;
    const claimed = { ...target };
    try {
      if (await sendBrief(ctx, claimed, now)) sent++;
      await finishBrief(ctx.db, claimed, true, ctx.clock().getTime());
    } catch (err) {
      ctx.logger.warn({ err, user: target.user_id }, 'could not send an interview brief; a later tick tries again');
      await finishBrief(ctx.db, claimed, false, ctx.clock().getTime());
    }
  }
  return sent;
}

/** Sends it, or, once the interview day has begun or the guide is gone, lets it go unsent. */
async function sendBrief(ctx: AppContext, target: InterviewTarget, now: Date): Promise<boolean> {
  const guide = ctx.guides.lookup(target.employer).guide;
  if (!guide || now.getTime() >= interviewStartsAt(target.interview_date, target.timezone)) return false;
  const stories = await bestStories(ctx, target.workspace, target.user_id, guide);
  const message = composeBrief(guide, formatDay(target.interview_date, target.timezone), stories);
  await sendPrivately(
    ctx,
    { workspace: target.workspace, channel: target.channel_ref, userId: target.user_id },
    message,
  );
  return true;
}
