// Every Web API call goes through here: the right workspace's token, a client whose
// retries suit what the call does (see Resend), a short wait and one retry when Slack
// asks us to slow down briefly, and errors in the core's terms (PlatformError). The
// WebClients are built with rejectRateLimitedCalls so a 429 never silently stalls a
// whole workspace's queue for minutes.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { PlatformError } from '../../src/chat/errors';
import { toPlatformError } from './errors';
import { neverReachedSlack, type RetryOptions, retryDelay } from './retry';

type WebClient = webApi.WebClient;

/** Finds the bot token for a workspace; undefined when the bot is not installed there. */
export type TokenSource = (team: string) => Promise<string | undefined>;

/**
 * When a failed call may be sent again. A 5xx, a timeout or a reset connection says
 * nothing about whether Slack acted on the request; a refused one says it did not.
 * Posts without a key (a `/prep question`, feedback, digests, confirmations) are
 * 'unsent': re-sent only when the connection was refused or never opened, because a
 * member who sees a message twice is worse off than one told the post failed, who
 * can run the command again. Keyed posts (scheduled questions) are 'never': the
 * scheduler re-claims the occurrence and the core looks for the key in the channel
 * (findPosted) before posting again, which covers every unknown outcome at once.
 */
type Resend =
  /** Reads, and calls whose second run changes nothing: re-sent after any transient failure. */
  | 'idempotent'
  /** Calls that would act twice (posts): re-sent only when the request never reached Slack. */
  | 'unsent'
  /** Keyed posts: never re-sent here; the caller looks for the post before trying again. */
  | 'never';

/** Methods whose repeat is harmless; every other method is treated as a post. */
const IDEMPOTENT = new Set([
  'auth.test',
  'users.info',
  'conversations.history',
  'conversations.replies',
  'conversations.open',
  'chat.update',
  'reactions.add',
  'reactions.remove',
  'views.publish',
]);

export interface CallOptions {
  /** Defaults to 'idempotent' for the methods known to be, else 'unsent'. */
  resend?: Resend;
  /**
   * Longest 429 waited out here before the error goes to the caller (default: the
   * client's maxRateLimitWaitMs). Replies pass 0 and wait outside the work queue.
   */
  maxRateLimitWaitMs?: number;
}

export interface SlackApiOptions {
  /** Retries by `retry` itself; used for idempotent calls. */
  retrying: WebClient;
  /** Never retries by itself; used for posts, which this class retries only when unsent. */
  once: WebClient;
  /** The retry policy (count and backoff) for posts that never reached Slack. */
  retry: RetryOptions;
  tokens: TokenSource;
  logger: Logger;
  /** Waits for a 429 up to this long before handing the error to the caller. Default 5 s. */
  maxRateLimitWaitMs?: number;
  /** Waits between retries and out rate limits (tests pass one that returns at once). */
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SlackApi {
  private readonly maxWait: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SlackApiOptions) {
    this.maxWait = options.maxRateLimitWaitMs ?? 5000;
    this.sleep = options.sleep ?? pause;
  }

  async token(team: string): Promise<string> {
    const token = await this.options.tokens(team);
    if (!token) {
      throw new PlatformError(
        'no_permission',
        'not_installed',
        `Starling is not installed in Slack workspace ${team}: install it again through /slack/install`,
      );
    }
    return token;
  }

  /**
   * Calls a Web API method as the bot of `team`. `where` names the channel or user
   * for error messages.
   */
  async call<T = Record<string, unknown>>(
    team: string,
    method: string,
    args: Record<string, unknown>,
    where?: string,
    options: CallOptions = {},
  ): Promise<T> {
    const token = await this.token(team);
    const resend = options.resend ?? (IDEMPOTENT.has(method) ? 'idempotent' : 'unsent');
    const maxWait = options.maxRateLimitWaitMs ?? this.maxWait;
    const send =
      resend === 'idempotent'
        ? () => this.options.retrying.apiCall(method, { ...args, token })
        : () => this.options.once.apiCall(method, { ...args, token });
    for (let waited = false; ; ) {
      try {
        return (await (resend === 'unsent' ? this.unlessSent(send, method, team) : send())) as T;
      } catch (err) {
        const mapped = toPlatformError(err, method, where);
        const wait = mapped.retryAfterMs;
        // A 429 means Slack did not act on the call, so sending it again is safe for any method.
        if (mapped.kind === 'rate_limited' && !waited && wait !== undefined && wait <= maxWait) {
          waited = true;
          this.options.logger.info({ method, team, waitMs: wait }, 'Slack rate limit: waiting before one retry');
          await this.sleep(wait);
          continue;
        }
        throw mapped;
      }
    }
  }

  /** Sends again only while the connection is refused: the request cannot have reached Slack. */
  private async unlessSent<T>(send: () => Promise<T>, method: string, team: string): Promise<T> {
    const retries = this.options.retry.retries ?? 0;
    for (let n = 0; ; n++) {
      try {
        return await send();
      } catch (err) {
        if (n >= retries || !neverReachedSlack(err)) throw err;
        this.options.logger.warn({ method, team, err }, 'could not connect to Slack; sending again');
        await this.sleep(retryDelay(this.options.retry, n));
      }
    }
  }

  /**
   * Uploads files (files.uploadV2 is three calls under the hood) into a conversation, or
   * privately to the bot when `channel` is undefined (an App Home image). Returns the file ids.
   */
  async upload(
    team: string,
    channel: string | undefined,
    files: UploadFile[],
    comment?: string,
    threadTs?: string,
  ): Promise<string[]> {
    const token = await this.token(team);
    try {
      // Sharing a file is a post (completeUploadExternal twice would share it twice).
      const res = await this.unlessSent(
        () =>
          this.options.once.filesUploadV2({
            token,
            ...(channel ? { channel_id: channel } : {}),
            ...(threadTs ? { thread_ts: threadTs } : {}),
            ...(comment ? { initial_comment: comment } : {}),
            file_uploads: files.map((f) => ({
              file: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content),
              filename: f.name,
              ...(f.title ? { title: f.title } : {}),
              ...(f.alt ? { alt_text: f.alt } : {}),
            })),
          } as webApi.FilesUploadV2Arguments),
        'files.uploadV2',
        team,
      );
      return uploadedIds(res);
    } catch (err) {
      throw toPlatformError(err, 'files.uploadV2', channel ?? 'the bot');
    }
  }
}

export interface UploadFile {
  name: string;
  content: string | Uint8Array;
  title?: string;
  /** Alt text for an image, read by screen readers. */
  alt?: string;
}

/** The file ids in files.uploadV2's answer: one completeUploadExternal result per call. */
function uploadedIds(res: unknown): string[] {
  const calls = (res as { files?: { files?: { id?: string }[] }[] }).files ?? [];
  return calls.flatMap((c) => (c.files ?? []).map((f) => f.id ?? '')).filter(Boolean);
}
