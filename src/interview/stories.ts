// The member's best-fitting stories for an employer: their own past answers that
// tell one specific episode (the analysis says so), ranked by how much the
// employer's guide asks for that category, then by STAR checks. One function, so
// that the story bank can take its place later.
import type { Guide } from '../guides/schema';
import type { Db } from '../practice/store/db';

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
  const rows = await db
    .selectFrom('answers')
    .innerJoin('analyses', 'analyses.answer_id', 'answers.id')
    .innerJoin('posts', 'posts.id', 'answers.post_id')
    .select([
      'answers.id',
      'answers.post_id',
      'answers.text',
      'posts.question_text',
      'posts.category',
      'posts.employer',
      'analyses.checks_passed',
      'analyses.checks_total',
    ])
    .where('answers.workspace', '=', workspace)
    .where('answers.user_id', '=', userId)
    .where('analyses.story', '=', 1)
    .orderBy('answers.created_at', 'desc')
    .limit(500)
    .execute();
  const weights = categoryWeights(guide);
  const score = (r: (typeof rows)[number]) =>
    (weights.get(r.category) ?? 0) +
    (r.employer === guide.slug ? 0.25 : 0) +
    Number(r.checks_passed) / Math.max(1, Number(r.checks_total));
  const best = new Map<string, { row: (typeof rows)[number]; score: number }>();
  // one story per question: a retried answer counts once, at its best
  for (const row of rows) {
    const s = score(row);
    const seen = best.get(row.post_id);
    if (!seen || s > seen.score) best.set(row.post_id, { row, score: s });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .map(({ row }) => ({
      answerId: row.id,
      questionText: row.question_text,
      category: row.category,
      text: row.text,
      checksPassed: Number(row.checks_passed),
      checksTotal: Number(row.checks_total),
    }));
}
