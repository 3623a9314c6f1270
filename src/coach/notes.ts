// What the offline STAR check found, in a line the model reads beside the answer.
import type { Analysis } from '../star';

const PARTS = ['situation', 'task', 'action', 'result'] as const;

export function notesOf(a: Analysis): string {
  const notes: string[] = [a.story ? 'it tells one specific episode' : 'it may not be one specific episode'];
  const missing = PARTS.filter((p) => !a.parts[p].present);
  notes.push(missing.length ? `missing: ${missing.join(', ')}` : 'all four STAR parts are there');
  if (a.parts.result.present && !a.resultMeasured) notes.push('the result is not measured');
  if (a.ownership.flagged) notes.push('it says "we" much more than "I"');
  if (a.fit && !a.fit.fits) notes.push(`the question asks about ${a.fit.asks}, which the story may not be`);
  return `${notes.join('; ')}.`;
}
