// Issue 15 through the real discord.js Client against the fake Discord: quick replies
// get one feedback after the quiet period, and the story bank lists stories, names a
// competency with no story, and tells only the member whose story fits a new question.
import { afterEach, describe, expect, it } from 'vitest';
import { CONFLICT_STORY, CUSTOMER_STORY, STORY_GUIDES } from '../stories/fixtures';
import { type Bot, startBot } from './bot';
import type { RecordedRequest } from './fake-discord';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const isFeedback = (r: RecordedRequest) =>
  r.method === 'POST' && /^Feedback on your answer/.test(r.body?.embeds?.[0]?.title ?? '');
const text = (r: RecordedRequest | undefined) => {
  const d = r?.body?.data ?? r?.body ?? {};
  return [
    d.content ?? '',
    ...(d.embeds ?? []).map((e: { title?: string; description?: string }) => `${e.title}\n${e.description}`),
  ].join('\n');
};

/** Runs a /prep subcommand and waits for its (last) visible answer. */
async function run(
  b: Bot,
  user: 'alice' | 'bob' | 'carol',
  sub: string,
  options: Record<string, string | number> = {},
) {
  const id = b.fake.interact(b.fake.command(b.fake.users[user], sub, options));
  await b.fake.waitUntil(() => {
    const r = b.fake.responses(id);
    return r.length >= (r[0]?.body?.type === 5 ? 2 : 1) ? r : undefined;
  });
  await new Promise((r) => setTimeout(r, 30));
  return text(b.fake.responses(id).at(-1));
}

/** Posts a question from one employer and returns its thread's id. */
async function ask(b: Bot, employer: string): Promise<string> {
  expect(await run(b, 'carol', 'question', { employer })).toMatch(/Posted a/);
  const post = await b.db
    .selectFrom('posts')
    .select('thread_ref')
    .where('employer', 'like', `${employer}%`)
    .executeTakeFirstOrThrow();
  return post.thread_ref.split(':').at(-1) ?? '';
}

/** Waits until `count` replies are stored and the last of them is analysed. */
async function answered(b: Bot, count: number): Promise<void> {
  await b.fake.waitUntil(async () => {
    const rows = await b.db.selectFrom('answer_messages').selectAll().orderBy('created_at').execute();
    const last = rows.at(-1);
    if (rows.length < count || !last) return undefined;
    const analysed = await b.db
      .selectFrom('analyses')
      .innerJoin('answers', 'answers.id', 'analyses.answer_id')
      .select('answers.text')
      .where('answers.id', '=', last.answer_id)
      .executeTakeFirst();
    return analysed?.text.includes(last.text) ? rows : undefined;
  });
  await new Promise((r) => setTimeout(r, 50));
}

describe('one feedback per answer on Discord', () => {
  it('three quick replies in the thread give one feedback that reads all three', async () => {
    bot = await startBot({ quietSeconds: 3, guides: STORY_GUIDES });
    const b = bot;
    const thread = await ask(b, 'conflictco');
    const [s1, s2, s3] = CONFLICT_STORY.split(/(?<=\.) (?=My task|As a result)/);
    const before = b.fake.requests.length;
    b.fake.say(b.fake.users.alice, thread, s1 ?? '');
    await answered(b, 1);
    b.fake.say(b.fake.users.alice, thread, s2 ?? '');
    await answered(b, 2);
    b.fake.say(b.fake.users.alice, thread, s3 ?? '');
    await answered(b, 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(b.fake.requests.slice(before).filter(isFeedback)).toHaveLength(0);
    b.setNow(new Date(Date.now() + 3_500));
    await b.timers.runDue();
    const feedback = b.fake.requests.slice(before).filter(isFeedback);
    expect(feedback).toHaveLength(1);
    const body = text(feedback[0]);
    expect(body).toContain('Last year at my previous job I disagreed'); // reply 1
    expect(body).toContain('My task was to get the release out safely'); // reply 2
    expect(body).toContain('As a result we shipped with zero incidents'); // reply 3
    expect(feedback[0]?.path).not.toContain(thread);
  });
});

describe('the story bank on Discord', () => {
  it('lists two stories with competencies, names a gap, and suggests a fitting story to its teller alone', async () => {
    bot = await startBot({ guides: STORY_GUIDES });
    const b = bot;
    b.fake.say(b.fake.users.alice, await ask(b, 'conflictco'), CONFLICT_STORY);
    await answered(b, 1);
    b.fake.say(b.fake.users.alice, await ask(b, 'customerco'), CUSTOMER_STORY);
    await answered(b, 2);
    const bank = await run(b, 'alice', 'stories');
    expect(bank).toContain('Your story bank: 2 stories');
    expect(bank).toMatch(/Conflict \(you wrote “disagreed”\)/);
    expect(bank).toMatch(/Ownership \(you wrote “responsible”\)/);
    expect(bank).toContain('Competencies with no story yet');
    expect(bank).toContain(
      '**Prioritisation**: practise with “Tell me about a time you had to prioritise competing deadlines.”',
    );

    const before = b.fake.requests.length;
    await ask(b, 'tensionco');
    const told = await b.fake.waitUntil(() => {
      const r = b.fake.requests
        .slice(before)
        .filter((x) => x.method === 'POST' && text(x).includes('A story from your bank fits this question'));
      return r.length ? r : undefined;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(told).toHaveLength(1);
    // both answers came at the bot's same fixed time, so either may be numbered first
    expect(text(told[0])).toMatch(/Story \d, “Last year at my previous job I disagreed/);
    // to Alice's direct messages, not the channel or the question's thread
    expect(told[0]?.path).not.toContain(b.fake.channelId);
  });
});
