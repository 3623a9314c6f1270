import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/chat/errors';
import type { Occurrence, Schedule } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { claimOccurrences, listOccurrences, materialiseDue, pruneOccurrences } from '../../src/scheduler/occurrences';
import { type DueRunOptions, runDueSchedules } from '../../src/scheduler/run';
import { getSchedule, setSchedule } from '../../src/scheduler/store';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../db/databases';

const MIN = 60_000;
const HOUR = 60 * MIN;
const CATCHUP = 6 * HOUR;
const noPace = { channelIntervalMs: 0, workspacePerSecond: Number.POSITIVE_INFINITY };

interface Sent {
  channel: string;
  dueAt: number;
  attempts: number;
}

describe.each(databaseKinds)('runDueSchedules on %s', (kind) => {
  let t: TestDatabase;
  let sent: Sent[];
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    sent = [];
  });
  afterEach(() => t.close());

  const post = async (s: Schedule, o: Occurrence) => {
    sent.push({ channel: s.channel_ref, dueAt: o.due_at, attempts: o.attempts });
    return { postId: `m${sent.length}` };
  };
  const run = (now: Date, extra: Partial<DueRunOptions> = {}) =>
    runDueSchedules({
      db: t.db,
      now,
      replicaId: 'r1',
      logger: silentLogger(),
      catchupMs: CATCHUP,
      platforms: ['s'],
      post,
      pacing: noPace,
      ...extra,
    });
  const schedule = (channel: string, time: string, timezone: string, days: number[], at: Date, workspace = 'W1') =>
    setSchedule(t.db, { workspace, channelRef: channel, time, timezone, days, createdBy: 'U1' }, at);

  it('posts a due schedule once, records the post, and moves to the next day', async () => {
    await schedule('s:C1', '09:00', 'Europe/Berlin', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T06:00:00Z'));
    expect(await run(new Date('2026-06-01T06:59:00Z'))).toMatchObject({ posted: 0 });
    const first = await run(new Date('2026-06-01T07:00:20Z'));
    expect(first).toMatchObject({ posted: 1, skipped: 0, failed: 0 });
    expect(await run(new Date('2026-06-01T07:01:00Z'))).toMatchObject({ posted: 0 });
    expect(sent).toEqual([{ channel: 's:C1', dueAt: Date.parse('2026-06-01T07:00:00Z'), attempts: 1 }]);
    const [occ] = await listOccurrences(t.db);
    expect(occ).toMatchObject({ status: 'posted', post_id: 'm1', claimed_by: 'r1', lease_until: null });
    expect((await getSchedule(t.db, 's:C1'))?.next_run_at).toBe(Date.parse('2026-06-02T07:00:00Z'));
  });

  it('respects days of the week and a paused schedule', async () => {
    // Weekdays only, from Friday 2026-06-05; a second channel is paused.
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5], new Date('2026-06-05T00:00:00Z'));
    await schedule('s:C2', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-05T00:00:00Z'));
    await t.db
      .updateTable('schedules')
      .set({ paused: 1, paused_reason: 'admin' })
      .where('channel_ref', '=', 's:C2')
      .execute();
    for (let day = 5; day <= 9; day++) {
      await run(new Date(`2026-06-0${day}T09:00:30Z`));
    }
    // Fri, (no Sat, Sun), Mon, Tue; nothing for the paused channel.
    expect(sent.map((s) => new Date(s.dueAt).toISOString().slice(0, 10))).toEqual([
      '2026-06-05',
      '2026-06-08',
      '2026-06-09',
    ]);
    expect(sent.every((s) => s.channel === 's:C1')).toBe(true);
  });

  it('keeps 09:00 local through both DST changes, in New York and Berlin, ticking every 15 minutes', async () => {
    await schedule('s:NY', '09:00', 'America/New_York', [1, 2, 3, 4, 5, 6, 7], new Date('2026-03-06T00:00:00Z'));
    await schedule('s:BER', '09:00', 'Europe/Berlin', [1, 2, 3, 4, 5, 6, 7], new Date('2026-03-27T00:00:00Z'));
    const ticks = async (fromIso: string, days: number) => {
      const from = Date.parse(fromIso);
      for (let at = from; at < from + days * 24 * HOUR; at += 15 * MIN) await run(new Date(at));
    };
    await ticks('2026-03-07T00:00:00Z', 3); // US spring forward on Sun 8 March
    await ticks('2026-03-28T00:00:00Z', 3); // EU spring forward on Sun 29 March
    await t.db
      .updateTable('schedules')
      .set({ next_run_at: Date.parse('2026-10-24T13:00:00Z') })
      .where('channel_ref', '=', 's:NY')
      .execute();
    await t.db
      .updateTable('schedules')
      .set({ next_run_at: Date.parse('2026-10-24T07:00:00Z') })
      .where('channel_ref', '=', 's:BER')
      .execute();
    await ticks('2026-10-24T00:00:00Z', 10); // EU fall back Sun 25 Oct, US fall back Sun 1 Nov
    const utc = (ch: string) =>
      sent.filter((s) => s.channel === ch).map((s) => new Date(s.dueAt).toISOString().slice(5, 16));
    expect(utc('s:NY')).toEqual([
      '03-07T14:00',
      '03-08T13:00',
      '03-09T13:00', // EST then EDT
      '03-28T13:00',
      '03-29T13:00',
      '03-30T13:00',
      '10-24T13:00',
      '10-25T13:00',
      '10-26T13:00',
      '10-27T13:00',
      '10-28T13:00',
      '10-29T13:00',
      '10-30T13:00',
      '10-31T13:00',
      '11-01T14:00',
      '11-02T14:00', // EDT then EST
    ]);
    expect(utc('s:BER')).toEqual([
      '03-28T08:00',
      '03-29T07:00',
      '03-30T07:00', // CET then CEST
      '10-24T07:00',
      '10-25T08:00',
      '10-26T08:00',
      '10-27T08:00',
      '10-28T08:00',
      '10-29T08:00', // CEST then CET
      '10-30T08:00',
      '10-31T08:00',
      '11-01T08:00',
      '11-02T08:00',
    ]);
  });

  it('posts a time that does not exist on the spring-forward day at the next valid minute, and the repeated autumn hour once', async () => {
    await schedule('s:GAP', '02:30', 'America/New_York', [1, 2, 3, 4, 5, 6, 7], new Date('2026-03-07T12:00:00Z'));
    for (let at = Date.parse('2026-03-08T05:00:00Z'); at < Date.parse('2026-03-08T09:00:00Z'); at += MIN)
      await run(new Date(at));
    // 02:30 does not exist on 8 March; 03:00 EDT is 07:00Z.
    expect(sent.map((s) => new Date(s.dueAt).toISOString())).toEqual(['2026-03-08T07:00:00.000Z']);
    sent = [];
    await schedule('s:GAP', '01:30', 'America/New_York', [1, 2, 3, 4, 5, 6, 7], new Date('2026-10-31T12:00:00Z'));
    // 01:30 happens twice on 1 November (05:30Z EDT and 06:30Z EST): tick through both.
    for (let at = Date.parse('2026-11-01T05:00:00Z'); at < Date.parse('2026-11-01T08:00:00Z'); at += MIN)
      await run(new Date(at));
    expect(sent.map((s) => new Date(s.dueAt).toISOString())).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('after downtime posts only the newest missed run within the catch-up window, once, and records the rest as skipped', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    await schedule('s:C2', '06:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    // Down from 1 June 00:00 to 4 June 11:00: C1 missed 1-4 June (4 June by 2 h), C2 missed 1-4 June (4 June by 5 h).
    const back = new Date('2026-06-04T11:00:00Z');
    const r = await run(back);
    expect(r).toMatchObject({ posted: 2, skipped: 6, failed: 0 });
    expect(sent.map((s) => [s.channel, new Date(s.dueAt).toISOString()])).toEqual(
      expect.arrayContaining([
        ['s:C1', '2026-06-04T09:00:00.000Z'],
        ['s:C2', '2026-06-04T06:00:00.000Z'],
      ]),
    );
    const occ = await listOccurrences(t.db);
    expect(occ.filter((o) => o.status === 'skipped')).toHaveLength(6);
    expect(occ.filter((o) => o.status === 'skipped').every((o) => o.note?.includes('only the newest'))).toBe(true);
    // Ticking again does not post anything twice.
    expect(await run(new Date(back.getTime() + MIN))).toMatchObject({ posted: 0, skipped: 0 });
    expect(sent).toHaveLength(2);
  });

  it('after downtime longer than the window posts nothing and records every miss with the reason', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    const r = await run(new Date('2026-06-03T16:00:00Z')); // 3 June 09:00 missed by 7 h
    expect(r).toMatchObject({ posted: 0, skipped: 3 });
    expect(sent).toEqual([]);
    const occ = await listOccurrences(t.db);
    expect(occ.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(occ.every((o) => o.note?.includes('catch-up window (360 min)'))).toBe(true);
    expect((await getSchedule(t.db, 's:C1'))?.next_run_at).toBe(Date.parse('2026-06-04T09:00:00Z'));
  });

  it('pauses the schedule and tells whoever set it when the channel is gone or the bot lacks permission', async () => {
    await schedule('s:GONE', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    await schedule('s:PERM', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    await schedule('s:OK', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    const told: [string, string][] = [];
    const refusing = async (s: Schedule, o: Occurrence) => {
      if (s.channel_ref === 's:GONE') throw new PlatformError('channel_unavailable', 'is_archived');
      if (s.channel_ref === 's:PERM') throw new PlatformError('no_permission', 'not_in_channel');
      return post(s, o);
    };
    const onPaused = async (s: Schedule, err: PlatformError) => {
      told.push([s.channel_ref, err.code]);
    };
    const r = await run(new Date('2026-06-01T09:00:00Z'), { post: refusing, onPaused });
    expect(r).toMatchObject({ posted: 1, failed: 2 });
    expect(told.sort()).toEqual([
      ['s:GONE', 'is_archived'],
      ['s:PERM', 'not_in_channel'],
    ]);
    const gone = await getSchedule(t.db, 's:GONE');
    expect(gone?.paused).toBe(1);
    expect(gone?.paused_reason).toMatch(/archived or deleted.*\/prep schedule/);
    expect((await getSchedule(t.db, 's:PERM'))?.paused_reason).toMatch(/permission.*not_in_channel/);
    // The next day only the healthy channel posts.
    await run(new Date('2026-06-02T09:00:00Z'), { post: refusing, onPaused });
    expect(sent.map((s) => s.channel)).toEqual(['s:OK', 's:OK']);
  });

  it('a rate-limited workspace waits for its retry time while other workspaces post', async () => {
    for (let i = 0; i < 5; i++) {
      await schedule(`s:A${i}`, '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'), 'WA');
      await schedule(`s:B${i}`, '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'), 'WB');
    }
    let limited = true;
    const slowA = async (s: Schedule, o: Occurrence) => {
      if (s.workspace === 'WA' && limited) throw new PlatformError('rate_limited', 'ratelimited', undefined, 10 * MIN);
      return post(s, o);
    };
    const at = Date.parse('2026-06-01T09:00:00Z');
    const r = await run(new Date(at), { post: slowA, concurrency: 1 });
    expect(r.posted).toBe(5);
    expect(r.deferred).toBe(5);
    expect(sent.every((s) => s.channel.startsWith('s:B'))).toBe(true);
    const waiting = (await listOccurrences(t.db)).filter((o) => o.status === 'pending');
    expect(waiting).toHaveLength(5);
    expect(waiting.every((o) => (o.lease_until ?? 0) >= at + 10 * MIN)).toBe(true);
    // Not before the retry time...
    expect(await run(new Date(at + 5 * MIN), { post: slowA })).toMatchObject({ posted: 0 });
    // ...then all of them, once, counting no attempt for the refusals.
    limited = false;
    expect(await run(new Date(at + 11 * MIN), { post: slowA })).toMatchObject({ posted: 5 });
    expect(sent.filter((s) => s.channel.startsWith('s:A')).map((s) => s.attempts)).toEqual([1, 1, 1, 1, 1]);
  });

  it('retries a post that failed for an unknown reason, then gives up after the last attempt', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    let failures = 1;
    const flaky = async (s: Schedule, o: Occurrence) => {
      if (failures-- > 0) throw new Error('socket hang up');
      return post(s, o);
    };
    const at = Date.parse('2026-06-01T09:00:00Z');
    expect(await run(new Date(at), { post: flaky })).toMatchObject({ posted: 0, deferred: 1 });
    expect((await listOccurrences(t.db))[0]?.note).toBe('socket hang up');
    expect(await run(new Date(at + 2 * MIN), { post: flaky })).toMatchObject({ posted: 1 });
    expect(sent[0]?.attempts).toBe(2);

    await schedule('s:C2', '10:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    const broken = async () => {
      throw new Error('boom');
    };
    let now = Date.parse('2026-06-01T10:00:00Z');
    let failed = 0;
    for (let i = 0; i < 6; i++, now += 40 * MIN)
      failed += (await run(new Date(now), { post: broken, maxAttempts: 3 })).failed;
    expect(failed).toBe(1);
    const c2 = (await listOccurrences(t.db)).find((o) => o.due_at === Date.parse('2026-06-01T10:00:00Z'));
    expect(c2).toMatchObject({ status: 'failed', attempts: 3 });
    expect(c2?.note).toMatch(/gave up after 3 attempts; last error: boom/);
  });

  it('takes over an occurrence whose claimant stopped, once its lease has run out, telling the poster it may be a retry', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    const at = Date.parse('2026-06-01T09:00:00Z');
    // A replica records the run and claims it, then dies before posting: no heartbeat
    // renews its claim, so the occurrence stays claimed until its lease runs out.
    await materialiseDue(t.db, { now: at, catchupMs: 6 * 3_600_000, limit: 50, platforms: ['s'] });
    const claimed = await claimOccurrences(t.db, {
      now: at,
      replicaId: 'dead',
      leaseMs: 2000,
      limit: 10,
      platforms: ['s'],
    });
    expect(claimed).toHaveLength(1);
    const held = (await listOccurrences(t.db))[0];
    expect(held).toMatchObject({ status: 'claimed', claimed_by: 'dead' });
    // A run that starts while the claim is still held waits for it to run out, then posts it.
    const started = Date.now();
    expect(await run(new Date(at + 1500), { budgetMs: 10_000, leaseMs: 2000 })).toMatchObject({ posted: 1 });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(sent).toEqual([{ channel: 's:C1', dueAt: at, attempts: 2 }]);
    expect(await run(new Date(at + 3000))).toMatchObject({ posted: 0 });
  });

  it('a post still in flight when its run gives up keeps its claim until it lands: posted once', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    const at = Date.parse('2026-06-01T09:00:00Z');
    // the platform takes 1.2 s (a rate-limit wait); the run gives up on it after 0.2 s
    const late = (s: Schedule, o: Occurrence) =>
      new Promise<{ postId: string }>((resolve) => setTimeout(() => resolve(post(s, o)), 1_200));
    const t0 = Date.now();
    const first = await run(new Date(at), { post: late, budgetMs: 50, leaseMs: 300, replicaId: 'slow' });
    expect(first).toMatchObject({ posted: 0 });
    // another replica (on the same clock) looks while the post is on its way, for several leases
    const other = await run(new Date(at + (Date.now() - t0)), { leaseMs: 300, budgetMs: 700, replicaId: 'other' });
    await new Promise((r) => setTimeout(r, Math.max(0, 1_500 - (Date.now() - t0))));
    expect(other).toMatchObject({ posted: 0 });
    expect(sent).toHaveLength(1);
  });

  it('a live claimant keeps its claim: the heartbeat renews it while the post takes longer than a lease', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    const at = Date.parse('2026-06-01T09:00:00Z');
    let release: () => void = () => {};
    const slow = (s: Schedule, o: Occurrence) =>
      new Promise<{ postId: string }>((resolve) => {
        release = () => resolve(post(s, o) as unknown as { postId: string });
      });
    const first = run(new Date(at), { post: slow, leaseMs: 600, replicaId: 'slow' });
    await new Promise((r) => setTimeout(r, 1_500)); // two and a half leases
    // another replica finds the claim still held and does not post it
    expect(await run(new Date(at + 1_500), { leaseMs: 600, budgetMs: 300, replicaId: 'other' })).toMatchObject({
      posted: 0,
    });
    release();
    expect(await first).toMatchObject({ posted: 1 });
    expect(sent).toHaveLength(1);
  });

  it('never has more posts in flight than the concurrency allows', async () => {
    for (let i = 0; i < 30; i++) {
      await schedule(`s:C${i}`, '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'), `W${i % 7}`);
    }
    let inFlight = 0;
    let most = 0;
    const slow = async (s: Schedule, o: Occurrence) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return post(s, o);
    };
    expect(await run(new Date('2026-06-01T09:00:00Z'), { post: slow, concurrency: 3 })).toMatchObject({ posted: 30 });
    expect(most).toBe(3);
  });

  it('paces a busy workspace and hands back what it cannot post, without holding back the others', async () => {
    for (let i = 0; i < 6; i++) {
      await schedule(`s:A${i}`, '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'), 'WA');
    }
    await schedule('s:B0', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'), 'WB');
    // A burst of two, then one post per 1,000 s: far beyond this run's budget.
    const pacing = { channelIntervalMs: 1000, workspacePerSecond: 0.001, workspaceBurst: 2 };
    const r = await run(new Date('2026-06-01T09:00:00Z'), { pacing, budgetMs: 10_000 });
    expect(r).toMatchObject({ posted: 3, deferred: 4 });
    expect(sent.filter((s) => s.channel.startsWith('s:A'))).toHaveLength(2);
    expect(sent.some((s) => s.channel === 's:B0')).toBe(true);
    const waiting = (await listOccurrences(t.db)).filter((o) => o.status === 'pending');
    expect(waiting).toHaveLength(4);
    expect(waiting.every((o) => o.attempts === 0)).toBe(true);
  });

  it('skips an occurrence whose schedule was paused after it was recorded', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    const at = Date.parse('2026-06-01T09:00:00Z');
    await run(new Date(at), {
      post: async () => {
        throw new PlatformError('rate_limited', 'ratelimited', undefined, MIN);
      },
    });
    await t.db.updateTable('schedules').set({ paused: 1, paused_reason: 'admin' }).execute();
    expect(await run(new Date(at + 2 * MIN))).toMatchObject({ posted: 0, skipped: 1 });
    expect((await listOccurrences(t.db))[0]).toMatchObject({
      status: 'skipped',
      note: 'the schedule was paused before it could post',
    });
  });

  it('claims an occurrence for one replica at a time', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    const at = Date.parse('2026-06-01T09:00:00Z');
    await run(new Date(at), {
      post: async () => {
        throw new PlatformError('rate_limited', 'x', undefined, 1);
      },
    });
    const a = await claimOccurrences(t.db, {
      now: at + MIN,
      replicaId: 'a',
      leaseMs: MIN,
      limit: 10,
      platforms: ['s'],
    });
    const b = await claimOccurrences(t.db, {
      now: at + MIN,
      replicaId: 'b',
      leaseMs: MIN,
      limit: 10,
      platforms: ['s'],
    });
    expect([a.length, b.length]).toEqual([1, 0]);
    expect(
      await claimOccurrences(t.db, {
        now: at + 2 * MIN - 1,
        replicaId: 'b',
        leaseMs: MIN,
        limit: 10,
        platforms: ['s'],
      }),
    ).toEqual([]);
    const c = await claimOccurrences(t.db, {
      now: at + 2 * MIN,
      replicaId: 'c',
      leaseMs: MIN,
      limit: 10,
      platforms: ['s'],
    });
    expect(c.map((o) => [o.claimed_by, o.attempts])).toEqual([['c', 2]]);
  });

  it('pauses a schedule whose stored zone cannot be read, with the reason, and still posts the others', async () => {
    await schedule('s:BAD', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    await schedule('s:OK', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    await t.db.updateTable('schedules').set({ timezone: 'Mars/Olympus' }).where('channel_ref', '=', 's:BAD').execute();
    expect(await run(new Date('2026-06-01T09:00:00Z'))).toMatchObject({ posted: 1 });
    expect(sent.map((s) => s.channel)).toEqual(['s:OK']);
    const bad = await getSchedule(t.db, 's:BAD');
    expect(bad?.paused).toBe(1);
    expect(bad?.paused_reason).toMatch(/invalid time zone "Mars\/Olympus".*set it again/);
  });

  it('prunes finished occurrences older than a cutoff and keeps the rest', async () => {
    await schedule('s:C1', '09:00', 'UTC', [1, 2, 3, 4, 5, 6, 7], new Date('2026-06-01T00:00:00Z'));
    for (let d = 1; d <= 3; d++) await run(new Date(`2026-06-0${d}T09:00:00Z`));
    expect(await pruneOccurrences(t.db, Date.parse('2026-06-03T00:00:00Z'))).toBe(2);
    expect((await listOccurrences(t.db)).map((o) => new Date(o.due_at).toISOString())).toEqual([
      '2026-06-03T09:00:00.000Z',
    ]);
    // Pruning never lets a run be recorded or posted again.
    expect(await run(new Date('2026-06-03T09:30:00Z'))).toMatchObject({ posted: 0, skipped: 0 });
  });
});
