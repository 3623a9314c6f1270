// One scheduler tick: record what is due, claim it, post it, at a pace each
// workspace can take. Safe to run in any number of replicas at once: the database
// decides who posts what (see occurrences.ts); this file decides when.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { PlatformError } from '../chat/errors';
import type { Database, Occurrence, Schedule } from '../db/schema';
import type { Logger } from '../logger';
import {
  claimOccurrences,
  finishOccurrence,
  markPosted,
  materialiseDue,
  nextLeaseExpiry,
  releaseOccurrence,
  renewAllLeases,
  renewLease,
} from './occurrences';
import { Pacer, type PacingOptions } from './pacer';
import { checkPlatforms } from './platforms';
import { pauseSchedule } from './store';

export interface DueRunOptions {
  db: Kysely<Database>;
  now: Date;
  replicaId: string;
  logger: Logger;
  /**
   * The ref prefixes this process can post to (`slack`, `discord`, `console`,
   * `memory`: its adapters' `platform`). Only schedules on these are recorded and
   * claimed; the rest stay pending for the processes that run their platforms.
   */
  platforms: readonly string[];
  /** Missed runs later than this are skipped, not posted (config CATCHUP_WINDOW_MINUTES, default 360). */
  catchupMs: number;
  /**
   * How long a claim stays ours without renewal (default 20 s). A heartbeat renews every
   * claim this run holds at a third of it, so a replica that dies loses its claims within
   * one lease, and a replica still in its run takes them over.
   */
  leaseMs?: number;
  /** Posts in flight at once in this replica (default 8). */
  concurrency?: number;
  /**
   * Posts one occurrence. The idempotency key is `occurrence.id`; when
   * `occurrence.attempts > 1` an earlier claimant may already have posted it, so
   * look for that post on the platform first. Throws PlatformError on refusal.
   */
  post(schedule: Schedule, occurrence: Occurrence): Promise<{ postId: string }>;
  /** Called after a refusal paused the schedule, to tell whoever set it. */
  onPaused?(schedule: Schedule, err: PlatformError): Promise<void>;
  /** Pace per channel and workspace; pass one Pacer to keep pace across ticks. */
  pacing?: PacingOptions | Pacer;
  /** Time this run may spend before it hands unstarted work back (default 45 s). */
  budgetMs?: number;
  /** Tries before an occurrence is given up as failed (default 5). */
  maxAttempts?: number;
  /** Occurrences claimed per query (default 8 × concurrency, at least 50). */
  batchSize?: number;
}

export interface DueRunResult {
  posted: number;
  /** Occurrences recorded as skipped (missed beyond catch-up, paused, too late). */
  skipped: number;
  /** Occurrences given up: refused by the platform for good, or out of attempts. */
  failed: number;
  /** Handed back to retry later (rate limited, transient error, out of time). */
  deferred: number;
}

const DEFAULT_RETRY_AFTER_MS = 30_000;
export const DEFAULT_LEASE_MS = 20_000;
/** After another replica's claim runs out, how soon this run tries to take it over. */
const TAKEOVER_MARGIN_MS = 250;
/** How long claims of posts still in flight after a run ends are kept renewed. */
const IN_FLIGHT_GRACE_MS = 90_000;
/** While waiting to take over, how often to look again (the holder may finish first). */
const TAKEOVER_POLL_MS = 1_000;

/** Renews every claim this replica holds, every third of a lease, until stopped. */
function heartbeat(db: Kysely<Database>, replicaId: string, leaseMs: number, clock: () => number, logger: Logger) {
  const timer = setInterval(
    () => {
      const now = clock();
      renewAllLeases(db, replicaId, now + leaseMs, now).catch((err) =>
        logger.warn({ err }, 'scheduler: could not renew leases; another replica may take these over'),
      );
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/** A name for this process's claims, unique across hosts and restarts (shown in the occurrences table). */
export function makeReplicaId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * What the people who set the schedule read when the platform refuses for good: what
 * happened, the fix, and how to resume. Stored as the schedule's paused_reason and shown
 * in the channel by `/prep schedule`; the direct message names the channel with a
 * `<#ref>` mention.
 */
export function pauseReason(err: PlatformError, channel = 'this channel'): string {
  const resume = `Once that is fixed, run \`/prep schedule resume\` in ${channel}.`;
  // The adapter's hint names the platform's own fix (invite the bot, reinstall the app,
  // the exact Discord permissions); without one, a general instruction.
  if (err.kind === 'channel_unavailable') {
    return `Starling can no longer post in ${channel} (${err.code}): it was archived or deleted, or the bot was removed. ${err.hint ?? 'Add the bot back to the channel.'} ${resume}`;
  }
  return `Starling lacks permission to post in ${channel} (${err.code}). ${err.hint ?? 'Give the bot permission to send messages there.'} ${resume}`;
}

interface Item {
  occ: Occurrence;
  schedule: Schedule;
}

/**
 * Resolves on notify() or after `ms`, whichever is first. A notify() that came
 * while nobody waited is remembered, so a task finishing during a query is not missed.
 */
class Signal {
  private waiter: (() => void) | undefined;
  private pending = false;
  notify(): void {
    if (this.waiter) this.waiter();
    else this.pending = true;
  }
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => done(), Math.max(0, ms)) : undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
      this.waiter = done;
    });
  }
}

export async function runDueSchedules(opts: DueRunOptions): Promise<DueRunResult> {
  const { db, replicaId, logger, catchupMs, platforms } = opts;
  checkPlatforms(platforms);
  const started = performance.now();
  const startAt = opts.now.getTime();
  // The caller's clock, advancing in real time: tests pass a fixed start, and leases
  // taken late in a long run still expire when they should.
  const clock = () => startAt + Math.round(performance.now() - started);
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = Math.max(1, opts.concurrency ?? 8);
  const deadline = startAt + (opts.budgetMs ?? 45_000);
  const abandonAt = deadline + leaseMs / 2;
  const maxAttempts = opts.maxAttempts ?? 5;
  const batchSize = opts.batchSize ?? Math.max(50, concurrency * 8);
  const pacer = opts.pacing instanceof Pacer ? opts.pacing : new Pacer(opts.pacing);
  const result: DueRunResult = { posted: 0, skipped: 0, failed: 0, deferred: 0 };

  /** Queued items by workspace; the Map's order is the round-robin order. */
  const lanes = new Map<string, Item[]>();
  let queued = 0;
  const running = new Set<Promise<void>>();
  const progress = new Signal();
  const pausedHere = new Set<string>();
  let materialising = true;
  let exhausted = false;
  /** When another replica's claim runs out within this run: try to take it over then. */
  let takeoverAt = Number.POSITIVE_INFINITY;
  const waitingToTakeOver = () => takeoverAt !== Number.POSITIVE_INFINITY && clock() < takeoverAt;
  const stopHeartbeat = heartbeat(db, replicaId, leaseMs, clock, logger);

  const track = (work: Promise<void>) => {
    const p = work
      .catch((err) =>
        logger.error(
          { err },
          'scheduler: an occurrence could not be handled; its lease will expire and it will be retried',
        ),
      )
      .finally(() => {
        running.delete(p);
        progress.notify();
      });
    running.add(p);
  };

  const release = (items: Item[], notBefore: number, note?: string) => {
    for (const { occ } of items) {
      result.deferred++;
      track(
        releaseOccurrence(db, occ.id, replicaId, { notBefore, now: clock(), attempted: false, note }).then(
          () => undefined,
        ),
      );
    }
  };

  const handle = async ({ occ, schedule }: Item): Promise<void> => {
    const now = clock();
    if (schedule.paused || pausedHere.has(schedule.id)) {
      if (
        await finishOccurrence(db, occ.id, replicaId, 'skipped', 'the schedule was paused before it could post', now)
      ) {
        result.skipped++;
      }
      return;
    }
    if (now - occ.due_at >= catchupMs) {
      const note =
        occ.attempts > 1
          ? 'too late to post (beyond the catch-up window); an earlier attempt may have posted it'
          : 'too late to post (beyond the catch-up window)';
      if (await finishOccurrence(db, occ.id, replicaId, 'skipped', note, now)) result.skipped++;
      return;
    }
    if (occ.attempts > maxAttempts) {
      const note = `gave up after ${maxAttempts} attempts${occ.note ? `; last error: ${occ.note}` : ''}`;
      if (await finishOccurrence(db, occ.id, replicaId, 'failed', note, now)) result.failed++;
      logger.warn({ occurrence: occ.id, channel: schedule.channel_ref }, `scheduler: ${note}`);
      return;
    }
    // Waiting for pace may have eaten into the lease: never start a post on a lease
    // that could run out under it, or a second replica could post it too.
    if ((occ.lease_until ?? 0) - now < leaseMs / 2) {
      if (!(await renewLease(db, occ.id, replicaId, now + leaseMs, now))) {
        logger.warn({ occurrence: occ.id }, 'scheduler: lost the claim before posting; another replica has it');
        return;
      }
    }
    try {
      const { postId } = await opts.post(schedule, occ);
      if (await markPosted(db, occ.id, replicaId, postId, clock())) {
        result.posted++;
      } else {
        logger.warn(
          { occurrence: occ.id, postId },
          'scheduler: posted, but the claim had passed to another replica, which will find this post by its key',
        );
      }
    } catch (err) {
      await refused(err, { occ, schedule });
    }
  };

  const refused = async (err: unknown, { occ, schedule }: Item): Promise<void> => {
    const now = clock();
    const ws = schedule.workspace;
    if (err instanceof PlatformError && (err.kind === 'channel_unavailable' || err.kind === 'no_permission')) {
      const reason = pauseReason(err);
      pausedHere.add(schedule.id);
      await pauseSchedule(db, schedule.channel_ref, reason, new Date(now));
      if (await finishOccurrence(db, occ.id, replicaId, 'failed', reason, now)) result.failed++;
      logger.warn({ channel: schedule.channel_ref, code: err.code }, 'scheduler: platform refused; schedule paused');
      if (opts.onPaused) {
        try {
          await opts.onPaused({ ...schedule, paused: 1, paused_reason: reason }, err);
        } catch (notifyErr) {
          logger.error(
            { err: notifyErr, channel: schedule.channel_ref },
            'scheduler: could not tell anyone the schedule was paused',
          );
        }
      }
      return;
    }
    if (err instanceof PlatformError && err.kind === 'rate_limited') {
      const until = now + (err.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
      pacer.hold(ws, until);
      result.deferred++;
      await releaseOccurrence(db, occ.id, replicaId, { notBefore: until, now, attempted: false, note: 'rate limited' });
      logger.info({ workspace: ws, retryInMs: until - now }, 'scheduler: rate limited; holding this workspace only');
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    if (occ.attempts >= maxAttempts) {
      const note = `gave up after ${occ.attempts} attempts; last error: ${message}`;
      if (await finishOccurrence(db, occ.id, replicaId, 'failed', note, now)) result.failed++;
      logger.error({ err, occurrence: occ.id, channel: schedule.channel_ref }, 'scheduler: post failed for good');
      return;
    }
    const backoff = Math.min(30 * 60_000, 60_000 * 2 ** (occ.attempts - 1));
    result.deferred++;
    await releaseOccurrence(db, occ.id, replicaId, { notBefore: now + backoff, now, attempted: true, note: message });
    logger.warn({ err, occurrence: occ.id, retryInMs: backoff }, 'scheduler: post failed; will retry');
  };

  const refill = async () => {
    const now = clock();
    if (materialising) {
      const m = await materialiseDue(db, {
        now,
        catchupMs,
        // Two CASE branches per schedule: stay far below SQLite's 32,766 parameters.
        limit: Math.min(batchSize, 500),
        platforms,
        onUnrecorded: (s) =>
          logger.warn(
            { channel: s.channel_ref },
            'scheduler: runs missed more than a month ago were not recorded one by one',
          ),
      });
      result.skipped += m.skipped;
      if (m.broken) logger.warn({ count: m.broken }, 'scheduler: paused schedules whose time or zone cannot be read');
      if (m.schedules === 0) materialising = false;
    }
    const claimed = await claimOccurrences(db, { now: clock(), replicaId, leaseMs, limit: batchSize, platforms });
    takeoverAt = Number.POSITIVE_INFINITY;
    if (claimed.length === 0) {
      if (materialising) return;
      // another replica's claims that run out before this run ends are taken over here:
      // a replica killed mid fan-out loses its share to the survivors within one lease
      const expiry = await nextLeaseExpiry(db, { now: clock(), replicaId, platforms });
      if (expiry !== undefined && expiry + TAKEOVER_MARGIN_MS < deadline) {
        takeoverAt = Math.min(expiry + TAKEOVER_MARGIN_MS, clock() + TAKEOVER_POLL_MS);
      } else exhausted = true;
      return;
    }
    const ids = [...new Set(claimed.map((o) => o.schedule_id))];
    const schedules = new Map<string, Schedule>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('schedules')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const s of rows) schedules.set(s.id, s);
    }
    for (const occ of claimed) {
      const schedule = schedules.get(occ.schedule_id);
      // Deleted between claim and now: the cascade removes the occurrence too.
      if (!schedule) continue;
      const lane = lanes.get(schedule.workspace) ?? [];
      lane.push({ occ, schedule });
      lanes.set(schedule.workspace, lane);
      queued++;
    }
  };

  /** Starts what pace and concurrency allow; returns when the next paced item is ready. */
  const startReady = (): number => {
    let wakeAt = Number.POSITIVE_INFINITY;
    let startedAny = true;
    while (startedAny && running.size < concurrency) {
      startedAny = false;
      for (const ws of [...lanes.keys()]) {
        if (running.size >= concurrency) break;
        const lane = lanes.get(ws);
        if (!lane) continue;
        const now = clock();
        const wsReady = pacer.workspaceReadyAt(ws, now);
        if (wsReady > deadline) {
          // Held past this run (rate limited, or more posts than the pace allows):
          // hand the rest back now rather than sit on their leases.
          lanes.delete(ws);
          queued -= lane.length;
          release(lane, wsReady, 'waiting for the workspace pace');
          continue;
        }
        const index = lane.findIndex((it) => pacer.readyAt(ws, it.schedule.channel_ref, now) <= now);
        if (index < 0) {
          for (const it of lane) wakeAt = Math.min(wakeAt, pacer.readyAt(ws, it.schedule.channel_ref, now));
          continue;
        }
        const [item] = lane.splice(index, 1);
        if (!item) continue;
        queued--;
        pacer.take(ws, item.schedule.channel_ref, now);
        track(handle(item));
        startedAny = true;
        // Round robin: this workspace goes to the back of the line.
        lanes.delete(ws);
        if (lane.length) lanes.set(ws, lane);
      }
    }
    return wakeAt;
  };

  try {
    while (true) {
      if (clock() >= deadline) {
        for (const [ws, lane] of lanes) {
          lanes.delete(ws);
          queued -= lane.length;
          release(lane, clock(), 'the run ran out of time before posting it');
        }
      } else if (!exhausted && queued < concurrency * 2 && !waitingToTakeOver()) {
        await refill();
      }
      const wakeAt = startReady();
      if (queued === 0 && running.size === 0 && (exhausted || clock() >= deadline)) break;
      if (clock() >= abandonAt) {
        // A post that hangs must not hang the ticker. Its lease runs out and another
        // claimant checks the platform for it before posting again.
        logger.error(
          { inFlight: running.size },
          'scheduler: posts still unanswered long after the run ended; leaving them to lease expiry',
        );
        break;
      }
      if (
        queued >= concurrency * 2 ||
        exhausted ||
        running.size >= concurrency ||
        clock() >= deadline ||
        waitingToTakeOver()
      ) {
        const now = clock();
        await progress.wait(now >= deadline ? abandonAt - now : Math.min(wakeAt, takeoverAt, deadline) - now);
      }
    }
  } finally {
    if (running.size === 0) stopHeartbeat();
    else {
      // posts still in flight when the run gave up on them keep their claims while they may
      // still land (a platform's rate-limit wait lasts a minute at most); past that, a post
      // that hangs is left to lease expiry, and the next claimant looks for it by its key
      const cap = setTimeout(stopHeartbeat, IN_FLIGHT_GRACE_MS);
      cap.unref();
      void Promise.allSettled([...running]).then(() => {
        clearTimeout(cap);
        stopHeartbeat();
      });
    }
  }

  if (result.posted || result.skipped || result.failed || result.deferred) {
    logger.info(
      { replica: replicaId, ...result, ms: Math.round(performance.now() - started) },
      'scheduler: run finished',
    );
  }
  return result;
}
