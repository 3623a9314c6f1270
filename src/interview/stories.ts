// The member's best-fitting stories for an employer, from their story bank: ranked by
// how much the employer's guide asks for that category, then by STAR checks.
import type { Guide } from '../guides/schema';
import type { Db } from '../practice/store/db';
import { type StoryAnswer, storyAnswersOf } from '../stories/store';

export interface FittingStory {
  answerId: string;
  questionText: string;
  category: string;
  text: string;
  checksPassed: number;
  checksTotal: number;
}

/** How much of the guide's questions fall in each category, 0 to 1. */
function categoryWeights(guide: Guide): Map<string, number> {
  const weights = new Map<string, number>();
  for (const q of guide.questions) weights.set(q.category, (weights.get(q.category) ?? 0) + 1);
  for (const [c, n] of weights) weights.set(c, n / Math.max(1, guide.questions.length));
  return weights;
}

export async function bestStories(
  db: Db,
  workspace: string,
  userId: string,
  guide: Guide,
  n = 3,
): Promise<FittingStory[]> {
  const weights = categoryWeights(guide);
  const score = (a: StoryAnswer) =>
    (weights.get(a.category) ?? 0) +
    (a.employer === guide.slug ? 0.25 : 0) +
    a.flags.checksPassed / Math.max(1, a.flags.checksTotal);
  const best = new Map<string, { story: StoryAnswer; score: number }>();
  // one story per question: a retried answer counts once, at its best
  for (const story of await storyAnswersOf(db, workspace, userId)) {
    const s = score(story);
    const seen = best.get(story.questionId);
    if (!seen || s > seen.score) best.set(story.questionId, { story, score: s });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .map(({ story }) => ({
      answerId: story.answerId,
      questionText: story.questionText,
      category: story.category,
      text: story.text,
      checksPassed: story.flags.checksPassed,
      checksTotal: story.flags.checksTotal,
    }));
}
