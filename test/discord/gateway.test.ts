// The connection itself: command registration at start-up, a dropped gateway that
// resumes mid-conversation, malformed dispatches, several shards, and an app without
// the Message Content intent.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../src/chat/registry';
import type { CommandEvent, MessageEvent } from '../../src/chat/types';
import { openSqlite } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { FakeDiscord } from './fake-discord';
import { type Harness, startHarness, testClientOptions } from './harness';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});
async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  open.push(h);
  return h;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const command = (name: string, description = `The ${name} command`) =>
  defineCommand({
    name,
    description,
    usage: `/prep ${name}`,
    examples: [],
    options: [{ name: 'employer', description: 'Employer', type: 'string', autocomplete: 'employer' }],
    args: z.object({}),
    run: async () => undefined,
  });

describe('command registration', () => {
  it('registers /prep in the configured guild at start-up, and again only when the definitions change', async () => {
    const fake = await new FakeDiscord().start();
    const database = openSqlite(':memory:');
    await migrateToLatest(database.db);
    const restart = async (commands: ReturnType<typeof command>[]) => {
      const h = await startHarness({ fakeInstance: fake, db: database.db, commands });
      const registered = h.adapter.commandsRegistered;
      await h.close();
      return registered;
    };
    try {
      expect(await restart([command('tips'), command('help')])).toBe(true);
      const [put] = fake.calls('PUT', /\/commands$/);
      expect(put?.path).toBe(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
      expect(put?.body).toHaveLength(1);
      expect(put?.body[0].name).toBe('prep');
      expect(put?.body[0].options.map((o: { name: string }) => o.name)).toEqual(['tips', 'help']);
      expect(put?.body[0].options[0].options[0]).toMatchObject({ name: 'employer', autocomplete: true });

      expect(await restart([command('tips'), command('help')])).toBe(false);
      expect(fake.calls('PUT', /\/commands$/)).toHaveLength(1);

      expect(await restart([command('tips', 'Employer tips, now shorter'), command('help')])).toBe(true);
      const puts = fake.calls('PUT', /\/commands$/);
      expect(puts).toHaveLength(2);
      expect(puts[1]?.body[0].options[0].description).toBe('Employer tips, now shorter');
    } finally {
      await fake.stop();
      await database.close();
    }
  });

  it('registers globally when no guild is configured, with the application id from READY', async () => {
    const h = await harness({ commands: [command('tips')], env: { DISCORD_GUILD_ID: '' } });
    expect(h.fake.calls('PUT', /\/commands$/).map((r) => r.path)).toEqual([`/applications/${h.fake.appId}/commands`]);
  });

  it('fails start-up with Discord’s reason when registration is refused', async () => {
    const h = await harness({ commands: [command('tips')], noStart: true });
    h.fake.failures.push({ method: 'PUT', path: /\/commands$/, status: 403, code: 50001, message: 'Missing Access' });
    await expect(h.adapter.start(async () => {})).rejects.toThrow(
      /Discord refused to register \/prep in server \d+: .*Missing Access.*applications\.commands scope/,
    );
    expect(h.adapter.client.isReady()).toBe(false);
  });

  it('fails start-up with a clear message when the token is wrong', async () => {
    const h = await harness({
      noStart: true,
      env: { DISCORD_TOKEN: 'MTk5OTk5OTk5OTk5OTk5OTk5.GwrngA.not-the-token-the-fake-knows' },
    });
    await expect(h.adapter.start(async () => {})).rejects.toThrow(/Discord rejected DISCORD_TOKEN.*Reset Token/);
  });
});

describe('a dropped gateway', () => {
  it('resumes mid-conversation: nothing sent while down is lost, nothing replayed is handled twice', async () => {
    const h = await harness();
    const q = await h.adapter.post(`discord:${h.fake.guildId}:${h.fake.channelId}`, {
      kind: 'question',
      text: 'Tell me about a time',
      starForm: { postId: 'p' },
    });
    const threadId = q.threadRef.split(':')[2] ?? '';
    const { alice, bob } = h.fake.users;
    h.fake.say(alice, threadId, 'part one');
    const command = h.fake.command(bob, 'me');
    h.fake.interact(command);
    await h.fake.waitUntil(() => h.events.length === 2);

    h.fake.dropConnections();
    await h.fake.waitUntil(() => !h.fake.connected);
    // Discord keeps these for the session while the bot is away.
    h.fake.say(alice, threadId, 'part two');
    h.fake.say(bob, threadId, 'my own answer');
    // And on resume it may send again what the bot already had.
    h.fake.replayOverlap = 3;
    await h.fake.waitUntil(() => h.fake.resumes === 1 && h.fake.connected, 5000, 'the resume');
    await h.fake.waitUntil(() => h.events.length >= 4, 3000, 'the events sent while down');
    // the gateway delivers in order: once a message sent after the replay is in, the replay is done
    h.fake.say(bob, threadId, 'after the resume');
    await h.fake.waitUntil(() => h.events.some((e) => e.type === 'message' && e.text === 'after the resume'));

    const texts = h.events.filter((e): e is MessageEvent => e.type === 'message').map((e) => e.text);
    expect(texts).toEqual(['part one', 'part two', 'my own answer', 'after the resume']);
    expect(h.events.filter((e) => e.type === 'command')).toHaveLength(1);
    expect(h.fake.identifies).toBe(1);
  });

  it('does not handle an interaction twice after a resume replays it', async () => {
    const h = await harness({
      handler: (events) => async (e) => {
        events.push(e);
        await e.reply({ text: 'ok' }, { private: true });
      },
    });
    const interaction = h.fake.command(h.fake.users.alice, 'me');
    h.fake.interact(interaction);
    await h.fake.waitForResponses(interaction.id);
    h.fake.dropConnections();
    await h.fake.waitUntil(() => !h.fake.connected);
    h.fake.replayOverlap = 5;
    await h.fake.waitUntil(() => h.fake.resumes === 1 && h.fake.connected, 5000, 'the resume');
    // a later interaction answered means the replayed one before it was seen (and dropped)
    const later = h.fake.command(h.fake.users.alice, 'help');
    h.fake.interact(later);
    await h.fake.waitForResponses(later.id);
    expect(h.events.filter((e) => e.type === 'command')).toHaveLength(2);
    expect(h.fake.responses(interaction.id)).toHaveLength(1);
  });

  it('logs a dropped connection as reconnecting, and a normal shutdown not', async () => {
    const h = await harness();
    const reconnecting = () => h.logs.filter((l) => l.msg === 'Discord gateway reconnecting');
    h.fake.dropConnections();
    await h.fake.waitUntil(() => h.fake.resumes === 1 && h.fake.connected, 5000, 'the resume');
    expect(reconnecting()).toHaveLength(1);
    await h.adapter.stop();
    await h.fake.waitUntil(() => !h.fake.connected, 3000, 'the bot to disconnect');
    await sleep(50);
    expect(reconnecting()).toHaveLength(1);
  });
});

describe('heartbeats', () => {
  it('keeps the connection alive through acknowledged heartbeats', async () => {
    const h = await harness({ fake: { heartbeatInterval: 40 } });
    await h.fake.waitUntil(() => h.fake.heartbeats >= 4, 3000, 'heartbeats');
    expect(h.fake.identifies).toBe(1);
    expect(h.fake.resumes).toBe(0);
    expect(h.fake.connected).toBe(true);
  });
});

describe('malformed dispatches', () => {
  it('ignores and logs them, and keeps serving', async () => {
    const h = await harness();
    const errorsBefore = process.listenerCount('uncaughtException');
    h.fake.dispatchRaw('MESSAGE_CREATE', { id: 'not-a-snowflake' });
    h.fake.dispatchRaw('MESSAGE_CREATE', null);
    h.fake.dispatchRaw('INTERACTION_CREATE', { id: '1', type: 99 });
    h.fake.dispatchRaw('INTERACTION_CREATE', {
      id: '2',
      type: 2,
      data: { name: 'prep' },
      guild_id: h.fake.guildId,
      channel_id: h.fake.channelId,
    });
    h.fake.dispatchRaw('MESSAGE_DELETE', { id: '3' });
    h.fake.dispatchRaw('MESSAGE_REACTION_ADD', { emoji: {} });
    h.fake.dispatchRaw('NO_SUCH_EVENT', { whatever: true });
    h.fake.dispatchRaw('THREAD_CREATE', { id: '4', type: 11 });
    h.fake.dispatchRaw('error', { boom: true });
    h.fake.dispatchRaw('MESSAGE_CREATE', { id: '5', channel_id: h.fake.channelId, author: null, content: 5 });

    const good = h.fake.command(h.fake.users.alice, 'tips', { employer: 'acme' });
    h.fake.interact(good);
    await h.fake.waitUntil(() => h.events.find((e) => e.type === 'command' && (e as CommandEvent).name === 'tips'));
    expect(process.listenerCount('uncaughtException')).toBe(errorsBefore);
    expect(h.adapter.client.isReady()).toBe(true);
    const dropped = h.logs.filter((l) => /dropped a/.test(String(l.msg)));
    // each dispatch Starling acts on that does not fit is dropped at the edge, with what was wrong
    expect(dropped.map((l) => l.event)).toEqual([
      'MESSAGE_CREATE',
      'MESSAGE_CREATE',
      'INTERACTION_CREATE',
      'INTERACTION_CREATE',
      'MESSAGE_DELETE',
      'MESSAGE_REACTION_ADD',
      undefined,
      'MESSAGE_CREATE',
    ]);
    expect(dropped.filter((l) => l.problem).every((l) => l.level === 40)).toBe(true);
    expect(h.events).toHaveLength(1);
  });
});

describe('sharding', () => {
  it('works the same with two shards in one process', async () => {
    const h = await harness({
      fake: { shards: 2 },
      adapter: { clientOptions: testClientOptions({ shards: 'auto' }) },
    });
    expect(h.fake.identifies).toBe(2);
    expect(h.adapter.client.ws.shards.size).toBe(2);
    const q = await h.adapter.post(`discord:${h.fake.guildId}:${h.fake.channelId}`, {
      kind: 'question',
      text: 'Q',
      starForm: { postId: 'p' },
    });
    h.fake.say(h.fake.users.alice, q.threadRef.split(':')[2] ?? '', 'answer on the right shard');
    await h.fake.waitUntil(() => h.events.find((e) => e.type === 'message'));
    expect(h.adapter.client.guilds.cache.get(h.fake.guildId)?.shardId).toBe(h.fake.shardOf(h.fake.guildId));
  });
});

describe('without the Message Content intent', () => {
  it('connects without it, says how to enable it, and keeps commands working', async () => {
    const h = await harness({ fake: { disallowMessageContent: true } });
    expect(h.adapter.readsMessageContent).toBe(false);
    expect(h.logs.some((l) => /Message Content intent/.test(String(l.msg)))).toBe(true);
    const interaction = h.fake.command(h.fake.users.alice, 'help');
    h.fake.interact(interaction);
    await h.fake.waitUntil(() => h.events.find((e) => e.type === 'command'));
  });

  it('warns once when thread replies arrive without text', async () => {
    const h = await harness();
    const q = await h.adapter.post(`discord:${h.fake.guildId}:${h.fake.channelId}`, {
      kind: 'question',
      text: 'Q',
      starForm: { postId: 'p' },
    });
    const threadId = q.threadRef.split(':')[2] ?? '';
    h.fake.say(h.fake.users.alice, threadId, '');
    h.fake.say(h.fake.users.bob, threadId, '');
    await h.fake.waitUntil(() => h.events.filter((e) => e.type === 'message').length === 2);
    expect(h.logs.filter((l) => /without its text/.test(String(l.msg)))).toHaveLength(1);
  });
});
