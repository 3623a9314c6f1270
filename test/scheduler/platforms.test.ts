// Processes that run different platforms on one database (Discord shards plus a
// separate Slack process): each posts its own platform's questions and digests and
// leaves the others' alone, untouched, for the process that can post them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import type { Adapter, OutboundMessage, PostResult, Ref } from '../../src/chat/types';
import { loadConfig } from '../../src/config';
import type { Occurrence, Schedule } from '../../src/db/schema';
import { GuideLibrary } from '../../src/guides/library';
import { silentLogger } from '../../src/logger';
import { listOccurrences, materialiseDue } from '../../src/scheduler/occurrences';
import { runDueSchedules } from '../../src/scheduler/run';
import { getSchedule, setSchedule } from '../../src/scheduler/store';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../db/databases';
import { ACME, GLOBEX } from '../practice/helpers';

const HOUR = 3_600_000;
const noPace = { channelIntervalMs: 0, workspacePerSecond: Number.POSITIVE_INFINITY };
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** A platform that records what it was asked to post. */
class RecordingAdapter implements Adapter {
  readonly sent: { to: Ref; message: OutboundMessage }[] = [];
  private seq = 0;
  constructor(readonly platform: string) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async post(to: Ref, message: OutboundMessage): Promise<PostResult> {
    this.sent.push({ to, message });
    const ref = `${to}:${++this.seq}`;
    return { ref, threadRef: to.split(':').length > 3 ? to : ref };
  }
}

describe.each(databaseKinds)('replicas running different platforms on %s', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(() => t.close());

  const schedule = (channelRef: string, at: Date, workspace = channelRef.split(':').slice(0, 2).join(':')) =>
    setSchedule(t.db, { workspace, channelRef, time: '09:00', timezone: 'UTC', days: EVERY_DAY, createdBy: 'U1' }, at);

  /** A replica whose post callback, like AdapterSet, can only reach its own platforms. */
  function replica(id: string, platforms: string[]) {
    const posted: string[] = [];
    const post = async (s: Schedule, o: Occurrence) => {
      const platform = s.channel_ref.slice(0, s.channel_ref.indexOf(':'));
      if (!platforms.includes(platform))
        throw new Error(`no adapter is running for ${platform} (ref ${s.channel_ref})`);
      posted.push(s.channel_ref);
      return { postId: `${id}:${o.id}` };
    };
    return {
      posted,
      run: (now: Date) =>
        runDueSchedules({
          db: t.db,
          now,
          replicaId: id,
          logger: silentLogger(),
          catchupMs: 6 * HOUR,
          platforms,
          pacing: noPace,
          post,
        }),
    };
  }

  it('posts every occurrence exactly once, each by the replica that runs its platform, none failed', async () => {
    const setAt = new Date('2026-06-01T00:00:00Z');
    const slackRefs = Array.from({ length: 12 }, (_, i) => `slack:T${i % 3}:C${i}`);
    const discordRefs = Array.from({ length: 12 }, (_, i) => `discord:G${i % 3}:${100 + i}`);
    for (const ref of [...slackRefs, ...discordRefs]) await schedule(ref, setAt);
    const slack = replica('slack-1', ['slack']);
    const discord = replica('discord-1', ['discord']);

    // Both tick at once, then again a minute later, as their tickers would.
    const at = Date.parse('2026-06-01T09:00:05Z');
    const first = await Promise.all([slack.run(new Date(at)), discord.run(new Date(at))]);
    const second = await Promise.all([slack.run(new Date(at + 60_000)), discord.run(new Date(at + 60_000))]);

    expect(first.map((r) => r.posted)).toEqual([12, 12]);
    for (const r of [...first, ...second]) expect(r).toMatchObject({ failed: 0, deferred: 0, skipped: 0 });
    expect(second.map((r) => r.posted)).toEqual([0, 0]);
    expect(slack.posted.sort()).toEqual([...slackRefs].sort());
    expect(discord.posted.sort()).toEqual([...discordRefs].sort());

    const occs = await listOccurrences(t.db);
    expect(occs).toHaveLength(24);
    const refOf = new Map<string, string>();
    for (const ref of [...slackRefs, ...discordRefs]) refOf.set((await getSchedule(t.db, ref))?.id ?? '', ref);
    for (const o of occs) {
      const ref = refOf.get(o.schedule_id) ?? '';
      expect(o).toMatchObject({ status: 'posted', attempts: 1, note: null });
      expect(o.claimed_by).toBe(ref.startsWith('slack:') ? 'slack-1' : 'discord-1');
    }
  });

  it('leaves a schedule of a platform it does not run due, and its occurrence pending with no attempt spent', async () => {
    const setAt = new Date('2026-06-01T00:00:00Z');
    const s = await schedule('slack:T1:C1', setAt);
    const due = Date.parse('2026-06-01T09:00:00Z');
    const discord = replica('discord-1', ['discord']);

    // Nothing recorded, nothing advanced: the Slack process will find it due as it was.
    expect(await discord.run(new Date(due + 5_000))).toEqual({ posted: 0, skipped: 0, failed: 0, deferred: 0 });
    expect(await listOccurrences(t.db)).toEqual([]);
    expect((await getSchedule(t.db, s.channel_ref))?.next_run_at).toBe(due);

    // Recorded by a Slack process that then died before claiming it: still not the
    // Discord process's to take, however many times it ticks.
    await materialiseDue(t.db, { now: due + 10_000, catchupMs: 6 * HOUR, limit: 10, platforms: ['slack'] });
    for (let i = 1; i <= 7; i++) {
      expect(await discord.run(new Date(due + i * 10 * 60_000))).toMatchObject({ posted: 0, failed: 0, deferred: 0 });
    }
    expect(await listOccurrences(t.db)).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 0, claimed_by: null, note: null }),
    ]);
    expect(discord.posted).toEqual([]);

    const slack = replica('slack-1', ['slack']);
    expect(await slack.run(new Date(due + 80 * 60_000))).toMatchObject({ posted: 1, failed: 0 });
    expect(await listOccurrences(t.db)).toEqual([
      expect.objectContaining({ status: 'posted', attempts: 1, claimed_by: 'slack-1' }),
    ]);
  });

  it('refuses a platform name that could not be a ref prefix, saying what to pass', async () => {
    const bad = replica('r', ['slack:']);
    await expect(bad.run(new Date())).rejects.toThrow(/"slack:" is not a platform name; pass the ref prefixes/);
  });

  it('two bot processes (a Slack one, a Discord one) each post their own questions and digests', async () => {
    let now = new Date('2026-06-01T08:00:00Z');
    const apps = ['slack', 'discord'].map((platform) => {
      const adapter = new RecordingAdapter(platform);
      const app = buildApp({
        config: loadConfig({ FEEDBACK_QUIET_SECONDS: '0' }),
        logger: silentLogger(),
        db: t.db,
        guides: new GuideLibrary([ACME, GLOBEX]),
        adapters: new AdapterSet([adapter]),
        clock: () => now,
        replicaId: `${platform}-process`,
      });
      return { adapter, app };
    });
    const [slack, discord] = apps as [(typeof apps)[number], (typeof apps)[number]];
    await schedule('slack:T1:C1', now, 'slack:T1');
    await schedule('discord:G1:42', now, 'discord:G1');

    now = new Date('2026-06-01T09:00:10Z');
    await Promise.all(apps.map((a) => a.app.tick(now)));
    const kinds = (a: RecordingAdapter) => a.sent.map((s) => [s.message.kind, s.to.split(':').slice(0, 3).join(':')]);
    expect(kinds(slack.adapter)).toEqual([['question', 'slack:T1:C1']]);
    expect(kinds(discord.adapter)).toEqual([['question', 'discord:G1:42']]);
    expect((await listOccurrences(t.db)).map((o) => o.status)).toEqual(['posted', 'posted']);

    // The answer windows close; each process posts the digest into its own thread.
    const firstDay = await t.db.selectFrom('posts').selectAll().orderBy('thread_ref').execute();
    expect(firstDay.map((p) => p.thread_ref)).toEqual([
      expect.stringMatching(/^discord:G1:42:/),
      expect.stringMatching(/^slack:T1:C1:/),
    ]);
    now = new Date(Math.max(...firstDay.map((p) => Number(p.closes_at))) + 60_000);
    await Promise.all(apps.map((a) => a.app.tick(now)));
    await Promise.all(apps.map((a) => a.app.tick(new Date(now.getTime() + 60_000))));
    const digests = (a: RecordingAdapter) => a.sent.filter((s) => s.message.kind === 'digest').map((s) => s.to);
    expect(digests(discord.adapter)).toEqual([firstDay[0]?.thread_ref]);
    expect(digests(slack.adapter)).toEqual([firstDay[1]?.thread_ref]);
    const claimed = await t.db
      .selectFrom('posts')
      .select('digest_at')
      .where(
        'id',
        'in',
        firstDay.map((p) => p.id),
      )
      .execute();
    expect(claimed.every((p) => p.digest_at !== null)).toBe(true);
  });

  it("finds its own digests behind a full page of another platform's that nobody is posting", async () => {
    let now = new Date('2026-06-01T08:00:00Z');
    const adapter = new RecordingAdapter('slack');
    const app = buildApp({
      config: loadConfig({ FEEDBACK_QUIET_SECONDS: '0' }),
      logger: silentLogger(),
      db: t.db,
      guides: new GuideLibrary([ACME, GLOBEX]),
      adapters: new AdapterSet([adapter]),
      clock: () => now,
      replicaId: 'slack-process',
    });
    await schedule('slack:T1:C1', now, 'slack:T1');
    now = new Date('2026-06-01T09:00:10Z');
    await app.tick(now);
    const mine = await t.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    // 60 Discord questions whose windows closed earlier, their process down.
    await t.db
      .insertInto('posts')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          ...mine,
          id: `d${i}`,
          workspace: 'discord:G1',
          channel_ref: `discord:G1:${i}`,
          thread_ref: `discord:G1:${i}:1`,
          occurrence_id: null,
          closes_at: Number(mine.closes_at) - HOUR,
        })),
      )
      .execute();
    now = new Date(Number(mine.closes_at) + 60_000);
    await app.tick(now);
    expect(adapter.sent.filter((s) => s.message.kind === 'digest').map((s) => s.to)).toEqual([mine.thread_ref]);
    const untouched = await t.db
      .selectFrom('posts')
      .select('id')
      .where('workspace', '=', 'discord:G1')
      .where('digest_at', 'is', null)
      .execute();
    expect(untouched).toHaveLength(60);
  });
});
