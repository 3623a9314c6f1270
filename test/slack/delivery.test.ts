// Posting through Slack's failures, with the real core and the real Bolt stack: a
// message Slack stored before an error is never posted twice, a refused connection is
// sent again, and feedback Slack rate-limited for longer than a moment still arrives.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { PlatformError } from '../../src/chat/errors';
import { loadGuides } from '../../src/guides/load';
import { silentLogger } from '../../src/logger';
import { FakeSlack } from './fake-slack';
import { type Harness, openDb, startSlack } from './harness';
import {
  BOT_TOKEN,
  BOT_USER,
  CHANNEL,
  commandReplies,
  eventEnvelope,
  FORM,
  formBody,
  messageEvent,
  type ShownReply,
  send,
  slashCommand,
  TEAM,
} from './requests';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const SAM = 'U0SAMADMIN';
const CH = `slack:${TEAM}:${CHANNEL}`;
const ANSWER =
  'Last spring at my previous job our checkout service was failing during peak sales. As the on-call lead, my goal was to stop the outages before launch. I profiled the service and added an index and a cache. As a result, checkout errors dropped from 4% to 0.2%.';

let h: Harness;
let app: App;
let closeDb: () => Promise<void>;
let now = new Date('2026-03-02T08:00:00Z'); // a Monday
let seq = 0;

/** Every wait the adapter asked for (retry backoff, rate limits), in ms. */
let waits: number[] = [];
/** What a wait does; by default it returns at once. */
let onWait: (ms: number) => Promise<void> = async () => {};

beforeAll(async () => {
  const opened = await openDb();
  closeDb = opened.close;
  const adapters = new AdapterSet();
  const fake = new FakeSlack();
  fake.keepAlive = false;
  await fake.start();
  fake.addTeam(BOT_TOKEN, TEAM, BOT_USER, 'B0STARLING');
  h = await startSlack({
    fake,
    db: opened.db,
    handler: (e) => app.handle(e),
    adapter: {
      // Two quick retries, as in production, so that a blind re-send would show.
      retryConfig: { retries: 2, factor: 1, minTimeout: 1, maxTimeout: 1 },
      sleep: (ms) => {
        waits.push(ms);
        return onWait(ms);
      },
    },
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
    guides: loadGuides('content/guides').library,
    adapters,
    clock: () => now,
  });
});

afterAll(async () => {
  await h.close();
  await h.fake.stop();
  await closeDb();
});

beforeEach(() => {
  waits = [];
  onWait = async () => {};
});

const tsNow = () => `${Math.floor(now.getTime() / 1000)}.${String(++seq).padStart(6, '0')}`;

/** Sends /prep as `user`; `settle` false returns once Slack has its ack, before the work is done. */
/** Runs /prep as `user`; returns what Slack showed them, once the work behind it is done if `settle`. */
async function slash(user: string, text: string, settle = true): Promise<() => ShownReply[]> {
  const id = `r${++seq}`;
  const cmd = slashCommand(text, { user_id: user, responseId: id, responseBase: h.fake.responseUrl('') });
  const ack = await send(h.port, formBody(cmd), FORM);
  if (settle) await h.adapter.idle();
  return () => commandReplies(ack, h.fake.responses, id);
}

/** Posts a member's message in a thread; returns its ts. */
async function reply(user: string, threadTs: string, text: string, settle = true): Promise<string> {
  const ts = tsNow();
  await send(
    h.port,
    JSON.stringify(eventEnvelope(messageEvent({ user, text, ts, thread_ts: threadTs }))),
    'application/json',
  );
  if (settle) await h.adapter.idle();
  return ts;
}

/** Resolves once `check` holds; for work that must finish while something else is held back. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const keyedPosts = () => h.fake.messages.filter((m) => m.channel === CHANNEL && m.metadata);
const keyedCalls = () => h.fake.callsTo('chat.postMessage').filter((c) => c.args.metadata);
const ephemeralsTo = (user: string) => h.fake.callsTo('chat.postEphemeral').filter((c) => c.args.user === user);

describe('a post Slack stored before an error', () => {
  it('a scheduled question answered 502 after Slack stored it is posted once; the next attempt finds and records it', async () => {
    await slash(SAM, 'schedule 09:00 UTC weekdays CHOP');
    h.fake.fail('chat.postMessage', { status: 502, afterStoring: true }, 1, (a) => Boolean(a.metadata));

    now = new Date('2026-03-03T09:00:20Z');
    await app.tick(now);
    expect(keyedCalls()).toHaveLength(1);
    expect(keyedPosts()).toHaveLength(1);
    const posted = keyedPosts()[0];
    // The core heard a failure, so nothing is recorded yet and the occurrence waits to be tried again.
    expect(await h.db.selectFrom('posts').selectAll().where('kind', '=', 'daily').execute()).toHaveLength(0);

    // The scheduler backs off a minute, re-claims the occurrence, and looks before posting.
    const historyReads = h.fake.callsTo('conversations.history').length;
    now = new Date('2026-03-03T09:02:00Z');
    await app.tick(now);
    expect(h.fake.callsTo('conversations.history').length).toBe(historyReads + 1);
    expect(keyedCalls()).toHaveLength(1);
    expect(keyedPosts()).toHaveLength(1);
    const recorded = await h.db.selectFrom('posts').selectAll().where('kind', '=', 'daily').execute();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.message_ref).toBe(`${CH}:${posted?.ts}`);
    const occurrence = await h.db
      .selectFrom('occurrences')
      .selectAll()
      .where('due_at', '=', Date.parse('2026-03-03T09:00:00Z'))
      .executeTakeFirst();
    expect(occurrence).toMatchObject({ status: 'posted', post_id: recorded[0]?.id, attempts: 2 });

    // Answers in the thread of the message members saw count.
    await reply(ALICE, posted?.ts ?? '', ANSWER);
    const feedback = ephemeralsTo(ALICE).at(-1)?.args;
    expect(feedback).toMatchObject({ channel: CHANNEL, thread_ts: posted?.ts });
    expect(String(feedback?.text)).toMatch(/Feedback on your answer/);
    const answers = await h.db
      .selectFrom('answers')
      .selectAll()
      .where('post_id', '=', recorded[0]?.id ?? '')
      .execute();
    expect(answers.map((a) => a.user_id)).toEqual([ALICE]);
  });

  it('an ordinary post answered 502 after Slack stored it is not sent again; the caller hears it failed', async () => {
    h.fake.fail('chat.postMessage', { status: 502, afterStoring: true }, 1);
    const err = await h.adapter.post(CH, { text: 'This week in the study group' }).catch((e) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'other', code: 'http_502' });
    expect(h.fake.messages.filter((m) => m.text.includes('This week in the study group'))).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe('a connection Slack never saw', () => {
  /** Slack is down until the adapter's first wait, then back on the same port. */
  async function slackDownUntilFirstRetry(): Promise<void> {
    await h.fake.stop();
    let down = true;
    onWait = async () => {
      if (down) await h.fake.start(h.fake.port);
      down = false;
    };
  }

  it('an ordinary post whose connection was refused is sent again and appears once', async () => {
    await slackDownUntilFirstRetry();
    const posted = await h.adapter.post(CH, { text: 'Retried after a refused connection' });
    expect(waits).toHaveLength(1);
    const shown = h.fake.messages.filter((m) => m.text.includes('Retried after a refused connection'));
    expect(shown).toHaveLength(1);
    expect(posted.ref).toBe(`${CH}:${shown[0]?.ts}`);
  });

  it('a scheduled post whose connection was refused is left to the scheduler, which looks before posting', async () => {
    await h.fake.stop();
    const err = await h.adapter
      .post(CH, { text: 'Question of the day', idempotencyKey: 'occ-refused' })
      .catch((e) => e);
    expect(err).toMatchObject({ kind: 'other', code: 'request_failed' });
    expect(waits).toEqual([]);
    await h.fake.start(h.fake.port);
    expect(await h.adapter.findPosted(CH, 'occ-refused')).toBeUndefined();
  });
});

describe('rate-limited replies', () => {
  let questionTs = '';

  // each test answers a question of its own
  beforeEach(async () => {
    await slash(ALICE, 'question CHOP behavioral');
    questionTs = h.fake.messages.filter((m) => m.channel === CHANNEL && !m.thread_ts && !m.metadata).at(-1)?.ts ?? '';
    expect(questionTs).toMatch(/^\d+\.\d+$/);
    waits = [];
  });

  it('feedback Slack rate-limits for 30 s arrives after the wait, which holds up nobody else', async () => {
    const bobBefore = ephemeralsTo(BOB).length;

    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    onWait = () => held;
    h.fake.fail('chat.postEphemeral', { status: 429, retryAfter: 30 }, 1, (a) => a.user === BOB);
    await reply(BOB, questionTs, ANSWER, false);
    await until(() => waits.length === 1, 'the rate-limited feedback to wait');
    expect(waits).toEqual([30_000]);
    // The answer is kept while its feedback waits.
    const bobAnswers = () => h.db.selectFrom('answers').selectAll().where('user_id', '=', BOB).execute();
    expect(await bobAnswers()).toHaveLength(1);
    expect(ephemeralsTo(BOB).slice(bobBefore)).toHaveLength(1);

    // Other members' commands and answers are handled meanwhile.
    const aliceBefore = ephemeralsTo(ALICE).length;
    await reply(ALICE, questionTs, ANSWER, false);
    const help = await slash(ALICE, 'help', false);
    await until(() => ephemeralsTo(ALICE).length > aliceBefore && help().length > 0, "Alice's feedback and help");

    release();
    await h.adapter.idle();
    const bob = ephemeralsTo(BOB).slice(bobBefore);
    expect(bob).toHaveLength(2);
    expect(bob[1]?.args).toMatchObject({ channel: CHANNEL, thread_ts: questionTs });
    expect(String(bob[1]?.args.text)).toMatch(/Feedback on your answer/);
  });

  it('feedback limited again on its second try waits again, and is sent once', async () => {
    h.fake
      .fail('chat.postEphemeral', { status: 429, retryAfter: 30 }, 1, (a) => a.user === SAM)
      .fail('chat.postEphemeral', { status: 429, retryAfter: 20 }, 1, (a) => a.user === SAM);
    const before = ephemeralsTo(SAM).length;
    await reply(SAM, questionTs, ANSWER);
    expect(waits).toEqual([30_000, 20_000]);
    // two refused tries, then the one Slack took
    const delivered = ephemeralsTo(SAM).slice(before + 2);
    expect(delivered).toHaveLength(1);
    expect(String(delivered[0]?.args.text)).toMatch(/Feedback on your answer/);
  });

  it('feedback Slack rate-limits for longer than a minute is still sent once the limit passes', async () => {
    h.fake.fail('chat.postEphemeral', { status: 429, retryAfter: 150 }, 1, (a) => a.user === SAM);
    const before = ephemeralsTo(SAM).length;
    const waited = waits.length;
    await reply(SAM, questionTs, ANSWER);
    expect(waits.slice(waited)).toEqual([150_000]);
    const delivered = ephemeralsTo(SAM).slice(before + 1);
    expect(delivered).toHaveLength(1);
    expect(String(delivered[0]?.args.text)).toMatch(/Feedback on your answer|Updated after your edit/);
  });

  it('a public reply Slack rate-limits is posted once the limit passes', async () => {
    h.fake.fail('chat.postMessage', { status: 429, retryAfter: 15 }, 1, (a) => String(a.text).includes('10:30'));
    await slash(SAM, 'schedule 10:30 UTC weekdays');
    expect(waits).toEqual([15_000]);
    const confirmations = h.fake.messages.filter((m) => m.channel === CHANNEL && m.text.includes('10:30'));
    expect(confirmations).toHaveLength(1);
  });
});
