// Feedback framed by what the question asks. A story question ("Tell me about a
// time...") gets the STAR analyser's feedback as it is. A question that asks for an
// approach (system design, how you debug) is not judged as a failed story: the
// analysis is read only for the example that backs the answer up.
import { type Analysis, markerOf, renderFeedback } from '../star';
import type { AppContext } from './context';

/** The invitation under a question, by what it asks for. */
export const STORY_INVITE =
  'Answer in this thread with one specific time it happened: the **S**ituation, your **T**ask, the **A**ctions _you_ took and the **R**esult.';
export const APPROACH_INVITE =
  'Answer in this thread. Back it with one real example from your work (**S**ituation, **T**ask, **A**ction, **R**esult): interviewers trust a story over a claim.';

/** Whether a stored question calls for a STAR story; a question whose guide is gone is read as one. */
export function asksForStory(ctx: AppContext, questionId: string): boolean {
  return ctx.guides.question(questionId)?.star !== false;
}

const LETTER = { situation: 'S', task: 'T', action: 'A', result: 'R' } as const;

/** Feedback on an answer to a question that asks for an approach, not a story. */
function renderApproachFeedback(a: Analysis): string {
  const lines = ['This question asks for your approach, not a story, so there is no STAR score.'];
  if (a.wordCount === 0) {
    lines.push('There is nothing to read yet: write how you would approach it.');
    return lines.join('\n');
  }
  if (a.story) {
    lines.push(
      `**You back it with a real example**, which makes the approach believable. The example: ${markerOf(a).text}.`,
      '',
    );
    for (const p of ['situation', 'task', 'action', 'result'] as const) {
      const first = a.parts[p].sentences[0];
      if (first) lines.push(`> **${LETTER[p]}** ${first.length > 70 ? `${first.slice(0, 69)}…` : first}`);
    }
    if (a.suggestions.length) {
      lines.push('', '**To make the example stronger**');
      for (const s of a.suggestions) lines.push(`- ${s}`);
    }
  } else {
    lines.push(
      '',
      '**To make it convincing:** back it with one real example from your work: the Situation, your Task, the Actions you took and the Result. Interviewers trust a story over a claim.',
    );
  }
  if (a.praise) lines.push('', `**Done well:** ${a.praise}`);
  return lines.join('\n');
}

/** The feedback for an answer, framed by whether its question asks for a story. */
export function feedbackFor(a: Analysis, story: boolean): string {
  return story ? renderFeedback(a) : renderApproachFeedback(a);
}
