// Feedback whose quiet period ended with nobody waiting (the process that held it
// stopped): the tick sends it to the member privately, where the platform can.
import type { OutboundMessage, ReplyOptions } from '../chat/types';
import type { AppContext } from './context';
import type { Reply } from './respond';
import { claimFeedback, overdueFeedback } from './store/feedback-due';
import { getPost } from './store/posts';

/** A live timer gets the first go; past this, the feedback's process is taken to be gone. */
const GRACE_MS = 30_000;

/** A reply to the member without their event: ephemeral in the thread, else a direct message. */
function privateReply(ctx: AppContext, thread: string, workspace: string, userId: string): Reply {
  return async (message: OutboundMessage, options?: ReplyOptions) => {
    const adapter = ctx.adapters.for(thread);
    if (!options?.private) {
      await adapter.post(thread, message);
    } else if (adapter.postPrivate) {
      await adapter.postPrivate(thread, userId, message);
    } else if (adapter.openDirect) {
      await adapter.post(await adapter.openDirect(workspace, userId), message);
    }
  };
}

export async function sendOverdue(
  ctx: AppContext,
  now: Date,
  send: (answerId: string, reply: Reply) => Promise<void>,
): Promise<number> {
  let sent = 0;
  const platforms = new Set(ctx.adapters.all().map((a) => a.platform));
  for (const row of await overdueFeedback(ctx.db, now.getTime() - GRACE_MS)) {
    const answer = await ctx.db
      .selectFrom('answers')
      .select('post_id')
      .where('id', '=', row.answer_id)
      .executeTakeFirst();
    const post = answer ? await getPost(ctx.db, row.workspace, answer.post_id) : undefined;
    // another process runs the other platforms: leave their feedback to them
    if (post && !platforms.has(post.thread_ref.split(':')[0] ?? '')) continue;
    if (!(await claimFeedback(ctx.db, row.answer_id, now.getTime(), now.getTime())) || !post) continue;
    await send(row.answer_id, privateReply(ctx, post.thread_ref, row.workspace, row.user_id));
    sent++;
  }
  return sent;
}
