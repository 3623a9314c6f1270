// Where /prep reaches on Discord: installed to a member's own account and used in DMs
// and group DMs, and the "STAR check" entry of a message's Apps menu. The real core and
// the real discord.js Client against the fake Discord.
import {
  type APIInteraction,
  ApplicationCommandType,
  InteractionContextType,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/practice/store/members';
import { getSchedule } from '../../src/scheduler/store';
import { CONFLICT_STORY, STORY_GUIDES } from '../stories/fixtures';
import { type Bot, startBot } from './bot';
import type { RecordedRequest } from './fake-discord';

const STORY =
  'Last spring at my previous job our checkout service was failing during peak sales. As the on-call lead, my goal was to stop the outages before the launch. I profiled the service, found a slow query and added an index. As a result, checkout errors dropped from 4% to 0.2%.';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

function textOf(responses: RecordedRequest[]): string {
  return responses
    .map((r) => {
      const data = r.body?.data ?? r.body ?? {};
      const embeds = (data.embeds ?? []).map(
        (e: { title?: string; description?: string; footer?: { text?: string } }) =>
          `${e.title ?? ''}\n${e.description ?? ''}\n${e.footer?.text ?? ''}`,
      );
      return [data.content ?? '', ...embeds].join('\n');
    })
    .join('\n');
}

/** Sends an interaction and waits until its answer is complete (a reply, or a deferral and its edit). */
async function answer(b: Bot, interaction: APIInteraction) {
  const id = b.fake.interact(interaction);
  await b.fake.waitUntil(() => {
    const r = b.fake.responses(id);
    const first = r[0]?.body?.type;
    if (first === InteractionResponseType.ChannelMessageWithSource) return r;
    if (first === InteractionResponseType.DeferredChannelMessageWithSource && r.length >= 2) return r;
    return undefined;
  });
  await new Promise((r) => setTimeout(r, 30));
  const responses = b.fake.responses(id);
  const data = responses[0]?.body?.data ?? {};
  return { text: textOf(responses), ephemeral: (Number(data.flags ?? 0) & 64) === 64 };
}

describe('registration', () => {
  it('registers /prep for servers and user installs, in DMs and group DMs, and STAR check as a message menu', async () => {
    bot = await startBot();
    const [put] = bot.fake.calls('PUT', /\/commands$/);
    const [prep, menu] = put?.body ?? [];
    expect(prep).toMatchObject({ name: 'prep', integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(menu).toEqual({
      name: 'STAR check',
      type: ApplicationCommandType.Message,
      integration_types: [0, 1],
      contexts: [0, 1, 2],
    });
  });
});

describe('/prep outside a server', () => {
  it('answers the commands that make sense in a DM, privately', async () => {
    bot = await startBot();
    const { alice } = bot.fake.users;
    const tips = await answer(bot, bot.fake.userInstallCommand(alice, 'tips', { employer: 'hms' }));
    expect(tips.text).toContain('final meeting with a Principal Investigator');
    expect(tips.ephemeral).toBe(true);
    const employers = await answer(
      bot,
      bot.fake.userInstallCommand(alice, 'employers', {}, InteractionContextType.BotDM),
    );
    expect(employers.text).toContain("Children's Hospital of Philadelphia");
    const help = await answer(bot, bot.fake.userInstallCommand(alice, 'help'));
    expect(help.text).toContain('/prep tips');
    expect(help.text).not.toContain('/prep schedule');
    const me = await answer(bot, bot.fake.userInstallCommand(alice, 'me'));
    expect(me.text).not.toMatch(/something went wrong|belongs to a channel/);
  });

  it('tells a channel command to go to a server channel, and does nothing', async () => {
    bot = await startBot();
    const { carol } = bot.fake.users;
    const r = await answer(bot, bot.fake.userInstallCommand(carol, 'question', { employer: 'hms' }));
    expect(r.text).toContain(
      '`/prep question` belongs to a channel of your group: use it in a server or workspace channel',
    );
    expect(r.ephemeral).toBe(true);
    const posted = bot.fake.calls('POST', /\/channels\/\d+\/messages$/);
    expect(posted).toHaveLength(0);
  });
});

/** Carol posts a conflictco question in the server; Alice answers it in its thread, analysed. */
async function aliceAnswersInServer(b: Bot): Promise<void> {
  const { alice, carol } = b.fake.users;
  expect((await answer(b, b.fake.command(carol, 'question', { employer: 'conflictco' }))).text).toMatch(/Posted a/);
  const post = await b.db.selectFrom('posts').select('thread_ref').executeTakeFirstOrThrow();
  b.fake.say(alice, post.thread_ref.split(':').at(-1) ?? '', CONFLICT_STORY);
  // the fake's waitUntil checks synchronously; the analysis is stored after the bot's own awaits
  for (let i = 0; i < 500; i++) {
    if (await b.db.selectFrom('analyses').select('answer_id').executeTakeFirst()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the answer was never analysed');
}

describe('/prep in a DM reads the member’s data from the servers they practise in', () => {
  it('shows the summary, the story bank and the export of the one server', async () => {
    bot = await startBot({ guides: STORY_GUIDES });
    const { alice } = bot.fake.users;
    await aliceAnswersInServer(bot);
    const me = await answer(bot, bot.fake.userInstallCommand(alice, 'me', {}, InteractionContextType.BotDM));
    expect(me.text).toContain('**Answers given:** 1');
    expect(me.text).not.toContain('have not answered');
    expect(me.text).not.toContain('most recently');
    const stories = await answer(bot, bot.fake.userInstallCommand(alice, 'stories'));
    expect(stories.text).toContain('Your story bank: 1 story');
    const exportId = bot.fake.interact(bot.fake.userInstallCommand(alice, 'export'));
    const files = await bot.fake.waitUntil(() => {
      const sent = bot?.fake.responses(exportId).flatMap((r) => r.files ?? []) ?? [];
      return sent.length >= 2 ? sent : undefined;
    });
    const json = files.find((f) => f.name.endsWith('.json'));
    expect(JSON.parse(json?.content ?? '{}')).toMatchObject({
      workspace: `discord:${bot.fake.guildId}`,
      answers: [{ text: expect.stringContaining('Last year at my previous job I disagreed') }],
    });
  });

  it('with several servers: the summary of the latest, saying so; the export of every one', async () => {
    bot = await startBot({ guides: STORY_GUIDES });
    const { alice } = bot.fake.users;
    // Alice is also a member of another server, where she was last active a day ago
    await upsertMember(bot.db, 'discord:4242', alice.id, 'Alice', Date.now() - 86_400_000);
    await aliceAnswersInServer(bot);
    const me = await answer(bot, bot.fake.userInstallCommand(alice, 'me'));
    expect(me.text).toContain('**Answers given:** 1');
    expect(me.text).toContain('From the server you practised in most recently (you are in 2 servers with Starling)');
    const exportId = bot.fake.interact(bot.fake.userInstallCommand(alice, 'export'));
    const files = await bot.fake.waitUntil(() => {
      const sent = bot?.fake.responses(exportId).flatMap((r) => r.files ?? []) ?? [];
      return sent.length >= 4 ? sent : undefined;
    });
    expect(files).toHaveLength(4);
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/-discord-4242\.json$/),
        expect.stringMatching(/-discord-4242\.md$/),
        expect.stringMatching(new RegExp(`-discord-${bot.fake.guildId}\\.json$`)),
        expect.stringMatching(new RegExp(`-discord-${bot.fake.guildId}\\.md$`)),
      ]),
    );
  });
});

describe('STAR check from the Apps menu of a message', () => {
  it("checks someone else's answer privately for the reviewer and says whose it is", async () => {
    bot = await startBot();
    const { alice, bob } = bot.fake.users;
    const message = bot.fake.say(alice, bot.fake.channelId, STORY);
    const r = await answer(bot, bot.fake.messageMenu(bob, message, 'STAR check'));
    expect(r.ephemeral).toBe(true);
    expect(r.text).toContain("STAR check of Alice's message");
    expect(r.text).toMatch(/is not told/);
    expect(r.text).toContain('**STAR check: 6 of 6** · S ✓ · T ✓ · A ✓ · R ✓');
    // nothing is posted where others can see it
    expect(bot.fake.botMessages(bot.fake.channelId)).toHaveLength(0);
  });

  it('checks the member’s own message, and refuses one with no text', async () => {
    bot = await startBot();
    const { bob } = bot.fake.users;
    const own = await answer(
      bot,
      bot.fake.messageMenu(bob, bot.fake.say(bob, bot.fake.channelId, STORY), 'STAR check'),
    );
    expect(own.text).toContain('STAR check of your message');
    const empty = await answer(bot, bot.fake.messageMenu(bob, bot.fake.say(bob, bot.fake.channelId, ''), 'STAR check'));
    expect(empty.text).toContain('That message has no text to check');
    expect(empty.ephemeral).toBe(true);
  });
});

describe('times on Discord', () => {
  it('shows due times, windows and dates as Discord timestamps, never as the core’s tokens', async () => {
    bot = await startBot();
    const { carol, bob } = bot.fake.users;
    const set = await answer(
      bot,
      bot.fake.command(carol, 'schedule', { time: '09:00', timezone: 'UTC', days: 'daily' }),
    );
    const schedule = await getSchedule(bot.db, bot.channel);
    expect(set.text).toContain(`First one: <t:${Number(schedule?.next_run_at) / 1000}:F>`);
    const snooze = await answer(bot, bot.fake.command(bob, 'snooze', { days: '3' }));
    expect(snooze.text).toMatch(/until <t:\d{10}:D>\./);
    await answer(bot, bot.fake.command(bob, 'question', { employer: 'hms' }));
    const question = bot.fake.botMessages(bot.fake.channelId).at(-1);
    const description = question?.embeds[0]?.description ?? '';
    const closes = Math.floor(bot.fake.now() / 1000) + 24 * 3600;
    expect(description).toContain(`Answers close <t:${closes}:R>;`);
    for (const text of [set.text, snooze.text, description]) expect(text).not.toContain('<time:');
  });
});
