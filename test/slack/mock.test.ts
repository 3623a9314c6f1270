// A mock interview through the real Bolt stack: /prep mock in a channel, the questions
// in the member's direct messages (message.im events), the follow-up asking for the
// missing Result, the reply, and the scorecard; and a member Slack will not let the
// bot message, told privately what to change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadGuides } from '../../src/guides/load';
import { silentLogger } from '../../src/logger';
import { type Harness, openDb, startSlack } from './harness';
import { commandReplies, eventEnvelope, FORM, formBody, messageEvent, send, slashCommand } from './requests';

const ALICE = 'U0ALICE';
const DM = `D${ALICE}`;
const NO_RESULT =
  'In 2023 at Acme our team was behind on a data migration for a hospital client. I was responsible for moving the patient records safely. I wrote validation scripts and ran the migration in small batches over a weekend.';

let h: Harness;
let app: App;
let closeDb: () => Promise<void>;
let seq = 0;
const { library } = loadGuides('content/guides');

// a fresh workspace per test, so the tests pass in any order
beforeEach(async () => {
  const opened = await openDb();
  closeDb = opened.close;
  const adapters = new AdapterSet();
  h = await startSlack({ db: opened.db, handler: (e) => app.handle(e) });
  h.fake.addUser({ id: ALICE, name: 'Alice Moreau' }).addUser({ id: 'U0BOB', name: 'Bob Okafor' });
  adapters.add(h.adapter);
  app = buildApp({
    config: h.config,
    logger: silentLogger(),
    db: opened.db,
    guides: library,
    adapters,
  });
});

afterEach(async () => {
  await h.close();
  await closeDb();
});

async function slash(user: string, text: string) {
  const id = `m${++seq}`;
  const cmd = slashCommand(text, { user_id: user, responseId: id, responseBase: h.fake.responseUrl('') });
  const ack = await send(h.port, formBody(cmd), FORM);
  await h.adapter.idle();
  return commandReplies(ack, h.fake.responses, id);
}

/** Alice writes in her direct messages with the bot. */
async function inDm(text: string): Promise<void> {
  const ts = `${1_800_000_000 + ++seq}.000100`;
  const ev = messageEvent({ user: ALICE, channel: DM, channel_type: 'im', text, ts });
  await send(h.port, JSON.stringify(eventEnvelope(ev, { eventId: `EvMock${seq}` })), 'application/json');
  await h.adapter.idle();
}

const dmTexts = () => h.fake.messages.filter((m) => m.channel === DM).map((m) => m.text);

describe('/prep mock on Slack', () => {
  it('holds the interview in direct messages, follows up on the missing Result, and scores R ✗ → R ✓', async () => {
    const [started] = await slash(ALICE, 'mock chop behavioral 2');
    expect(started?.text).toMatch(/started in your direct messages with me: 2 questions/);
    expect(h.fake.callsTo('conversations.open').at(-1)?.args).toMatchObject({ users: ALICE });
    expect(dmTexts().at(-1)).toMatch(/Question 1 of 2/);

    await inDm(NO_RESULT);
    expect(dmTexts().at(-1)).toMatch(/what was the result/i);
    expect(dmTexts().at(-1)).toContain('I wrote validation scripts and ran the migration in small batches');

    await inDm('As a result, we finished two days early with zero lost records.');
    expect(dmTexts().at(-1)).toMatch(/Question 2 of 2/);
    // "stop" ends it early: one message, the scorecard
    const before = dmTexts().length;
    await inDm('stop');
    const card = h.fake.messages.filter((m) => m.channel === DM).at(-1);
    expect(JSON.stringify(card?.blocks)).toMatch(/R ✗ → S ✓ · T ✓ · A ✓ · R ✓/);
    expect(dmTexts().length).toBe(before + 1);
  });

  it('a repeated delivery of a reply is read once', async () => {
    await slash(ALICE, 'mock chop 2');
    const posted = dmTexts().length;
    const ev = messageEvent({ user: ALICE, channel: DM, channel_type: 'im', text: NO_RESULT, ts: '1800009999.000100' });
    const deliver = async (retryNum?: number) => {
      await send(h.port, JSON.stringify(eventEnvelope(ev, { eventId: 'EvMockSame' })), 'application/json', {
        retryNum,
      });
      await h.adapter.idle();
      return dmTexts().length;
    };
    const once = await deliver();
    expect(once).toBeGreaterThan(posted);
    expect(await deliver(1)).toBe(once);
    await slash(ALICE, 'mock stop');
  });

  it('tells a member Slack will not let the bot message what to change, and keeps no session', async () => {
    h.fake.fail('conversations.open', { error: 'cannot_dm_bot' }, 1);
    const [refused] = await slash('U0BOB', 'mock');
    expect(refused?.text).toMatch(/could not send you a direct message for the mock interview \(cannot_dm_bot\)/);
    expect(refused?.text).toMatch(/Try:/);
    const [again] = await slash('U0BOB', 'mock stop');
    expect(again?.text).toMatch(/no mock interview open/);
  });
});
