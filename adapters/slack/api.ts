// Every Web API call goes through here: the right workspace's token, a short wait
// and one retry when Slack asks us to slow down briefly, and errors in the core's
// terms (PlatformError). The WebClient is built with rejectRateLimitedCalls so a
// 429 never silently stalls a whole workspace's queue for minutes.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { PlatformError } from '../../src/chat/errors';
import { toPlatformError } from './errors';

export type WebClient = webApi.WebClient;
export type RetryOptions = webApi.RetryOptions;

/** Finds the bot token for a workspace; undefined when the bot is not installed there. */
export type TokenSource = (team: string) => Promise<string | undefined>;

export interface SlackApiOptions {
  client: WebClient;
  tokens: TokenSource;
  logger: Logger;
  /** Waits for a 429 up to this long before handing the error to the caller. Default 5 s. */
  maxRateLimitWaitMs?: number;
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
  ): Promise<T> {
    const token = await this.token(team);
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.options.client.apiCall(method, { ...args, token })) as T;
      } catch (err) {
        const mapped = toPlatformError(err, method, where);
        const wait = mapped.retryAfterMs;
        if (mapped.kind === 'rate_limited' && attempt === 0 && wait !== undefined && wait <= this.maxWait) {
          this.options.logger.info({ method, team, waitMs: wait }, 'Slack rate limit: waiting before one retry');
          await this.sleep(wait);
          continue;
        }
        throw mapped;
      }
    }
  }

  /** Uploads files into a conversation (files.uploadV2 is three calls under the hood). */
  async upload(
    team: string,
    channel: string,
    files: { name: string; content: string }[],
    comment?: string,
    threadTs?: string,
  ): Promise<void> {
    const token = await this.token(team);
    try {
      await this.options.client.filesUploadV2({
        token,
        channel_id: channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(comment ? { initial_comment: comment } : {}),
        file_uploads: files.map((f) => ({ file: Buffer.from(f.content, 'utf8'), filename: f.name })),
      } as webApi.FilesUploadV2Arguments);
    } catch (err) {
      throw toPlatformError(err, 'files.uploadV2', channel);
    }
  }
}
