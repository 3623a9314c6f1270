// The claim step: record what is due, claim a batch of it for this replica, and queue
// it by workspace. When nothing is left to claim, note when another replica's claim
// runs out so that this run can take it over.
import type { Schedule } from '../db/schema';
import { claimOccurrences, materialiseDue, nextLeaseExpiry } from './occurrences';
import type { DueRun } from './run-state';

/** After another replica's claim runs out, how soon this run tries to take it over. */
const TAKEOVER_MARGIN_MS = 250;
/** While waiting to take over, how often to look again (the holder may finish first). */
const TAKEOVER_POLL_MS = 1_000;

export async function refill(run: DueRun): Promise<void> {
  if (run.materialising) await materialise(run);
  const { db, replicaId, leaseMs, batchSize, opts } = run;
  const claimed = await claimOccurrences(db, {
    now: run.clock(),
    replicaId,
    leaseMs,
    limit: batchSize,
    platforms: opts.platforms,
  });
  run.takeoverAt = Number.POSITIVE_INFINITY;
  if (claimed.length === 0) {
    if (!run.materialising) await planTakeover(run);
    return;
  }
  const schedules = await schedulesById(
    run,
    claimed.map((o) => o.schedule_id),
  );
  for (const occ of claimed) {
    const schedule = schedules.get(occ.schedule_id);
    // Deleted between claim and now: the cascade removes the occurrence too.
    if (!schedule) continue;
    const lane = run.lanes.get(schedule.workspace) ?? [];
    lane.push({ occ, schedule });
    run.lanes.set(schedule.workspace, lane);
    run.queued++;
  }
}

async function materialise(run: DueRun): Promise<void> {
  const { logger, opts } = run;
  const m = await materialiseDue(run.db, {
    now: run.clock(),
    catchupMs: opts.catchupMs,
    // Two CASE branches per schedule: stay far below SQLite's 32,766 parameters.
    limit: Math.min(run.batchSize, 500),
    platforms: opts.platforms,
    onUnrecorded: (s) =>
      logger.warn(
        { channel: s.channel_ref },
        'scheduler: runs missed more than a month ago were not recorded one by one',
      ),
  });
  run.result.skipped += m.skipped;
  if (m.broken) logger.warn({ count: m.broken }, 'scheduler: paused schedules whose time or zone cannot be read');
  if (m.schedules === 0) run.materialising = false;
}

/**
 * Another replica's claims that run out before this run ends are taken over here: a
 * replica killed mid fan-out loses its share to the survivors within one lease.
 */
async function planTakeover(run: DueRun): Promise<void> {
  const expiry = await nextLeaseExpiry(run.db, {
    now: run.clock(),
    replicaId: run.replicaId,
    platforms: run.opts.platforms,
  });
  if (expiry !== undefined && expiry + TAKEOVER_MARGIN_MS < run.deadline) {
    run.takeoverAt = Math.min(expiry + TAKEOVER_MARGIN_MS, run.clock() + TAKEOVER_POLL_MS);
  } else run.exhausted = true;
}

async function schedulesById(run: DueRun, scheduleIds: string[]): Promise<Map<string, Schedule>> {
  const ids = [...new Set(scheduleIds)];
  const schedules = new Map<string, Schedule>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await run.db
      .selectFrom('schedules')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const s of rows) schedules.set(s.id, s);
  }
  return schedules;
}
