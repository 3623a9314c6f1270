// Several replicas on one database: every due occurrence is posted exactly once.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger';
import { runDueSchedules } from '../../src/scheduler/run';
import { createTestDatabase, databaseKinds } from '../db/databases';
import { countFakePosts, createFakePosts, fakePoster, insertSchedules, statusCounts } from './fixtures';

const T = new Date('2026-06-01T09:00:00Z');
const DAY = 24 * 3_600_000;

describe.each(databaseKinds)('replicas on %s', (kind) => {
  it.each([2, 4])('%i replicas racing on 1,000 due occurrences post each exactly once', async (n) => {
    const t = await createTestDatabase(kind);
    try {
      await createFakePosts(t.db);
      await insertSchedules(t.db, { count: 1000, workspaces: 25, setAt: new Date(T.getTime() - 3_600_000) });
      // On Postgres each replica has its own pool, as separate processes would; SQLite
      // has one writer, so replicas there share its connection and interleave.
      const dbs = [];
      for (let i = 0; i < n; i++) dbs.push(kind === 'postgres' ? (await t.connect({ max: 3 })).db : t.db);
      const results = await Promise.all(
        dbs.map((db, i) =>
          runDueSchedules({
            db,
            now: T,
            replicaId: `r${i}`,
            logger: silentLogger(),
            catchupMs: 6 * 3_600_000,
            platforms: ['test'],
            concurrency: 8,
            batchSize: 50,
            pacing: { channelIntervalMs: 0, workspacePerSecond: Number.POSITIVE_INFINITY },
            post: fakePoster(db, `r${i}`).post,
          }),
        ),
      );
      expect(results.reduce((sum, r) => sum + r.posted, 0)).toBe(1000);
      expect(await countFakePosts(t.db)).toEqual({ total: 1000, distinct: 1000, channels: 1000 });
      expect(await statusCounts(t.db)).toEqual({ posted: 1000 });
      // The replicas really raced: the work was shared, not done by whoever came first.
      expect(results.filter((r) => r.posted > 0).length).toBeGreaterThanOrEqual(2);
      const next = await t.db.selectFrom('schedules').select('next_run_at').distinct().execute();
      expect(next).toEqual([{ next_run_at: T.getTime() + DAY }]);
    } finally {
      await t.close();
    }
  });
});
