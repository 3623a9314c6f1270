// Slack payloads through the real Bolt HTTP receiver into neutral events: what the
// core sees for commands, thread replies, edits, deletions and reactions, and what
// it never sees (bots, forgeries, repeats, payloads of unknown kinds).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandEvent, EventHandler, MessageEvent } from '../../src/chat/types';
import { type Harness, recorder, startSlack } from './harness';
import {
  BOT_USER,
  CHANNEL,
  eventEnvelope,
  FORM,
  formBody,
  interactionBody,
  messageChanged,
  messageDeleted,
  messageEvent,
  SIGNING_SECRET,
  send,
  sign,
  slashCommand,
  TEAM,
} from './requests';

let h: Harness;
const rec = recorder();
let onEvent: EventHandler = rec.handler;

beforeAll(async () => {
  h = await startSlack({ handler: (e) => onEvent(e) });
  h.fake.addUser({ id: 'U0ALICE', name: 'Alice Moreau' }).addUser({ id: 'U0ADMIN', name: 'Sam Admin', isAdmin: true });
});
afterAll(async () => h.close());
beforeEach(() => {
  rec.events.length = 0;
  onEvent = rec.handler;
});

async function deliver(body: unknown, options: Parameters<typeof send>[3] = {}) {
  const res = await send(h.port, JSON.stringify(body), 'application/json', options);
  await h.adapter.idle();
  return res;
}

async function command(text: string, over: Parameters<typeof slashCommand>[1] = {}) {
  const res = await send(h.port, formBody(slashCommand(text, { responseBase: h.fake.responseUrl(''), ...over })), FORM);
  await h.adapter.idle();
  return res;
}

describe('slash commands', () => {
  it('acknowledges at once and hands the core the subcommand and the rest of the line', async () => {
    const res = await command('tips Acme  process', { user_id: 'U0ALICE' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(rec.events).toHaveLength(1);
    const e = rec.events[0] as CommandEvent;
    expect(e).toMatchObject({
      type: 'command',
      name: 'tips',
      text: 'Acme  process',
      workspace: `slack:${TEAM}`,
      channel: `slack:${TEAM}:${CHANNEL}`,
      author: { id: 'U0ALICE', name: 'Alice Moreau', isAdmin: false },
    });
    expect(e.thread).toBeUndefined();
  });

  it('reads mentions in the text as user ids and marks workspace admins', async () => {
    await command('summary <@U0ALICE|alice>', { user_id: 'U0ADMIN', user_name: 'sam' });
    const e = rec.events[0] as CommandEvent;
    expect(e.name).toBe('summary');
    expect(e.text).toBe('<@U0ALICE>');
    expect(e.author).toMatchObject({ id: 'U0ADMIN', isAdmin: true });
  });

  it('a bare /prep is the empty command (help)', async () => {
    await command('   ');
    expect((rec.events[0] as CommandEvent).name).toBe('');
  });

  it('a private reply goes to the response_url as an ephemeral message; a public one is posted in the channel', async () => {
    const replies = recorder();
    const before = h.fake.responses.length;
    const posted = h.fake.callsTo('chat.postMessage').length;
    onEvent = replies.handler;
    await command('help', { responseId: 'r-help' });
    const e = replies.events[0] as CommandEvent;
    await e.reply({ text: 'Only **you** see this' }, { private: true });
    await e.reply({ text: 'Everyone sees this' });
    const r = h.fake.responses.slice(before);
    expect(r).toHaveLength(1);
    expect(r[0]?.id).toBe('r-help');
    expect(r[0]?.body).toMatchObject({ response_type: 'ephemeral', text: 'Only *you* see this' });
    const posts = h.fake.callsTo('chat.postMessage').slice(posted);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args).toMatchObject({ channel: CHANNEL, text: 'Everyone sees this' });
  });
});

describe('messages', () => {
  it('a reply in a thread is a message with its thread ref, text normalised', async () => {
    const ev = messageEvent({
      user: 'U0ALICE',
      text: 'I *led* the fix &amp; <https://example.com/pr/1|the PR> with <@U0BOB|bob>',
      ts: '1700000100.000200',
      thread_ts: '1700000000.000100',
    });
    const res = await deliver(eventEnvelope(ev));
    expect(res.status).toBe(200);
    expect(rec.events).toHaveLength(1);
    const e = rec.events[0] as MessageEvent;
    expect(e).toMatchObject({
      type: 'message',
      ref: `slack:${TEAM}:${CHANNEL}:1700000100.000200`,
      thread: `slack:${TEAM}:${CHANNEL}:1700000000.000100`,
      channel: `slack:${TEAM}:${CHANNEL}`,
      text: 'I **led** the fix & [the PR](https://example.com/pr/1) with <@U0BOB>',
      author: { id: 'U0ALICE', name: 'Alice Moreau' },
    });
    expect(e.at.getTime()).toBe(1_700_000_100_000);
  });

  it('a message at the top of the channel has no thread', async () => {
    await deliver(eventEnvelope(messageEvent({ text: 'hello all' })));
    expect(rec.events[0]?.thread).toBeUndefined();
  });

  it("the bot's own messages and other bots' messages never reach the core", async () => {
    await deliver(eventEnvelope(messageEvent({ user: BOT_USER, text: 'question', bot_id: 'B0STARLING' })));
    // Apps posting with a bot token: a user id and a bot_id, no subtype.
    await deliver(
      eventEnvelope(
        messageEvent({ user: 'U0OTHERBOT', text: 'beep', bot_id: 'B0OTHER', thread_ts: '1700000000.000100' }),
      ),
    );
    await deliver(
      eventEnvelope(messageEvent({ text: 'legacy', bot_id: 'B0OLD', subtype: 'bot_message', username: 'old-bot' })),
    );
    await deliver(
      eventEnvelope(messageEvent({ user: 'U0ALICE', subtype: 'channel_join', text: '<@U0ALICE> has joined' })),
    );
    expect(rec.events).toEqual([]);
  });

  it('an edit becomes message_edited; an unfurl that changes nothing is ignored', async () => {
    const before = { user: 'U0ALICE', text: 'first try', ts: '1700000200.000100', thread_ts: '1700000000.000100' };
    await deliver(eventEnvelope(messageChanged(CHANNEL, before, { ...before, text: 'second try' })));
    await deliver(eventEnvelope(messageChanged(CHANNEL, before, { ...before, attachments: [{ title: 'unfurl' }] })));
    expect(rec.events).toHaveLength(1);
    expect(rec.events[0]).toMatchObject({
      type: 'message_edited',
      ref: `slack:${TEAM}:${CHANNEL}:1700000200.000100`,
      thread: `slack:${TEAM}:${CHANNEL}:1700000000.000100`,
      text: 'second try',
    });
  });

  it('a deletion becomes message_deleted for the deleted message', async () => {
    const before = { user: 'U0ALICE', text: 'oops', ts: '1700000300.000100', thread_ts: '1700000000.000100' };
    await deliver(eventEnvelope(messageDeleted(CHANNEL, before)));
    expect(rec.events[0]).toMatchObject({
      type: 'message_deleted',
      ref: `slack:${TEAM}:${CHANNEL}:1700000300.000100`,
      thread: `slack:${TEAM}:${CHANNEL}:1700000000.000100`,
      author: { id: 'U0ALICE' },
    });
  });

  it('a reaction on a message is a reaction event with its name', async () => {
    await deliver(
      eventEnvelope({
        type: 'reaction_added',
        user: 'U0ALICE',
        reaction: 'thumbsup::skin-tone-3',
        item_user: BOT_USER,
        item: { type: 'message', channel: CHANNEL, ts: '1700000000.000100' },
        event_ts: '1700000400.000100',
      }),
    );
    expect(rec.events[0]).toMatchObject({
      type: 'reaction',
      emoji: 'thumbsup',
      added: true,
      ref: `slack:${TEAM}:${CHANNEL}:1700000000.000100`,
    });
  });
});

describe('start-up', () => {
  it('a port already in use stops start-up with the setting to fix', async () => {
    await expect(startSlack({ adapter: { port: h.port } })).rejects.toThrow(
      new RegExp(`Port ${h.port} is already in use: set PORT`),
    );
  });
});

describe('health check', () => {
  it('GET /healthz answers ok for load balancers', async () => {
    const res = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});

describe('what is refused', () => {
  const body = (eventId?: string) =>
    JSON.stringify(eventEnvelope(messageEvent({ text: 'sneaky', thread_ts: '1700000000.000100' }), { eventId }));
  const stored = async (eventId: string) =>
    (await h.db.selectFrom('processed_events').select('key').where('key', '=', `slack:${eventId}`).execute()).length;

  it('a forged signature gets 401; nothing reaches the core and nothing is stored', async () => {
    const res = await send(h.port, body('Ev0FORGED'), 'application/json', { secret: 'not-the-secret' });
    await h.adapter.idle();
    expect(res.status).toBe(401);
    expect(rec.events).toEqual([]);
    expect(await stored('Ev0FORGED')).toBe(0);
    // The same event properly signed is accepted: the refusal was the signature alone.
    await send(h.port, body('Ev0FORGED'), 'application/json');
    await h.adapter.idle();
    expect(await stored('Ev0FORGED')).toBe(1);
    expect(rec.events).toHaveLength(1);
  });

  it('a body changed after signing gets 401', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const signature = sign(SIGNING_SECRET, ts, body());
    const res = await send(h.port, body().replace('sneaky', 'sneakier'), 'application/json', {
      timestamp: ts,
      signature,
    });
    expect(res.status).toBe(401);
    expect(rec.events).toEqual([]);
  });

  it('a replayed request older than five minutes gets 401', async () => {
    const res = await send(h.port, body(), 'application/json', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    expect(rec.events).toEqual([]);
  });

  it('a signed but malformed body gets 400', async () => {
    const res = await send(h.port, '{"type":"event_callback",', 'application/json');
    expect(res.status).toBe(400);
    const form = await send(h.port, 'payload=%7Bnot-json', FORM);
    expect(form.status).toBe(400);
    expect(rec.events).toEqual([]);
  });

  it('a signed payload Starling does not serve is acknowledged at once and goes no further', async () => {
    const started = Date.now();
    const res = await send(
      h.port,
      JSON.stringify({ type: 'app_rate_limited', team_id: TEAM, minute_rate_limited: 1 }),
      'application/json',
    );
    const shortcut = await send(
      h.port,
      interactionBody({ type: 'shortcut', callback_id: 'x', team: { id: TEAM }, user: { id: 'U0ALICE' } }),
      FORM,
    );
    const menu = await send(
      h.port,
      interactionBody({
        type: 'block_suggestion',
        action_id: 'x',
        value: 'ac',
        team: { id: TEAM },
        user: { id: 'U0ALICE' },
      }),
      FORM,
    );
    const other = await command('', { command: '/standup' });
    expect([res.status, shortcut.status, menu.status, other.status]).toEqual([200, 200, 200, 200]);
    expect(JSON.parse(menu.body)).toEqual({ options: [] });
    expect(JSON.parse(other.body)).toEqual({
      response_type: 'ephemeral',
      text: 'Starling answers /prep only: try `/prep help`.',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(rec.events).toEqual([]);
  });

  it('the same event delivered again by Slack (x-slack-retry-num) is handled once', async () => {
    const envelope = eventEnvelope(messageEvent({ text: 'my answer', thread_ts: '1700000000.000100' }), {
      eventId: 'Ev0DUPLICATE',
    });
    const first = await deliver(envelope);
    const again = await deliver(envelope, { retryNum: 1 });
    const third = await deliver(envelope, { retryNum: 2 });
    expect([first.status, again.status, third.status]).toEqual([200, 200, 200]);
    expect(rec.events).toHaveLength(1);
  });

  it('keeps top-level channel chatter away from the core and records no delivery for it', async () => {
    const before = await h.db.selectFrom('processed_events').select('key').execute();
    const res = await deliver(eventEnvelope(messageEvent({ text: 'lunch anyone?' })));
    expect(res.status).toBe(200);
    expect(rec.events).toHaveLength(0);
    expect(await h.db.selectFrom('processed_events').select('key').execute()).toEqual(before);
  });

  it('the handler failing does not break the receiver', async () => {
    onEvent = async () => {
      throw new Error('core exploded');
    };
    const thread_ts = '1700000000.000100';
    const res = await deliver(eventEnvelope(messageEvent({ text: 'boom', thread_ts })));
    expect(res.status).toBe(200);
    onEvent = rec.handler;
    await deliver(eventEnvelope(messageEvent({ text: 'still alive', thread_ts })));
    expect((rec.events[0] as MessageEvent).text).toBe('still alive');
  });
});
