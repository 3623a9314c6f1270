// A SQLite file that is damaged (torn writes, a disk fault, a file that is not a database):
// recognised wherever it surfaces, and said once in words that tell the admin what to do.

/** SQLite's codes for a file it cannot read as a database. */
const DAMAGE_CODES = /^SQLITE_(?:CORRUPT|NOTADB)/;

/** Whether this error, or one it was caused by, is SQLite reporting a damaged file. */
export function isDamage(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGE_CODES.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** What to tell the admin about a damaged database file at `path`. */
export function damageMessage(path: string, detail = 'database disk image is malformed'): string {
  return [
    `The SQLite database at ${path} is damaged (${detail}).`,
    `Restore your latest backup over it (made with \`starling db backup <file>\`), or move it aside`,
    `(mv ${path} ${path}.damaged) and start again: Starling then creates a new, empty database there.`,
  ].join(' ');
}
