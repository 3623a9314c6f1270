// Files the bot sends in the terminal (an export) are written to disk rather than printed:
// a JSON export is thousands of lines, and a member wants the file.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Writes `content` as `name` under `dir`, never over an earlier file; returns its path. */
export function saveFile(dir: string, name: string, content: string | Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const safe = name.replace(/[^\w.-]+/g, '-');
  const ext = extname(safe);
  const stem = safe.slice(0, safe.length - ext.length);
  let path = resolve(join(dir, safe));
  for (let n = 2; existsSync(path); n++) path = resolve(join(dir, `${stem}-${n}${ext}`));
  writeFileSync(path, content, { flag: 'wx' });
  return path;
}

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KB`;
}
