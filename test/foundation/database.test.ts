import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { backupSqlite } from '../../src/cli/db';
import { openSqlite, parseDatabaseUrl } from '../../src/db/connection';
import { migrateToLatest, migrationStatus } from '../../src/db/migrate';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'starling-db-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('DATABASE_URL', () => {
  it('defaults to ./data/starling.db and reads paths, sqlite:// and postgres://', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'sqlite', path: './data/starling.db' });
    expect(parseDatabaseUrl('sqlite://var/bot.db')).toEqual({ kind: 'sqlite', path: 'var/bot.db' });
    expect(parseDatabaseUrl('/tmp/x.db')).toEqual({ kind: 'sqlite', path: '/tmp/x.db' });
    expect(parseDatabaseUrl('postgres://u@h/db').kind).toBe('postgres');
    expect(() => parseDatabaseUrl('mysql://u@h/db')).toThrow(/does not support.*postgres:\/\//);
  });
});

describe('migrations', () => {
  it('apply to a fresh database and create the whole schema', async () => {
    const open = openSqlite(':memory:');
    const applied = await migrateToLatest(open.db);
    expect(applied).toEqual(Object.keys(migrations));
    const tables = (await open.db.introspection.getTables()).map((t) => t.name);
    for (const t of [
      'channels',
      'schedules',
      'occurrences',
      'posts',
      'members',
      'answers',
      'answer_messages',
      'analyses',
      'processed_events',
      'slack_installations',
    ]) {
      expect(tables).toContain(t);
    }
    const answers = (await open.db.introspection.getTables()).find((t) => t.name === 'answers');
    expect(answers?.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['post_id', 'workspace', 'user_id', 'text', 'late', 'attempt']),
    );
    expect((await migrationStatus(open.db)).every((m) => m.appliedAt)).toBe(true);
    // A second run is a no-op.
    expect(await migrateToLatest(open.db)).toEqual([]);
    await open.close();
  });

  it('run SQLite in WAL mode with foreign keys enforced', async () => {
    const open = openSqlite(join(tempDir(), 'wal.db'));
    await migrateToLatest(open.db);
    expect(open.sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(open.sqlite?.pragma('foreign_keys', { simple: true })).toBe(1);
    await expect(
      open.db
        .insertInto('answers')
        .values({
          id: 'a1',
          post_id: 'no-such-post',
          workspace: 'w',
          channel_ref: 'c',
          user_id: 'u',
          user_name: 'U',
          text: 't',
          created_at: 1,
          updated_at: 1,
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await open.close();
  });

  it('makes a new database only in a folder that exists, and says it is new', async () => {
    const missing = join(tempDir(), 'nested', 'deeper', 'starling.db');
    expect(() => openSqlite(missing)).toThrow(/folder .*deeper does not exist.*mkdir -p .*correct DATABASE_URL/);
    expect(existsSync(join(missing, '..'))).toBe(false);
    const path = join(tempDir(), 'starling.db');
    const open = openSqlite(path);
    expect(open.created).toBe(true);
    await migrateToLatest(open.db);
    await open.close();
    expect(new SQLite(path).prepare('select count(*) n from channels').get()).toEqual({ n: 0 });
    const again = openSqlite(path);
    expect(again.created).toBe(false);
    await again.close();
  });

  it('refuses a damaged file with what to do, before any query', async () => {
    const path = join(tempDir(), 'starling.db');
    const open = openSqlite(path);
    await migrateToLatest(open.db);
    await open.close();
    // overwrite the pages after the first with noise, as a torn write or disk fault would
    const bytes = readFileSync(path);
    bytes.fill(0x13, 4096, bytes.length - 4096);
    writeFileSync(path, bytes);
    expect(() => openSqlite(path)).toThrow(/database at .* is damaged.*starling db backup.*move it aside/);
  });

  it('every migration can be undone in reverse order', async () => {
    const open = openSqlite(':memory:');
    await migrateToLatest(open.db);
    for (const name of Object.keys(migrations).reverse()) await migrations[name]?.down?.(open.db);
    const left = (await open.db.introspection.getTables()).map((t) => t.name);
    expect(left.filter((t) => !t.startsWith('kysely_'))).toEqual([]);
    await open.close();
  });
});

describe('online backup', () => {
  it('copies a live database consistently, including writes still in the WAL', async () => {
    const dir = tempDir();
    const open = openSqlite(join(dir, 'live.db'));
    await migrateToLatest(open.db);
    await open.db
      .insertInto('channels')
      .values({ ref: 'console:local:prep', workspace: 'console:local', name: 'prep', created_at: 1 })
      .execute();
    const pages = await backupSqlite(open, join(dir, 'copy.db'));
    expect(pages).toBeGreaterThan(0);
    const copy = new SQLite(join(dir, 'copy.db'), { readonly: true });
    expect(copy.prepare('select ref from channels').all()).toEqual([{ ref: 'console:local:prep' }]);
    copy.close();
    await expect(backupSqlite(open, join(dir, 'copy.db'))).rejects.toThrow(/already exists/);
    await open.close();
  });
});
