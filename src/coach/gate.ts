// Nothing leaves the process unless the host set up an endpoint, an admin turned the coach
// on in the channel, and the member has not opted out.
import type { AppContext } from '../practice/context';
import type { Coach } from './coach';

export async function channelCoachOn(ctx: AppContext, workspace: string, channel: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('channels')
    .select('ai_coach')
    .where('workspace', '=', workspace)
    .where('ref', '=', channel)
    .executeTakeFirst();
  return row?.ai_coach === 1;
}

export async function memberOptedOut(ctx: AppContext, workspace: string, userId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('members')
    .select('ai_opt_out')
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.ai_opt_out === 1;
}

/** The coach for this member in this channel, when all three allow it. */
export async function coachFor(
  ctx: AppContext,
  workspace: string,
  channel: string,
  userId: string,
): Promise<Coach | undefined> {
  const coach = ctx.coach;
  if (!coach) return undefined;
  if (!(await channelCoachOn(ctx, workspace, channel))) return undefined;
  if (await memberOptedOut(ctx, workspace, userId)) return undefined;
  return coach;
}
