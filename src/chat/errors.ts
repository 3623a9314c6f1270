// Two kinds of error: a refusal the user should read (unknown employer, bad time
// zone), and everything else, which is logged and answered with a short apology.

/** An expected refusal: its message is shown to the user as-is. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    /** An example of the right form, shown under the message. */
    readonly example?: string,
  ) {
    super(message);
  }
}

/** Why a platform refused a send, in the core's terms. */
export type PlatformErrorKind =
  /** The channel is gone, archived, or the bot was removed: stop posting there. */
  | 'channel_unavailable'
  /** The bot lacks a permission or access: stop posting until someone fixes it. */
  | 'no_permission'
  /** Slowed down by the platform; try again later. */
  | 'rate_limited'
  /** The user cannot be reached (DMs closed, account inactive). */
  | 'user_unreachable'
  | 'other';

/** Thrown by adapters when the platform refuses; carries the platform's own code. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly kind: PlatformErrorKind,
    /** The platform's code (`not_in_channel`, `50013`, ...). */
    readonly code: string,
    message?: string,
    readonly retryAfterMs?: number,
    /** What the person can do about it, in the platform's own words (`/invite @Starling`). */
    readonly hint?: string,
  ) {
    super(message ?? `${kind} (${code})`);
  }
}
