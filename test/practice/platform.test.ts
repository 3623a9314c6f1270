// What the core does with the platform and other replicas: exactly-once scheduled
// posts (including one a crashed replica already made), one digest across replicas,
// pausing on refusals with a note to whoever set the schedule, App Home, autocomplete.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryAdapter } from '../../adapters/memory/index';
import { buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { PlatformError } from '../../src/chat/errors';
import type { OutboundMessage, PostResult, Ref } from '../../src/chat/types';
import { loadConfig } from '../../src/config';
import { GuideLibrary } from '../../src/guides/library';
import { silentLogger } from '../../src/logger';
import { scheduledPoster } from '../../src/practice/posting';
import { getSchedule, setSchedule } from '../../src/scheduler/store';
import { ACME, ada, bob, GLOBEX, type Harness, harness, lastPrivate, NO_RESULT, questions } from './helpers';

let h: Harness;
afterEach(() => h?.close());

async function occurrence(h: Harness) {
  const s = await setSchedule(
    h.db,
    {
      workspace: 'memory:W1',
      channelRef: h.channel,
      time: '09:00',
      timezone: 'UTC',
      days: [1, 2, 3, 4, 5],
      createdBy: ada.id,
    },
    h.now(),
  );
  const at = h.now().getTime();
  await h.db
    .insertInto('occurrences')
    .values({
      id: 'occ-1',
      schedule_id: s.id,
      due_at: at,
      status: 'claimed',
      claimed_by: 'test',
      lease_until: at + 60_000,
      post_id: null,
      note: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const occ = await h.db.selectFrom('occurrences').selectAll().where('id', '=', 'occ-1').executeTakeFirstOrThrow();
  return { s, occ };
}

describe('the scheduled post callback', () => {
  it('posts with the occurrence as idempotency key, records it, and never posts it twice', async () => {
    h = await harness();
    const { s, occ } = await occurrence(h);
    const post = scheduledPoster(h.app.ctx);
    const first = await post(s, occ);
    const again = await post(s, occ);
    expect(again.postId).toBe(first.postId);
    const sent = questions(h.adapter, h.channel);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.idempotencyKey).toBe('occ-1');
    expect(sent[0]?.message.title).toMatch(/^Question of the day · /);
    const row = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: first.postId, occurrence_id: 'occ-1', kind: 'daily', thread_ref: sent[0]?.ref });
  });

  it('records a post a crashed replica already made instead of posting again', async () => {
    h = await harness();
    const { s, occ } = await occurrence(h);
    // What the crashed replica would have posted, found on the platform by its key.
    const found: PostResult = { ref: 'memory:W1:C1:77', threadRef: 'memory:W1:C1:77' };
    const adapter = h.app.ctx.adapters.for(h.channel) as MemoryAdapter & {
      findPosted?: (to: Ref, key: string) => Promise<PostResult | undefined>;
    };
    const asked: string[] = [];
    adapter.findPosted = async (_to, key) => {
      asked.push(key);
      return key === 'occ-1' ? found : undefined;
    };
    // A first attempt cannot have an earlier post, so the platform is not asked.
    await scheduledPoster(h.app.ctx)(s, { ...occ, attempts: 1, id: 'occ-first' }).catch(() => {});
    expect(asked).toEqual([]);
    await h.db.deleteFrom('posts').execute();
    h.adapter.clear();
    // The occurrence was claimed before, by a replica that died: ask the platform first.
    const { postId } = await scheduledPoster(h.app.ctx)(s, { ...occ, attempts: 2 });
    expect(asked).toEqual(['occ-1']);
    expect(questions(h.adapter, h.channel)).toHaveLength(0);
    const row = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: postId, thread_ref: found.threadRef, occurrence_id: 'occ-1' });
    // Answers in that thread now count.
    await h.say(bob, found.threadRef, NO_RESULT);
    expect(await h.db.selectFrom('answers').selectAll().execute()).toHaveLength(1);
  });
});

describe('several replicas on one database', () => {
  it('post each scheduled question and each digest exactly once', async () => {
    h = await harness();
    await h.command(ada, 'schedule', '09:00 UTC weekdays acme');
    const other = new MemoryAdapter('memory:W1', h.channel);
    const replica2 = buildApp({
      config: loadConfig({ FEEDBACK_QUIET_SECONDS: '0' }),
      logger: silentLogger(),
      db: h.db,
      guides: new GuideLibrary([ACME, GLOBEX]),
      adapters: new AdapterSet([other]),
      clock: () => h.now(),
      replicaId: 'two',
    });
    h.setNow('2026-03-02T09:00:10Z');
    await Promise.all([h.app.tick(), replica2.tick(), h.app.tick()]);
    const posted = [...questions(h.adapter, h.channel), ...questions(other, h.channel)];
    expect(posted).toHaveLength(1);
    h.setNow('2026-03-03T09:00:20Z');
    await Promise.all([h.app.tick(), replica2.tick()]);
    const digests = [...h.adapter.sent, ...other.sent].filter((s) => s.message.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.message.text).toContain('Nobody answered this one');
  });
});

describe('platform refusals', () => {
  it('pause the channel schedule and tell whoever set it, once', async () => {
    h = await harness();
    await h.command(ada, 'schedule', '09:00 UTC weekdays');
    await h.app.onPlatformError(h.channel, new PlatformError('no_permission', 'missing_scope'));
    const s = await getSchedule(h.db, h.channel);
    expect(s?.paused).toBe(1);
    expect(s?.paused_reason).toContain('lacks permission');
    const dm = h.adapter.sent.filter((m) => m.to === 'memory:W1:dm-U-ada');
    expect(dm).toHaveLength(1);
    expect(dm[0]?.message.title).toBe('The daily question is paused');
    expect(dm[0]?.message.text).toBe(
      'Starling lacks permission to post in <#memory:W1:C1> (missing_scope). Give the bot permission to send messages there. Once that is fixed, run `/prep schedule resume` in <#memory:W1:C1>.',
    );
    await h.app.onPlatformError(h.channel, new PlatformError('channel_unavailable', 'channel_not_found'));
    expect(h.adapter.sent.filter((m) => m.to === 'memory:W1:dm-U-ada')).toHaveLength(1);
    await h.command(bob, 'schedule');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain(
      '**Paused:** Starling lacks permission to post in this channel (missing_scope). Give the bot permission to send messages there. Once that is fixed, run `/prep schedule resume` in this channel.',
    );
    await h.command(ada, 'schedule', 'resume');
    expect(await getSchedule(h.db, h.channel)).toMatchObject({ paused: 0, paused_reason: null });
  });

  it('leave the schedule running on a rate limit', async () => {
    h = await harness();
    await h.command(ada, 'schedule', '09:00 UTC weekdays');
    await h.app.onPlatformError(h.channel, new PlatformError('rate_limited', '429', undefined, 1000));
    expect((await getSchedule(h.db, h.channel))?.paused).toBe(0);
  });

  it('a scheduled post refused for good pauses the schedule through the tick', async () => {
    h = await harness();
    await h.command(ada, 'schedule', '09:00 UTC weekdays');
    h.adapter.post = async (to: Ref, message: OutboundMessage) => {
      if (message.kind === 'question') throw new PlatformError('channel_unavailable', 'is_archived');
      return MemoryAdapter.prototype.post.call(h.adapter, to, message);
    };
    h.setNow('2026-03-02T09:00:10Z');
    await h.app.tick();
    expect((await getSchedule(h.db, h.channel))?.paused).toBe(1);
    const dm = h.adapter.sent.filter((m) => m.to === 'memory:W1:dm-U-ada');
    expect(dm.map((m) => m.message.text)).toEqual([
      'Starling can no longer post in <#memory:W1:C1> (is_archived): it was archived or deleted, or the bot was removed. Add the bot back to the channel. Once that is fixed, run `/prep schedule resume` in <#memory:W1:C1>.',
    ]);
  });
});

describe('App Home and autocomplete', () => {
  it('shows a member their summary by workspace and user id', async () => {
    h = await harness();
    await h.command(ada, 'question', 'acme');
    await h.say(bob, questions(h.adapter, h.channel)[0]?.ref ?? '', NO_RESULT);
    const home = await h.app.homeView('memory:W1', bob.id);
    expect(home.title).toBe('Your practice summary');
    expect(home.text).toContain('**Answers given:** 1');
    expect((await h.app.homeView('memory:W2', bob.id)).text).toContain('not answered');
  });

  it('completes employers and categories', async () => {
    h = await harness();
    expect(h.app.autocomplete('employer', 'glo')).toEqual([{ name: 'Globex', value: 'globex-data-engineer' }]);
    expect(h.app.autocomplete('category', 'sys')).toEqual([{ name: 'system design', value: 'system-design' }]);
    expect(h.app.autocomplete('category', '').length).toBe(5);
  });

  it('exposes every command in the registry for platform registration', async () => {
    h = await harness();
    const names = h.app.registry.list().map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'help',
        'question',
        'tips',
        'employers',
        'schedule',
        'me',
        'summary',
        'leaderboard',
        'retry',
        'snooze',
        'export',
        'forget-me',
        'settings',
      ]),
    );
  });
});

describe('when the platform refuses a send', () => {
  it('keeps the answer when its feedback or marker cannot be delivered', async () => {
    h = await harness();
    await h.command(ada, 'question', 'acme');
    const thread = questions(h.adapter, h.channel)[0]?.ref ?? '';
    h.adapter.postPrivate = async () => {
      throw new PlatformError('user_unreachable', 'cannot_dm_bot');
    };
    h.adapter.react = async () => {
      throw new PlatformError('no_permission', 'missing_scope');
    };
    await h.say(bob, thread, NO_RESULT);
    expect(await h.db.selectFrom('answers').selectAll().execute()).toHaveLength(1);
    expect(await h.db.selectFrom('analyses').selectAll().execute()).toHaveLength(1);
    expect(h.adapter.sent.some((s) => s.message.kind === 'error')).toBe(false);
  });

  it('tells whoever asked for a question that the bot cannot post in the channel', async () => {
    h = await harness();
    h.adapter.post = async (to: Ref, message: OutboundMessage) => {
      if (message.kind === 'question') throw new PlatformError('channel_unavailable', 'not_in_channel');
      return MemoryAdapter.prototype.post.call(h.adapter, to, message);
    };
    await h.command(bob, 'question', 'acme');
    expect(lastPrivate(h.adapter, bob.id)?.text).toBe(
      "Starling can't post in this channel (not_in_channel). Invite the bot to this channel, then try again.",
    );
    expect(await h.db.selectFrom('posts').selectAll().execute()).toHaveLength(0);
  });

  it('gives a digest back when its post fails for a passing reason, and posts it on a later tick', async () => {
    h = await harness();
    await h.command(ada, 'question', 'acme');
    const post = h.adapter.post.bind(h.adapter);
    let refuse: PlatformError | undefined = new PlatformError('rate_limited', 'ratelimited', 'slow down', 30_000);
    h.adapter.post = async (to: Ref, message: OutboundMessage) => {
      if (message.kind === 'digest' && refuse) throw refuse;
      return post(to, message);
    };
    h.advance(25 * 3_600_000);
    await h.app.tick();
    expect((await h.db.selectFrom('posts').select('digest_at').executeTakeFirstOrThrow()).digest_at).toBeNull();
    refuse = undefined;
    h.advance(60_000);
    await h.app.tick();
    expect(h.adapter.sent.filter((s) => s.message.kind === 'digest')).toHaveLength(1);
    expect((await h.db.selectFrom('posts').select('digest_at').executeTakeFirstOrThrow()).digest_at).not.toBeNull();
  });

  it('keeps a digest claimed when the channel refuses posts for good', async () => {
    h = await harness();
    await h.command(ada, 'question', 'acme');
    h.adapter.post = async () => {
      throw new PlatformError('channel_unavailable', 'is_archived');
    };
    h.advance(25 * 3_600_000);
    await h.app.tick();
    expect((await h.db.selectFrom('posts').select('digest_at').executeTakeFirstOrThrow()).digest_at).not.toBeNull();
  });

  it('leaves a digest for a platform this process does not run', async () => {
    h = await harness();
    await h.command(ada, 'question', 'acme');
    await h.db.updateTable('posts').set({ thread_ref: 'elsewhere:W:C:1', channel_ref: 'elsewhere:W:C' }).execute();
    h.advance(25 * 3_600_000);
    await h.app.tick();
    const row = await h.db.selectFrom('posts').select('digest_at').executeTakeFirstOrThrow();
    expect(row.digest_at).toBeNull();
  });
});
