// `/prep settings ai on|off` (the channel's, admins) and `/prep settings me ai on|off`
// (the member's own). Turning it on says plainly where answer text will go.
import { UserError } from '../../../chat/errors';
import { channelCoachOn, memberOptedOut } from '../../../coach/gate';
import { setChannelCoach, setMemberOptOut } from '../../../coach/store';
import type { SettingSpec } from './spec';

type Ctx = Parameters<SettingSpec['line']>[0];

function onOff(typed: string, example: string): boolean {
  const value = typed.toLowerCase();
  if (value === 'on' || value === 'off') return value === 'on';
  throw new UserError(`The AI coach is on or off, not "${value || '(nothing)'}".`, `\`${example}\``);
}

/** Where answer text goes when the coach is on, as the host set it up. */
function destination(ctx: Ctx): string {
  return ctx.coach ? `the AI model ${ctx.coach.model} at ${ctx.coach.host}` : 'no AI endpoint (none is set up)';
}

const NOT_SET_UP =
  'this Starling has no AI endpoint: whoever runs it sets LLM_BASE_URL and LLM_MODEL (see the README, "AI coach")';

export const channelAi: SettingSpec = {
  name: 'ai',
  values: 'on|off',
  example: '/prep settings ai on',
  async line(ctx, event) {
    if (!ctx.coach) return `- ai coach: **off** (${NOT_SET_UP})`;
    if (!(await channelCoachOn(ctx, event.workspace, event.channel))) {
      return `- ai coach: **off** (when on, answer text from this channel is sent to ${destination(ctx)})`;
    }
    return `- ai coach: **on**: answer text from this channel is sent to ${destination(ctx)} for labelled AI suggestions; members can keep theirs out with \`/prep settings me ai off\``;
  },
  async apply(ctx, event, typed) {
    const on = onOff(typed, this.example);
    if (on && !ctx.coach) {
      throw new UserError(
        'The AI coach cannot be turned on: this Starling has no AI endpoint.',
        'ask whoever runs Starling to set LLM_BASE_URL and LLM_MODEL (README, "AI coach"), then run `/prep settings ai on` again',
      );
    }
    await setChannelCoach(ctx.db, event.workspace, event.channel, on, ctx.clock());
    return on
      ? `From now on, the text of each answer in this channel goes to ${destination(ctx)}, outside Starling, unless its author turned the coach off for themselves.`
      : undefined;
  },
};

export const memberAi: SettingSpec = {
  name: 'ai',
  values: 'on|off',
  example: '/prep settings me ai off',
  async line(ctx, event) {
    const out = await memberOptedOut(ctx, event.workspace, event.author.id);
    if (!ctx.coach)
      return `- ai coach: **${out ? 'off' : 'on'}** for you (this Starling has no AI endpoint, so nothing is sent)`;
    return out
      ? '- ai coach: **off** for you: your answers never go to an AI model'
      : `- ai coach: **on** for you where a channel turned it on (your answers there go to ${destination(ctx)})`;
  },
  async apply(ctx, event, typed) {
    const on = onOff(typed, this.example);
    await setMemberOptOut(ctx.db, event.workspace, event.author.id, event.author.name, !on, ctx.clock());
    return undefined;
  },
};
