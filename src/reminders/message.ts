// The nudge itself, and the one-click stop that comes with it.
import { defineAction } from '../chat/registry';
import type { OutboundMessage } from '../chat/types';
import type { Post } from '../db/schema';
import type { GuideLibrary } from '../guides/library';
import type { AppContext } from '../practice/context';
import { employerName, quote } from '../practice/format';
import { setPrefs } from './prefs';

export const STOP_REMINDERS_ACTION = 'reminders:stop';

function minutesLeft(post: Pick<Post, 'closes_at'>, now: Date): string {
  const minutes = Math.max(1, Math.round((Number(post.closes_at) - now.getTime()) / 60_000));
  if (minutes < 90) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `${hours} hours`;
}

export function reminderMessage(guides: GuideLibrary, post: Post, now: Date): OutboundMessage {
  return {
    kind: 'info',
    title: "Today's question is still open",
    text: [
      `The answer window in <#${post.channel_ref}> closes in about ${minutesLeft(post, now)}:`,
      `> ${quote(post.question_text, 300)}`,
      `_${employerName(guides, post.employer)}. Answer in the question's thread._`,
    ].join('\n'),
    footer:
      'You get this because you answered here in the last two weeks; at most one a day. Stop them with the button or `/prep settings me reminders off`.',
    // the workspace rides on the button: in a direct message the platform may name none
    buttons: [{ id: STOP_REMINDERS_ACTION, label: 'Stop reminders', value: post.workspace, style: 'danger' }],
  };
}

export const stopRemindersAction = defineAction<AppContext>({
  prefix: STOP_REMINDERS_ACTION,
  async run(ctx, event) {
    // only a workspace of the platform pressed on; turning off one's own reminders is all it can do
    const own = event.value?.startsWith(`${event.workspace.split(':')[0]}:`) ? event.value : event.workspace;
    await setPrefs(ctx.db, own, event.author.id, { reminders_off: 1 }, ctx.clock().getTime());
    return {
      kind: 'info',
      text: 'Reminders are off for you. `/prep settings me reminders on` turns them back on.',
    };
  },
});
