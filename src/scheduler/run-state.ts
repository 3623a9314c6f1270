// What one scheduler run knows and holds: its settings, fixed at the start, and the
// work in hand, shared by the claim, post and record steps.
import type { Kysely } from 'kysely';
import type { PlatformError } from '../chat/errors';
import type { Database, Occurrence, Schedule } from '../db/schema';
import type { Logger } from '../logger';
import { Pacer, type PacingOptions } from './pacer';
import { Signal } from './signal';

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

export const DEFAULT_LEASE_MS = 20_000;

/** A claimed occurrence with its schedule, waiting for its turn or being posted. */
export interface Item {
  occ: Occurrence;
  schedule: Schedule;
}

export interface DueRun {
  opts: DueRunOptions;
  db: Kysely<Database>;
  replicaId: string;
  logger: Logger;
  /** The caller's clock, advancing in real time since the run started. */
  clock: () => number;
  leaseMs: number;
  concurrency: number;
  /** When the run stops starting work and hands the rest back. */
  deadline: number;
  /** When the run stops waiting for posts still in flight. */
  abandonAt: number;
  maxAttempts: number;
  batchSize: number;
  pacer: Pacer;
  result: DueRunResult;
  /** Queued items by workspace; the Map's order is the round-robin order. */
  lanes: Map<string, Item[]>;
  queued: number;
  running: Set<Promise<void>>;
  /** Notified whenever a piece of work settles. */
  progress: Signal;
  /** Schedules this run paused after a refusal: their other occurrences are skipped. */
  pausedHere: Set<string>;
  /** Still recording due occurrences of schedules (until a pass finds none). */
  materialising: boolean;
  /** Nothing left to claim, nor any claim of another replica to take over in time. */
  exhausted: boolean;
  /** When another replica's claim runs out within this run: try to take it over then. */
  takeoverAt: number;
}

export function createRun(opts: DueRunOptions): DueRun {
  const started = performance.now();
  const startAt = opts.now.getTime();
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = Math.max(1, opts.concurrency ?? 8);
  const deadline = startAt + (opts.budgetMs ?? 45_000);
  return {
    opts,
    db: opts.db,
    replicaId: opts.replicaId,
    logger: opts.logger,
    // Tests pass a fixed start, and leases taken late in a long run still expire when they should.
    clock: () => startAt + Math.round(performance.now() - started),
    leaseMs,
    concurrency,
    deadline,
    abandonAt: deadline + leaseMs / 2,
    maxAttempts: opts.maxAttempts ?? 5,
    batchSize: opts.batchSize ?? Math.max(50, concurrency * 8),
    pacer: opts.pacing instanceof Pacer ? opts.pacing : new Pacer(opts.pacing),
    result: { posted: 0, skipped: 0, failed: 0, deferred: 0 },
    lanes: new Map(),
    queued: 0,
    running: new Set(),
    progress: new Signal(),
    pausedHere: new Set(),
    materialising: true,
    exhausted: false,
    takeoverAt: Number.POSITIVE_INFINITY,
  };
}

/** Keeps `work` among the running tasks until it settles; a failure is logged, never thrown. */
export function track(run: DueRun, work: Promise<void>): void {
  const p = work
    .catch((err) =>
      run.logger.error(
        { err },
        'scheduler: an occurrence could not be handled; its lease will expire and it will be retried',
      ),
    )
    .finally(() => {
      run.running.delete(p);
      run.progress.notify();
    });
  run.running.add(p);
}

export function waitingToTakeOver(run: DueRun): boolean {
  return run.takeoverAt !== Number.POSITIVE_INFINITY && run.clock() < run.takeoverAt;
}
