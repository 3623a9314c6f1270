// The member's best-fitting stories for an employer, read from their story bank the way
// `/prep stories` shows it: a merged story counts once (at its best telling), and a
// retag changes which competencies it counts for. Ranked by how much the employer's
// guide asks for the competencies the story shows, then by its best STAR checks.
import type { Guide } from '../guides/schema';
import type { AppContext } from '../practice/context';
import type { Story } from '../stories/bank';
import { bankOf } from '../stories/command';
import { type CompetencyMap, competencies } from '../stories/competencies';
import { questionCompetencies } from '../stories/tag';

export interface FittingStory {
  /** The story's number in `/prep stories`. */
  number: number;
  title: string;
  /** The competencies it shows that the employer's guide asks for (labels). */
  asked: string[];
  /** The other competencies it shows. */
  others: string[];
  checksPassed: number;
  checksTotal: number;
  practised: number;
}

/** How much of the guide's questions ask for each competency, 0 to 1. */
function competencyWeights(map: CompetencyMap, guide: Guide): Map<string, number> {
  const weights = new Map<string, number>();
  for (const q of guide.questions) {
    for (const id of questionCompetencies(map, q.text, q.category)) weights.set(id, (weights.get(id) ?? 0) + 1);
  }
  for (const [id, n] of weights) weights.set(id, n / Math.max(1, guide.questions.length));
  return weights;
}

/** Pure: the `n` stories that fit the guide best, best first (the earlier story on a tie). */
export function rankStories(map: CompetencyMap, stories: readonly Story[], guide: Guide, n = 3): FittingStory[] {
  const weights = competencyWeights(map, guide);
  const fitOf = (s: Story) => s.tags.reduce((sum, t) => sum + (weights.get(t.id) ?? 0), 0);
  // the fit leads: full checks count as half a competency the employer asks about every time
  const score = (s: Story) => fitOf(s) + (0.5 * s.best.checksPassed) / Math.max(1, s.best.checksTotal);
  const label = (id: string) => map.find((c) => c.id === id)?.label ?? id;
  return [...stories]
    .sort((a, b) => score(b) - score(a) || a.number - b.number)
    .slice(0, n)
    .map((s) => {
      const ids = s.tags.map((t) => t.id);
      return {
        number: s.number,
        title: s.title,
        asked: ids.filter((id) => weights.has(id)).map(label),
        others: ids.filter((id) => !weights.has(id)).map(label),
        checksPassed: s.best.checksPassed,
        checksTotal: s.best.checksTotal,
        practised: s.practised,
      };
    });
}

export async function bestStories(
  ctx: AppContext,
  workspace: string,
  userId: string,
  guide: Guide,
  n = 3,
): Promise<FittingStory[]> {
  return rankStories(competencies(), await bankOf(ctx, workspace, userId), guide, n);
}
