// A private message from a scheduled job: the member's direct messages, or, when
// those are closed, a message only they see in the channel it is about.
import { PlatformError } from '../chat/errors';
import type { OutboundMessage } from '../chat/types';
import type { AppContext } from '../practice/context';

export async function sendPrivately(
  ctx: AppContext,
  to: { workspace: string; channel: string; userId: string },
  message: OutboundMessage,
): Promise<void> {
  const adapter = ctx.adapters.for(to.channel);
  try {
    if (!adapter.openDirect) throw new PlatformError('user_unreachable', 'no_direct_messages');
    await adapter.post(await adapter.openDirect(to.workspace, to.userId), message);
  } catch (err) {
    if (!(err instanceof PlatformError) || err.kind !== 'user_unreachable' || !adapter.postPrivate) throw err;
    await adapter.postPrivate(to.channel, to.userId, message);
  }
}
