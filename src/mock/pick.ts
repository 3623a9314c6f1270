// Which questions a mock interview asks: drawn from the guides like the daily question,
// the member's least-practised categories first, never the same question twice in one
// session, and the questions they have answered least before.
import type { AppContext } from '../practice/context';
import { candidatesFor, noQuestion, type Pickable } from '../practice/posting';
import { pickQuestion } from '../practice/rotation';

/** How often the member has practised each question and each category, daily and mock. */
async function practiceOf(ctx: AppContext, workspace: string, userId: string) {
  const daily = await ctx.db
    .selectFrom('answers')
    .innerJoin('posts', 'posts.id', 'answers.post_id')
    .select(['posts.question_id as question', 'posts.category as category'])
    .where('answers.workspace', '=', workspace)
    .where('answers.user_id', '=', userId)
    .execute();
  const mock = await ctx.db
    .selectFrom('mock_items')
    .innerJoin('mock_sessions', 'mock_sessions.id', 'mock_items.session_id')
    .select(['mock_items.question_id as question', 'mock_items.category as category'])
    .where('mock_sessions.workspace', '=', workspace)
    .where('mock_sessions.user_id', '=', userId)
    .where('mock_items.state', '=', 'done')
    .execute();
  const byQuestion = new Map<string, number>();
  const byCategory = new Map<string, number>();
  for (const r of [...daily, ...mock]) {
    byQuestion.set(r.question, (byQuestion.get(r.question) ?? 0) + 1);
    byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
  }
  return { byQuestion, byCategory };
}

export interface MockRequest {
  workspace: string;
  userId: string;
  employer?: string;
  category?: string;
  count: number;
  /** Varies the choice between sessions. */
  seed: string;
}

/** Up to `count` questions; refuses when the filters leave none. */
export async function pickMockQuestions(ctx: AppContext, req: MockRequest): Promise<Pickable[]> {
  const candidates = candidatesFor(ctx, req.employer, req.category);
  if (candidates.length === 0) throw noQuestion(req.employer, req.category);
  const { byQuestion, byCategory } = await practiceOf(ctx, req.workspace, req.userId);
  const chosen: Pickable[] = [];
  let pool = candidates;
  while (chosen.length < req.count && pool.length > 0) {
    const q = pickQuestion(pool, byQuestion, byCategory, `${req.seed}:${chosen.length}`);
    if (!q) break;
    chosen.push(q);
    byCategory.set(q.category, (byCategory.get(q.category) ?? 0) + 1);
    pool = pool.filter((c) => c.id !== q.id);
  }
  return chosen;
}
