// A member's mock interviews in their summary: practice shown apart from daily answers.

import type { Db } from '../practice/store/db';
import { type Analysis, flagsOf, hasAllParts } from '../star';
import { parseJson } from './turn';

const complete = (a: Analysis | undefined) => !!a && a.story && hasAllParts(flagsOf(a));

/**
 * One line for `/prep me`, or undefined when the member has had no mock interview;
 * `apart` when daily figures are shown above it.
 */
export async function mockSummaryLine(
  db: Db,
  workspace: string,
  userId: string,
  apart: boolean,
): Promise<string | undefined> {
  const rows = await db
    .selectFrom('mock_items')
    .innerJoin('mock_sessions', 'mock_sessions.id', 'mock_items.session_id')
    .select(['mock_items.session_id', 'mock_items.first_analysis', 'mock_items.last_analysis'])
    .where('mock_sessions.workspace', '=', workspace)
    .where('mock_sessions.user_id', '=', userId)
    .where('mock_items.state', '=', 'done')
    .execute();
  const sessions = await db
    .selectFrom('mock_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const n = Number(sessions?.n ?? 0);
  if (n === 0) return undefined;
  const first = rows.filter((r) => complete(parseJson<Analysis>(r.first_analysis))).length;
  const last = rows.filter((r) => complete(parseJson<Analysis>(r.last_analysis))).length;
  const answers = `${rows.length} answer${rows.length === 1 ? '' : 's'}`;
  const detail = rows.length ? `; all four STAR parts in ${first} at first, ${last} after follow-ups` : '';
  return `**Mock interviews${apart ? ' (not in the figures above)' : ''}:** ${n} (${answers}${detail})`;
}
