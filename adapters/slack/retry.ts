// How the adapter retries a Web API call: the default policy, the delay before each
// retry, and which failures provably never reached Slack (safe to send again).
import type { webApi } from '@slack/bolt';

export type RetryOptions = webApi.RetryOptions;

/**
 * The default retry policy: a few quick retries for connection failures and 5xx,
 * never WebClient's 30 minutes, which would hold a scheduled post or a reply hostage.
 * Posts use it only through webClients' narrower policies.
 */
export const DEFAULT_RETRY: RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 4000,
  randomize: true,
};

/** Connection errors raised before a single byte of the request could reach Slack. */
const UNSENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * True when a failed Web API call provably never reached Slack: the connection was
 * refused or never opened (fetch's TypeError carries the socket error as its cause).
 * A 5xx, a timeout or a reset may come after Slack stored the message, so they are not.
 */
export function neverReachedSlack(err: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, original, cause, errors } = e as {
      code?: unknown;
      original?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && UNSENT_CODES.has(code)) return true;
    queue.push(original, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

/** How long to wait before retry number `n` (0-based), as node-retry would under `retry`. */
export function retryDelay(retry: RetryOptions, n: number): number {
  const min = retry.minTimeout ?? 1000;
  const max = retry.maxTimeout ?? Number.POSITIVE_INFINITY;
  const jitter = retry.randomize ? 1 + Math.random() : 1;
  return Math.min(max, Math.round(min * jitter * (retry.factor ?? 2) ** n));
}
