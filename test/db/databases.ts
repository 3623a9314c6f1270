// Store tests run on SQLite always and on Postgres too when TEST_DATABASE_URL names
// one (.ci/run sets it when a server answers on 127.0.0.1:5432). Each Postgres test
// gets a database of its own (created next to the one in the URL, dropped after),
// so test files running in parallel never meet. A schema each would be cheaper,
// but kysely's migrator finds its tables in any schema and would skip creating them.
//
//   describe.each(databaseKinds)('on %s', (kind) => {
//     let t: TestDatabase;
//     beforeEach(async () => { t = await createTestDatabase(kind); });
//     afterEach(() => t.close());
//     ...
//   });
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { openDatabase } from '../../src/db/connection';
import type { OpenDatabase } from '../../src/db/handle';
import { migrateToLatest } from '../../src/db/migrate';
import { openPostgres } from '../../src/db/postgres';
import type { Database } from '../../src/db/schema';

export type DatabaseKind = 'sqlite' | 'postgres';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** The databases this run covers: SQLite, plus Postgres when TEST_DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  kind: DatabaseKind;
  /** What DATABASE_URL would say to reach this database from another pool or process. */
  url: string;
  /** The first connection, migrated unless asked otherwise. */
  db: Kysely<Database>;
  /** Another independent connection (its own pool) to the same database. */
  connect(options?: { max?: number }): Promise<OpenDatabase>;
  /** Closes every connection opened here and throws the database away. */
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** SQLite only: a file instead of memory, so other connections and processes can open it. */
  file?: boolean;
  /** Apply the migrations (default true). */
  migrate?: boolean;
}

export async function createTestDatabase(kind: DatabaseKind, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const opened: OpenDatabase[] = [];
  let url: string;
  let cleanup: () => Promise<void>;

  if (kind === 'postgres') {
    if (!TEST_DATABASE_URL) throw new Error('set TEST_DATABASE_URL=postgres://... to run the Postgres store tests');
    const name = `starling_test_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(TEST_DATABASE_URL, { max: 1 });
    try {
      await sql`create database ${sql.id(name)}`.execute(admin.db);
    } catch (e) {
      await admin.close();
      throw new Error(
        `cannot create a test database on ${TEST_DATABASE_URL} (${(e as Error).message}); the user needs CREATEDB`,
      );
    }
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    };
  } else if (options.file) {
    const dir = mkdtempSync(join(tmpdir(), 'starling-test-'));
    url = join(dir, 'test.db');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    url = ':memory:';
    cleanup = async () => {};
  }

  const connect = async (o: { max?: number } = {}) => {
    if (url === ':memory:' && opened.length > 0) {
      throw new Error('an in-memory SQLite database has one connection; ask createTestDatabase for { file: true }');
    }
    const c = kind === 'postgres' ? openPostgres(url, { max: o.max ?? 4 }) : await openDatabase(url);
    opened.push(c);
    return c;
  };

  const first = await connect();
  if (options.migrate !== false) await migrateToLatest(first.db);
  return {
    kind,
    url,
    db: first.db,
    connect,
    close: async () => {
      for (const c of opened.splice(0)) await c.close();
      await cleanup();
    },
  };
}
