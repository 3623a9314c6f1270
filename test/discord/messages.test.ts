// Posting and the question thread through the real discord.js Client: the question as
// an embed with its thread, replies/edits/deletions/reactions in that thread, private
// replies by DM (and the note when DMs are closed), splitting, nonces and findPosted.
import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/chat/errors';
import type { EventHandler, MessageEvent, PostResult } from '../../src/chat/types';
import { snowflake } from './fake-discord';
import { type Harness, startHarness } from './harness';

let h: Harness;
let behave: EventHandler = async () => {};
const platformErrors: { channel: string; err: PlatformError }[] = [];

beforeAll(async () => {
  h = await startHarness({
    adapter: {
      onPlatformError: async (channel, err) => {
        platformErrors.push({ channel, err });
      },
    },
    handler: (events) => async (e) => {
      events.push(e);
      await behave(e);
    },
  });
});
afterAll(async () => h.close());
beforeEach(() => {
  h.events.length = 0;
  behave = async () => {};
  h.fake.failures.length = 0;
  h.fake.dmClosed.clear();
  platformErrors.length = 0;
});

const channel = () => `discord:${h.fake.guildId}:${h.fake.channelId}`;

async function postQuestion(
  extra: { idempotencyKey?: string } = {},
): Promise<PostResult & { threadId: string; messageId: string }> {
  const result = await h.adapter.post(channel(), {
    kind: 'question',
    title: 'Question of the day · Acme · Teamwork',
    text: '> Tell me about a time you disagreed with your manager.',
    footer: 'From the Acme guide',
    starForm: { postId: 'p-1' },
    ...extra,
  });
  return { ...result, threadId: result.threadRef.split(':')[2] ?? '', messageId: result.ref.split(':')[3] ?? '' };
}

async function nextEvent<T>(type: string): Promise<T> {
  return h.fake.waitUntil(() => h.events.find((e) => e.type === type) as T | undefined, 3000, `a ${type} event`);
}

/** A question thread of the bot's that the client has not cached (as after a restart). */
function olderThread(): string {
  const id = snowflake();
  h.fake.channels.set(id, {
    id,
    type: ChannelType.PublicThread,
    guild_id: h.fake.guildId,
    parent_id: h.fake.channelId,
    owner_id: h.fake.botId,
    name: 'Older question',
    thread_metadata: {
      archived: false,
      auto_archive_duration: 10080,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
  });
  return id;
}

describe('posting a question', () => {
  it('posts an embed with the STAR button and starts a thread from it', async () => {
    const before = h.fake.requests.length;
    const q = await postQuestion();
    expect(q.ref).toBe(`${channel()}:${q.messageId}`);
    expect(q.threadRef).toBe(`discord:${h.fake.guildId}:${q.threadId}`);
    const [post] = h.fake.calls('POST', new RegExp(`^/channels/${h.fake.channelId}/messages$`), before);
    expect(post?.body.embeds[0]).toMatchObject({
      title: 'Question of the day · Acme · Teamwork',
      description: '> Tell me about a time you disagreed with your manager.',
      footer: { text: 'From the Acme guide' },
    });
    expect(post?.body.components[0].components[0]).toMatchObject({ custom_id: 'starform:p-1' });
    expect(post?.body.allowed_mentions).toEqual({ parse: ['users'] });
    const [thread] = h.fake.calls('POST', /\/threads$/, before);
    expect(thread?.path).toBe(`/channels/${h.fake.channelId}/messages/${q.messageId}/threads`);
    expect(thread?.body.name).toBe('Question of the day · Acme · Teamwork');
  });

  it('posts into a thread when given its ref, and a long message in parts of at most 2,000 characters', async () => {
    const q = await postQuestion();
    const text = Array.from({ length: 700 }, (_, i) => `w${i}`).join(' ');
    const r = await h.adapter.post(q.threadRef, { kind: 'digest', title: 'Digest', text: 'Three answered.' });
    expect(r.threadRef).toBe(q.threadRef);
    await h.adapter.post(q.threadRef, { text });
    const parts = h.fake.botMessages(q.threadId).filter((m) => m.content.startsWith('w'));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.content.length).toBeLessThanOrEqual(2000);
    expect(parts.map((p) => p.content).join(' ')).toBe(text);
  });

  it('replies under any message by starting a thread there', async () => {
    const info = await h.adapter.post(channel(), { text: 'Schedule set.' });
    expect(info.threadRef).toBe(info.ref);
    const reply = await h.adapter.post(info.threadRef, { text: 'A follow-up' });
    const messageId = info.ref.split(':')[3];
    expect(reply.ref.startsWith(`discord:${h.fake.guildId}:${messageId}:`)).toBe(true);
  });

  it('sends a nonce so a quick retry of a scheduled post returns the same message, and findPosted finds it', async () => {
    const key = `occ-${Date.now()}`;
    const first = await postQuestion({ idempotencyKey: key });
    const before = h.fake.requests.length;
    const again = await postQuestion({ idempotencyKey: key });
    expect(again.ref).toBe(first.ref);
    expect(again.threadRef).toBe(first.threadRef);
    const [post] = h.fake.calls('POST', /\/messages$/, before);
    expect(post?.body.enforce_nonce).toBe(true);
    expect(post?.body.nonce).toHaveLength(25);
    expect(h.fake.botMessages(h.fake.channelId).filter((m) => m.id === first.messageId)).toHaveLength(1);

    expect(await h.adapter.findPosted?.(channel(), key)).toEqual({ ref: first.ref, threadRef: first.threadRef });
    expect(await h.adapter.findPosted?.(channel(), 'never-posted')).toBeUndefined();
  });

  it('finds a post by its button once Discord has forgotten the nonce (history never carries it)', async () => {
    const key = `occ-b-${Date.now()}`;
    const first = await postQuestion({ idempotencyKey: key });
    const before = h.fake.requests.length;
    h.fake.now = () => Date.now() + 10 * 60_000;
    try {
      expect(await h.adapter.findPosted?.(channel(), key)).toEqual({ ref: first.ref, threadRef: first.threadRef });
      const [history] = h.fake.calls('GET', new RegExp(`^/channels/${h.fake.channelId}/messages$`), before);
      expect(history?.status).toBe(200);
      expect(h.fake.botMessages(h.fake.channelId).some((m) => 'nonce' in m)).toBe(false);
      // Past the window the nonce no longer protects: posting again makes a second
      // copy, which is why a re-claimed occurrence asks findPosted first.
      const late = await postQuestion({ idempotencyKey: key });
      expect(late.ref).not.toBe(first.ref);
    } finally {
      h.fake.now = Date.now;
    }
  });

  it('edits a message and adds and removes reactions by neutral name', async () => {
    const q = await postQuestion();
    const before = h.fake.requests.length;
    await h.adapter.edit?.(q.ref, { text: 'Closed', kind: 'info' });
    await h.adapter.react?.(q.ref, 'regional_indicator_s');
    await h.adapter.unreact?.(q.ref, 'white_check_mark');
    const calls = h.fake.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(calls).toContain(`PATCH /channels/${h.fake.channelId}/messages/${q.messageId}`);
    expect(calls).toContain(`PUT /channels/${h.fake.channelId}/messages/${q.messageId}/reactions/🇸/@me`);
    expect(calls).toContain(`DELETE /channels/${h.fake.channelId}/messages/${q.messageId}/reactions/✅/@me`);
  });
});

describe('the question thread', () => {
  it('delivers a member reply with the thread, its channel and neutral text', async () => {
    const q = await postQuestion();
    const { alice, bob } = h.fake.users;
    const said = h.fake.say(
      alice,
      q.threadId,
      `In 2023 <@!${bob.id}> and I **fixed** it in <#${h.fake.channelId}> ||quietly||`,
    );
    const e = await nextEvent<MessageEvent>('message');
    expect(e).toMatchObject({
      workspace: `discord:${h.fake.guildId}`,
      channel: channel(),
      thread: q.threadRef,
      ref: `${q.threadRef}:${said.id}`,
      text: `In 2023 <@${bob.id}> and I **fixed** it in #practice quietly`,
      author: { id: alice.id, name: 'Alice', isBot: false, isAdmin: false },
    });
  });

  it('ignores bots, the bot itself, other channels and threads it did not start', async () => {
    const q = await postQuestion();
    await h.adapter.post(q.threadRef, { text: 'the bot speaking' });
    h.fake.say(h.fake.users.helper, q.threadId, 'another bot');
    h.fake.say(h.fake.users.alice, h.fake.channelId, 'chat in the channel');
    const other = h.fake.memberThread(h.fake.users.bob);
    h.fake.say(h.fake.users.alice, other, 'chat in a member thread');
    const marker = h.fake.say(h.fake.users.bob, q.threadId, 'the real answer');
    const e = await nextEvent<MessageEvent>('message');
    // every message said before the marker reached a listener before it did
    await h.adapter.idle();
    expect(h.events).toHaveLength(1);
    expect(e.ref.endsWith(marker.id)).toBe(true);
  });

  it('reads a reply in one of its threads that the client had not cached (archived before a restart)', async () => {
    const id = olderThread();
    const said = h.fake.say(h.fake.users.alice, id, 'late answer');
    const e = await nextEvent<MessageEvent>('message');
    expect(e).toMatchObject({
      thread: `discord:${h.fake.guildId}:${id}`,
      ref: `discord:${h.fake.guildId}:${id}:${said.id}`,
      text: 'late answer',
    });
  });

  it('reads an edit and a deletion in one of its threads that the client had not cached', async () => {
    const id = olderThread();
    // the reply was read before the restart; the client has not seen this thread since
    const said = h.fake.say(h.fake.users.alice, id, 'first draft');
    await nextEvent<MessageEvent>('message');
    h.adapter.client.channels.cache.delete(id);
    h.fake.editMessage(said, 'second draft');
    const edited = await nextEvent<{ text: string; ref: string }>('message_edited');
    expect(edited).toMatchObject({ text: 'second draft', ref: `discord:${h.fake.guildId}:${id}:${said.id}` });
    h.adapter.client.channels.cache.delete(id);
    h.fake.deleteMessage(said);
    const deleted = await nextEvent<{ ref: string }>('message_deleted');
    expect(deleted.ref).toBe(`discord:${h.fake.guildId}:${id}:${said.id}`);
    await h.adapter.idle();
    expect(h.events.filter((e) => e.type === 'message_edited')).toHaveLength(1);
    expect(h.events.filter((e) => e.type === 'message_deleted')).toHaveLength(1);
  });

  it('delivers edits and deletions, and ignores updates that are not edits', async () => {
    const q = await postQuestion();
    const m = h.fake.say(h.fake.users.alice, q.threadId, 'first draft');
    await nextEvent('message');
    h.fake.dispatchRaw('MESSAGE_UPDATE', { ...m, guild_id: h.fake.guildId, embeds: [] });
    h.fake.editMessage(m, 'second draft');
    const edited = await nextEvent<{ text: string; ref: string; thread: string }>('message_edited');
    expect(edited).toMatchObject({ text: 'second draft', ref: `${q.threadRef}:${m.id}`, thread: q.threadRef });
    h.fake.deleteMessage(m);
    const deleted = await nextEvent<{ ref: string }>('message_deleted');
    expect(deleted.ref).toBe(`${q.threadRef}:${m.id}`);
    expect(h.events.filter((e) => e.type === 'message_edited')).toHaveLength(1);
  });

  it('delivers reactions by neutral name, ignoring its own', async () => {
    const q = await postQuestion();
    const m = h.fake.say(h.fake.users.alice, q.threadId, 'answer');
    await nextEvent('message');
    h.fake.react(h.fake.bot, m, '✅');
    h.fake.react(h.fake.users.bob, m, '🇸');
    const r = await nextEvent<{ emoji: string; added: boolean; ref: string }>('reaction');
    expect(r).toMatchObject({ emoji: 'regional_indicator_s', added: true, ref: `${q.threadRef}:${m.id}` });
    h.fake.react(h.fake.users.bob, m, '🇸', false);
    await h.fake.waitUntil(() => h.events.filter((e) => e.type === 'reaction').length === 2);
    expect(h.events.filter((e) => e.type === 'reaction').map((e) => (e as { added: boolean }).added)).toEqual([
      true,
      false,
    ]);
  });

  it('answers publicly in the thread and privately by direct message', async () => {
    const q = await postQuestion();
    behave = async (e) => {
      await e.reply({ kind: 'marker', text: 'S·T·A·R' }, { inThread: true });
      await e.reply({ kind: 'feedback', title: 'Your feedback', text: 'Name the result.' }, { private: true });
    };
    const before = h.fake.requests.length;
    h.fake.say(h.fake.users.alice, q.threadId, 'my answer');
    const dmMessage = await h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.body?.embeds?.[0]?.title === 'Your feedback',
      before,
    );
    // the feedback went to Alice's direct-message channel (opened now, or by an earlier test)
    const dm = h.fake.dmChannelFor(h.fake.users.alice.id);
    expect(dm).toEqual(expect.any(String));
    expect(dmMessage.path).toBe(`/channels/${dm}/messages`);
    expect(h.fake.botMessages(q.threadId).map((m) => m.content)).toContain('S·T·A·R');
  });

  it('leaves a short note in the thread when the member has closed direct messages', async () => {
    const q = await postQuestion();
    h.fake.dmClosed.add(h.fake.users.bob.id);
    behave = async (e) => {
      await e.reply({ kind: 'feedback', title: 'Your feedback', text: 'secret' }, { private: true });
    };
    h.fake.say(h.fake.users.bob, q.threadId, 'my answer');
    const note = await h.fake.waitUntil(() =>
      h.fake.botMessages(q.threadId).find((m) => m.content.includes('direct messages are closed')),
    );
    expect(note.content.startsWith(`<@${h.fake.users.bob.id}>`)).toBe(true);
    expect(note.content).not.toContain('secret');
  });

  it('postPrivate and openDirect reach the member by DM, with the same fallback', async () => {
    const q = await postQuestion();
    const dm = await h.adapter.openDirect?.(`discord:${h.fake.guildId}`, h.fake.users.alice.id);
    expect(dm).toMatch(/^discord:@me:\d+$/);
    await h.adapter.post(dm ?? '', { text: 'hello privately' });
    h.fake.dmClosed.add(h.fake.users.carol.id);
    await h.adapter.postPrivate?.(q.threadRef, h.fake.users.carol.id, { text: 'hidden' });
    expect(h.fake.botMessages(q.threadId).some((m) => m.content.includes('direct messages are closed'))).toBe(true);
  });
});

describe('refusals', () => {
  it('maps Missing Permissions, Missing Access and Unknown Channel to PlatformErrors', async () => {
    h.fake.failures.push({
      method: 'POST',
      path: /\/messages$/,
      status: 403,
      code: 50013,
      message: 'Missing Permissions',
    });
    const denied = await h.adapter.post(channel(), { text: 'x' }).catch((e) => e);
    expect(denied).toBeInstanceOf(PlatformError);
    expect(denied).toMatchObject({ kind: 'no_permission', code: '50013' });

    h.fake.failures.push({ method: 'POST', path: /\/messages$/, status: 403, code: 50001, message: 'Missing Access' });
    expect(await h.adapter.post(channel(), { text: 'x' }).catch((e) => e)).toMatchObject({
      kind: 'no_permission',
      code: '50001',
    });

    const gone = await h.adapter.post(`discord:${h.fake.guildId}:1234567890123456789`, { text: 'x' }).catch((e) => e);
    expect(gone).toMatchObject({ kind: 'channel_unavailable', code: '10003' });
  });

  it('takes down a question whose thread cannot be started, and says why', async () => {
    h.fake.failures.push({
      method: 'POST',
      path: /\/threads$/,
      status: 403,
      code: 50013,
      message: 'Missing Permissions',
    });
    const before = h.fake.requests.length;
    const err = await postQuestion().catch((e) => e);
    expect(err).toMatchObject({ kind: 'no_permission' });
    const deleted = h.fake.calls('DELETE', /\/messages\/\d+$/, before);
    expect(deleted).toHaveLength(1);
  });

  it('reports a thread the bot can no longer post in to the core once, and does not crash', async () => {
    const q = await postQuestion();
    behave = async (e) => {
      await e.reply({ text: 'marker' }, { inThread: true });
    };
    h.fake.failures.push({
      method: 'POST',
      path: new RegExp(`/channels/${q.threadId}/messages$`),
      status: 403,
      code: 50013,
      times: 2,
    });
    h.fake.say(h.fake.users.alice, q.threadId, 'answer one');
    h.fake.say(h.fake.users.bob, q.threadId, 'answer two');
    await h.fake.waitUntil(
      () =>
        h.fake.calls('POST', new RegExp(`/channels/${q.threadId}/messages$`)).filter((r) => r.status === 403).length ===
        2,
    );
    await h.adapter.idle();
    expect(platformErrors).toHaveLength(1);
    expect(platformErrors[0]?.channel).toBe(channel());
    expect(platformErrors[0]?.err).toMatchObject({ kind: 'no_permission', code: '50013' });
    expect(h.logs.some((l) => l.msg === 'handling a Discord event failed')).toBe(true);
  });

  it('waits out a 429 in discord.js’s queue and then posts', async () => {
    h.fake.failures.push({
      method: 'POST',
      path: /\/messages$/,
      status: 429,
      headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
    });
    const before = h.fake.requests.length;
    const r = await h.adapter.post(channel(), { text: 'after the wait' });
    const posts = h.fake.calls('POST', /\/messages$/, before);
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect(r.ref).toMatch(/^discord:\d+:\d+:\d+$/);
  });

  it('fails a post at once as rate_limited when Discord asks for a long wait, and a later attempt posts once', async () => {
    const key = `occ-429-${Date.now()}`;
    const posts = new RegExp(`^/channels/${h.fake.channelId}/messages$`);
    h.fake.failures.push({ method: 'POST', path: posts, status: 429, headers: { 'retry-after': '3600' } });
    const before = h.fake.requests.length;
    // discord.js alone would sleep for the hour (and this test would time out).
    const err = await postQuestion({ idempotencyKey: key }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'rate_limited', code: '429' });
    expect((err as PlatformError).retryAfterMs).toBeGreaterThanOrEqual(3_600_000);
    expect((err as PlatformError).message).toMatch(/retry in 3600 s/);
    expect(h.fake.calls('POST', posts, before).map((p) => p.status)).toEqual([429]);

    const later = await postQuestion({ idempotencyKey: key });
    expect(h.fake.calls('POST', posts, before).map((p) => p.status)).toEqual([429, 200]);
    const keyed = h.fake.botMessages(h.fake.channelId).filter((m) => m.id === later.messageId);
    expect(keyed).toHaveLength(1);
    expect(await h.adapter.findPosted?.(channel(), key)).toEqual({ ref: later.ref, threadRef: later.threadRef });
  });

  it('keeps a question whose thread hit a long rate limit findable, so the retry completes it instead of re-posting', async () => {
    const key = `occ-thread-429-${Date.now()}`;
    const long = { status: 429, headers: { 'retry-after': '600' } };
    h.fake.failures.push(
      { method: 'POST', path: /\/threads$/, ...long },
      { method: 'DELETE', path: /\/messages\/\d+$/, ...long },
    );
    const err = await postQuestion({ idempotencyKey: key }).catch((e: unknown) => e);
    // Not rate_limited: the scheduler counts it as an attempt, and its next attempt looks for the post first.
    expect(err).toMatchObject({
      kind: 'other',
      message: expect.stringMatching(/posted but its thread could not be started/),
    });
    const standing = h.fake.botMessages(h.fake.channelId).at(-1);
    expect(standing?.embeds[0]?.title).toBe('Question of the day · Acme · Teamwork');

    const found = await h.adapter.findPosted?.(channel(), key);
    expect(found).toEqual({
      ref: `${channel()}:${standing?.id}`,
      threadRef: `discord:${h.fake.guildId}:${standing?.id}`,
    });
    expect(h.fake.channels.get(standing?.id ?? '')?.type).toBe(ChannelType.PublicThread);
  });
});
