// The channel's own settings: where feedback goes, the answer window, who may read summaries.
import { UserError } from '../../../chat/errors';
import { channelRemindersSetting } from '../../../reminders/settings';
import { formatWindow } from '../../format';
import {
  type ChannelSettings,
  ensureChannel,
  FEEDBACK_MODES,
  type FeedbackMode,
  settingsOf,
  updateChannelSettings,
} from '../../store/channels';
import { channelAi } from './ai';
import type { SettingSpec } from './spec';

type Ctx = Parameters<SettingSpec['line']>[0];
type Event = Parameters<SettingSpec['line']>[1];

async function current(ctx: Ctx, event: Event): Promise<ChannelSettings> {
  return settingsOf(await ensureChannel(ctx.db, event.workspace, event.channel, ctx.clock()));
}

async function save(ctx: Ctx, event: Event, change: Partial<ChannelSettings>): Promise<undefined> {
  await updateChannelSettings(ctx.db, event.workspace, event.channel, change, ctx.clock());
  return undefined;
}

const feedback: SettingSpec = {
  name: 'feedback',
  values: 'private|public|off',
  example: '/prep settings feedback public',
  async line(ctx, event) {
    const s = await current(ctx, event);
    return `- feedback: **${s.feedbackMode}** (private to the author, public in the thread, or off)`;
  },
  apply(ctx, event, typed) {
    const value = typed.toLowerCase();
    if (!FEEDBACK_MODES.includes(value as FeedbackMode)) {
      throw new UserError(
        `Feedback can be private, public or off, not "${value || '(nothing)'}".`,
        `\`${this.example}\``,
      );
    }
    return save(ctx, event, { feedbackMode: value as FeedbackMode });
  },
};

/** "12", "12h", "0.5 hours", "90m": minutes, or NaN. */
function readWindow(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(h|hours?|m|min|minutes?)?$/.exec(value);
  return m ? Math.round(Number(m[1]) * (m[2]?.startsWith('m') ? 1 : 60)) : Number.NaN;
}

const window: SettingSpec = {
  name: 'window',
  values: '<hours>',
  example: '/prep settings window 12',
  async line(ctx, event) {
    return `- answer window: **${formatWindow((await current(ctx, event)).answerWindowMinutes)}**`;
  },
  apply(ctx, event, typed) {
    const value = typed.toLowerCase();
    const minutes = readWindow(value);
    if (!(minutes >= 15 && minutes <= 7 * 24 * 60)) {
      throw new UserError(
        `The answer window is a number of hours between 0.25 and 168, not "${value || '(nothing)'}".`,
        '`/prep settings window 24` (or `90m`)',
      );
    }
    return save(ctx, event, { answerWindowMinutes: minutes });
  },
};

const SUMMARY_WORDS: Record<string, boolean> = {
  everyone: true,
  anyone: true,
  all: true,
  public: true,
  admins: false,
  admin: false,
  private: false,
};

const summaries: SettingSpec = {
  name: 'summaries',
  values: 'admins|everyone',
  example: '/prep settings summaries everyone',
  async line(ctx, event) {
    return `- summaries of others: **${(await current(ctx, event)).summariesPublic ? 'everyone' : 'admins only'}**`;
  },
  apply(ctx, event, typed) {
    const value = typed.toLowerCase();
    if (!Object.hasOwn(SUMMARY_WORDS, value)) {
      throw new UserError(
        `Summaries can be open to everyone or admins, not "${value || '(nothing)'}".`,
        `\`${this.example}\``,
      );
    }
    return save(ctx, event, { summariesPublic: SUMMARY_WORDS[value] ?? false });
  },
};

/** In the order the listing shows them. A new channel setting is one more entry here. */
export const CHANNEL_SETTINGS: readonly SettingSpec[] = [
  feedback,
  window,
  summaries,
  channelRemindersSetting,
  channelAi,
];
