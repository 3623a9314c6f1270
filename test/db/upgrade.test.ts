// A database made by an earlier release upgrades with nothing lost. The earlier schemas are
// built from the migration files exactly as they shipped (test/db/first-release/).
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
// 001 has not changed since it shipped (its hash is checked in frozen.test.ts)
import * as first001 from '../../migrations/001_initial';
import { migrateToLatest } from '../../src/db/migrate';
import type { Database } from '../../src/db/schema';
import { leaderboard, memberHistory } from '../../src/practice/store/stats';
import { createTestDatabase, databaseKinds } from './databases';
import * as first002 from './first-release/002_practice';
import * as second002 from './first-release/002_practice.second';

const RELEASES: Record<string, Record<string, Migration>> = {
  'the first release (6a01985)': { '001_initial': first001, '002_practice': first002 },
  'the release after it (12e9c26)': { '001_initial': first001, '002_practice': second002 },
};
const T0 = Date.parse('2026-05-04T09:00:00Z');

/** What a study group of that release would have stored: a channel, a post, two answers. */
async function fill(db: Kysely<any>): Promise<void> {
  await db.insertInto('channels').values({ ref: 'C1', workspace: 'W', name: 'prep', created_at: T0 }).execute();
  await db
    .insertInto('posts')
    .values({
      id: 'P1',
      workspace: 'W',
      channel_ref: 'C1',
      message_ref: 'M1',
      thread_ref: 'T1',
      question_id: 'q1',
      employer: 'acme',
      category: 'behavioral',
      question_text: 'Tell me about a time you fixed something.',
      kind: 'daily',
      posted_at: T0,
      closes_at: T0 + 86_400_000,
    })
    .execute();
  const answer = (id: string, user: string, parts: [number, number, number, number], passed: number) => ({
    a: {
      id,
      post_id: 'P1',
      workspace: 'W',
      channel_ref: 'C1',
      user_id: user,
      user_name: user,
      text: `answer ${id}`,
      created_at: T0 + 60_000,
      updated_at: T0 + 60_000,
    },
    an: {
      answer_id: id,
      story: 1,
      situation: parts[0],
      task: parts[1],
      action: parts[2],
      result: parts[3],
      result_measured: 0,
      ownership: 1,
      checks_passed: passed,
      checks_total: 6,
      word_count: 80,
      data: '{}',
      created_at: T0 + 60_000,
    },
  });
  for (const { a, an } of [answer('A1', 'ada', [1, 1, 1, 1], 5), answer('A2', 'bob', [1, 0, 1, 0], 3)]) {
    await db.insertInto('answers').values(a).execute();
    await db.insertInto('analyses').values(an).execute();
    await db
      .insertInto('answer_messages')
      .values({ ref: `R-${a.id}`, answer_id: a.id, text: 'x', created_at: T0 })
      .execute();
  }
  await db
    .insertInto('snoozes')
    .values({ id: 'S1', workspace: 'W', user_id: 'bob', from_at: T0, until_at: T0 + 1, created_at: T0 })
    .execute();
}

describe.each(databaseKinds)('a database of an earlier release, on %s', (kind) => {
  it.each(Object.keys(RELEASES))('from %s upgrades with nothing lost', async (release) => {
    const t = await createTestDatabase(kind, { migrate: false });
    try {
      const old = RELEASES[release] as Record<string, Migration>;
      if (kind === 'postgres') {
        // another Starling of today in a schema of the same database must not be taken for this one
        await sql`create schema other_starling`.execute(t.db);
        await sql`create table other_starling.answers (id text primary key, checks_passed integer)`.execute(t.db);
      }
      const made = await new Migrator({ db: t.db, provider: { getMigrations: async () => old } }).migrateToLatest();
      expect(made.error).toBeUndefined();
      await fill(t.db);

      expect(await migrateToLatest(t.db)).toEqual([
        '004_discord',
        '005_answer_figures',
        '006_mock_interviews',
        '007_ai_coach',
        '008_story_bank',
        '009_reminders_interviews',
        '010_chat_guides',
        '011_feedback_ref',
        '012_mock_story_marks',
      ]);
      const db = t.db as Kysely<Database>;
      // every row is still there
      for (const [table, n] of [
        ['answers', 2],
        ['analyses', 2],
        ['answer_messages', 2],
        ['snoozes', 1],
        ['posts', 1],
      ] as const) {
        const row = await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
        expect(Number(row.n), table).toBe(n);
      }
      // the figures the leaderboard reads are the ones that release showed
      const board = await leaderboard(db, 'W', 'C1', T0);
      expect(board.map((r) => [r.userId, r.checksPassed, r.checksTotal, r.complete])).toEqual([
        ['ada', 5, 6, 1],
        ['bob', 3, 6, 0],
      ]);
      const history = await memberHistory(db, 'W', 'bob');
      expect(history[0]?.flags).toMatchObject({ situation: true, task: false, checksPassed: 3 });
      // and the upgraded database takes today's writes
      expect(await migrateToLatest(t.db)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
