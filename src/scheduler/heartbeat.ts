// Keeps this replica's claims alive while it works on them, so a claim runs out only
// when the replica holding it died or hung.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';
import { renewAllLeases } from './occurrences';

/** How long claims of posts still in flight after a run ends are kept renewed. */
const IN_FLIGHT_GRACE_MS = 90_000;

/** Renews every claim this replica holds, every third of a lease, until stopped. */
export function heartbeat(
  db: Kysely<Database>,
  replicaId: string,
  leaseMs: number,
  clock: () => number,
  logger: Logger,
) {
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

/**
 * Stops the heartbeat now, or once the posts still in flight settle. Those keep their
 * claims while they may still land (a platform's rate-limit wait lasts a minute at most);
 * past that, a post that hangs is left to lease expiry, and the next claimant looks for
 * it by its key.
 */
export function stopWhenSettled(stop: () => void, running: ReadonlySet<Promise<void>>): void {
  if (running.size === 0) {
    stop();
    return;
  }
  const cap = setTimeout(stop, IN_FLIGHT_GRACE_MS);
  cap.unref();
  void Promise.allSettled([...running]).then(() => {
    clearTimeout(cap);
    stop();
  });
}
