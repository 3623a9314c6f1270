// How AI suggestions are shown: always labelled, always apart from the offline checks.
import type { OutboundMessage } from '../chat/types';
import type { AiReview } from './review';

const VERDICT = { yes: 'Yes', partly: 'Partly', no: 'Not quite' } as const;

/** The label every AI-written line carries. */
const AI_LABEL = '🤖 AI';

export function reviewMessage(review: AiReview, model: string): OutboundMessage {
  return {
    kind: 'feedback',
    title: `${AI_LABEL} coach suggestion (not part of the STAR check)`,
    text: [
      `**Your weakest sentence, rewritten in your voice:**`,
      `> ${review.sentence}`,
      `→ ${review.rewrite}`,
      '',
      `**Does it answer the question?** ${VERDICT[review.onTopic]}: ${review.reason}`,
    ].join('\n'),
    footer: `Written by the AI model ${model}, not by Starling's checks: keep only what is true to you. Turn it off for yourself: \`/prep settings me ai off\`.`,
  };
}

/** A mock interview's follow-up question written by the model. */
export function followupText(question: string): string {
  return `${AI_LABEL} follow-up: ${question}`;
}
