// The whole bot through the real Bolt stack: signed requests to the real HTTP
// receiver on 127.0.0.1, the real core on an in-memory database, and a fake Slack
// Web API that records what members would have seen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { PlatformError } from '../../src/chat/errors';
import { loadGuides } from '../../src/guides/load';
import { silentLogger } from '../../src/logger';
import { type Harness, openDb, startSlack } from './harness';
import {
  ackReply,
  blocksText,
  buttonClick,
  CHANNEL,
  commandReplies,
  eventEnvelope,
  FORM,
  formBody,
  interactionBody,
  messageChanged,
  messageDeleted,
  messageEvent,
  send,
  slashCommand,
  TEAM,
  viewSubmission,
} from './requests';

const ANSWER_1 =
  'Last spring at my previous job our checkout service was failing during peak sales and customers were abandoning orders. As the on-call lead, my goal was to stop the outages before the holiday launch.';
const ANSWER_2 =
  'I profiled the service and found a slow database query, then I added an index and a cache in front of it. As a result, checkout errors dropped from 4% to 0.2% and we handled twice the traffic at launch.';
const NO_RESULT =
  'In 2023 at Acme our team was behind on a data migration for a hospital client. I was responsible for moving the patient records safely. I wrote validation scripts and ran the migration in small batches over a weekend.';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const SAM = 'U0SAMADMIN';
const CH = `slack:${TEAM}:${CHANNEL}`;

const { library } = loadGuides('content/guides');

// Every test starts from a fresh workspace (its own database, fake Slack and app) and
// builds what it needs, so the tests pass in any order.
let h: Harness;
let app: App;
let closeDb: () => Promise<void>;
let now: Date;
let seq = 0;

beforeEach(async () => {
  now = new Date('2026-03-02T08:00:00Z'); // a Monday
  const opened = await openDb();
  closeDb = opened.close;
  const adapters = new AdapterSet();
  h = await startSlack({
    db: opened.db,
    handler: (e) => app.handle(e),
    adapter: { homeView: (ws, user) => app.homeView(ws, user) },
  });
  h.fake
    .addUser({ id: ALICE, name: 'Alice Moreau' })
    .addUser({ id: BOB, name: 'Bob Okafor' })
    .addUser({ id: SAM, name: 'Sam Lee', isAdmin: true });
  adapters.add(h.adapter);
  app = buildApp({
    config: h.config,
    logger: silentLogger(),
    db: opened.db,
    guides: library,
    adapters,
    clock: () => now,
  });
});

afterEach(async () => {
  await h.close();
  await closeDb();
});

const tsNow = () => `${Math.floor(now.getTime() / 1000)}.${String(++seq).padStart(6, '0')}`;

/** Runs /prep as `user`; returns what Slack showed them through the command's response_url. */
async function slash(
  user: string,
  text: string,
): Promise<{ status: number; replies: { text: string; blocks?: unknown[] }[] }> {
  const id = `r${++seq}`;
  const cmd = slashCommand(text, {
    user_id: user,
    user_name: user.toLowerCase(),
    responseId: id,
    responseBase: h.fake.responseUrl(''),
  });
  const res = await send(h.port, formBody(cmd), FORM);
  await h.adapter.idle();
  return { status: res.status, replies: commandReplies(res, h.fake.responses, id) };
}

async function event(payload: { type: string; [key: string]: unknown }, retryNum?: number): Promise<number> {
  const res = await send(h.port, JSON.stringify(eventEnvelope(payload)), 'application/json', { retryNum });
  await h.adapter.idle();
  return res.status;
}

async function interact(payload: unknown): Promise<{ status: number; body: string }> {
  const res = await send(h.port, interactionBody(payload), FORM);
  await h.adapter.idle();
  return res;
}

async function reply(user: string, threadTs: string, text: string): Promise<string> {
  const ts = tsNow();
  await event(messageEvent({ user, text, ts, thread_ts: threadTs }));
  return ts;
}

const ephemeralsTo = (user: string) => h.fake.callsTo('chat.postEphemeral').filter((c) => c.args.user === user);
const lastEphemeral = (user: string) => ephemeralsTo(user).at(-1)?.args;
const postsIn = (channel: string, thread?: string) =>
  h.fake.messages.filter((m) => m.channel === channel && (thread ? m.thread_ts === thread : !m.thread_ts));
const reactionsOn = (ts: string) =>
  h.fake
    .callsTo('reactions.add')
    .filter((c) => c.args.timestamp === ts)
    .map((c) => String(c.args.name))
    .sort();

/** Posts a CHOP question into the channel; returns its ts and the post id its STAR form button carries. */
async function askQuestion(): Promise<{ ts: string; postId: string }> {
  const before = postsIn(CHANNEL).length;
  await slash(ALICE, 'question CHOP behavioral');
  const q = postsIn(CHANNEL)[before];
  const actions = q?.blocks?.find((b) => b.type === 'actions') as { elements: { value: string }[] } | undefined;
  now = new Date(now.getTime() + 10 * 60_000);
  return { ts: q?.ts ?? '', postId: actions?.elements[0]?.value ?? '' };
}

/** Clicks a question's STAR form button as `user`; returns the modal Slack was asked to open. */
async function openForm(user: string, question: { ts: string; postId: string }) {
  const click = await interact(
    buttonClick(
      { action_id: 'starling_star_form', value: question.postId },
      { ts: question.ts, text: 'Tell me about a time' },
      { user },
    ),
  );
  const opened = h.fake.callsTo('views.open').at(-1);
  const view = opened?.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string }[] };
  return { status: click.status, triggerId: opened?.args.trigger_id, view };
}

describe('lookups answer privately', () => {
  it('/prep help lists every command', async () => {
    const { status, replies } = await slash(ALICE, 'help');
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    for (const name of app.registry.list().map((c) => c.name)) expect(replies[0]?.text).toContain(name);
    expect(postsIn(CHANNEL)).toHaveLength(0);
  });

  it('a reply ready at once travels in the acknowledgement itself, with nothing after it', async () => {
    await slash(ALICE, 'help'); // Alice is known now: her reply needs no call to Slack
    const id = `r${++seq}`;
    const cmd = slashCommand('help', { user_id: ALICE, responseId: id, responseBase: h.fake.responseUrl('') });
    const ack = await send(h.port, formBody(cmd), FORM);
    await h.adapter.idle();
    expect(ackReply(ack)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/prep tips') });
    expect(h.fake.responses.filter((r) => r.id === id)).toHaveLength(0);
    // the page travels once, as blocks: Slack reads them aloud when no `text` repeats them
    const body = JSON.parse(ack.body) as { text?: string; blocks: { type: string }[] };
    expect(body.text).toBeUndefined();
    expect(body.blocks[0]?.type).toBe('header');
    expect(ack.body.split('/prep tips').length - 1).toBe(blocksText(body.blocks).split('/prep tips').length - 1);
  });

  it('a reply that must wait on Slack follows an empty acknowledgement through response_url', async () => {
    const id = `r${++seq}`;
    // a member never seen before: who they are (an admin?) is asked of Slack first
    const cmd = slashCommand('help', { user_id: 'U0NEWCOMER', responseId: id, responseBase: h.fake.responseUrl('') });
    const ack = await send(h.port, formBody(cmd), FORM);
    expect(ack.status).toBe(200);
    expect(ackReply(ack)).toBeUndefined();
    await h.adapter.idle();
    const later = h.fake.responses.filter((r) => r.id === id);
    expect(later).toHaveLength(1);
    expect(later[0]?.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/prep tips') });
  });

  it('/prep employers lists the guides', async () => {
    const { replies } = await slash(ALICE, 'employers');
    expect(replies[0]?.text).toContain("Children's Hospital of Philadelphia");
    expect(replies[0]?.text).toContain('Harvard Medical School');
  });

  it('/prep tips CHOP shows the employer tips; an unknown employer is refused with an example', async () => {
    const tips = await slash(ALICE, 'tips CHOP');
    const text = tips.replies.map((r) => r.text).join('\n');
    expect(text).toContain("Children's Hospital of Philadelphia");
    const bad = await slash(ALICE, 'tips Initech');
    expect(bad.replies[0]?.text).toMatch(/Initech/);
    expect(bad.replies[0]?.text).toMatch(/Try:/);
  });

  it('an unknown subcommand suggests what exists', async () => {
    const { replies } = await slash(ALICE, 'tipz CHOP');
    expect(replies[0]?.text).toContain('/prep tips');
  });
});

describe('a question, answers in its thread, edits and deletions', () => {
  it('/prep question posts the question into the channel with the STAR form button', async () => {
    const { replies } = await slash(ALICE, 'question CHOP behavioral');
    const posted = postsIn(CHANNEL);
    expect(posted).toHaveLength(1);
    const q = posted[0];
    expect(q?.blocks?.[0]).toMatchObject({ type: 'header' });
    expect(q?.text).toMatch(/Children's Hospital of Philadelphia|Answer in this thread/);
    const actions = q?.blocks?.find((b) => b.type === 'actions') as {
      elements: { action_id: string; value: string }[];
    };
    expect(actions.elements[0]?.action_id).toBe('starling_star_form');
    expect(actions.elements[0]?.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(replies[0]?.text).toMatch(/Posted a .*question/);
  });

  it('a reply in the thread is read as an answer: private feedback in the thread and a public marker', async () => {
    const q = await askQuestion();
    const first = await reply(ALICE, q.ts, ANSWER_1);
    await reply(ALICE, q.ts, ANSWER_2);
    const feedback = ephemeralsTo(ALICE);
    expect(feedback).toHaveLength(2);
    expect(feedback[1]?.args).toMatchObject({ channel: CHANNEL, thread_ts: q.ts });
    expect(String(feedback[1]?.args.text)).toContain('6 of 6');
    expect(reactionsOn(first)).toEqual([
      'regional_indicator_a',
      'regional_indicator_r',
      'regional_indicator_s',
      'regional_indicator_t',
    ]);
    // Feedback never appears publicly.
    expect(postsIn(CHANNEL, q.ts)).toHaveLength(0);
  });

  it('an edit re-reads the answer and says what changed', async () => {
    const q = await askQuestion();
    const bobTs = await reply(BOB, q.ts, NO_RESULT);
    expect(reactionsOn(bobTs)).not.toContain('regional_indicator_r');
    const before = { user: BOB, text: NO_RESULT, ts: bobTs, thread_ts: q.ts };
    await event(
      messageChanged(CHANNEL, before, {
        ...before,
        text: `${NO_RESULT} As a result, we finished two days early with zero lost records.`,
      }),
    );
    expect(String(lastEphemeral(BOB)?.text)).toContain('Updated after your edit');
    expect(reactionsOn(bobTs)).toContain('regional_indicator_r');
  });

  it('an ephemeral feedback cannot be updated: the edit sends a new one that says what changed', async () => {
    const q = await askQuestion();
    const bobTs = await reply(BOB, q.ts, `${NO_RESULT} Then I told my manager.`);
    const shown = ephemeralsTo(BOB).length;
    const before = { user: BOB, text: `${NO_RESULT} Then I told my manager.`, ts: bobTs, thread_ts: q.ts };
    await event(messageChanged(CHANNEL, before, { ...before, text: `${NO_RESULT} As a result, we finished early.` }));
    expect(ephemeralsTo(BOB)).toHaveLength(shown + 1);
    expect(String(lastEphemeral(BOB)?.text)).toMatch(/Updated after your edit[\s\S]*What your edit changed/);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('public feedback is a real message: an edit updates it with chat.update', async () => {
    const q = await askQuestion();
    await slash(SAM, 'settings feedback public');
    const samTs = await reply(SAM, q.ts, NO_RESULT);
    const feedback = postsIn(CHANNEL, q.ts).find((m) => m.text.includes('Feedback on your answer'));
    expect(feedback?.text).toContain('4 of 6');
    const posted = postsIn(CHANNEL, q.ts).length;
    const before = { user: SAM, text: NO_RESULT, ts: samTs, thread_ts: q.ts };
    await event(messageChanged(CHANNEL, before, { ...before, text: `${NO_RESULT} As a result, we finished early.` }));
    const update = h.fake.callsTo('chat.update').at(-1)?.args;
    expect(update).toMatchObject({ channel: CHANNEL, ts: feedback?.ts });
    expect(String(update?.text)).toMatch(/Updated after your edit[\s\S]*What your edit changed/);
    expect(postsIn(CHANNEL, q.ts)).toHaveLength(posted);

    // the feedback message is gone (Slack answers message_not_found): a new one says what changed
    h.fake.fail('chat.update', { error: 'message_not_found' }, 1);
    const after = { ...before, text: `${NO_RESULT} As a result, we finished early.` };
    await event(messageChanged(CHANNEL, after, { ...after, text: NO_RESULT }));
    const anew = postsIn(CHANNEL, q.ts).slice(posted);
    expect(anew).toHaveLength(1);
    expect(anew[0]?.text).toMatch(/Updated after your edit[\s\S]*What your edit changed/);
  });

  it('a deletion removes the answer', async () => {
    const q = await askQuestion();
    const ts = await reply(BOB, q.ts, 'I usually stay calm and I would listen to everyone.');
    const count = async () =>
      (await h.db.selectFrom('answer_messages').select('ref').where('ref', '=', `${CH}:${ts}`).execute()).length;
    expect(await count()).toBe(1);
    await event(messageDeleted(CHANNEL, { user: BOB, text: 'x', ts, thread_ts: q.ts }));
    expect(await count()).toBe(0);
  });

  it('the same event delivered twice is read once', async () => {
    const q = await askQuestion();
    const envelope = eventEnvelope(messageEvent({ user: SAM, text: ANSWER_1, ts: tsNow(), thread_ts: q.ts }));
    for (const retryNum of [undefined, 1, 2]) {
      await send(h.port, JSON.stringify(envelope), 'application/json', { retryNum });
      await h.adapter.idle();
    }
    expect(ephemeralsTo(SAM)).toHaveLength(1);
    const rows = await h.db.selectFrom('answers').selectAll().where('user_id', '=', SAM).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('the STAR form', () => {
  it('button opens a modal; submitting posts the answer in the thread attributed to the member', async () => {
    const q = await askQuestion();
    const { status, triggerId, view } = await openForm(BOB, q);
    expect(status).toBe(200);
    expect(triggerId).toEqual(expect.any(String));
    expect(view.blocks.filter((b) => b.block_id).map((b) => b.block_id)).toEqual([
      'situation',
      'task',
      'action',
      'result',
    ]);

    // Submitting nothing keeps the modal open with a reason.
    const empty = await interact(viewSubmission(view, {}, { user: BOB }));
    expect(JSON.parse(empty.body)).toMatchObject({ response_action: 'errors' });

    const done = await interact(
      viewSubmission(
        view,
        {
          situation: 'Last year at my previous job our nightly data import kept failing.',
          task: 'I was responsible for making it reliable before the audit.',
          action: 'I added retries and alerts, then I rewrote the parser and tested it on a year of files.',
          result: 'As a result, failures dropped from 12 a month to zero and the audit passed.',
        },
        { user: BOB },
      ),
    );
    expect(done.status).toBe(200);
    expect(done.body).toBe('');
    const inThread = postsIn(CHANNEL, q.ts);
    expect(inThread).toHaveLength(1);
    expect(inThread[0]?.text).toContain('Bob Okafor');
    expect(inThread[0]?.text).toContain('failures dropped from 12 a month to zero');
    expect(lastEphemeral(BOB)).toMatchObject({ thread_ts: q.ts });
  });

  it('a form that cannot be posted in its thread tells the member to invite the bot, not a vague apology', async () => {
    const q = await askQuestion();
    const { view } = await openForm(ALICE, q);
    h.fake.fail('chat.postMessage', { error: 'channel_not_found' }, 1, (a) => a.thread_ts === q.ts);
    await interact(
      viewSubmission(
        view,
        { situation: 'At my last job the build was slow.', action: 'I cached it.' },
        { user: ALICE },
      ),
    );
    const shown = ephemeralsTo(ALICE);
    expect(shown).toHaveLength(1);
    expect(String(shown[0]?.args.text)).toContain('/invite @Starling');
  });
});

describe('member commands', () => {
  it('/prep me, /prep leaderboard and /prep summary answer privately', async () => {
    const q = await askQuestion();
    await reply(ALICE, q.ts, `${ANSWER_1} ${ANSWER_2}`);
    const me = await slash(ALICE, 'me');
    expect(me.replies[0]?.text).toMatch(/Answers given:\* 1/);
    const board = await slash(BOB, 'leaderboard');
    expect(board.replies[0]?.text).toContain('Alice Moreau');
    const other = await slash(BOB, `summary <@${ALICE}|alice>`);
    expect(other.replies[0]?.text).toMatch(/Only admins/);
    const admin = await slash(SAM, `summary <@${ALICE}|alice>`);
    expect(admin.replies[0]?.text).toContain('Alice Moreau');
  });

  it('/prep retry and /prep snooze confirm privately', async () => {
    const retry = await slash(ALICE, 'retry');
    expect(retry.replies[0]?.text).toMatch(/retry|answer/i);
    const snooze = await slash(BOB, 'snooze 3');
    expect(snooze.replies[0]?.text).toMatch(/3 days|snooze/i);
    const bad = await slash(BOB, 'snooze forever');
    expect(bad.replies[0]?.text).toMatch(/Try:/);
  });

  it('/prep settings shows the channel settings; only admins change them', async () => {
    const show = await slash(ALICE, 'settings');
    expect(show.replies[0]?.text).toMatch(/feedback/);
    const refused = await slash(ALICE, 'settings feedback public');
    expect(refused.replies[0]?.text).toMatch(/admin/i);
  });

  it('/prep export sends the files to a direct message and says so', async () => {
    const q = await askQuestion();
    await reply(ALICE, q.ts, ANSWER_1);
    const { replies } = await slash(ALICE, 'export');
    expect(h.fake.callsTo('conversations.open').at(-1)?.args.users).toBe(ALICE);
    expect(h.fake.uploads.map((u) => u.filename).sort()).toEqual([
      expect.stringMatching(/\.json$/),
      expect.stringMatching(/\.md$/),
    ]);
    expect(h.fake.uploads.every((u) => u.bytes > 100)).toBe(true);
    const complete = h.fake.callsTo('files.completeUploadExternal').at(-1);
    expect(complete?.args.channel_id).toBe(`D${ALICE}`);
    expect(replies[0]?.text).toContain('direct messages');
  });

  it('/prep forget-me asks with buttons; confirming deletes the data', async () => {
    for (const answer of [ANSWER_1, NO_RESULT]) await reply(BOB, (await askQuestion()).ts, answer);
    await reply(ALICE, (await askQuestion()).ts, ANSWER_2);
    const ask = await slash(BOB, 'forget-me');
    const actions = ask.replies[0]?.blocks?.find((b) => (b as { type: string }).type === 'actions') as {
      elements: { action_id: string; value: string; style?: string }[];
    };
    const yes = actions.elements.find((e) => e.style === 'danger');
    expect(yes?.action_id).toEqual(expect.any(String));
    const responseId = `r${++seq}`;
    await interact(
      buttonClick(
        { action_id: yes?.action_id ?? '', value: yes?.value },
        { ts: tsNow() },
        { user: BOB, responseUrl: h.fake.responseUrl(responseId), ephemeral: true },
      ),
    );
    const done = h.fake.responses.filter((r) => r.id === responseId);
    expect(done[0]?.body.text).toMatch(/Deleted 2 answers/);
    // The confirmation (an ephemeral message) is replaced, so it cannot be pressed twice.
    expect(done[0]?.body.replace_original).toBe(true);
    expect(await h.db.selectFrom('answers').selectAll().where('user_id', '=', BOB).execute()).toHaveLength(0);
    expect(await h.db.selectFrom('answers').selectAll().where('user_id', '=', ALICE).execute()).toHaveLength(1);
  });
});

describe('App Home', () => {
  const openHome = async () => {
    await event({ type: 'app_home_opened', user: ALICE, channel: 'D0HOME', tab: 'home', event_ts: tsNow() });
    const published = h.fake.callsTo('views.publish').at(-1);
    expect(published?.args.user_id).toBe(ALICE);
    const view = published?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    return JSON.stringify(view.blocks);
  };

  it('a member who has not answered yet is shown how to start', async () => {
    expect(await openHome()).toContain('/prep question');
  });

  it('after an answer the Home tab publishes the member summary', async () => {
    await reply(ALICE, (await askQuestion()).ts, `${ANSWER_1} ${ANSWER_2}`);
    expect(await openHome()).toContain('Answers given');
  });
});

describe('the daily question and Slack refusing', () => {
  it('only admins set a schedule; the tick posts the question with its idempotency key', async () => {
    const refused = await slash(ALICE, 'schedule 09:00 UTC weekdays');
    expect(refused.replies[0]?.text).toMatch(/admin/i);
    const set = await slash(SAM, 'schedule 09:00 UTC weekdays CHOP');
    expect(set.status).toBe(200);
    const confirm = postsIn(CHANNEL);
    expect(confirm).toHaveLength(1);
    expect(confirm[0]?.text).toContain('09:00');
    const shown = await slash(ALICE, 'schedule');
    expect(shown.replies[0]?.text).toContain('09:00');

    now = new Date('2026-03-03T09:00:20Z');
    await app.tick(now);
    const daily = postsIn(CHANNEL).slice(1);
    expect(daily).toHaveLength(1);
    expect(daily[0]?.metadata?.event_type).toBe('starling_post');
    expect(daily[0]?.text).toContain("Children's Hospital of Philadelphia");
    // The post carries its occurrence id, so a replica that re-claims the occurrence finds it.
    const key = String(daily[0]?.metadata?.event_payload.key);
    expect(await h.adapter.findPosted(CH, key)).toEqual({
      ref: `${CH}:${daily[0]?.ts}`,
      threadRef: `${CH}:${daily[0]?.ts}`,
    });
    expect(h.fake.callsTo('conversations.history').at(-1)?.args).toMatchObject({
      channel: CHANNEL,
      include_all_metadata: 'true',
    });
    expect(await h.adapter.findPosted(CH, 'some-other-occurrence')).toBeUndefined();
  });

  it.each([
    ['not_in_channel', /not_in_channel|invite/i],
    ['is_archived', /archived/],
    ['account_inactive', /account_inactive/],
  ])('a channel that refuses with %s pauses its schedule and tells whoever set it', async (code, why) => {
    await slash(SAM, 'schedule 10:00 UTC weekdays');
    const set = await h.db.selectFrom('schedules').selectAll().where('channel_ref', '=', CH).executeTakeFirst();
    expect(set?.paused).toBe(0);
    h.fake.fail('chat.postMessage', { error: code }, 1, (a) => a.channel === CHANNEL);
    now = new Date('2026-03-03T10:00:10Z');
    await app.tick(now);
    const schedule = await h.db.selectFrom('schedules').selectAll().where('channel_ref', '=', CH).executeTakeFirst();
    expect(schedule?.paused).toBe(1);
    expect(schedule?.paused_reason).toMatch(why);
    expect(h.fake.callsTo('conversations.open').at(-1)?.args.users).toBe(SAM);
    const dms = h.fake.messages.filter((m) => m.channel === `D${SAM}`);
    expect(dms).toHaveLength(1);
    expect(dms[0]?.text).toMatch(/paused/i);
  });

  it('a command Slack refuses with account_inactive tells the member to have the app reinstalled', async () => {
    h.fake.fail('chat.postMessage', { error: 'account_inactive' }, 1, (a) => a.channel === 'C0ELSEWHERE');
    const id = `r${++seq}`;
    const cmd = slashCommand('question', {
      user_id: ALICE,
      channel_id: 'C0ELSEWHERE',
      responseId: id,
      responseBase: h.fake.responseUrl(''),
    });
    const ack = await send(h.port, formBody(cmd), FORM);
    await h.adapter.idle();
    const shown = commandReplies(ack, h.fake.responses, id).map((r) => r.text);
    expect(shown).toEqual([expect.stringMatching(/account_inactive.*reinstall/s)]);
  });

  it('a public command reply where the bot is not a member tells the user to invite it', async () => {
    await slash(SAM, 'schedule 10:00 UTC weekdays');
    h.fake.fail('chat.postMessage', { error: 'not_in_channel' }, 1);
    const { replies } = await slash(SAM, 'schedule delete');
    expect(replies.at(-1)?.text).toMatch(/invite/i);
  });

  it('/prep question where the bot is not a member explains how to invite it, and records no question', async () => {
    h.fake.fail('chat.postMessage', { error: 'not_in_channel' }, 1, (a) => a.channel === 'C0ELSEWHERE');
    const id = `r${++seq}`;
    const cmd = slashCommand('question', {
      user_id: ALICE,
      channel_id: 'C0ELSEWHERE',
      responseId: id,
      responseBase: h.fake.responseUrl(''),
    });
    const ack = await send(h.port, formBody(cmd), FORM);
    await h.adapter.idle();
    const shown = commandReplies(ack, h.fake.responses, id).map((r) => r.text);
    expect(shown).toEqual([expect.stringMatching(/invite/i)]);
    expect(await h.db.selectFrom('posts').select('id').execute()).toHaveLength(0);
  });

  it('a short 429 is waited out and retried once; a long one reaches the core as rate_limited', async () => {
    h.fake.fail('chat.postMessage', { status: 429, retryAfter: 0 }, 1);
    const ok = await h.adapter.post(CH, { text: 'hello after a pause' });
    expect(ok.ref).toMatch(/^slack:T0STUDY01:C0PRACTICE:\d+\.\d+$/);
    h.fake.fail('chat.postMessage', { status: 429, retryAfter: 120 }, 1);
    const started = Date.now();
    const err = await h.adapter.post(CH, { text: 'too fast' }).catch((e) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 120_000 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('Slack errors on replies are logged, never crash the receiver', async () => {
    const q = await askQuestion();
    h.fake.fail('chat.postEphemeral', { error: 'account_inactive' }, 5);
    const status = await event(messageEvent({ user: ALICE, text: ANSWER_1, ts: tsNow(), thread_ts: q.ts }));
    expect(status).toBe(200);
    const after = await slash(ALICE, 'help');
    expect(after.replies).toHaveLength(1);
  });
});
