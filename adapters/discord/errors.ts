// Discord's refusals in the core's terms. The codes that mean "stop posting here"
// matter most: 10,000 invalid requests in ten minutes gets the bot's IP banned.
import { DiscordAPIError, type RateLimitData, RateLimitError } from 'discord.js';
import { PlatformError, type PlatformErrorKind } from '../../src/chat/errors';

export const DiscordCodes = {
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownInteraction: 10062,
  MissingAccess: 50001,
  CannotSendToUser: 50007,
  MissingPermissions: 50013,
  InteractionAlreadyAcknowledged: 40060,
  ThreadAlreadyCreated: 160004,
} as const;

function kindOf(code: number | string, status: number): PlatformErrorKind {
  switch (code) {
    case DiscordCodes.MissingAccess:
    case DiscordCodes.MissingPermissions:
      return 'no_permission';
    case DiscordCodes.UnknownChannel:
      return 'channel_unavailable';
    case DiscordCodes.CannotSendToUser:
      return 'user_unreachable';
    default:
      if (status === 429) return 'rate_limited';
      if (status === 403) return 'no_permission';
      return 'other';
  }
}

/** What a member can do about each refusal; the router shows it with the refusal. */
const HINTS: Partial<Record<PlatformErrorKind, string>> = {
  channel_unavailable: 'The channel is gone or the bot cannot see it: use another channel, or re-invite the bot.',
  no_permission:
    'Ask a server admin to give Starling View Channels, Send Messages, Create Public Threads, Send Messages in Threads, Embed Links, Attach Files, Read Message History and Add Reactions in this channel, then try again.',
  user_unreachable: "Allow direct messages from this server's members (Privacy Settings) to get private feedback.",
};

/** Turns what discord.js threw into a PlatformError; anything else is returned unchanged. */
export function toPlatformError(err: unknown): unknown {
  if (err instanceof PlatformError) return err;
  if (err instanceof DiscordAPIError) {
    const kind = kindOf(err.code, err.status);
    return new PlatformError(
      kind,
      String(err.code),
      `Discord refused ${err.method.toUpperCase()} ${new URL(err.url).pathname}: ${err.message} (${err.code})`,
      undefined,
      HINTS[kind],
    );
  }
  if (err instanceof RateLimitError) {
    const wait = rateLimitWait(err);
    return new PlatformError(
      'rate_limited',
      '429',
      `Discord rate limit on ${err.method.toUpperCase()} ${err.route}: retry in ${Math.round(wait / 1000)} s`,
      wait,
    );
  }
  return err;
}

/**
 * How long discord.js would wait before the request could go: it sleeps for the
 * sublimit, then for the bucket's (or the global) reset, so the longest of the three.
 */
function rateLimitWait(data: Pick<RateLimitData, 'retryAfter' | 'timeToReset' | 'sublimitTimeout'>): number {
  return Math.max(data.retryAfter, data.timeToReset, data.sublimitTimeout, 0);
}

/** The longest a request may wait on a rate limit before it fails as `rate_limited` (see rejectRateLimitsOver). */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * discord.js's `rejectOnRateLimit` filter: wait out short limits in its queue, fail
 * longer ones at once. A post that waited indefinitely could still go out after the
 * scheduler's lease expired and another replica took the occurrence over, and after
 * Discord forgot the nonce (it is checked for a few minutes only): a second copy. A
 * fast failure hands the occurrence back to the scheduler, which retries it when
 * Discord said to.
 */
export function rejectRateLimitsOver(maxWaitMs: number): (data: RateLimitData) => boolean {
  return (data) => rateLimitWait(data) > maxWaitMs;
}

/** Runs a Discord call, rethrowing its failure as a PlatformError where it is one. */
export async function discordCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toPlatformError(err);
  }
}

export function isCode(err: unknown, code: number): boolean {
  return (
    (err instanceof DiscordAPIError && err.code === code) || (err instanceof PlatformError && err.code === String(code))
  );
}

/** Errors that mean the channel cannot be posted to until someone fixes it. */
export function stopsChannel(err: unknown): err is PlatformError {
  return err instanceof PlatformError && (err.kind === 'no_permission' || err.kind === 'channel_unavailable');
}
