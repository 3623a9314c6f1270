// Real processes: a replica killed with SIGKILL mid fan-out, and a restart after
// downtime. The child (replica-child.ts) posts into the fake_posts table.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger';
import { listOccurrences } from '../../src/scheduler/occurrences';
import { runDueSchedules } from '../../src/scheduler/run';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../db/databases';
import { countFakePosts, createFakePosts, fakePoster, insertSchedules, statusCounts } from './fixtures';

const CHILD = fileURLToPath(new URL('./replica-child.ts', import.meta.url));
const T = Date.parse('2026-06-01T09:00:00Z');
const HOUR = 3_600_000;
const LEASE_MS = 60_000;

interface Child {
  proc: ChildProcess;
  /** Resolves when the child has printed `posted n` (or more). */
  posted(n: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: string | null; out: string }>;
}

function startChild(t: TestDatabase, replica: string, now: number, hangAfter = 0, leaseMs = LEASE_MS): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      REPLICA_ID: replica,
      NOW: String(now),
      HANG_AFTER: String(hangAfter),
      LEASE_MS: String(leaseMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let count = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  proc.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const m of chunk.toString().matchAll(/posted (\d+)/g)) count = Math.max(count, Number(m[1]));
    for (const w of waiting.splice(0)) {
      if (count >= w.n) w.resolve();
      else waiting.push(w);
    }
  });
  proc.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, out: out + err })),
  );
  return {
    proc,
    exited,
    posted: (n) =>
      new Promise<void>((resolve, reject) => {
        if (count >= n) return resolve();
        waiting.push({ n, resolve });
        exited.then((e) => reject(new Error(`replica ${replica} exited before posting ${n}: ${e.out}`)));
      }),
  };
}

function replica(db: TestDatabase['db'], id: string, now: number, leaseMs = LEASE_MS) {
  const poster = fakePoster(db, id, { idempotent: true });
  return {
    poster,
    run: () =>
      runDueSchedules({
        db,
        now: new Date(now),
        replicaId: id,
        logger: silentLogger(),
        catchupMs: 6 * HOUR,
        platforms: ['test'],
        leaseMs,
        concurrency: 4,
        batchSize: 50,
        pacing: { channelIntervalMs: 0, workspacePerSecond: Number.POSITIVE_INFINITY },
        post: poster.post,
      }),
  };
}

describe.each(databaseKinds)('a replica process on %s', (kind) => {
  it('killed with SIGKILL mid fan-out leaves no occurrence lost and none doubled once the others finish', async () => {
    const t = await createTestDatabase(kind, { file: true });
    try {
      await createFakePosts(t.db);
      await insertSchedules(t.db, { count: 400, workspaces: 10, setAt: new Date(T - HOUR) });
      const child = startChild(t, 'doomed', T, 20);
      await child.posted(1);
      // On Postgres the others race the doomed replica; SQLite has one writer, so
      // there the replica is killed first and the bot restarts on the same file.
      const others =
        kind === 'postgres'
          ? [replica((await t.connect()).db, 'r1', T), replica((await t.connect()).db, 'r2', T)]
          : [replica(t.db, 'r1', T)];
      const racing = kind === 'postgres' ? others.map((r) => r.run()) : [];
      await child.posted(20); // the 20th post reached the platform and was never recorded
      child.proc.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      await Promise.all(racing);
      if (kind !== 'postgres') await others[0]?.run();

      const orphaned = (await listOccurrences(t.db)).filter((o) => o.status === 'claimed');
      expect(orphaned.length).toBeGreaterThan(0);
      expect(orphaned.every((o) => o.claimed_by === 'doomed')).toBe(true);

      // Once the dead replica's leases run out, the survivors finish its work.
      const later = T + LEASE_MS + 5_000;
      const finish = others.map((_, i) => replica(t.db, `late${i}`, later));
      await Promise.all(finish.map((r) => r.run()));

      expect(await countFakePosts(t.db)).toEqual({ total: 400, distinct: 400, channels: 400 });
      expect(await statusCounts(t.db)).toEqual({ posted: 400 });
      // At least the 20th post was on the platform unrecorded, and was found, not sent again.
      expect(finish.reduce((sum, r) => sum + r.poster.found, 0)).toBeGreaterThanOrEqual(1);
      const retaken = (await listOccurrences(t.db)).filter((o) => orphaned.some((x) => x.id === o.id));
      expect(retaken.every((o) => o.attempts === 2 && o.claimed_by?.startsWith('late'))).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('killed mid fan-out, its share is posted by a replica still in its run within one lease', async () => {
    const t = await createTestDatabase(kind, { file: true });
    const lease = 3_000;
    try {
      await createFakePosts(t.db);
      await insertSchedules(t.db, { count: 200, workspaces: 10, setAt: new Date(T - HOUR) });
      const child = startChild(t, 'doomed', T, 20, lease);
      await child.posted(20);
      child.proc.kill('SIGKILL');
      const killedAt = Date.now();
      await child.exited;
      // the survivor starts within the same minute, while the dead replica's claims still stand
      const survivor = replica(t.db, 'survivor', T + 2_000, lease);
      await survivor.run();
      const tookMs = Date.now() - killedAt;
      expect(await countFakePosts(t.db)).toEqual({ total: 200, distinct: 200, channels: 200 });
      expect(await statusCounts(t.db)).toEqual({ posted: 200 });
      // the dead replica's claims ran out one lease after its last heartbeat, and were taken over then
      expect(tookMs).toBeLessThan(lease + 5_000);
      expect(survivor.poster.found).toBeGreaterThanOrEqual(1);
    } finally {
      await t.close();
    }
  });

  it('restarted after downtime applies the catch-up rules', async () => {
    const t = await createTestDatabase(kind, { file: true });
    try {
      await createFakePosts(t.db);
      await insertSchedules(t.db, { count: 5, time: '09:00', setAt: new Date(T - HOUR), prefix: 'nine' });
      await insertSchedules(t.db, { count: 5, time: '03:00', setAt: new Date(T - HOUR), prefix: 'three' });
      const first = startChild(t, 'p1', T + 30_000);
      expect((await first.exited).out).toContain('done {"posted":5');
      // Down until 2 days later at 10:00: 09:00 is 1 h late (post once), 03:00 is 7 h late (skip).
      const back = T + 2 * 24 * HOUR + HOUR;
      const second = startChild(t, 'p2', back);
      const out = (await second.exited).out;
      expect(out).toContain('done {"posted":5,"skipped":');
      const byChannel = await (t.db as Kysely<any>)
        .selectFrom('fake_posts')
        .select(['channel_ref', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('channel_ref')
        .execute();
      // Each 09:00 channel: on 1 June and late on 3 June; the 03:00 channels: never (first due 2 June).
      expect(byChannel.filter((r) => String(r.channel_ref).includes('nine')).map((r) => Number(r.n))).toEqual([
        2, 2, 2, 2, 2,
      ]);
      expect(byChannel.filter((r) => String(r.channel_ref).includes('three'))).toEqual([]);
      const occ = await listOccurrences(t.db);
      expect(occ.filter((o) => o.status === 'skipped')).toHaveLength(5 + 10); // nine: 2 June; three: 2 and 3 June
      expect(occ.filter((o) => o.status === 'posted')).toHaveLength(10);
    } finally {
      await t.close();
    }
  });
});
