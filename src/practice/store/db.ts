// The practice tables on top of the shared schema (migration 002). Store functions
// take the shared Kysely<Database> and widen it here, so callers never cast.
import type { Generated, Kysely } from 'kysely';
import type { AnalysesTable, AnswersTable, Database } from '../../db/schema';

export interface SnoozesTable {
  id: string;
  workspace: string;
  user_id: string;
  from_at: number;
  until_at: number;
  created_at: number;
}

export interface RetriesTable {
  workspace: string;
  user_id: string;
  post_id: string;
  created_at: number;
}

export type PracticeDatabase = Omit<Database, 'analyses' | 'answers'> & {
  analyses: AnalysesTable & { ownership_flagged: Generated<number> };
  /** The leaderboard's figures, copied from the analysis (see saveAnalysis). */
  answers: AnswersTable & {
    checks_passed: Generated<number>;
    checks_total: Generated<number>;
    complete: Generated<number>;
  };
  snoozes: SnoozesTable;
  retries: RetriesTable;
};

export type Db = Kysely<Database>;

export function practice(db: Db): Kysely<PracticeDatabase> {
  return db as unknown as Kysely<PracticeDatabase>;
}

/** Rows changed by an update or delete, the same on SQLite and Postgres. */
export function affected(r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number {
  return Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0);
}
