// One feedback per answer: a member who answers in several quick replies hears once,
// after a short quiet period. The hold is stored with the reply before any timer is
// set, so feedback owed when a process stops is sent by the next tick (see overdue).
import type { Ref } from '../chat/types';
import type { Answer } from '../db/schema';
import type { AppContext } from './context';
import type { Reply } from './respond';
import { claimFeedback, holdFeedback } from './store/feedback-due';

/** Runs `run` after `ms`; returns a cancel. Injected so tests move time by hand. */
export interface Timers {
  after(ms: number, run: () => Promise<void>): () => void;
}

export const realTimers: Timers = {
  after(ms, run) {
    const t = setTimeout(() => void run(), ms);
    return () => clearTimeout(t);
  },
};

/** How long to wait for more replies where `ref` lives: none where each message is a whole reply (piped terminal). */
export function quietMsFor(ctx: AppContext, ref: Ref): number {
  if (ctx.adapters.for(ref).wholeReplies) return 0;
  return ctx.config.FEEDBACK_QUIET_SECONDS * 1000;
}

type Send = (answerId: string, reply: Reply) => Promise<void>;

export class QuietFeedback {
  private readonly waiting = new Map<string, { cancel: () => void; reply: Reply }>();

  constructor(
    private readonly ctx: AppContext,
    private readonly timers: Timers,
    private readonly send: Send,
  ) {}

  /** Holds the answer's feedback for `ms` more; a reply during the wait starts it again. */
  async hold(answer: Answer, reply: Reply, ms: number): Promise<void> {
    const now = this.ctx.clock().getTime();
    await holdFeedback(this.ctx.db, {
      answerId: answer.id,
      workspace: answer.workspace,
      userId: answer.user_id,
      dueAt: now + ms,
      now,
    });
    this.waiting.get(answer.id)?.cancel();
    const cancel = this.timers.after(ms, () => this.fire(answer.id));
    this.waiting.set(answer.id, { cancel, reply });
  }

  private async fire(answerId: string, early = false): Promise<void> {
    const w = this.waiting.get(answerId);
    this.waiting.delete(answerId);
    if (!w) return;
    try {
      const now = this.ctx.clock().getTime();
      if (await claimFeedback(this.ctx.db, answerId, early ? Number.MAX_SAFE_INTEGER : now, now)) {
        await this.send(answerId, w.reply);
      }
    } catch (err) {
      this.ctx.logger.error({ err, answer: answerId }, 'could not send the feedback held for a quiet period');
    }
  }

  /** Shutdown: sends every held feedback now, while the platform can still take it. */
  async flush(): Promise<void> {
    for (const [id, w] of [...this.waiting]) {
      w.cancel();
      await this.fire(id, true);
    }
  }
}
