// After an answer's offline feedback has gone out, the AI coach's suggestion follows as a
// second private message, if the channel and the member allow it. The offline feedback
// never waits for the model.
import type { OutboundMessage, ReplyOptions } from '../chat/types';
import type { AppContext } from '../practice/context';
import type { Analysis } from '../star';
import { coachFor } from './gate';
import { reviewMessage } from './message';
import { notesOf } from './notes';

export interface CoachedAnswer {
  workspace: string;
  channel: string;
  userId: string;
  question: string;
  text: string;
  analysis: Analysis;
  reply: (message: OutboundMessage, options?: ReplyOptions) => Promise<unknown>;
}

export function coachAnswer(ctx: AppContext, a: CoachedAnswer): void {
  const coach = ctx.coach;
  // an answer the check could not read, or too short to rewrite, is not sent
  if (!coach || a.analysis.readable === false || a.analysis.wordCount < 12) return;
  coach.later('the AI suggestion', async () => {
    const allowed = await coachFor(ctx, a.workspace, a.channel, a.userId);
    if (!allowed) return;
    const review = await allowed.review(a.workspace, {
      question: a.question,
      answer: a.text,
      notes: notesOf(a.analysis),
    });
    if (review) await a.reply(reviewMessage(review, allowed.model), { private: true });
  });
}
