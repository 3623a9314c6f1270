// What the bot does every minute, as named jobs run one after another: each failure is
// logged and the next job still runs, so one broken job never stops the others.

import type { PlatformError } from './chat/errors';
import type { Ref } from './chat/types';
import { pruneDeliveries } from './db/dedupe';
import type { Schedule } from './db/schema';
import { runBriefs } from './interview/job';
import type { Logger } from './logger';
import { closeIdleSessions } from './mock/session';
import type { AppContext } from './practice/context';
import { runDigests } from './practice/digest';
import { scheduledPoster } from './practice/posting';
import { runReminders } from './reminders/job';
import { pruneReminderSends } from './reminders/store';
import { pruneOccurrences } from './scheduler/occurrences';
import { runDueSchedules } from './scheduler/run';

const HOUR_MS = 3_600_000;
/** Platforms redeliver within minutes (Slack) or on a resume (Discord); a week is ample. */
const DELIVERY_KEYS_KEPT_MS = 7 * 24 * HOUR_MS;
const OCCURRENCES_KEPT_MS = 90 * 24 * HOUR_MS;

interface TickJob {
  /** Said in the log when it fails: "<name> failed this tick". */
  name: string;
  run(now: Date): Promise<void>;
  /** A failure that will simply be tried again is a warning, not an error. */
  warnOnly?: boolean;
}

interface TickDeps {
  ctx: AppContext;
  catchupMs: number;
  platforms: () => string[];
  tellOwner(schedule: Schedule, err: PlatformError): Promise<void>;
  onPlatformError(channelRef: Ref, err: PlatformError): Promise<void>;
  /** Sends feedback held when a process stopped; returns how many. */
  flushOverdue(now: Date): Promise<number>;
}

function pruneJob(ctx: AppContext): TickJob {
  let lastPrune = 0;
  return {
    name: 'pruning old delivery keys and occurrences',
    warnOnly: true,
    // Delivery keys and finished occurrences are only needed for a while; keep the
    // tables small. Hourly is plenty, and harmless when several replicas do it.
    async run(now) {
      if (now.getTime() - lastPrune < HOUR_MS) return;
      lastPrune = now.getTime();
      await pruneDeliveries(ctx.db, now.getTime() - DELIVERY_KEYS_KEPT_MS);
      await pruneOccurrences(ctx.db, now.getTime() - OCCURRENCES_KEPT_MS);
      await pruneReminderSends(ctx.db, now.getTime() - DELIVERY_KEYS_KEPT_MS);
    },
  };
}

export function tickJobs(deps: TickDeps): TickJob[] {
  const { ctx, catchupMs, platforms } = deps;
  const { logger } = ctx;
  return [
    {
      name: 'scheduled questions',
      async run(now) {
        const r = await runDueSchedules({
          db: ctx.db,
          now,
          replicaId: ctx.replicaId,
          logger,
          catchupMs,
          platforms: platforms(),
          post: scheduledPoster(ctx),
          onPaused: deps.tellOwner,
        });
        if (r.posted || r.failed) logger.info(r, 'scheduled questions');
      },
    },
    {
      name: 'digests',
      async run(now) {
        await runDigests(ctx, now, catchupMs, deps.onPlatformError);
      },
    },
    {
      name: 'sending held feedback',
      async run(now) {
        const sent = await deps.flushOverdue(now);
        if (sent) logger.info({ sent }, 'sent feedback held when a process stopped');
      },
    },
    {
      name: 'closing idle mock interviews',
      async run(now) {
        const closed = await closeIdleSessions(ctx, now, platforms());
        if (closed) logger.info({ closed }, 'closed mock interviews idle for a day');
      },
    },
    {
      name: 'reminders',
      async run(now) {
        const r = await runReminders(ctx, now, platforms());
        if (r.sent || r.failed) logger.info(r, 'reminders');
      },
    },
    {
      name: 'interview briefs',
      async run(now) {
        const sent = await runBriefs(ctx, now, platforms());
        if (sent) logger.info({ sent }, 'interview briefs');
      },
    },
    pruneJob(ctx),
  ];
}

export async function runTick(jobs: readonly TickJob[], logger: Logger, now: Date): Promise<void> {
  for (const job of jobs) {
    try {
      await job.run(now);
    } catch (err) {
      if (job.warnOnly) logger.warn({ err }, `${job.name} failed; will try again`);
      else logger.error({ err }, `${job.name} failed this tick`);
    }
  }
}
