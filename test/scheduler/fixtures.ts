// Shared by the scheduler tests, the crash child process and the bench.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database, Occurrence, Schedule } from '../../src/db/schema';
import { computeNextRun } from '../../src/scheduler/store';

export interface BulkScheduleOptions {
  count: number;
  /** Schedules are spread round-robin over this many workspaces. */
  workspaces?: number;
  time?: string;
  timezone?: string;
  days?: string;
  /** Schedules are created as if set at this instant. */
  setAt: Date;
  prefix?: string;
  /** The refs' platform (default `test`). */
  platform?: string;
}

/** Inserts many schedules at once (setSchedule one by one is too slow for thousands). */
export async function insertSchedules(db: Kysely<Database>, o: BulkScheduleOptions): Promise<void> {
  const time = o.time ?? '09:00';
  const timezone = o.timezone ?? 'UTC';
  const days = o.days ?? '1,2,3,4,5,6,7';
  const next = computeNextRun({ time, timezone, days }, o.setAt);
  const workspaces = o.workspaces ?? 10;
  const prefix = o.prefix ?? 'c';
  const rows = Array.from({ length: o.count }, (_, i) => ({
    id: randomUUID(),
    workspace: `W${i % workspaces}`,
    channel_ref: `${o.platform ?? 'test'}:${prefix}${i}`,
    time,
    timezone,
    days,
    employer: null,
    category: null,
    paused: 0,
    paused_reason: null,
    created_by: 'U1',
    next_run_at: next,
    created_at: o.setAt.getTime(),
    updated_at: o.setAt.getTime(),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('schedules')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/**
 * The fake platform's message log, a table so that several pools and processes
 * write to one place. Deliberately no unique key: a double post must show up.
 */
export async function createFakePosts(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fake_posts')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurrence_id', 'text', (c) => c.notNull())
    .addColumn('channel_ref', 'text', (c) => c.notNull())
    .addColumn('replica', 'text', (c) => c.notNull())
    .execute();
}

export interface FakePoster {
  post(schedule: Schedule, occ: Occurrence): Promise<{ postId: string }>;
  /** Posts found already on the "platform" by idempotency key and not sent again. */
  found: number;
}

/**
 * A post callback that writes to fake_posts. With `idempotent`, it first looks
 * for an earlier post of the same occurrence, as the core does on the platform.
 */
export function fakePoster(
  db: Kysely<any>,
  replica: string,
  opts: { idempotent?: boolean; afterPost?: (n: number) => Promise<void> } = {},
): FakePoster {
  let sent = 0;
  const self: FakePoster = {
    found: 0,
    async post(schedule, occ) {
      if (opts.idempotent && occ.attempts > 1) {
        const prior = await db
          .selectFrom('fake_posts')
          .select('id')
          .where('occurrence_id', '=', occ.id)
          .executeTakeFirst();
        if (prior) {
          self.found++;
          return { postId: prior.id as string };
        }
      }
      const id = randomUUID();
      await db
        .insertInto('fake_posts')
        .values({ id, occurrence_id: occ.id, channel_ref: schedule.channel_ref, replica })
        .execute();
      sent++;
      await opts.afterPost?.(sent);
      return { postId: id };
    },
  };
  return self;
}

export async function countFakePosts(db: Kysely<any>): Promise<{ total: number; distinct: number; channels: number }> {
  const r = await sql<{ total: number; distinct: number; channels: number }>`
    select count(*) as total, count(distinct occurrence_id) as "distinct", count(distinct channel_ref) as channels
    from fake_posts`.execute(db);
  const row = r.rows[0];
  return { total: Number(row?.total), distinct: Number(row?.distinct), channels: Number(row?.channels) };
}

export async function statusCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('occurrences')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
