// The post step: start as many queued posts as pace and concurrency allow, round robin
// across workspaces, and post each under a claim that cannot run out while it is sent.
import { renewLease } from './occurrences';
import { recordPosted, recordRefusal, release, settleUnpostable } from './record';
import { type DueRun, type Item, track } from './run-state';

/** Starts what pace and concurrency allow; returns when the next paced item is ready. */
export function startReady(run: DueRun): number {
  const { lanes, pacer, running, concurrency } = run;
  let wakeAt = Number.POSITIVE_INFINITY;
  let startedAny = true;
  while (startedAny && running.size < concurrency) {
    startedAny = false;
    for (const ws of [...lanes.keys()]) {
      if (running.size >= concurrency) break;
      const lane = lanes.get(ws);
      if (!lane) continue;
      const now = run.clock();
      const wsReady = pacer.workspaceReadyAt(ws, now);
      if (wsReady > run.deadline) {
        // Held past this run (rate limited, or more posts than the pace allows):
        // hand the rest back now rather than sit on their leases.
        lanes.delete(ws);
        run.queued -= lane.length;
        release(run, lane, wsReady, 'waiting for the workspace pace');
        continue;
      }
      const index = lane.findIndex((it) => pacer.readyAt(ws, it.schedule.channel_ref, now) <= now);
      if (index < 0) {
        for (const it of lane) wakeAt = Math.min(wakeAt, pacer.readyAt(ws, it.schedule.channel_ref, now));
        continue;
      }
      const [item] = lane.splice(index, 1);
      if (!item) continue;
      run.queued--;
      pacer.take(ws, item.schedule.channel_ref, now);
      track(run, postOne(run, item));
      startedAny = true;
      // Round robin: this workspace goes to the back of the line.
      lanes.delete(ws);
      if (lane.length) lanes.set(ws, lane);
    }
  }
  return wakeAt;
}

async function postOne(run: DueRun, item: Item): Promise<void> {
  const now = run.clock();
  if (await settleUnpostable(run, item, now)) return;
  if (!(await leaseWillLast(run, item, now))) return;
  try {
    const { postId } = await run.opts.post(item.schedule, item.occ);
    await recordPosted(run, item, postId);
  } catch (err) {
    await recordRefusal(run, err, item);
  }
}

/**
 * Waiting for pace may have eaten into the lease: never start a post on a lease that
 * could run out under it, or a second replica could post it too.
 */
async function leaseWillLast(run: DueRun, { occ }: Item, now: number): Promise<boolean> {
  if ((occ.lease_until ?? 0) - now >= run.leaseMs / 2) return true;
  if (await renewLease(run.db, occ.id, run.replicaId, now + run.leaseMs, now)) return true;
  run.logger.warn({ occurrence: occ.id }, 'scheduler: lost the claim before posting; another replica has it');
  return false;
}
