// What a mock interview says: the opening, each question, a follow-up. Messages that
// wait for the member's reply say so (`awaitsReply`), so the terminal sends plain
// lines to the session while it is open.
import type { OutboundMessage } from '../chat/types';
import type { MockItem, MockSession } from '../db/schema';
import type { GuideLibrary } from '../guides/library';
import { categoryLabel, employerName } from '../practice/format';
import type { Followup } from './followups';

const HOW_TO_REPLY =
  'Answer here as you would in the interview. Say `skip` to move on, or `stop` to end with your scorecard.';

export function questionPrompt(guides: GuideLibrary, s: MockSession, item: MockItem, opening = false): OutboundMessage {
  const where = `${employerName(guides, item.employer)} · ${categoryLabel(item.category)}`;
  const lines = [
    ...(opening
      ? [
          `Your mock interview: ${s.total} question${s.total === 1 ? '' : 's'}, one at a time. After each answer I may ask a follow-up, as an interviewer would; at the end you get a scorecard.`,
          '',
        ]
      : []),
    `**Question ${item.position + 1} of ${s.total}** (${where})`,
    `> ${item.question_text}`,
    '',
    HOW_TO_REPLY,
  ];
  return { kind: 'question', title: opening ? 'Mock interview' : undefined, text: lines.join('\n'), awaitsReply: true };
}

export function followupPrompt(f: Followup): OutboundMessage {
  return {
    kind: 'question',
    text: `${f.text}\n\n_Reply to add it to your answer, or say \`skip\`._`,
    awaitsReply: true,
  };
}

/**
 * A short word between questions: the checks as they stand now, `kept` for an answer
 * with no STAR score (an approach question), or nothing said (a question skipped). After a
 * follow-up is skipped the answer is unchanged, and the word says so rather than "now".
 */
export function movingOn(marker: string | undefined, followupSkipped = false): OutboundMessage {
  if (!marker) return { kind: 'info', text: 'You skipped this question, so it has no score. On to the next one.' };
  if (marker === 'kept') {
    const lead = followupSkipped ? 'You skipped the follow-up: your answer' : 'Thanks: your answer';
    return { kind: 'info', text: `${lead} is kept for the scorecard.` };
  }
  if (followupSkipped) {
    return {
      kind: 'info',
      text: `You skipped the follow-up, so your answer stays as it was: ${marker}. It counts as given for the scorecard.`,
    };
  }
  return { kind: 'info', text: `Thanks. With your reply added, this answer now reads ${marker}.` };
}
