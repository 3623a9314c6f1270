// A member's story bank in `/prep export`: what they changed about their stories.
// The stories themselves are their answers, exported with the answers.
import type { Db } from '../practice/store/db';
import { marksOf } from './store';

export interface ExportedStoryMark {
  answerId: string;
  sameStoryAs: string | null;
  competencies: string[] | null;
  updatedAt: string;
}

function ids(json: string | null): string[] | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : null;
  } catch {
    return null;
  }
}

export async function exportStoryMarks(db: Db, workspace: string, userId: string): Promise<ExportedStoryMark[]> {
  return (await marksOf(db, workspace, userId)).map((m) => ({
    answerId: m.answer_id,
    sameStoryAs: m.same_as,
    competencies: ids(m.competencies),
    updatedAt: new Date(Number(m.updated_at)).toISOString(),
  }));
}
