import type { PlatformError } from '../chat/errors';

/**
 * What the people who set the schedule read when the platform refuses for good: what
 * happened, the fix, and how to resume. Stored as the schedule's paused_reason and shown
 * in the channel by `/prep schedule`; the direct message names the channel with a
 * `<#ref>` mention.
 */
export function pauseReason(err: PlatformError, channel = 'this channel'): string {
  const resume = `Once that is fixed, run \`/prep schedule resume\` in ${channel}.`;
  // The adapter's hint names the platform's own fix (invite the bot, reinstall the app,
  // the exact Discord permissions); without one, a general instruction.
  if (err.kind === 'channel_unavailable') {
    return `Starling can no longer post in ${channel} (${err.code}): it was archived or deleted, or the bot was removed. ${err.hint ?? 'Add the bot back to the channel.'} ${resume}`;
  }
  return `Starling lacks permission to post in ${channel} (${err.code}). ${err.hint ?? 'Give the bot permission to send messages there.'} ${resume}`;
}
