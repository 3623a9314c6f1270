// DATABASE_URL, read without touching any driver, so configuration can check it.
export const DEFAULT_SQLITE_PATH = './data/starling.db';

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Reads DATABASE_URL into a target; throws a readable error for a URL it cannot use. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  if (value === ':memory:') return { kind: 'sqlite', path: ':memory:' };
  const m = /^(sqlite|file):(\/\/)?(.*)$/i.exec(value);
  if (m) {
    const path = m[3] ?? '';
    if (!path) throw new Error(`DATABASE_URL "${value}" names no file; use sqlite://./data/starling.db`);
    return { kind: 'sqlite', path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new Error(
      `DATABASE_URL "${value}" uses a database Starling does not support; use a file path, sqlite://path or postgres://user@host/db`,
    );
  }
  return { kind: 'sqlite', path: value };
}
