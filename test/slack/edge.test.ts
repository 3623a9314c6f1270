// Contract tests at the Slack edge: payloads of every kind Starling receives, sent signed
// through the real Bolt HTTP receiver as they are and corrupted (a key missing, null, the
// wrong type, a huge string). Every request is answered 200 within the ack timeout, no
// listener throws, nothing valid is lost, and what does not fit is logged once at warn.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/chat/types';
import { type Harness, startSlack } from './harness';
import {
  BOT_USER,
  buttonClick,
  CHANNEL,
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

type Json = Record<string, unknown>;
const logs: { level: number; msg: string; kind?: string; problem?: string }[] = [];
const events: InboundEvent[] = [];
let h: Harness;

beforeAll(async () => {
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  h = await startSlack({ handler: async (e) => void events.push(e), adapter: { logger } });
  h.fake.addUser({ id: 'U0ALICE', name: 'Alice Moreau' });
});
afterAll(async () => h.close());

const THREAD = '1700000000.000100';
const ENVELOPES: Record<string, Json> = {
  'thread reply': eventEnvelope(messageEvent({ text: 'my answer', thread_ts: THREAD })) as Json,
  'message changed': eventEnvelope(
    messageChanged(
      CHANNEL,
      { user: 'U0ALICE', text: 'old', ts: '1700000001.000200', thread_ts: THREAD },
      {
        user: 'U0ALICE',
        text: 'new',
        ts: '1700000001.000200',
        thread_ts: THREAD,
      },
    ),
  ) as Json,
  'message deleted': eventEnvelope(
    messageDeleted(CHANNEL, { user: 'U0ALICE', text: 'gone', ts: '1700000002.000300', thread_ts: THREAD }),
  ) as Json,
  'reaction added': eventEnvelope({
    type: 'reaction_added',
    user: 'U0ALICE',
    reaction: 'thumbsup',
    item: { type: 'message', channel: CHANNEL, ts: THREAD },
    item_user: BOT_USER,
    event_ts: '1700000003.000400',
  }) as Json,
  'app home opened': eventEnvelope({
    type: 'app_home_opened',
    user: 'U0ALICE',
    channel: 'D0HOME',
    tab: 'home',
  }) as Json,
  'member joined': eventEnvelope({
    type: 'member_joined_channel',
    user: 'U0ALICE',
    channel: CHANNEL,
    team: TEAM,
  }) as Json,
  'tokens revoked': eventEnvelope({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['U0STARLING'] } }) as Json,
};
const INTERACTIONS: Record<string, Json> = {
  button: buttonClick({ action_id: 'noop', value: 'v' }, { ts: THREAD, text: 'q' }) as unknown as Json,
  'view submission': viewSubmission({ callback_id: 'other', private_metadata: '' }, { x: 'y' }) as unknown as Json,
};

/** The payload with one key changed: removed, null, a number, an object, a huge string. */
function corruptions(payload: Json, path: string[]): { what: string; body: Json }[] {
  const out: { what: string; body: Json }[] = [];
  const at = (o: Json) => path.reduce<Json>((x, k) => x[k] as Json, o);
  for (const key of Object.keys(at(payload))) {
    for (const [what, value] of [
      ['missing', undefined],
      ['null', null],
      ['a number', 42],
      ['an object', { nested: true }],
      ['a huge string', 'x'.repeat(100_000)],
    ] as const) {
      const body = structuredClone(payload);
      if (value === undefined) delete at(body)[key];
      else at(body)[key] = value;
      out.push({ what: `${[...path, key].join('.')} ${what}`, body });
    }
  }
  return out;
}

async function deliverJson(body: Json) {
  return send(h.port, JSON.stringify(body), 'application/json');
}

describe('every Slack payload, plain and corrupted, is acknowledged and never breaks a listener', () => {
  it('plain payloads reach the core as events', async () => {
    const before = events.length;
    const mark = logs.length;
    // fresh delivery ids: the other tests send these envelopes too, and a repeat is dropped
    for (const [i, body] of Object.values(ENVELOPES).entries()) {
      expect((await deliverJson({ ...body, event_id: `EvPLAIN${i}` })).status).toBe(200);
    }
    expect((await send(h.port, formBody(slashCommand('help')), FORM)).status).toBe(200);
    await h.adapter.idle();
    // the reply, the edit, the deletion, the reaction and the command are the core's
    expect(events.slice(before).map((e) => e.type)).toEqual(
      expect.arrayContaining(['message', 'message_edited', 'message_deleted', 'reaction', 'command']),
    );
    expect(logs.slice(mark).filter((l) => l.level >= 50 || l.msg.startsWith('dropped'))).toEqual([]);
  });

  it.each(Object.keys(ENVELOPES))('%s, corrupted every way', async (name) => {
    const envelope = ENVELOPES[name] as Json;
    const cases = [...corruptions(envelope, []), ...corruptions(envelope, ['event'])];
    const mark = logs.length;
    for (const c of cases) {
      const started = Date.now();
      const res = await deliverJson(c.body);
      expect(res.status, c.what).toBe(200);
      expect(Date.now() - started, c.what).toBeLessThan(3000);
    }
    await h.adapter.idle();
    const bad = logs.slice(mark).filter((l) => l.level >= 50);
    expect(bad, JSON.stringify(bad.slice(0, 2))).toEqual([]);
    // what did not fit was said at warn, with its kind and what was wrong
    const dropped = logs.slice(mark).filter((l) => l.msg === 'dropped a Slack request that does not fit its kind');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped[0]).toMatchObject({ level: 40, kind: expect.any(String), problem: expect.any(String) });
  });

  it.each(Object.keys(INTERACTIONS))('%s, corrupted every way', async (name) => {
    const payload = INTERACTIONS[name] as Json;
    const nested = name === 'button' ? ['actions', '0'] : ['view'];
    const cases = [...corruptions(payload, []), ...corruptions(payload, nested)];
    const mark = logs.length;
    for (const c of cases) {
      const res = await send(h.port, interactionBody(c.body), FORM);
      expect(res.status, c.what).toBe(200);
    }
    await h.adapter.idle();
    expect(logs.slice(mark).filter((l) => l.level >= 50)).toEqual([]);
  });

  it('a slash command with a field missing is acknowledged and dropped', async () => {
    const full = slashCommand('help') as unknown as Record<string, string>;
    const mark = logs.length;
    for (const key of Object.keys(full)) {
      const { [key]: _gone, ...rest } = full;
      const res = await send(h.port, formBody(rest), FORM);
      expect(res.status, key).toBe(200);
    }
    await h.adapter.idle();
    expect(logs.slice(mark).filter((l) => l.level >= 50)).toEqual([]);
  });

  it('bodies that are not Slack payloads at all are acknowledged too', async () => {
    for (const body of ['[]', '"text"', '{}', '{"type": 7}', '{"type":"event_callback","event":null}']) {
      const res = await send(h.port, body, 'application/json');
      expect([200, 400], body).toContain(res.status);
    }
  });
});

// Real payloads from public sources (test/slack/payloads/README.md says where each is from).
const PAYLOADS = join(import.meta.dirname, 'payloads');
const real = Object.fromEntries(
  readdirSync(PAYLOADS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(PAYLOADS, f), 'utf8')) as Json]),
);

/** A real payload sent the way Slack sends its kind. */
function sendReal(body: Json) {
  if ('command' in body) return send(h.port, formBody(body as Record<string, string>), FORM);
  if (body.type === 'event_callback' || body.type === 'url_verification') return deliverJson(body);
  return send(h.port, interactionBody(body), FORM);
}

describe('real Slack payloads from public sources', () => {
  it('are all there', () => {
    expect(Object.keys(real).length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.keys(real))('%s: acknowledged, as it is and corrupted, with no listener failing', async (name) => {
    const body = real[name] as Json;
    const mark = logs.length;
    const plain = await sendReal(body);
    expect(plain.status).toBe(200);
    if (name === 'url-verification') expect(plain.body).toContain(String(body.challenge));
    // a real payload of a kind Starling serves fits its schema: nothing valid is dropped
    await h.adapter.idle();
    expect(logs.slice(mark).filter((l) => l.msg.startsWith('dropped a Slack request'))).toEqual([]);
    const nested = body.event ? ['event'] : body.view ? ['view'] : [];
    for (const c of [...corruptions(body, []), ...(nested.length ? corruptions(body, nested) : [])]) {
      const res = await sendReal(c.body);
      expect([200, 400], c.what).toContain(res.status);
    }
    await h.adapter.idle();
    expect(logs.slice(mark).filter((l) => l.level >= 50)).toEqual([]);
  });

  it("another app's slash command gets a private line naming /prep", async () => {
    const res = await sendReal(real['slash-command'] as Json);
    expect(JSON.parse(res.body)).toEqual({ response_type: 'ephemeral', text: expect.stringMatching(/\/prep help/) });
  });
});
