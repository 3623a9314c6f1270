// Charts on Slack: uploaded with files.uploadV2 after the text they belong to, so a
// slow or failing upload never holds back or loses the reply; on the App Home tab, an
// image block showing a file uploaded privately to the bot.
import { createHash } from 'node:crypto';
import type { types } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChartImage } from '../../src/chat/types';
import type { SlackApi } from './api';

/** The longest a chart upload may take before the reply goes on without it. */
const CHART_UPLOAD_TIMEOUT_MS = 20_000;
/** Slack caps an image block's alt text at 2,000 characters. */
const ALT_MAX = 2000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export class SlackCharts {
  /** The file last uploaded for each member's App Home, so an unchanged chart is not uploaded again. */
  private readonly homeFiles = new Map<string, { hash: string; fileId: string }>();

  constructor(
    private readonly api: () => SlackApi,
    private readonly log: Logger,
    private readonly timeoutMs = CHART_UPLOAD_TIMEOUT_MS,
  ) {}

  /** Shares the chart in a conversation (a thread when `threadTs`). Failures are logged, not thrown. */
  async share(team: string, channel: string, image: ChartImage, threadTs?: string, comment?: string): Promise<boolean> {
    try {
      await withTimeout(this.upload(team, channel, image, threadTs, comment), this.timeoutMs, 'the chart upload');
      return true;
    } catch (err) {
      this.log.warn({ err, channel, file: image.name }, 'could not upload a chart; the text went out without it');
      return false;
    }
  }

  /** An image block for the App Home, or none when the upload fails (logged). */
  async homeBlock(team: string, userId: string, image: ChartImage): Promise<types.ImageBlock | undefined> {
    const key = `${team}:${userId}`;
    const hash = createHash('sha256').update(image.png).digest('hex');
    let fileId = this.homeFiles.get(key)?.hash === hash ? this.homeFiles.get(key)?.fileId : undefined;
    if (!fileId) {
      try {
        fileId = await withTimeout(this.upload(team, undefined, image), this.timeoutMs, 'the App Home chart upload');
      } catch (err) {
        this.log.warn({ err, user: userId }, 'could not upload the App Home chart; the tab shows the text alone');
        return undefined;
      }
      this.homeFiles.set(key, { hash, fileId });
    }
    return {
      type: 'image',
      slack_file: { id: fileId },
      alt_text: image.alt.slice(0, ALT_MAX),
      title: { type: 'plain_text', text: image.title.slice(0, 2000) },
    };
  }

  private async upload(
    team: string,
    channel: string | undefined,
    image: ChartImage,
    threadTs?: string,
    comment?: string,
  ): Promise<string> {
    const file = { name: image.name, content: image.png, title: image.title, alt: image.alt };
    const [id] = await this.api().upload(team, channel, [file], comment, threadTs);
    if (!id) throw new Error('Slack returned no file id for the chart');
    return id;
  }
}
