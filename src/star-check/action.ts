// "STAR check" on any message: a private STAR analysis of that message's text for the
// member who asked, whether it is their own draft or someone's answer they review.
import { UserError } from '../chat/errors';
import { defineMessageAction, type MessageActionDef } from '../chat/registry';
import type { MessageActionEvent } from '../chat/types';
import type { AppContext } from '../practice/context';
import { MAX_ANSWER_CHARS } from '../practice/context';
import { analyzeAnswer, renderFeedback } from '../star';

function whose(event: MessageActionEvent): string {
  if (event.target.authorId === event.author.id) return 'your message';
  return event.target.authorName ? `${event.target.authorName}'s message` : `<@${event.target.authorId}>'s message`;
}

export const starCheckAction: MessageActionDef<AppContext> = defineMessageAction<AppContext>({
  name: 'star-check',
  label: 'STAR check',
  description: 'A private STAR check of a message: yours, or an answer you are reviewing',
  async run(_ctx, event) {
    const text = event.target.text.trim();
    if (!text) {
      throw new UserError(
        'That message has no text to check (only an image, a file or an embed).',
        'use STAR check on a written answer, or paste the answer into a thread reply',
      );
    }
    const cut = text.length > MAX_ANSWER_CHARS;
    const analysis = analyzeAnswer(cut ? text.slice(0, MAX_ANSWER_CHARS) : text);
    const own = event.target.authorId === event.author.id;
    const notes = [
      own ? 'Only you see this.' : `Only you see this; ${event.target.authorName ?? 'its author'} is not told.`,
      cut ? `The message is long: the first ${MAX_ANSWER_CHARS.toLocaleString('en')} characters were checked.` : '',
    ].filter(Boolean);
    return {
      kind: 'feedback',
      title: `STAR check of ${whose(event)}`,
      text: renderFeedback(analysis),
      footer: notes.join(' '),
    };
  },
});
