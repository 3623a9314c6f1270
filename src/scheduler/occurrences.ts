// Occurrences: one row per (schedule, due time), created once however many
// replicas tick, then claimed under a lease by exactly one of them at a time.
//
// Life of a row: pending -> claimed -> posted, or skipped (missed, paused, too late)
// or failed (the platform refused for good). A claim whose lease ran out (the
// replica died or hung) is claimable again; `attempts` then tells the poster that
// an earlier claimant may already have posted.
//
// Dialect notes: everything here is plain kysely that SQLite and Postgres both
// run. On Postgres the two selects that pick work take row locks with SKIP LOCKED
// so replicas split the work instead of queueing behind each other; SQLite has a
// single writer, and every claim is one atomic UPDATE, so it needs no locks.
import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, type Insertable, type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database, Occurrence, Schedule } from '../db/schema';
import { onPlatforms } from './platforms';
import { computeNextRun, scheduleDays } from './store';
import { runsBetween } from './time';

type OccurrenceStatus = 'pending' | 'claimed' | 'posted' | 'skipped' | 'failed';

/** Missed runs older than this are not recorded one by one (a bot down for months). */
const MAX_RECORDED_MISS_MS = 31 * 24 * 60 * 60_000;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function bigint(value: number | null) {
  // Postgres types a bare parameter in CASE as text; the cast keeps it a number on both.
  return sql<number | null>`cast(${value} as bigint)`;
}

export interface CatchupPlan {
  /** The one run to post (on time or late), if any. */
  post?: number;
  /** Runs recorded as skipped, with why. */
  skipped: { dueAt: number; note: string }[];
  /** The schedule's next run strictly after now. */
  next: number | null;
  /** Runs older than MAX_RECORDED_MISS_MS that were neither posted nor recorded. */
  unrecorded: boolean;
}

/**
 * What to do with a schedule whose next run (`first`) has come: every run in
 * [first, now] is considered; only the newest may post, and only when it is less
 * than `catchupMs` late. Pure, so the catch-up rules are tested without a database.
 */
export function planCatchup(
  s: Pick<Schedule, 'time' | 'timezone' | 'days'>,
  first: number,
  now: number,
  catchupMs: number,
): CatchupPlan {
  const horizon = now - MAX_RECORDED_MISS_MS;
  const spec = { time: s.time, timezone: s.timezone, days: scheduleDays(s) };
  const runs = first >= horizon ? [first] : [];
  for (const at of runsBetween(spec, new Date(Math.max(first, horizon)), new Date(now), 10_000))
    runs.push(at.getTime());
  const newest = runs.at(-1);
  const lateBy = newest === undefined ? Number.POSITIVE_INFINITY : now - newest;
  const post = newest !== undefined && lateBy < catchupMs ? newest : undefined;
  const windowText = `${Math.round(catchupMs / 60_000)} min`;
  const note =
    post !== undefined
      ? 'missed while the bot was down; only the newest missed run was posted'
      : `missed by more than the catch-up window (${windowText}); not posted late`;
  const skipped = runs.filter((at) => at !== post).map((dueAt) => ({ dueAt, note }));
  return { post, skipped, next: computeNextRun(s, new Date(now)), unrecorded: first < horizon };
}

export interface MaterialiseResult {
  /** Due schedules this call advanced (0: nothing left that this replica could take). */
  schedules: number;
  pending: number;
  skipped: number;
  /** Schedules paused because their stored time or zone can no longer be read. */
  broken: number;
}

/**
 * Takes up to `limit` due schedules, records their occurrences (pending or
 * skipped) and advances next_run_at, all in one transaction: a crash leaves
 * either both or neither, and the unique (schedule_id, due_at) means a second
 * replica can never create a second row for the same run. Only schedules on
 * `platforms` are taken: the others wait, untouched, for a process that runs them.
 */
export async function materialiseDue(
  db: Kysely<Database>,
  opts: {
    now: number;
    catchupMs: number;
    limit: number;
    platforms: readonly string[];
    onUnrecorded?: (s: Schedule) => void;
  },
): Promise<MaterialiseResult> {
  const { now } = opts;
  const here = onPlatforms(db, 'channel_ref', opts.platforms);
  if (opts.platforms.length === 0) return { schedules: 0, pending: 0, skipped: 0, broken: 0 };
  return db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('schedules')
      .selectAll()
      .where('paused', '=', 0)
      .where('next_run_at', '<=', now)
      .where(here)
      .orderBy('next_run_at')
      .orderBy('id')
      .limit(opts.limit);
    if (isPostgres(trx)) q = q.forUpdate().skipLocked();
    const due = await q.execute();
    const result: MaterialiseResult = { schedules: 0, pending: 0, skipped: 0, broken: 0 };
    if (due.length === 0) return result;

    const plans = new Map<string, { s: Schedule; plan: CatchupPlan }>();
    for (const s of due) {
      try {
        const plan = planCatchup(s, s.next_run_at as number, now, opts.catchupMs);
        plans.set(s.id, { s, plan });
        if (plan.unrecorded) opts.onUnrecorded?.(s);
      } catch (err) {
        // A row we cannot read must not stall every other schedule: pause it with the reason.
        const why = err instanceof Error ? err.message : String(err);
        await trx
          .updateTable('schedules')
          .set({
            paused: 1,
            paused_reason: `The schedule cannot be read (${why}); set it again with a valid time and time zone.`,
            updated_at: now,
          })
          .where('id', '=', s.id)
          .execute();
        result.broken++;
      }
    }
    if (plans.size === 0) return { ...result, schedules: result.broken };

    // Sorted ids keep lock order the same in every replica, so they cannot deadlock.
    const entries = [...plans.values()].sort((a, b) => (a.s.id < b.s.id ? -1 : 1));
    const ids = entries.map((e) => e.s.id);
    const caseOf = (pick: (e: (typeof entries)[number]) => number | null) =>
      sql<number | null>`case ${sql.join(
        entries.map((e) => sql`when id = ${e.s.id} then ${bigint(pick(e))}`),
        sql` `,
      )} end`;
    // Guarded by the old next_run_at: if anyone advanced a schedule first, we leave it alone.
    const advanced = await trx
      .updateTable('schedules')
      .set({ next_run_at: caseOf((e) => e.plan.next), updated_at: now })
      .where('id', 'in', ids)
      .where(
        'next_run_at',
        '=',
        caseOf((e) => e.s.next_run_at),
      )
      .returning('id')
      .execute();
    const won = new Set(advanced.map((r) => r.id));

    const rows: Insertable<Database['occurrences']>[] = [];
    for (const { s, plan } of entries) {
      if (!won.has(s.id)) continue;
      for (const miss of plan.skipped) {
        rows.push(occurrenceRow(s.id, miss.dueAt, 'skipped', miss.note, now));
        result.skipped++;
      }
      if (plan.post !== undefined) {
        rows.push(occurrenceRow(s.id, plan.post, 'pending', null, now));
        result.pending++;
      }
    }
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('occurrences')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['schedule_id', 'due_at']).doNothing())
        .execute();
    }
    result.schedules = won.size + result.broken;
    return result;
  });
}

function occurrenceRow(
  scheduleId: string,
  dueAt: number,
  status: OccurrenceStatus,
  note: string | null,
  now: number,
): Insertable<Database['occurrences']> {
  return {
    id: randomUUID(),
    schedule_id: scheduleId,
    due_at: dueAt,
    status,
    claimed_by: null,
    // For a pending row, lease_until is "not before": the time it may be claimed.
    lease_until: status === 'pending' ? now : null,
    attempts: 0,
    post_id: null,
    note,
    created_at: now,
    updated_at: now,
  };
}

function claimable(now: number) {
  return (eb: ExpressionBuilder<Database, 'occurrences'>) =>
    eb.and([eb('status', 'in', ['pending', 'claimed']), eb('lease_until', '<=', now)]);
}

/**
 * Claims up to `limit` occurrences that are pending or whose lease ran out, of
 * schedules on `platforms` only: one this process cannot post would be retried
 * and given up as failed, though the process that runs its platform could post it.
 * One UPDATE does it, and it re-checks the claimable condition on each row it
 * writes, so two replicas can never both win the same row.
 */
export async function claimOccurrences(
  db: Kysely<Database>,
  opts: { now: number; replicaId: string; leaseMs: number; limit: number; platforms: readonly string[] },
): Promise<Occurrence[]> {
  const { now } = opts;
  const here = onPlatforms(db, 'schedules.channel_ref', opts.platforms);
  if (opts.platforms.length === 0) return [];
  let pick = db
    .selectFrom('occurrences')
    .select('id')
    .where(claimable(now))
    // A correlated EXISTS: each candidate probes its schedule by primary key, where
    // an IN (subquery) would list every schedule of the platform first.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('schedules')
          .select(sql.lit(1).as('one'))
          .whereRef('schedules.id', '=', 'occurrences.schedule_id')
          .where(here),
      ),
    )
    .orderBy('lease_until')
    .orderBy('due_at')
    .limit(opts.limit);
  if (isPostgres(db)) pick = pick.forUpdate().skipLocked();
  return db
    .updateTable('occurrences')
    .set((eb) => ({
      status: 'claimed',
      claimed_by: opts.replicaId,
      lease_until: now + opts.leaseMs,
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', pick)
    .where(claimable(now))
    .returningAll()
    .execute();
}

function mine(db: Kysely<Database>, id: string, replicaId: string) {
  return db
    .updateTable('occurrences')
    .where('id', '=', id)
    .where('status', '=', 'claimed')
    .where('claimed_by', '=', replicaId);
}

async function changed(q: Promise<{ numUpdatedRows: bigint }>): Promise<boolean> {
  return Number((await q).numUpdatedRows) > 0;
}

/** Records the post; false if our lease had run out and someone else holds the row. */
export function markPosted(db: Kysely<Database>, id: string, replicaId: string, postId: string, now: number) {
  return changed(
    mine(db, id, replicaId)
      .set({ status: 'posted', post_id: postId, lease_until: null, note: null, updated_at: now })
      .executeTakeFirst(),
  );
}

/** Ends a claimed occurrence without a post (skipped or failed), with the reason. */
export function finishOccurrence(
  db: Kysely<Database>,
  id: string,
  replicaId: string,
  status: 'skipped' | 'failed',
  note: string,
  now: number,
) {
  return changed(mine(db, id, replicaId).set({ status, note, lease_until: null, updated_at: now }).executeTakeFirst());
}

/**
 * Hands a claimed occurrence back to be claimed again from `notBefore`.
 * `attempted: false` (rate limited before anything was sent, or never started)
 * gives the attempt back, so only real tries count toward giving up.
 */
export function releaseOccurrence(
  db: Kysely<Database>,
  id: string,
  replicaId: string,
  opts: { notBefore: number; now: number; attempted: boolean; note?: string },
) {
  return changed(
    mine(db, id, replicaId)
      .set((eb) => ({
        status: 'pending',
        claimed_by: null,
        lease_until: opts.notBefore,
        attempts: opts.attempted ? eb.ref('attempts') : eb('attempts', '-', 1),
        note: opts.note ?? null,
        updated_at: opts.now,
      }))
      .executeTakeFirst(),
  );
}

/** Extends our lease before a post that would otherwise start close to its expiry. */
export function renewLease(db: Kysely<Database>, id: string, replicaId: string, until: number, now: number) {
  return changed(mine(db, id, replicaId).set({ lease_until: until, updated_at: now }).executeTakeFirst());
}

/**
 * Extends the lease on everything this replica holds (the heartbeat): while the process
 * lives its claims stay its own, and when it dies they run out within one lease.
 */
export async function renewAllLeases(db: Kysely<Database>, replicaId: string, until: number, now: number) {
  const r = await db
    .updateTable('occurrences')
    .set({ lease_until: until, updated_at: now })
    .where('status', '=', 'claimed')
    .where('claimed_by', '=', replicaId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** When the first claim another replica holds on `platforms` runs out, if any is held. */
export async function nextLeaseExpiry(
  db: Kysely<Database>,
  opts: { now: number; replicaId: string; platforms: readonly string[] },
): Promise<number | undefined> {
  if (opts.platforms.length === 0) return undefined;
  const here = onPlatforms(db, 'schedules.channel_ref', opts.platforms);
  const row = await db
    .selectFrom('occurrences')
    .innerJoin('schedules', 'schedules.id', 'occurrences.schedule_id')
    .select((eb) => eb.fn.min('occurrences.lease_until').as('first'))
    .where('occurrences.status', '=', 'claimed')
    .where('occurrences.claimed_by', '!=', opts.replicaId)
    .where('occurrences.lease_until', '>', opts.now)
    .where(here)
    .executeTakeFirst();
  return row?.first == null ? undefined : Number(row.first);
}

/** Deletes finished occurrences older than `before` so the table stays small. */
export async function pruneOccurrences(db: Kysely<Database>, before: number): Promise<number> {
  const r = await db
    .deleteFrom('occurrences')
    .where('status', 'in', ['posted', 'skipped', 'failed'])
    .where('due_at', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listOccurrences(db: Kysely<Database>, scheduleId?: string): Promise<Occurrence[]> {
  let q = db.selectFrom('occurrences').selectAll().orderBy('schedule_id').orderBy('due_at');
  if (scheduleId) q = q.where('schedule_id', '=', scheduleId);
  return q.execute();
}
