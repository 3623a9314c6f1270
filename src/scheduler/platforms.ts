// Which rows a process may act on: only those whose ref is on a platform it runs
// an adapter for. With Discord shards and a Slack process sharing one database,
// each must leave the other's questions and digests alone, or it claims them,
// cannot post them, and gives them up as failed.
import { type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';

/** Throws when a platform name could not be a ref prefix (`slack`, `discord`, …). */
export function checkPlatforms(platforms: readonly string[]): void {
  for (const p of platforms) {
    if (!/^[a-z0-9_-]+$/i.test(p)) {
      throw new Error(
        `"${p}" is not a platform name; pass the ref prefixes of the adapters this process runs, such as "slack" or "discord" (adapter.platform)`,
      );
    }
  }
}

/**
 * True for rows whose `column` (a ref) starts with `<platform>:` for one of
 * `platforms`; false for every row when there are none.
 *
 * Not a `'slack:' <= ref < 'slack;'` range: under a Postgres database collated
 * en_US (ICU or glibc) letters outrank punctuation, so `slack:T1:C1` sorts after
 * `slack;` and the range finds nothing. Not LIKE: SQLite's ignores case and `_` is
 * a wildcard. Postgres gets `starts_with`, whose planner support reads the
 * column's statistics (a `substr(...) =` there is guessed at 0.5% of rows and
 * turns the due query into a sequential scan); SQLite gets `substr(...) =`.
 * Either way the filter rides on the due-time index (schedules_due, posts_open,
 * occurrences_status), never on the unique channel_ref index, which would walk
 * every schedule of the platform, due or not.
 */
export function onPlatforms(db: Kysely<any>, column: string, platforms: readonly string[]): RawBuilder<SqlBool> {
  checkPlatforms(platforms);
  if (platforms.length === 0) return sql<SqlBool>`1 = 0`;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const tests = [...new Set(platforms)].map((p) => {
    const prefix = `${p}:`;
    return postgres
      ? sql`starts_with(${sql.ref(column)}, ${prefix})`
      : sql`substr(${sql.ref(column)}, 1, ${sql.lit(prefix.length)}) = ${prefix}`;
  });
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}
