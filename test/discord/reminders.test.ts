// Reminders and /prep interview through the real discord.js Client against the fake
// Discord, with the clock moved by the test. Discord tells bots no member's time
// zone, so dates and quiet hours are read in the channel schedule's zone.
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Bot, startBot } from './bot';
import type { FakeDiscord } from './fake-discord';

const COMPLETE =
  'Last spring at my previous job our checkout service was failing during peak sales and customers were abandoning orders. As the on-call lead, my goal was to stop the outages. I profiled the service, then I added an index and a cache. As a result, checkout errors dropped from 4% to 0.2%.';
const DAY = 86_400_000;

let b: Bot;
let day1: Date;
// a fresh bot per test, each setting up the schedule and answers it needs
beforeEach(async () => {
  b = await startBot({ quiet: true });
  day1 = new Date();
  day1.setUTCHours(9, 0, 10, 0);
  if (day1.getTime() <= Date.now()) day1 = new Date(day1.getTime() + DAY);
});
afterEach(() => b.close());

function textOf(r: { body?: any }[]): string {
  return r
    .map((x) => {
      const data = x.body?.data ?? x.body ?? {};
      return [
        data.content ?? '',
        ...(data.embeds ?? []).map((e: any) => `${e.title ?? ''}\n${e.description ?? ''}`),
      ].join('\n');
    })
    .join('\n');
}

async function run(user: keyof FakeDiscord['users'], sub: string, options: Record<string, string> = {}) {
  const id = b.fake.interact(b.fake.command(b.fake.users[user], sub, options));
  await b.fake.waitUntil(
    () => {
      const r = b.fake.responses(id);
      const first = r[0]?.body?.type;
      if (first === InteractionResponseType.ChannelMessageWithSource) return r;
      if (first === InteractionResponseType.DeferredChannelMessageWithSource && r.length >= 2) return r;
      return undefined;
    },
    5000,
    `the reply to ${sub}`,
  );
  return textOf(b.fake.responses(id));
}

/** Waits until the bot has recorded `n` answers (they arrive through the gateway). */
async function answersAtLeast(n: number) {
  const end = Date.now() + 5000;
  while ((await b.db.selectFrom('answers').selectAll().execute()).length < n) {
    if (Date.now() > end) throw new Error(`fewer than ${n} answers recorded`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function tick(at: number) {
  b.setNow(new Date(at));
  await b.app.tick();
}

const dmMessages = (userId: string, title: string) => {
  const dm = b.fake.dmChannelFor(userId);
  const shows = (m: { content: string; embeds: { title?: string }[] }) =>
    m.embeds[0]?.title === title || m.content.startsWith(`**${title}**`);
  return dm ? b.fake.botMessages(dm).filter(shows) : [];
};

/** Carol sets a daily 09:00 UTC question with reminders; on day 1 Alice and Bob answer it. */
async function firstDayAnswered() {
  expect(await run('carol', 'schedule', { time: '09:00', timezone: 'UTC', days: 'daily' })).toMatch(
    /Daily question set/,
  );
  await run('carol', 'settings', { setting: 'window', value: '12' });
  expect(await run('carol', 'settings', { setting: 'reminders', value: 'on' })).toContain('reminders: **on');
  await tick(day1.getTime());
  const first = b.fake
    .botMessages(b.fake.channelId)
    .filter((m) => m.embeds[0]?.title?.startsWith('Question of the day'));
  const thread = first.at(-1)?.id ?? '';
  b.fake.say(b.fake.users.alice, thread, COMPLETE);
  b.fake.say(b.fake.users.bob, thread, COMPLETE);
  await answersAtLeast(2);
}

describe('on Discord', () => {
  it('reminders go once to who answered lately and not today; the Stop button ends them', async () => {
    await firstDayAnswered();

    await tick(day1.getTime() + DAY);
    const second = b.fake
      .botMessages(b.fake.channelId)
      .filter((m) => m.embeds[0]?.title?.startsWith('Question of the day'));
    b.fake.say(b.fake.users.bob, second.at(-1)?.id ?? '', COMPLETE);
    await answersAtLeast(3);

    // the window closes at 21:00 UTC: the nudge goes at 20:00, once
    await tick(day1.getTime() + DAY + 11 * 3_600_000 + 20_000);
    await tick(day1.getTime() + DAY + 11 * 3_600_000 + 80_000);
    const nudges = await b.fake.waitUntil(
      () => {
        const n = dmMessages(b.fake.users.alice.id, "Today's question is still open");
        return n.length ? n : undefined;
      },
      5000,
      'the nudge',
    );
    expect(nudges).toHaveLength(1);
    expect(dmMessages(b.fake.users.bob.id, "Today's question is still open")).toHaveLength(0);

    const [nudge] = nudges;
    if (!nudge) throw new Error('no nudge arrived');
    const button = (nudge.components?.[0] as any)?.components?.[0];
    expect(button?.label).toBe('Stop reminders');
    const id = b.fake.interact(b.fake.button(b.fake.users.alice, nudge, button.custom_id));
    const said = await b.fake.waitUntil(
      () => {
        const t = textOf(b.fake.responses(id));
        return t.includes('Reminders are off') ? t : undefined;
      },
      5000,
      'stop reply',
    );
    expect(said).toContain('Reminders are off');
    expect(await run('alice', 'settings', { setting: 'me' })).toContain('reminders: **off**');
  });

  it('/prep interview chop answers with the days left in the schedule zone, and the brief comes the day before', async () => {
    await firstDayAnswered();
    const now = day1.getTime() + 2 * DAY;
    b.setNow(new Date(now));
    const date = new Date(now + 3 * DAY).toISOString().slice(0, 10);
    const text = await run('alice', 'interview', { employer: 'chop', date });
    expect(text).toContain('in 3 days');
    expect(text).toContain("UTC (the daily question's, as your chat profile gives none)");
    const dayBefore = Date.parse(`${new Date(now + 2 * DAY).toISOString().slice(0, 10)}T09:00:30Z`);
    await tick(dayBefore - 60_000);
    expect(dmMessages(b.fake.users.alice.id, "Tomorrow: Children's Hospital of Philadelphia")).toHaveLength(0);
    await tick(dayBefore);
    await tick(dayBefore + 60_000);
    const brief = await b.fake.waitUntil(
      () => {
        const m = dmMessages(b.fake.users.alice.id, "Tomorrow: Children's Hospital of Philadelphia");
        return m.length ? m : undefined;
      },
      5000,
      'the brief',
    );
    expect(brief).toHaveLength(1);
    // a brief longer than Discord's 2,000 characters arrives in several messages
    const all = b.fake.botMessages(b.fake.dmChannelFor(b.fake.users.alice.id) ?? '');
    const whole = all
      .slice(brief[0] ? all.indexOf(brief[0]) : all.length)
      .map((m) => m.content)
      .join('\n');
    expect(whole).toContain('**What they evaluate**');
    expect(whole).toContain('**Your three best-fitting stories**');
    expect(whole).toContain('checkout service was failing');
  });
});
