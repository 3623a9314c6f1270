// The record step: what became of each claimed occurrence (posted, skipped, given up,
// or handed back for later), written under this replica's claim and counted in the
// run's result.
import { PlatformError } from '../chat/errors';
import { finishOccurrence, markPosted, releaseOccurrence } from './occurrences';
import { pauseReason } from './pause-reason';
import { type DueRun, type Item, track } from './run-state';
import { pauseSchedule } from './store';

const DEFAULT_RETRY_AFTER_MS = 30_000;

/**
 * Records an occurrence that must not be posted: its schedule paused, too late for the
 * catch-up window, or out of attempts. False when it may be posted.
 */
export async function settleUnpostable(run: DueRun, { occ, schedule }: Item, now: number): Promise<boolean> {
  const { db, replicaId, result, maxAttempts } = run;
  if (schedule.paused || run.pausedHere.has(schedule.id)) {
    if (await finishOccurrence(db, occ.id, replicaId, 'skipped', 'the schedule was paused before it could post', now)) {
      result.skipped++;
    }
    return true;
  }
  if (now - occ.due_at >= run.opts.catchupMs) {
    const note =
      occ.attempts > 1
        ? 'too late to post (beyond the catch-up window); an earlier attempt may have posted it'
        : 'too late to post (beyond the catch-up window)';
    if (await finishOccurrence(db, occ.id, replicaId, 'skipped', note, now)) result.skipped++;
    return true;
  }
  if (occ.attempts > maxAttempts) {
    const note = `gave up after ${maxAttempts} attempts${occ.note ? `; last error: ${occ.note}` : ''}`;
    if (await finishOccurrence(db, occ.id, replicaId, 'failed', note, now)) result.failed++;
    run.logger.warn({ occurrence: occ.id, channel: schedule.channel_ref }, `scheduler: ${note}`);
    return true;
  }
  return false;
}

export async function recordPosted(run: DueRun, { occ }: Item, postId: string): Promise<void> {
  if (await markPosted(run.db, occ.id, run.replicaId, postId, run.clock())) {
    run.result.posted++;
  } else {
    run.logger.warn(
      { occurrence: occ.id, postId },
      'scheduler: posted, but the claim had passed to another replica, which will find this post by its key',
    );
  }
}

/** A post that threw: pause the schedule, hold the workspace, retry later or give up. */
export async function recordRefusal(run: DueRun, err: unknown, item: Item): Promise<void> {
  if (err instanceof PlatformError && (err.kind === 'channel_unavailable' || err.kind === 'no_permission')) {
    await pauseForGood(run, err, item);
  } else if (err instanceof PlatformError && err.kind === 'rate_limited') {
    await holdWorkspace(run, err, item);
  } else {
    await retryOrGiveUp(run, err, item);
  }
}

async function pauseForGood(run: DueRun, err: PlatformError, { occ, schedule }: Item): Promise<void> {
  const { db, replicaId, logger, opts } = run;
  const now = run.clock();
  const reason = pauseReason(err);
  run.pausedHere.add(schedule.id);
  await pauseSchedule(db, schedule.channel_ref, reason, new Date(now));
  if (await finishOccurrence(db, occ.id, replicaId, 'failed', reason, now)) run.result.failed++;
  logger.warn({ channel: schedule.channel_ref, code: err.code }, 'scheduler: platform refused; schedule paused');
  if (!opts.onPaused) return;
  try {
    await opts.onPaused({ ...schedule, paused: 1, paused_reason: reason }, err);
  } catch (notifyErr) {
    logger.error(
      { err: notifyErr, channel: schedule.channel_ref },
      'scheduler: could not tell anyone the schedule was paused',
    );
  }
}

async function holdWorkspace(run: DueRun, err: PlatformError, { occ, schedule }: Item): Promise<void> {
  const now = run.clock();
  const ws = schedule.workspace;
  const until = now + (err.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
  run.pacer.hold(ws, until);
  run.result.deferred++;
  await releaseOccurrence(run.db, occ.id, run.replicaId, {
    notBefore: until,
    now,
    attempted: false,
    note: 'rate limited',
  });
  run.logger.info({ workspace: ws, retryInMs: until - now }, 'scheduler: rate limited; holding this workspace only');
}

async function retryOrGiveUp(run: DueRun, err: unknown, { occ, schedule }: Item): Promise<void> {
  const { db, replicaId, logger } = run;
  const now = run.clock();
  const message = err instanceof Error ? err.message : String(err);
  if (occ.attempts >= run.maxAttempts) {
    const note = `gave up after ${occ.attempts} attempts; last error: ${message}`;
    if (await finishOccurrence(db, occ.id, replicaId, 'failed', note, now)) run.result.failed++;
    logger.error({ err, occurrence: occ.id, channel: schedule.channel_ref }, 'scheduler: post failed for good');
    return;
  }
  const backoff = Math.min(30 * 60_000, 60_000 * 2 ** (occ.attempts - 1));
  run.result.deferred++;
  await releaseOccurrence(db, occ.id, replicaId, { notBefore: now + backoff, now, attempted: true, note: message });
  logger.warn({ err, occurrence: occ.id, retryInMs: backoff }, 'scheduler: post failed; will retry');
}

/** Hands queued items back unposted, to be claimed again from `notBefore`. */
export function release(run: DueRun, items: Item[], notBefore: number, note?: string): void {
  for (const { occ } of items) {
    run.result.deferred++;
    track(
      run,
      releaseOccurrence(run.db, occ.id, run.replicaId, { notBefore, now: run.clock(), attempted: false, note }).then(
        () => undefined,
      ),
    );
  }
}

/** Hands back everything still queued: the run is out of time. */
export function releaseAll(run: DueRun): void {
  for (const [ws, lane] of run.lanes) {
    run.lanes.delete(ws);
    run.queued -= lane.length;
    release(run, lane, run.clock(), 'the run ran out of time before posting it');
  }
}
