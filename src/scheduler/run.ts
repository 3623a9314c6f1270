// One scheduler tick: record what is due, claim it, post it, at a pace each
// workspace can take. Safe to run in any number of replicas at once: the database
// decides who posts what (see occurrences.ts); this file decides when, and the steps
// live beside it: claim.ts, post.ts, record.ts.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { refill } from './claim';
import { heartbeat, stopWhenSettled } from './heartbeat';
import { checkPlatforms } from './platforms';
import { startReady } from './post';
import { releaseAll } from './record';
import { createRun, type DueRun, type DueRunOptions, type DueRunResult, waitingToTakeOver } from './run-state';

export type { DueRunOptions, DueRunResult } from './run-state';

/** A name for this process's claims, unique across hosts and restarts (shown in the occurrences table). */
export function makeReplicaId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export async function runDueSchedules(opts: DueRunOptions): Promise<DueRunResult> {
  checkPlatforms(opts.platforms);
  const run = createRun(opts);
  const stopHeartbeat = heartbeat(run.db, run.replicaId, run.leaseMs, run.clock, run.logger);
  try {
    await loop(run);
  } finally {
    stopWhenSettled(stopHeartbeat, run.running);
  }
  const { result } = run;
  if (result.posted || result.skipped || result.failed || result.deferred) {
    run.logger.info(
      { replica: run.replicaId, ...result, ms: run.clock() - opts.now.getTime() },
      'scheduler: run finished',
    );
  }
  return result;
}

async function loop(run: DueRun): Promise<void> {
  const { clock, deadline, abandonAt, concurrency, running } = run;
  while (true) {
    if (clock() >= deadline) releaseAll(run);
    else if (!run.exhausted && run.queued < concurrency * 2 && !waitingToTakeOver(run)) await refill(run);
    const wakeAt = startReady(run);
    if (run.queued === 0 && running.size === 0 && (run.exhausted || clock() >= deadline)) return;
    if (clock() >= abandonAt) {
      // A post that hangs must not hang the ticker. Its lease runs out and another
      // claimant checks the platform for it before posting again.
      run.logger.error(
        { inFlight: running.size },
        'scheduler: posts still unanswered long after the run ended; leaving them to lease expiry',
      );
      return;
    }
    if (mustWait(run)) {
      const now = clock();
      await run.progress.wait(now >= deadline ? abandonAt - now : Math.min(wakeAt, run.takeoverAt, deadline) - now);
    }
  }
}

/** Nothing more can start now: wait for a post to settle, the pace, or a takeover. */
function mustWait(run: DueRun): boolean {
  return (
    run.queued >= run.concurrency * 2 ||
    run.exhausted ||
    run.running.size >= run.concurrency ||
    run.clock() >= run.deadline ||
    waitingToTakeOver(run)
  );
}
