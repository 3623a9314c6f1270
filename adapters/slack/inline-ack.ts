// A slash command's private reply can travel in the acknowledgement itself, as Slack
// allows: one HTTP response instead of an empty one followed by a POST to response_url,
// and the member sees the answer a round trip sooner. Only a reply ready at once rides
// along (a help page, a tip, a refusal: work that needs no network and no database
// round trip); the acknowledgement never waits for one. At the next turn of the event
// loop it goes out empty and the reply takes the response_url as before.
import type { RespondArguments } from '@slack/bolt';
import type { SlackPost } from './render';

type Ack = (body?: RespondArguments) => Promise<void>;

export class InlineAck {
  private open = true;
  private readonly timer: NodeJS.Immediate;
  private readonly sent: Promise<void>;
  private resolveSent!: () => void;

  constructor(
    private readonly ack: Ack,
    private readonly onError: (err: unknown) => void,
  ) {
    this.sent = new Promise((resolve) => {
      this.resolveSent = resolve;
    });
    this.timer = setImmediate(() => void this.close());
  }

  /** Resolves once the acknowledgement has gone, with or without a reply. */
  get acknowledged(): Promise<void> {
    return this.sent;
  }

  /** Sends `body` as the acknowledgement if none has gone yet; false if one has. */
  async reply(body: RespondArguments): Promise<boolean> {
    if (!this.open) return false;
    return this.finish(body);
  }

  /** Acknowledges with no reply, if nothing has been sent yet. */
  async close(): Promise<void> {
    if (this.open) await this.finish();
  }

  /** False when the acknowledgement failed: a reply it carried must go another way. */
  private async finish(body?: RespondArguments): Promise<boolean> {
    this.open = false;
    clearImmediate(this.timer);
    try {
      await this.ack(body);
      return true;
    } catch (err) {
      this.onError(err);
      return false;
    } finally {
      this.resolveSent();
    }
  }
}

/**
 * The acknowledgement's body for a private reply. With blocks, the `text` beside them (the whole
 * reply again) is left out: an ephemeral reply raises no notification, and Slack builds the
 * screen-reader text from the blocks when `text` is absent (it reads `text` instead of the blocks
 * when present). That halves what every acknowledgement carries, and its time on the wire.
 */
export function inlineBody(post: SlackPost): RespondArguments {
  if (post.blocks.length === 0) return { response_type: 'ephemeral', text: post.text };
  return { response_type: 'ephemeral', blocks: post.blocks };
}
