// Where feedback goes: a feedback already sent for the answer is edited in place where
// the platform can edit it (a Discord message, a Slack DM or thread message); otherwise
// (ephemeral Slack messages, the terminal, a message since deleted) a new message goes,
// and its lines say what the edit changed. The feedback is never lost to a failed edit.
import { PlatformError } from '../chat/errors';
import type { OutboundMessage, Ref, ReplyOptions } from '../chat/types';
import type { AppContext } from './context';
import type { Reply } from './respond';

interface Delivery {
  message: OutboundMessage;
  options: ReplyOptions;
  reply: Reply;
  /** The feedback message sent before for this answer, if the platform gave one to edit. */
  sentBefore?: Ref;
}

/** Edits `ref` to `message`; false when it cannot be edited (no edit on that platform, or the edit failed). */
async function editInPlace(ctx: AppContext, ref: Ref, message: OutboundMessage): Promise<boolean> {
  const adapter = ctx.adapters.find(ref);
  if (!adapter?.edit) return false;
  try {
    await adapter.edit(ref, message);
    return true;
  } catch (err) {
    // gone, too long, or refused: a new message carries the feedback instead
    ctx.logger.warn({ err, ref }, 'could not edit the feedback message; sending the new feedback as a new message');
    return false;
  }
}

/** Sends (or edits) the feedback; resolves to the message's ref where it can be edited later. */
export async function deliverFeedback(ctx: AppContext, d: Delivery): Promise<Ref | undefined> {
  if (d.sentBefore && (await editInPlace(ctx, d.sentBefore, d.message))) return d.sentBefore;
  try {
    const sent = await d.reply(d.message, d.options);
    return typeof sent === 'string' ? sent : undefined;
  } catch (err) {
    // the answer and its analysis are stored whatever the platform says
    if (!(err instanceof PlatformError)) throw err;
    ctx.logger.warn({ kind: err.kind, code: err.code }, 'could not deliver feedback');
    return undefined;
  }
}
