// The only timer the scheduler has: one cron task that calls `tick(now)` every
// minute. What is due lives in the database, so there is no timer per schedule and
// nothing to rebuild after a restart. Jobs are plain functions of the time; tests
// call them with a fixed clock instead of waiting for cron.
import cron from 'node-cron';
import type { Logger } from '../logger';

export interface TickerOptions {
  /** A node-cron expression (default every minute; six fields allow seconds). */
  expression?: string;
}

/** Stops the ticker and waits for a tick in progress to finish. */
export type StopTicker = () => Promise<void>;

export function startTicker(
  tick: (now: Date) => Promise<void>,
  logger: Logger,
  options: TickerOptions = {},
): StopTicker {
  const expression = options.expression ?? '* * * * *';
  if (!cron.validate(expression)) {
    throw new Error(`invalid ticker schedule "${expression}"; use a cron expression such as "* * * * *"`);
  }
  let current: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    // A slow tick (a big fan-out) makes the next one wait its turn rather than run
    // alongside it: the database would keep them apart, but a pile-up helps no one.
    if (current) {
      logger.debug('scheduler: previous tick still running; skipping this one');
      return;
    }
    current = tick(new Date())
      .catch((err) => logger.error({ err }, 'scheduler: tick failed; the next tick will try again'))
      .finally(() => {
        current = undefined;
      });
  };
  const task = cron.schedule(expression, run, {
    name: 'starling-scheduler',
    logger: {
      info: (m) => logger.debug(`node-cron: ${m}`),
      warn: (m) => logger.debug(`node-cron: ${m}`),
      error: (m, err) => logger.error({ err: err ?? m }, 'node-cron error'),
      debug: () => {},
    },
  });
  return async () => {
    stopped = true;
    await task.destroy();
    await current;
  };
}
