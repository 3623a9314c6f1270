// The AI coach: one endpoint behind per-workspace limits and a breaker. Each call gives
// a checked result or nothing; a dropped reply is logged at debug, a failing endpoint once.
import type { Logger } from '../logger';
import { createBreaker } from './breaker';
import { createEndpoint, type Endpoint, type EndpointSettings, type JsonRequest } from './endpoint';
import { type FollowupInput, followupRequest, readFollowup } from './followup';
import { createLimits } from './limits';
import type { Prompts } from './prompts';
import { type AiReview, type ReviewInput, readReview, reviewRequest } from './review';

export interface CoachSettings extends EndpointSettings {
  perMinute: number;
  perDay: number;
  /** Failures in a row before the breaker opens (default 3) and how long it stays open. */
  breakerThreshold?: number;
  breakerCooldownMs?: number;
}

export interface Coach {
  readonly model: string;
  readonly host: string;
  review(workspace: string, input: ReviewInput): Promise<AiReview | undefined>;
  followup(workspace: string, input: FollowupInput): Promise<string | undefined>;
  /** Runs work after a reply has gone out; its failure is logged, never thrown. */
  later(what: string, work: () => Promise<void>): void;
  /** Resolves when no work started by `later` is still running (tests, shutdown). */
  idle(): Promise<void>;
}

export function createCoach(settings: CoachSettings, prompts: Prompts, logger: Logger, endpoint?: Endpoint): Coach {
  const api = endpoint ?? createEndpoint(settings);
  const limits = createLimits({ perMinute: settings.perMinute, perDay: settings.perDay });
  const breaker = createBreaker(logger, api.host, {
    threshold: settings.breakerThreshold ?? 3,
    cooldownMs: settings.breakerCooldownMs ?? 60_000,
  });
  const running = new Set<Promise<void>>();

  async function ask<T>(
    workspace: string,
    request: JsonRequest,
    read: (c: string) => T | string,
  ): Promise<T | undefined> {
    if (!breaker.allows()) return undefined;
    if (!limits.take(workspace)) {
      logger.debug({ workspace }, 'AI coach request skipped: the workspace is over its rate or daily limit');
      return undefined;
    }
    const outcome = await api.complete(request);
    if (!outcome.ok) {
      // a reply with no content is the model's failure, not the endpoint's
      if (outcome.reason === 'empty') breaker.succeeded();
      else breaker.failed(`${outcome.reason}: ${outcome.detail}`);
      logger.debug({ reason: outcome.reason, detail: outcome.detail }, 'AI coach gave nothing');
      return undefined;
    }
    breaker.succeeded();
    const read_ = read(outcome.content);
    if (typeof read_ === 'string') {
      logger.debug({ dropped: read_ }, 'AI coach reply dropped');
      return undefined;
    }
    return read_;
  }

  return {
    model: api.model,
    host: api.host,
    review: (workspace, input) =>
      ask(workspace, reviewRequest(prompts.review, input), (c) => readReview(c, input.answer)),
    followup: (workspace, input) =>
      ask(workspace, followupRequest(prompts.followup, input), (c) => {
        const q = readFollowup(c, input.answer);
        return typeof q === 'string' ? { q } : q.dropped;
      }).then((r) => r?.q),
    later(what, work) {
      // started after the current reply's handler has returned, so it never delays it
      const p = new Promise<void>((r) => setImmediate(r))
        .then(work)
        .catch((err) => logger.warn({ err }, `could not send ${what}`))
        .finally(() => running.delete(p));
      running.add(p);
    },
    async idle() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
