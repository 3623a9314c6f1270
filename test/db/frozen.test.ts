// A migration that has shipped never changes: a database that already ran it would never
// see the change. Each file's hash is recorded when it ships (migrations/README.md).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';

const dir = join(import.meta.dirname, '..', '..', 'migrations');
const shipped: Record<string, string> = JSON.parse(
  readFileSync(join(import.meta.dirname, 'shipped-migrations.json'), 'utf8'),
);
const files = readdirSync(dir)
  .filter((f) => /^\d{3}_.+\.ts$/.test(f))
  .sort();

describe('migrations are frozen once shipped', () => {
  it.each(Object.keys(shipped))('%s is byte for byte as it shipped', (file) => {
    const hash = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');
    expect(hash, `${file} changed after it shipped: put the change in a new migration instead`).toBe(shipped[file]);
  });

  it('every migration file is recorded, registered, and numbered strictly upwards', () => {
    expect(files, "add a new migration's hash to test/db/shipped-migrations.json").toEqual(Object.keys(shipped).sort());
    expect(Object.keys(migrations)).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
    const numbers = files.map((f) => Number(f.slice(0, 3)));
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThan(numbers[i - 1] as number);
  });
});
