// The whole bot on Discord: the real core (buildApp on in-memory SQLite with the
// guides in content/) behind the real discord.js Client, against the fake Discord.
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { getSchedule } from '../../src/scheduler/store';
import { type Bot, startBot } from './bot';
import type { FakeDiscord, RecordedRequest } from './fake-discord';

const COMPLETE =
  'Last spring at my previous job our checkout service was failing during peak sales and customers were abandoning orders. As the on-call lead, my goal was to stop the outages before the holiday launch.';
const COMPLETE_2 =
  'I profiled the service and found a slow database query, then I added an index and a cache in front of it. As a result, checkout errors dropped from 4% to 0.2% and we handled twice the traffic at launch.';
const NO_RESULT =
  'In 2023 at Acme our team was behind on a data migration for a hospital client. I was responsible for moving the patient records safely. I wrote validation scripts and ran the migration in small batches over a weekend.';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** Polls until `check` returns a value (for state the bot writes to the database). */
async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting for the bot');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The text of an interaction's visible answer, whichever way it was sent. */
function answerText(responses: RecordedRequest[]): string {
  return responses
    .map((r) => {
      const data = r.body?.data ?? r.body ?? {};
      return [
        data.content ?? '',
        ...(data.embeds ?? []).map(
          (e: { title?: string; description?: string }) => `${e.title ?? ''}\n${e.description ?? ''}`,
        ),
      ].join('\n');
    })
    .join('\n');
}

/** The message flags of a reply, a deferral's edit or a follow-up. */
function flagsOf(r: RecordedRequest | undefined): number {
  const data = r?.body?.data ?? r?.body ?? {};
  return Number(data.flags ?? 0);
}

async function run(
  b: Bot,
  user: keyof FakeDiscord['users'],
  sub: string,
  options: Record<string, string | number | boolean> = {},
) {
  const id = b.fake.interact(b.fake.command(b.fake.users[user], sub, options));
  // Wait until the interaction is closed: a direct reply, or a deferral and its edit.
  const responses = await b.fake.waitUntil(() => {
    const r = b.fake.responses(id);
    const first = r[0]?.body?.type;
    if (first === InteractionResponseType.ChannelMessageWithSource) return r;
    if (first === InteractionResponseType.DeferredChannelMessageWithSource && r.length >= 2) return r;
    return undefined;
  });
  await new Promise((r) => setTimeout(r, 30));
  return { id, responses: b.fake.responses(id), text: answerText(b.fake.responses(id)), first: responses[0] };
}

function nextNineUtc(from: Date): Date {
  const d = new Date(from);
  d.setUTCHours(9, 0, 10, 0);
  if (d <= from) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

async function scheduleAndPost(b: Bot) {
  const set = await run(b, 'carol', 'schedule', { time: '09:00', timezone: 'UTC', days: 'daily' });
  expect(set.text).toMatch(/Daily question set by/);
  b.setNow(nextNineUtc(new Date()));
  await b.app.tick();
  const question = b.fake
    .botMessages(b.fake.channelId)
    .find((m) => m.embeds[0]?.title?.startsWith('Question of the day'));
  if (!question) throw new Error('no scheduled question was posted');
  const thread = [...b.fake.channels.values()].find((c) => c.id === question.id);
  if (!thread) throw new Error('the question has no thread');
  return { question, threadId: thread.id };
}

describe('every /prep subcommand', () => {
  it('answers each one through Discord, privately unless it is for the channel', async () => {
    bot = await startBot();
    const b = bot;
    const { alice } = b.fake.users;
    const cases: Record<string, [keyof FakeDiscord['users'], Record<string, string | number | boolean>, RegExp]> = {
      help: ['alice', {}, /\/prep/],
      employers: ['alice', {}, /Harvard Medical School/],
      tips: ['alice', { employer: 'harvard-medical-school-software-engineer' }, /Harvard Medical School/],
      question: [
        'alice',
        { employer: 'harvard-medical-school-software-engineer' },
        /Posted a .* question from Harvard Medical School/,
      ],
      schedule: ['carol', { time: '09:30', timezone: 'Europe/Berlin', days: 'weekdays' }, /Daily question set by/],
      settings: ['carol', {}, /feedback/i],
      me: ['alice', {}, /.+/],
      summary: ['carol', { member: `<@${alice.id}>` }, /.+/],
      leaderboard: ['alice', {}, /.+/],
      retry: ['bob', {}, /.+/],
      snooze: ['bob', { days: '3' }, /3 days|snooz/i],
      mock: [
        'alice',
        { employer: 'harvard-medical-school-software-engineer', questions: 1 },
        /mock interview has started/,
      ],
      stories: ['alice', {}, /Competencies with no story yet/],
      interview: ['alice', { employer: 'chop', date: 'in 10 days' }, /interview: .*, in 10 days\./],
      export: ['bob', {}, /Everything Starling keeps about you/],
      'forget-me': ['bob', {}, /delete|forget/i],
      // removing a guide file is refused: typed options reach the command, no page is fetched
      guide: ['carol', { action: 'remove', target: 'harvard' }, /Harvard Medical School comes from a guide file/],
    };
    const names = b.app.registry.list().map((c) => c.name);
    expect(Object.keys(cases).sort()).toEqual([...names].sort());
    for (const [name, [user, options, expected]] of Object.entries(cases)) {
      const r = await run(b, user, name, options);
      expect(r.text, `/prep ${name}`).toMatch(expected);
      expect(r.text, `/prep ${name}`).not.toMatch(/something went wrong/);
    }
    // The registered definition is the registry's, one subcommand each.
    const [put] = b.fake.calls('PUT', /\/commands$/);
    expect(put?.body[0].options.map((o: { name: string }) => o.name)).toEqual(names);
  });

  it('refuses schedule to members without Manage Channels, and explains', async () => {
    bot = await startBot();
    const r = await run(bot, 'alice', 'schedule', { time: '09:00', timezone: 'UTC' });
    expect(r.text).toMatch(/Only channel admins/);
    expect(flagsOf(r.first) & 64).toBe(64);
    expect(await getSchedule(bot.db, bot.channel)).toBeUndefined();
  });

  it('sends the export as files and forget-me as buttons', async () => {
    bot = await startBot();
    const exp = await run(bot, 'bob', 'export');
    const files = exp.responses.flatMap((r) => r.files.map((f) => f.name));
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
    const forget = await run(bot, 'bob', 'forget-me');
    const buttons = forget.responses.flatMap((r) => (r.body?.data ?? r.body).components?.[0]?.components ?? []);
    expect(buttons.map((b: { custom_id: string }) => b.custom_id.split('|')[0])).toContain(
      `forget:confirm:${bot.fake.users.bob.id}`,
    );
  });

  it('autocompletes employers from the guides', async () => {
    bot = await startBot();
    const id = bot.fake.interact(bot.fake.autocompleteInteraction(bot.fake.users.alice, 'tips', 'employer', 'harv'));
    const [r] = await bot.fake.waitForResponses(id);
    expect(r?.body.data.choices[0]).toMatchObject({ value: 'harvard-medical-school-software-engineer' });
  });
});

describe('the daily question on Discord', () => {
  it('posts on schedule with a thread, reads answers there, and gives private feedback and a public marker', async () => {
    bot = await startBot();
    const b = bot;
    const { question, threadId } = await scheduleAndPost(b);
    expect(question.components?.length).toBe(1);

    const before = b.fake.requests.length;
    const m = b.fake.say(b.fake.users.alice, threadId, NO_RESULT);
    const dm = await b.fake.waitForRequest(
      (r) => r.method === 'POST' && /^Feedback on your answer/.test(r.body?.embeds?.[0]?.title ?? ''),
      before,
    );
    expect(dm.path).not.toContain(threadId);
    const reactions = await b.fake.waitUntil(() => {
      const r = b.fake.calls('PUT', new RegExp(`/channels/${threadId}/messages/${m.id}/reactions/`), before);
      return r.length >= 3 ? r : undefined;
    });
    expect(reactions.map((r) => r.path.split('/')[6])).toEqual(['🇸', '🇹', '🇦']);

    // An edit that adds the result: the feedback DM is edited in place (a PATCH of that
    // message, through discord.js), saying what changed; and the R marker.
    const dmChannel = /^\/channels\/(\d+)\/messages$/.exec(dm.path)?.[1] ?? '';
    const feedbackId = b.fake.botMessages(dmChannel).at(-1)?.id;
    expect(feedbackId).toBeTruthy();
    const mark = b.fake.requests.length;
    b.fake.editMessage(m, `${NO_RESULT} As a result, we finished two days early with zero lost records.`);
    const updated = await b.fake.waitForRequest(
      (r) => r.method === 'PATCH' && /Updated after your edit/.test(r.body?.embeds?.[0]?.description ?? ''),
      mark,
    );
    expect(updated.path).toBe(`/channels/${dmChannel}/messages/${feedbackId}`);
    expect(updated.body.embeds[0].description).toMatch(
      /What your edit changed:_ Better than last time: it now has a Result/,
    );
    await b.fake.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/reactions/🇷/@me'), mark);
    expect(b.fake.calls('POST', new RegExp(`/channels/${dmChannel}/messages$`), mark)).toHaveLength(0);
    expect(b.fake.botMessages(dmChannel).at(-1)?.embeds?.[0]?.description).toContain('Updated after your edit');

    // The feedback DM is gone (Discord answers 404): the next edit's feedback goes as a new DM.
    b.fake.deleteBotMessage(dmChannel, feedbackId ?? '');
    const mark2 = b.fake.requests.length;
    b.fake.editMessage(m, `${NO_RESULT} As a result, we finished early.`);
    const anew = await b.fake.waitForRequest(
      (r) => r.method === 'POST' && /What your edit changed/.test(r.body?.embeds?.[0]?.description ?? ''),
      mark2,
    );
    expect(anew.path).toBe(`/channels/${dmChannel}/messages`);

    // Deleting the reply takes it out of the answer.
    expect(await b.db.selectFrom('answer_messages').selectAll().execute()).toHaveLength(1);
    b.fake.deleteMessage(m);
    await until(async () => {
      const rows = await b.db.selectFrom('answer_messages').selectAll().execute();
      return rows.length === 0 ? rows : undefined;
    });
  });

  it('takes the STAR form from the button, posts it in the thread and answers privately', async () => {
    bot = await startBot();
    const b = bot;
    const { question, threadId } = await scheduleAndPost(b);
    const row = question.components?.[0] as { components: { custom_id: string }[] } | undefined;
    const customId = row?.components[0]?.custom_id ?? '';
    expect(customId.startsWith('starform:')).toBe(true);
    const open = b.fake.interact(b.fake.button(b.fake.users.bob, question, customId));
    const [modal] = await b.fake.waitForResponses(open);
    expect(modal?.body.type).toBe(InteractionResponseType.Modal);

    const id = b.fake.interact(
      b.fake.modalSubmit(b.fake.users.bob, question, modal?.body.data.custom_id, {
        situation: 'Last spring at my previous job our checkout service was failing during peak sales.',
        task: 'As the on-call lead, my goal was to stop the outages before the holiday launch.',
        action: 'I profiled the service, found a slow query, and added an index and a cache.',
        result: 'As a result, checkout errors dropped from 4% to 0.2%.',
      }),
    );
    const posted = await b.fake.waitUntil(() =>
      b.fake.botMessages(threadId).find((m) => m.content.includes('answered with the STAR form')),
    );
    expect(posted.content).toContain('**Situation:** Last spring');
    const responses = await b.fake.waitUntil(() => {
      const r = b.fake.responses(id);
      return r.some((x) => /Feedback on your answer/.test(answerText([x]))) ? r : undefined;
    });
    const feedback = responses.find((x) => /Feedback on your answer/.test(answerText([x])));
    expect(flagsOf(feedback) & 64).toBe(64);
    const stored = await b.db.selectFrom('answers').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.user_id).toBe(b.fake.users.bob.id);
  });

  it('survives a gateway resume mid-answer: both replies counted once', async () => {
    bot = await startBot();
    const b = bot;
    const { threadId } = await scheduleAndPost(b);
    b.fake.say(b.fake.users.alice, threadId, COMPLETE);
    await b.fake.waitUntil(() =>
      b.fake.requests.some((r) => /^Feedback on your answer/.test(r.body?.embeds?.[0]?.title ?? '')),
    );
    b.fake.dropConnections();
    await b.fake.waitUntil(() => !b.fake.connected);
    // Sent while the bot is away; on resume Discord sends it, and may repeat what the bot had.
    b.fake.say(b.fake.users.alice, threadId, COMPLETE_2);
    b.fake.replayOverlap = 4;
    await b.fake.waitUntil(() => b.fake.resumes === 1 && b.fake.connected, 5000, 'the resume');
    await until(async () => {
      const rows = await b.db.selectFrom('answer_messages').selectAll().execute();
      return rows.length >= 2 ? rows : undefined;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(await b.db.selectFrom('answer_messages').selectAll().execute()).toHaveLength(2);
    expect(await b.db.selectFrom('answers').selectAll().execute()).toHaveLength(1);
    expect(b.fake.identifies).toBe(1);
  });

  it('pauses the schedule and tells whoever set it when the bot loses access to the channel', async () => {
    bot = await startBot();
    const b = bot;
    await run(b, 'carol', 'schedule', { time: '09:00', timezone: 'UTC', days: 'daily' });
    b.fake.failures.push({
      method: 'POST',
      path: new RegExp(`^/channels/${b.fake.channelId}/messages$`),
      status: 403,
      code: 50013,
      message: 'Missing Permissions',
      times: 5,
    });
    b.setNow(nextNineUtc(new Date()));
    const before = b.fake.requests.length;
    await b.app.tick();
    const schedule = await getSchedule(b.db, b.channel);
    expect(schedule?.paused).toBe(1);
    const told = await b.fake.waitForRequest(
      (r) => r.method === 'POST' && String(r.body?.content).startsWith('**The daily question is paused**'),
      before,
    );
    expect(told.body.content).toMatch(/lacks permission .* \(50013\)/);
    const dmOpen = b.fake.calls('POST', /^\/users\/@me\/channels$/, before);
    expect(dmOpen.at(-1)?.body.recipient_id).toBe(b.fake.users.carol.id);
    expect(told.path).not.toContain(b.fake.channelId);
  });
});

describe('scheduled posts that go wrong', () => {
  const questions = (b: Bot) =>
    b.fake.botMessages(b.fake.channelId).filter((m) => m.embeds[0]?.title?.startsWith('Question of the day'));

  it('records, once, a question a crashed replica posted but never recorded, and counts answers in its thread', async () => {
    bot = await startBot();
    const b = bot;
    await run(b, 'carol', 'schedule', { time: '09:00', timezone: 'UTC', days: 'daily' });
    const at = nextNineUtc(new Date());
    b.setNow(at);
    // Replica A: posts the question through the real adapter, then dies before recording it.
    const post = b.adapter.post;
    b.adapter.post = async (to, message) => {
      await post(to, message);
      throw new Error('replica A died between posting and recording');
    };
    await b.app.tick();
    b.adapter.post = post;
    const [question] = questions(b);
    if (!question) throw new Error('replica A posted no question');
    expect(await b.db.selectFrom('posts').selectAll().execute()).toHaveLength(0);
    // A dead replica hands nothing back: its claim stays until the 5-minute lease runs out.
    const [occ] = await b.db.selectFrom('occurrences').selectAll().execute();
    if (!occ) throw new Error('no occurrence');
    await b.db
      .updateTable('occurrences')
      .set({
        status: 'claimed',
        claimed_by: 'replica-a',
        lease_until: at.getTime() + 5 * 60_000,
        attempts: 1,
        note: null,
      })
      .where('id', '=', occ.id)
      .execute();

    // Replica B (this app) ticks after the lease, and after Discord's nonce window, so
    // only finding the message stops a second copy.
    const posts = new RegExp(`^/channels/${b.fake.channelId}/messages$`);
    const before = b.fake.requests.length;
    b.setNow(new Date(at.getTime() + 6 * 60_000));
    await b.app.tick();
    expect(b.fake.calls('POST', posts, before)).toHaveLength(0);
    expect(questions(b).map((m) => m.id)).toEqual([question.id]);
    const recorded = await b.db.selectFrom('posts').selectAll().execute();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      occurrence_id: occ.id,
      message_ref: `${b.channel}:${question.id}`,
      thread_ref: `discord:${b.fake.guildId}:${question.id}`,
    });
    expect(await b.db.selectFrom('occurrences').selectAll().executeTakeFirst()).toMatchObject({
      status: 'posted',
      attempts: 2,
      claimed_by: 'e2e',
      post_id: recorded[0]?.id,
    });
    // The STAR button replica A posted points at the post B recorded.
    const row = question.components?.[0] as { components: { custom_id: string }[] } | undefined;
    expect(row?.components[0]?.custom_id).toContain(`starform:${recorded[0]?.id}`);

    // Answers in that thread count toward the recorded post.
    b.fake.say(b.fake.users.alice, question.id, COMPLETE);
    await b.fake.waitUntil(() =>
      b.fake.requests.some((r) => /^Feedback on your answer/.test(r.body?.embeds?.[0]?.title ?? '')),
    );
    const answers = await until(async () => {
      const rows = await b.db.selectFrom('answers').selectAll().execute();
      return rows.length > 0 ? rows : undefined;
    });
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ post_id: recorded[0]?.id, user_id: b.fake.users.alice.id });
  });

  it('fails fast on a long rate limit, hands the occurrence back, and posts it once when the wait is over', async () => {
    bot = await startBot();
    const b = bot;
    await run(b, 'carol', 'schedule', { time: '09:00', timezone: 'UTC', days: 'daily' });
    const posts = new RegExp(`^/channels/${b.fake.channelId}/messages$`);
    b.fake.failures.push({ method: 'POST', path: posts, status: 429, headers: { 'retry-after': '900' } });
    const at = nextNineUtc(new Date());
    const before = b.fake.requests.length;
    b.setNow(at);
    // Left to discord.js, this tick would wait out the 15 minutes (and outlive its lease).
    await b.app.tick();
    expect(b.fake.calls('POST', posts, before).map((r) => r.status)).toEqual([429]);
    expect(questions(b)).toHaveLength(0);
    const [held] = await b.db.selectFrom('occurrences').selectAll().execute();
    expect(held).toMatchObject({ status: 'pending', note: 'rate limited', attempts: 0 });
    expect(held?.lease_until).toBeGreaterThanOrEqual(at.getTime() + 900_000);

    // Not before Discord's wait is over...
    b.setNow(new Date(at.getTime() + 5 * 60_000));
    await b.app.tick();
    expect(b.fake.calls('POST', posts, before)).toHaveLength(1);
    // ...then once.
    b.setNow(new Date(at.getTime() + 16 * 60_000));
    await b.app.tick();
    expect(b.fake.calls('POST', posts, before).map((r) => r.status)).toEqual([429, 200]);
    expect(questions(b)).toHaveLength(1);
    const [done] = await b.db.selectFrom('occurrences').selectAll().execute();
    expect(done).toMatchObject({ status: 'posted', attempts: 1 });
    const [post] = await b.db.selectFrom('posts').selectAll().execute();
    expect(post?.message_ref).toBe(`${b.channel}:${questions(b)[0]?.id}`);
  });
});

describe('/prep mock on Discord', () => {
  /** What the bot has said in a channel, as text (content and embeds). */
  const said = (b: Bot, channelId: string) =>
    b.fake
      .botMessages(channelId)
      .map((m) => [m.content, ...m.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n'));
  const waitFor = (b: Bot, channelId: string, pattern: RegExp) =>
    b.fake.waitUntil(() => said(b, channelId).find((t) => pattern.test(t)), 5000, `a bot message matching ${pattern}`);

  it('holds the interview in direct messages: the missing Result asked for, then R ✗ → R ✓', async () => {
    bot = await startBot();
    const b = bot;
    const { alice } = b.fake.users;
    const started = await run(b, 'alice', 'mock', {
      employer: 'childrens-hospital-of-philadelphia-software-engineer',
      category: 'behavioral',
      questions: 2,
    });
    expect(started.text).toMatch(/started in your direct messages with me: 2 questions/);
    const dm = b.fake.dmChannelFor(alice.id) ?? '';
    await waitFor(b, dm, /Question 1 of 2/);
    b.fake.sayInDm(alice, NO_RESULT);
    const followup = await waitFor(b, dm, /what was the result/i);
    expect(followup).toContain('I wrote validation scripts and ran the migration in small batches');
    const before = said(b, dm).length;
    b.fake.sayInDm(alice, 'As a result, we finished two days early with zero lost records.');
    // the question is drawn for this member (ids differ per run): a second follow-up may come first
    const next = await b.fake.waitUntil(
      () =>
        said(b, dm)
          .slice(before)
          .find((t) => /Question 2 of 2|Reply to add it to your answer/.test(t)),
      5000,
      'the next question or a second follow-up',
    );
    if (!/Question 2 of 2/.test(next)) b.fake.sayInDm(alice, 'skip');
    await waitFor(b, dm, /Question 2 of 2/);
    b.fake.sayInDm(alice, 'stop');
    const card = await waitFor(b, dm, /Mock interview scorecard/);
    expect(card).toMatch(/R ✗ → S ✓ · T ✓ · A ✓ · R ✓/);
  });

  it('falls back to a private thread with the member when their direct messages are closed', async () => {
    bot = await startBot();
    const b = bot;
    const { bob } = b.fake.users;
    b.fake.dmClosed.add(bob.id);
    const started = await run(b, 'bob', 'mock', {
      employer: 'childrens-hospital-of-philadelphia-software-engineer',
      category: 'behavioral',
      questions: 1,
    });
    expect(started.text).toMatch(/mock interview has started in a private thread in this channel/);
    const [threadId, members] = [...b.fake.threadMembers.entries()][0] ?? [];
    expect(members).toEqual([bob.id]);
    await waitFor(b, threadId ?? '', /Question 1 of 1/);
    b.fake.say(bob, threadId ?? '', NO_RESULT);
    await waitFor(b, threadId ?? '', /what was the result/i);
  });
});
