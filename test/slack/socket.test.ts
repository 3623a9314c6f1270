// Socket Mode: no public URL, Slack pushes envelopes over a websocket the bot opened
// with its app token. The real SocketModeReceiver against a local websocket.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandEvent, EventHandler, MessageEvent } from '../../src/chat/types';
import { type Harness, recorder, startSlack } from './harness';
import { blocksText, buttonClick, CHANNEL, eventEnvelope, messageEvent, slashCommand, TEAM } from './requests';

let h: Harness;
let rec = recorder();
let onEvent: EventHandler = rec.handler;

// a fresh connection per test
beforeEach(async () => {
  rec = recorder();
  onEvent = rec.handler;
  h = await startSlack({
    env: { SLACK_APP_TOKEN: 'xapp-1-A1-fake', SLACK_SIGNING_SECRET: '' },
    handler: (e) => onEvent(e),
  });
  h.fake.addUser({ id: 'U0ALICE', name: 'Alice Moreau' });
});
afterEach(async () => h.close());

describe('Socket Mode', () => {
  it('connects with the app token, listening on no port', async () => {
    expect(h.adapter.mode).toBe('socket');
    expect(h.adapter.port).toBeUndefined();
    expect(h.fake.socketConnections).toBe(1);
    expect(h.fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-A1-fake');
  });

  it('a slash command envelope is acknowledged and answered through its response_url', async () => {
    onEvent = async (e) => {
      rec.events.push(e);
      await e.reply({ text: 'Here are the commands' }, { private: true });
    };
    const ack = await h.fake.sendEnvelope(
      'slash_commands',
      slashCommand('help me', { responseId: 'sock-1', responseBase: h.fake.responseUrl('') }),
    );
    await h.adapter.idle();
    onEvent = rec.handler;
    expect(ack).toEqual({});
    expect(rec.events.at(-1)).toMatchObject({
      type: 'command',
      name: 'help',
      text: 'me',
      channel: `slack:${TEAM}:${CHANNEL}`,
    } satisfies Partial<CommandEvent>);
    expect(h.fake.responses.find((r) => r.id === 'sock-1')?.body.text).toBe('Here are the commands');
    // The same member again: known now, so the reply is ready at once and rides in the acknowledgement.
    onEvent = async (e) => {
      await e.reply({ text: 'Here they are again' }, { private: true });
    };
    const again = await h.fake.sendEnvelope(
      'slash_commands',
      slashCommand('help', { responseId: 'sock-2', responseBase: h.fake.responseUrl('') }),
    );
    await h.adapter.idle();
    onEvent = rec.handler;
    expect(again).toMatchObject({ response_type: 'ephemeral' });
    expect(blocksText((again as { blocks: unknown[] }).blocks)).toBe('Here they are again');
    expect(h.fake.responses.find((r) => r.id === 'sock-2')).toBeUndefined();
  });

  it('a thread reply arrives as a message event, once even when Slack redelivers it', async () => {
    const envelope = eventEnvelope(
      messageEvent({ text: 'my answer', ts: '1700000500.000100', thread_ts: '1700000000.000100' }),
      { eventId: 'Ev0SOCKETDUP' },
    );
    await h.fake.sendEnvelope('events_api', envelope);
    await h.fake.sendEnvelope('events_api', envelope, { retry_attempt: 1, retry_reason: 'timeout' });
    await h.adapter.idle();
    expect(rec.events).toHaveLength(1);
    expect(rec.events[0]).toMatchObject({
      type: 'message',
      text: 'my answer',
      thread: `slack:${TEAM}:${CHANNEL}:1700000000.000100`,
    } satisfies Partial<MessageEvent>);
  });

  it('a button press arrives as an interactive envelope', async () => {
    await h.fake.sendEnvelope(
      'interactive',
      buttonClick({ action_id: 'forget:cancel:U0ALICE', value: 'U0ALICE' }, { ts: '1700000600.000100' }),
    );
    await h.adapter.idle();
    expect(rec.events[0]).toMatchObject({ type: 'button', actionId: 'forget:cancel:U0ALICE', value: 'U0ALICE' });
  });

  it('an envelope of a kind the app does not handle is acknowledged and ignored', async () => {
    const ack = await h.fake.sendEnvelope('interactive', {
      type: 'shortcut',
      callback_id: 'nope',
      team: { id: TEAM },
      user: { id: 'U0ALICE' },
    });
    await h.adapter.idle();
    expect(ack).toEqual({});
    expect(rec.events).toEqual([]);
  });

  it('a wrong app token or bot token stops start-up with the setting to fix', async () => {
    await expect(
      startSlack({ fake: h.fake, env: { SLACK_APP_TOKEN: 'xapp-1-A1-wrong', SLACK_SIGNING_SECRET: '' } }),
    ).rejects.toThrow(/SLACK_APP_TOKEN \(invalid_auth\).*connections:write/);
    await expect(startSlack({ fake: h.fake, env: { SLACK_BOT_TOKEN: 'xoxb-not-known' } })).rejects.toThrow(
      /SLACK_BOT_TOKEN \(invalid_auth\)/,
    );
  });

  it('stops cleanly: the websocket is closed before stop() returns', async () => {
    await h.adapter.stop();
    // The server sees the close shortly after the client finished its handshake.
    for (let i = 0; i < 50 && h.fake.socketConnections > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(h.fake.socketConnections).toBe(0);
  });
});
