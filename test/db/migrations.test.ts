// The same migrations serve SQLite and Postgres.
import { type Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { migrateToLatest, migrationStatus } from '../../src/db/migrate';
import { createTestDatabase, databaseKinds } from './databases';

/** A schedule row due at `at`, with every column the migrations leave no default for. */
function schedule(id: string, at: number) {
  return {
    id,
    workspace: 'W',
    channel_ref: 'c',
    time: '09:00',
    timezone: 'UTC',
    days: '1',
    employer: null,
    category: null,
    paused_reason: null,
    created_by: 'U',
    next_run_at: at,
    created_at: at,
    updated_at: at,
  };
}

describe.each(databaseKinds)('migrations on %s', (kind) => {
  it('apply from empty, are a no-op the second time, and read epoch milliseconds back as numbers', async () => {
    const t = await createTestDatabase(kind, { migrate: false });
    try {
      expect(await migrateToLatest(t.db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(t.db)).toEqual([]);
      expect((await migrationStatus(t.db)).every((m) => m.appliedAt)).toBe(true);
      const at = Date.parse('2026-06-01T09:00:00Z');
      await t.db.insertInto('schedules').values(schedule('s1', at)).execute();
      const row = await t.db.selectFrom('schedules').select(['next_run_at', 'paused']).executeTakeFirstOrThrow();
      expect(row).toEqual({ next_run_at: at, paused: 0 });
      const agg = await sql<{
        n: number;
        mean: number;
      }>`select count(*) as n, avg(next_run_at) as mean from schedules`.execute(t.db);
      expect(agg.rows[0]).toEqual({ n: 1, mean: at });
    } finally {
      await t.close();
    }
  });

  it('enforce one occurrence per schedule and due time', async () => {
    const t = await createTestDatabase(kind);
    try {
      const at = Date.parse('2026-06-01T09:00:00Z');
      await t.db.insertInto('schedules').values(schedule('s1', at)).execute();
      const occ = (id: string) => ({
        id,
        schedule_id: 's1',
        due_at: at,
        status: 'pending',
        claimed_by: null,
        lease_until: at,
        post_id: null,
        note: null,
        created_at: at,
        updated_at: at,
      });
      await t.db.insertInto('occurrences').values(occ('o1')).execute();
      await expect(t.db.insertInto('occurrences').values(occ('o2')).execute()).rejects.toThrow(/unique|duplicate/i);
    } finally {
      await t.close();
    }
  });

  it('012 keeps every story mark and lets one name a mock answer; down keeps the marks on answers', async () => {
    const t = await createTestDatabase(kind, { migrate: false });
    const db = t.db as Kysely<any>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    try {
      expect((await migrator.migrateTo('011_feedback_ref')).error).toBeUndefined();
      await db
        .insertInto('posts')
        .values({
          id: 'p1',
          workspace: 'W',
          channel_ref: 'c',
          message_ref: 'm',
          thread_ref: 't',
          question_id: 'q',
          employer: 'e',
          category: 'behavioral',
          question_text: 'Tell me about a time',
          kind: 'manual',
          posted_at: 1,
          closes_at: 2,
        })
        .execute();
      const answer = { post_id: 'p1', workspace: 'W', channel_ref: 'c', user_id: 'U', user_name: 'U', text: 'x' };
      await db
        .insertInto('answers')
        .values({ id: 'a1', ...answer, created_at: 1, updated_at: 1 })
        .execute();
      const mark = { workspace: 'W', user_id: 'U', same_as: null, competencies: '["conflict"]', updated_at: 1 };
      await db
        .insertInto('story_marks')
        .values({ answer_id: 'a1', ...mark })
        .execute();
      await expect(
        db
          .insertInto('story_marks')
          .values({ answer_id: 'mock:s1:0', ...mark })
          .execute(),
      ).rejects.toThrow();

      expect(await migrateToLatest(db)).toContain('012_mock_story_marks');
      await db
        .insertInto('story_marks')
        .values({ answer_id: 'mock:s1:0', ...mark, same_as: 'a1' })
        .execute();
      const ids = async () =>
        (await db.selectFrom('story_marks').select('answer_id').orderBy('answer_id').execute()).map((r) => r.answer_id);
      expect(await ids()).toEqual(['a1', 'mock:s1:0']);

      expect((await migrator.migrateTo('011_feedback_ref')).error).toBeUndefined();
      expect(await ids()).toEqual(['a1']);
    } finally {
      await t.close();
    }
  });
});
