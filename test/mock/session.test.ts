// A whole mock interview through the core and the memory adapter: start, an answer
// missing its Result, the follow-up asking for it, the reply, the scorecard; resume
// after a restart, two replicas, idle close, export and forget-me, and the refusals.
import { afterEach, describe, expect, it } from 'vitest';
import { member } from '../../adapters/memory/index';
import { buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { PlatformError } from '../../src/chat/errors';
import type { MessageEvent } from '../../src/chat/types';
import { loadConfig } from '../../src/config';
import { GuideLibrary } from '../../src/guides/library';
import { silentLogger } from '../../src/logger';
import { ACME, bob, GLOBEX, type Harness, harness, lastPrivate, NO_RESULT } from '../practice/helpers';

const DM = `memory:W1:dm-${bob.id}`;
const RESULT = 'As a result, we finished two days early with zero lost records, and the client renewed for a year.';

let h: Harness;
afterEach(async () => h?.close());

/** What the bot said in Bob's direct messages, in order. */
const inDm = () => h.adapter.publicIn(DM).map((s) => s.message);
/** Bob replies in his direct messages, as the platform would deliver it. */
let seq = 0;
const reply = (text: string, who = bob) =>
  h.adapter.emit({
    type: 'message',
    ref: `${DM}:r${++seq}`,
    text,
    author: who,
    at: h.now(),
    channel: DM,
    direct: true,
  });

/** A second bot process on the same database and platform (a restart, or another replica). */
const anotherApp = (replicaId?: string) =>
  buildApp({
    config: loadConfig({ FEEDBACK_QUIET_SECONDS: '0' }),
    logger: silentLogger(),
    db: h.db,
    guides: new GuideLibrary([ACME, GLOBEX]),
    adapters: new AdapterSet([h.adapter]),
    clock: () => h.now(),
    ...(replicaId ? { replicaId } : {}),
  });

describe('a mock interview', () => {
  it('asks for the missing Result, reads the reply into the answer, and scores R ✗ → R ✓', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme behavioral 2');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/started in your direct messages with me: 2 questions/);
    const opening = inDm()[0];
    expect(opening?.awaitsReply).toBe(true);
    expect(opening?.text).toMatch(/Question 1 of 2/);
    expect(h.adapter.publicIn(h.channel)).toHaveLength(0); // nothing in the channel

    await reply(NO_RESULT);
    const followup = inDm().at(-1);
    expect(followup?.text).toMatch(/what was the result/i);
    // it quotes the member's own last step
    expect(followup?.text).toContain(
      'I wrote validation scripts and ran the migration in small batches over a weekend.',
    );

    await reply(RESULT);
    expect(inDm().some((m) => /Question 2 of 2/.test(m.text))).toBe(true);
    await reply('stop');
    const card = inDm().at(-1);
    expect(card?.title).toMatch(/scorecard: 1 of 2 answered/);
    expect(card?.text).toMatch(/R ✗ → S ✓ · T ✓ · A ✓ · R ✓|R [✗?] → .*R ✓/);
    expect(card?.text).toMatch(/Improved: added the Result/);
    expect(card?.text).toMatch(/Next step:/);
    // closed: a further line in the DM is nobody's answer
    const said = inDm().length;
    await reply('one more thing');
    expect(inDm()).toHaveLength(said);
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/no mock interview open here/);
  });

  it('asks at most two follow-ups, and "skip" moves on', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme behavioral 1');
    await reply('We had an outage once. We fixed it.');
    const asked = () => inDm().filter((m) => m.awaitsReply && !/Question/.test(m.text)).length;
    expect(asked()).toBe(1);
    await reply('We restarted the servers.');
    expect(asked()).toBe(2);
    await reply('We were all involved.');
    // two follow-ups is the most: the third reply ends the question (here the whole session)
    expect(inDm().at(-1)?.title).toMatch(/scorecard/);

    h.adapter.clear();
    await h.command(bob, 'mock', 'acme 2');
    await reply('skip');
    expect(inDm().at(-1)?.text).toMatch(/Question 2 of 2/);
    // a question skipped says plainly that it was skipped, and shows no checks for it
    const word = inDm().at(-2)?.text ?? '';
    expect(word).toMatch(/You skipped this question, so it has no score/);
    expect(word).not.toMatch(/now reads|[STAR] [?✓✗]/);
  });

  it('asks a story told about something else to fit the question, after the missing Result', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme situational 1');
    await reply(NO_RESULT);
    expect(inDm().at(-1)?.text).toMatch(/what was the result/i);
    await reply(RESULT);
    expect(inDm().at(-1)?.text).toMatch(/The question asks about a time the requirements or plans changed/);
  });

  it('/prep mock while one is open asks its question again, also after a restart', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme behavioral 2');
    await reply(NO_RESULT);
    // the same database, a new process
    const again = anotherApp();
    await h.adapter.start((e) => again.handle(e));
    h.adapter.clear();
    await h.command(bob, 'mock');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/still open in your direct messages with me: question 1 of 2/);
    expect(inDm().at(-1)?.text).toMatch(/what was the result/i);
    await reply(RESULT);
    expect(inDm().at(-1)?.text).toMatch(/Question 2 of 2/);
  });

  it('two replicas given the same reply send one follow-up', async () => {
    h = await harness();
    const other = anotherApp('other');
    await h.command(bob, 'mock', 'acme 2');
    const before = inDm().length;
    const event: MessageEvent = {
      type: 'message',
      workspace: 'memory:W1',
      reply: async () => undefined,
      ref: `${DM}:same`,
      text: NO_RESULT,
      author: bob,
      at: h.now(),
      channel: DM,
      direct: true,
    };
    const deliver = (app: { handle: (e: MessageEvent) => Promise<void> }) => app.handle(event);
    await Promise.all([deliver(h.app), deliver(other)]);
    expect(inDm().slice(before)).toHaveLength(1);
  });

  it('closes by itself after a day without a reply, with its scorecard kept', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme 1');
    await reply(NO_RESULT);
    h.advance(25 * 3_600_000);
    await h.app.tick(h.now());
    expect(inDm().at(-1)?.text).toMatch(/no reply for a day/);
    await h.command(bob, 'me');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/Mock interviews:\*\* 1 \(1 answer/);
  });

  it('is in /prep export and gone after /prep forget-me', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme 1');
    await reply(NO_RESULT);
    await reply(RESULT);
    await h.command(bob, 'export');
    const json = lastPrivate(h.adapter, bob.id)?.attachments?.find((a) => a.name.endsWith('.json'));
    const data = JSON.parse(json?.content ?? '{}');
    expect(data.mockInterviews).toHaveLength(1);
    expect(data.mockInterviews[0].questions[0].answer).toContain('zero lost records');
    await h.press(bob, `forget:confirm:${bob.id}`, bob.id);
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/1 mock interview/);
    expect(await h.db.selectFrom('mock_sessions').selectAll().execute()).toHaveLength(0);
    expect(await h.db.selectFrom('mock_items').selectAll().execute()).toHaveLength(0);
  });
});

describe('what reviewers caught', () => {
  it('skipping a follow-up says the answer is kept, with its checks', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme behavioral 2');
    await reply(NO_RESULT);
    await reply('skip');
    const word = inDm().find((m) => /You skipped the follow-up/.test(m.text))?.text ?? '';
    expect(word).toMatch(/your answer stays as it was: S ✓ · T ✓ · A ✓ · R [✗?]/);
    expect(word).not.toMatch(/now reads/);
  });

  it('an approach question gets no STAR score, in the reply or the scorecard', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme technical 1');
    await reply(
      'I would start with the riskiest paths, write integration tests around them, and add unit tests where the logic is dense, then run them on every merge so a broken tool is caught before anyone uses it.',
    );
    // a short answer to an approach question is pressed for more, never for a Result
    expect(inDm().at(-1)?.text).toMatch(/Tell me more: how would you go about it/);
    await reply('skip');
    expect(inDm().at(-2)?.text).toMatch(/your answer is kept for the scorecard/);
    const card = inDm().at(-1);
    expect(card?.title).toMatch(/scorecard/);
    expect(card?.text).toMatch(/asks for your approach, not a story, so there is no STAR score/);
    expect(card?.text).not.toMatch(/S [✓✗]/);
    expect(card?.text).not.toMatch(/General habits do not score/);
  });

  it('a reply in a thread under a direct message is still the interview', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme behavioral 1');
    await h.adapter.emit({
      type: 'message',
      ref: `${DM}:t1`,
      thread: `${DM}:1`,
      text: NO_RESULT,
      author: bob,
      at: h.now(),
      channel: DM,
      direct: true,
    });
    expect(inDm().at(-1)?.text).toMatch(/what was the result/i);
  });

  it('resuming keeps the session from closing as idle soon after', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme 1');
    h.advance(23 * 3_600_000);
    await h.command(bob, 'mock');
    h.advance(2 * 3_600_000);
    await h.app.tick(h.now());
    expect(inDm().some((m) => /no reply for a day/.test(m.text))).toBe(false);
  });

  it('a process without the platform leaves its idle sessions to the process that has it', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme 1');
    await h.db.updateTable('mock_sessions').set({ place_ref: 'discord:@me:123' }).execute();
    h.advance(25 * 3_600_000);
    await h.app.tick(h.now());
    expect((await h.db.selectFrom('mock_sessions').select('status').executeTakeFirst())?.status).toBe('open');
  });

  it('a rate limit on the first question is not called closed direct messages', async () => {
    h = await harness();
    h.adapter.openDirect = async () => {
      throw new PlatformError('rate_limited', 'ratelimited', 'slow down', 30_000);
    };
    await h.command(bob, 'mock', 'acme 1');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/could not start.*\(ratelimited\)[\s\S]*again in a minute/);
    expect(await h.db.selectFrom('mock_sessions').selectAll().execute()).toHaveLength(0);
  });
});

describe('refusals', () => {
  it('an unknown employer, too many questions, and stop with nothing open get clear private replies', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'initech');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/initech/i);
    await h.command(bob, 'mock', 'acme 11');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/at most 10 questions/);
    await h.command(bob, 'mock', 'stop');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/no mock interview open/);
    await h.command(bob, 'mock', 'globex situational');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(
      /No guide has a question for employer globex.* and category situational/,
    );
    expect(await h.db.selectFrom('mock_sessions').selectAll().execute()).toHaveLength(0);
  });

  it('a second mock from another workspace into the same direct messages is refused until the first ends', async () => {
    h = await harness();
    h.adapter.openDirect = async () => DM; // one DM channel for every server, as on Discord
    await h.command(bob, 'mock', 'acme 1');
    await h.command(bob, 'mock', 'acme 1', { workspace: 'memory:W2', channel: 'memory:W2:C1' });
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/already have a mock interview open in your direct messages/);
    expect(await h.db.selectFrom('mock_sessions').selectAll().execute()).toHaveLength(1);
    await reply('stop');
    await h.command(bob, 'mock', 'acme 1', { workspace: 'memory:W2', channel: 'memory:W2:C1' });
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/has started/);
  });

  it('says so when fewer questions match than were asked for', async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme situational 3');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/Only 1 question matched/);
  });

  it("someone else's reply in a session's place is refused privately and not read", async () => {
    h = await harness();
    await h.command(bob, 'mock', 'acme 1');
    const cy = member('U-cy', 'Cy');
    await reply(NO_RESULT, cy);
    expect(lastPrivate(h.adapter, cy.id)?.text).toMatch(/<@U-bob>'s/);
    expect(inDm().filter((m) => /result/i.test(m.text))).toHaveLength(0);
  });

  it('closed direct messages: a private thread where the platform has one, else what to change', async () => {
    h = await harness();
    const refuse = async () => {
      throw new PlatformError(
        'user_unreachable',
        '50007',
        'closed',
        undefined,
        'allow direct messages from server members',
      );
    };
    h.adapter.openDirect = refuse;
    await h.command(bob, 'mock', 'acme 1');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(
      /could not send you a direct message for the mock interview \(50007\)/,
    );
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/allow direct messages from server members/);
    expect(await h.db.selectFrom('mock_sessions').selectAll().execute()).toHaveLength(0);

    const thread = `${h.channel}:private-bob`;
    Object.assign(h.adapter, { openPrivateThread: async () => thread });
    await h.command(bob, 'mock', 'acme 1');
    expect(h.adapter.publicIn(thread)[0]?.message.text).toMatch(/Question 1 of 1/);
    await h.say(bob, thread, NO_RESULT);
    expect(h.adapter.publicIn(thread).at(-1)?.message.text).toMatch(/what was the result/i);
  });
});
