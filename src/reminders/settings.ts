// The settings reminders and interview dates read: a channel's `reminders`, and a
// member's own `timezone`, `quiet` and `reminders` under `/prep settings me`.
import { UserError } from '../chat/errors';
import type { CommandEvent } from '../chat/types';
import type { SettingSpec } from '../practice/commands/settings/spec';
import { parseTime } from '../practice/commands/words';
import type { AppContext } from '../practice/context';
import { getSchedule } from '../scheduler/store';
import { resolveZone, zoneNote } from '../scheduler/zones';
import { formatMinutes, getPrefs, notePlatformZone, parseQuiet, quietOf, setPrefs, zoneOf } from './prefs';
import { channelReminder, setChannelReminder } from './store';

const now = (ctx: AppContext) => ctx.clock().getTime();

/** The member's zone and where it comes from, for listings and confirmations. */
export async function memberZone(ctx: AppContext, event: CommandEvent): Promise<{ zone: string; from: string }> {
  await notePlatformZone(ctx.db, event.workspace, event.author.id, event.author.timezone, now(ctx));
  const prefs = await getPrefs(ctx.db, event.workspace, event.author.id);
  if (prefs?.timezone) return { zone: zoneOf(prefs, 'UTC'), from: 'set by you' };
  if (prefs?.platform_timezone) return { zone: zoneOf(prefs, 'UTC'), from: 'from your chat profile' };
  const schedule = await getSchedule(ctx.db, event.channel);
  // Discord tells bots no member's time zone: the channel's schedule stands in
  const from = schedule ? "the daily question's, as your chat profile gives none" : 'UTC, as none is known';
  return { zone: zoneOf(undefined, schedule?.timezone ?? 'UTC'), from };
}

export const timezoneSetting: SettingSpec = {
  name: 'timezone',
  values: '<zone>|auto',
  example: '/prep settings me timezone Europe/Berlin',
  async line(ctx, event) {
    const z = await memberZone(ctx, event);
    return `- time zone: **${z.zone}** (${z.from})`;
  },
  async apply(ctx, event, typed) {
    if (typed.toLowerCase() === 'auto') {
      await setPrefs(ctx.db, event.workspace, event.author.id, { timezone: null }, now(ctx));
      return undefined;
    }
    const resolved = resolveZone(typed);
    if (!resolved) {
      throw new UserError(
        `"${typed || '(nothing)'}" is not a time zone I know.`,
        "`/prep settings me timezone America/New_York` (an IANA name), or `auto` for your chat profile's",
      );
    }
    await setPrefs(ctx.db, event.workspace, event.author.id, { timezone: resolved.zone }, now(ctx));
    return zoneNote(resolved);
  },
};

export const quietSetting: SettingSpec = {
  name: 'quiet',
  values: '<HH:MM-HH:MM>|off',
  example: '/prep settings me quiet 22:00-07:00',
  async line(ctx, event) {
    const q = quietOf(await getPrefs(ctx.db, event.workspace, event.author.id));
    return `- quiet hours: **${q ? `${formatMinutes(q.from)}-${formatMinutes(q.to)}` : 'none'}** (no reminders then, in your time zone)`;
  },
  async apply(ctx, event, typed) {
    const off = ['off', 'none'].includes(typed.toLowerCase());
    const q = off ? undefined : parseQuiet(typed);
    if (!off && (!q || q.from === q.to)) {
      throw new UserError(
        `Quiet hours are a start and an end, not "${typed || '(nothing)'}".`,
        `\`${this.example}\` or \`off\``,
      );
    }
    await setPrefs(
      ctx.db,
      event.workspace,
      event.author.id,
      { quiet_from: q?.from ?? null, quiet_to: q?.to ?? null },
      now(ctx),
    );
    return undefined;
  },
};

const ON_OFF: Record<string, boolean> = { on: true, yes: true, off: false, no: false, stop: false };

export const memberRemindersSetting: SettingSpec = {
  name: 'reminders',
  values: 'on|off',
  example: '/prep settings me reminders off',
  async line(ctx, event) {
    const off = (await getPrefs(ctx.db, event.workspace, event.author.id))?.reminders_off === 1;
    return `- reminders: **${off ? 'off' : 'on'}** (a nudge where a channel has them, at most one a day)`;
  },
  async apply(ctx, event, typed) {
    const value = ON_OFF[typed.toLowerCase()];
    if (value === undefined)
      throw new UserError(`Reminders are on or off, not "${typed || '(nothing)'}".`, `\`${this.example}\``);
    await setPrefs(ctx.db, event.workspace, event.author.id, { reminders_off: value ? 0 : 1 }, now(ctx));
    return undefined;
  },
};

export const channelRemindersSetting: SettingSpec = {
  name: 'reminders',
  values: 'on [HH:MM]|off',
  example: '/prep settings reminders on 16:00',
  async line(ctx, event) {
    const r = await channelReminder(ctx.db, event.channel);
    const when = r.at ? `at ${r.at}, the daily question's time zone` : 'an hour before the answer window closes';
    return `- reminders: **${r.enabled ? `on, ${when}` : 'off'}** (a private nudge to members who answered in the last two weeks and not yet today)`;
  },
  async apply(ctx, event, typed) {
    const [word = '', time, ...extra] = typed.toLowerCase().split(/\s+/);
    const enabled = ON_OFF[word];
    const at = time ? parseTime(time) : undefined;
    if (enabled === undefined || (time && !at) || extra.length || (!enabled && time)) {
      throw new UserError(
        `Reminders are \`on\` (optionally with a time such as 16:00) or \`off\`, not "${typed || '(nothing)'}".`,
        `\`${this.example}\``,
      );
    }
    const where = { workspace: event.workspace, channel: event.channel, by: event.author.id };
    await setChannelReminder(ctx.db, where, { enabled, ...(at ? { at } : {}) }, now(ctx));
    if (enabled && !(await getSchedule(ctx.db, event.channel))) {
      return 'This channel has no daily question yet, so there is nothing to remind about: `/prep schedule 09:00` sets one.';
    }
    return undefined;
  },
};
