// Issue 15 through the real Bolt app against the fake Slack: three quick replies in a
// thread give one ephemeral feedback after the quiet period, reading all three; the
// story bank lists the stories and a competency with none, and a new question that fits
// a story is whispered to its teller alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { GuideLibrary } from '../../src/guides/library';
import { silentLogger } from '../../src/logger';
import { ManualTimers } from '../manual-timers';
import { CONFLICT_STORY, CUSTOMER_STORY, STORY_GUIDES } from '../stories/fixtures';
import { type Harness, openDb, startSlack } from './harness';
import { CHANNEL, commandReplies, eventEnvelope, FORM, formBody, messageEvent, send, slashCommand } from './requests';

const ALICE = 'U0ALICE0001';
const BOB = 'U0BOB000001';
let h: Harness;
let app: App;
let closeDb: () => Promise<void>;
let now: Date;
let seq = 0;
let timers: ManualTimers;

// each test starts from a fresh workspace and tells the stories it needs
beforeEach(async () => {
  now = new Date('2026-03-02T08:00:00Z');
  timers = new ManualTimers(() => now);
  const opened = await openDb();
  closeDb = opened.close;
  const adapters = new AdapterSet();
  h = await startSlack({ db: opened.db, handler: (e) => app.handle(e), env: { FEEDBACK_QUIET_SECONDS: '3' } });
  h.fake.addUser({ id: ALICE, name: 'Alice Moreau' }).addUser({ id: BOB, name: 'Bob Okafor' });
  adapters.add(h.adapter);
  app = buildApp({
    config: h.config,
    logger: silentLogger(),
    db: opened.db,
    guides: new GuideLibrary(STORY_GUIDES),
    adapters,
    clock: () => now,
    timers,
  });
});

afterEach(async () => {
  await h.close();
  await closeDb();
});

const tsNow = () => `${Math.floor(now.getTime() / 1000)}.${String(++seq).padStart(6, '0')}`;

async function slash(user: string, text: string): Promise<string> {
  const id = `r${++seq}`;
  const cmd = slashCommand(text, {
    user_id: user,
    user_name: user.toLowerCase(),
    responseId: id,
    responseBase: h.fake.responseUrl(''),
  });
  const res = await send(h.port, formBody(cmd), FORM);
  await h.adapter.idle();
  return commandReplies(res, h.fake.responses, id)
    .map((r) => `${r.text}\n${JSON.stringify(r.blocks ?? [])}`)
    .join('\n');
}

async function reply(user: string, threadTs: string, text: string): Promise<void> {
  await send(
    h.port,
    JSON.stringify(eventEnvelope(messageEvent({ user, text, ts: tsNow(), thread_ts: threadTs }))),
    'application/json',
  );
  await h.adapter.idle();
}

/** Posts a question from one employer; returns its ts (the thread). */
async function ask(user: string, employer: string): Promise<string> {
  now = new Date(now.getTime() + 60_000);
  expect(await slash(user, `question ${employer}`)).toMatch(/Posted a/);
  return h.fake.messages.filter((m) => m.channel === CHANNEL && !m.thread_ts).at(-1)?.ts ?? '';
}

const feedbackTo = (user: string) =>
  h.fake
    .callsTo('chat.postEphemeral')
    .filter((c) => c.args.user === user && /Feedback on your answer/.test(JSON.stringify(c.args)));

describe('issue 15 on Slack', () => {
  it('three quick replies give one feedback, after the quiet period, that reads all three', async () => {
    const thread = await ask(ALICE, 'conflictco');
    const [s1, s2, s3] = CONFLICT_STORY.split(/(?<=\.) (?=My task|As a result)/);
    await reply(ALICE, thread, s1 ?? '');
    now = new Date(now.getTime() + 1_000);
    await reply(ALICE, thread, s2 ?? '');
    now = new Date(now.getTime() + 1_000);
    await reply(ALICE, thread, s3 ?? '');
    expect(feedbackTo(ALICE)).toHaveLength(0);
    now = new Date(now.getTime() + 3_000);
    await timers.runDue();
    await h.adapter.idle();
    const sent = feedbackTo(ALICE);
    expect(sent).toHaveLength(1);
    const body = JSON.stringify(sent[0]?.args);
    expect(sent[0]?.args).toMatchObject({ channel: CHANNEL, thread_ts: thread });
    expect(body).toContain('Last year at my previous job I disagreed');
    expect(body).toContain('My task was to get the release out safely');
    expect(body).toContain('As a result we shipped with zero incidents');
  });

  it('lists both stories with competencies and a gap, and whispers a fitting story to its teller alone', async () => {
    for (const [employer, story] of [
      ['conflictco', CONFLICT_STORY],
      ['customerco', CUSTOMER_STORY],
    ] as const) {
      await reply(ALICE, await ask(BOB, employer), story);
      now = new Date(now.getTime() + 3_000);
      await timers.runDue();
      await h.adapter.idle();
    }
    const bank = await slash(ALICE, 'stories');
    expect(bank).toContain('Your story bank: 2 stories');
    expect(bank).toContain('Conflict (you wrote “disagreed”)');
    expect(bank).toContain('Ownership (you wrote “responsible”)');
    expect(bank).toContain('Prioritisation');
    expect(bank).toContain('Competencies with no story yet');

    const before = h.fake.callsTo('chat.postEphemeral').length;
    await ask(BOB, 'tensionco');
    const whispers = h.fake
      .callsTo('chat.postEphemeral')
      .slice(before)
      .filter((c) => /A story from your bank fits this question/.test(JSON.stringify(c.args)));
    expect(whispers.map((c) => c.args.user)).toEqual([ALICE]);
    expect(JSON.stringify(whispers[0]?.args)).toContain('Story 1, “Last year at my previous job I disagreed');
  });
});
