// A circuit breaker for the AI endpoint: after a run of failures it stops calling for a
// while, then lets one call through to see whether the endpoint is back. It logs when it
// opens and when it closes again, never once per answer.
import type { Logger } from '../logger';

export interface BreakerOptions {
  /** Failures in a row that open it. */
  threshold: number;
  /** How long it stays open before one trial call. */
  cooldownMs: number;
  now?: () => number;
}

export interface Breaker {
  /** Whether a call may go out now. */
  allows(): boolean;
  succeeded(): void;
  failed(detail: string): void;
}

export function createBreaker(logger: Logger, host: string, options: BreakerOptions): Breaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openUntil = 0;
  let warned = false;
  return {
    allows: () => now() >= openUntil,
    succeeded() {
      failures = 0;
      openUntil = 0;
      if (warned) logger.info({ host }, 'the AI coach endpoint answers again: AI suggestions resume');
      warned = false;
    },
    failed(detail) {
      failures += 1;
      if (failures < options.threshold) return;
      openUntil = now() + options.cooldownMs;
      if (warned) return;
      warned = true;
      logger.warn(
        { host, failures, detail, retryInSeconds: Math.round(options.cooldownMs / 1000) },
        'the AI coach endpoint keeps failing: AI suggestions are paused (offline feedback goes on as before); check LLM_BASE_URL and that the model server is running',
      );
    },
  };
}
