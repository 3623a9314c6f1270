import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/errors';
import { cli } from '../../src/cli/star';

const dir = mkdtempSync(join(tmpdir(), 'starling-star-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await cli.run(args);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

const ANSWER =
  'Last year at a small shop our stock counts were always wrong.\nI was asked to fix the count before the audit.\n- I recounted the stockroom shelf by shelf\n- I labelled every bin\nThe next audit found 3 errors instead of 40.';

describe('starling star', () => {
  it('shows each sentence marked S/T/A/R, the checks and the feedback', async () => {
    const { code, out } = await run([file('answer.txt', ANSWER)]);
    expect(code).toBe(0);
    expect(out).toContain('  S  Last year at a small shop our stock counts were always wrong.');
    expect(out).toContain('  T  I was asked to fix the count before the audit.');
    expect(out).toContain('  A  I recounted the stockroom shelf by shelf');
    expect(out).toContain('  R  The next audit found 3 errors instead of 40.');
    expect(out).toContain('Checks: 6 of 6');
    expect(out).toContain('[x] measured result');
    expect(out).toMatch(/Feedback:\n {2}- This is a real story/);
  });

  it('--json prints the analysis with the documented fields', async () => {
    const { code, out } = await run(['--json', file('answer.json.txt', ANSWER)]);
    expect(code).toBe(0);
    const a = JSON.parse(out);
    expect(a.story).toBe(true);
    expect(a.parts.result).toEqual({
      present: true,
      status: 'present',
      sentences: ['The next audit found 3 errors instead of 40.'],
    });
    expect(a.sentences[0]).toMatchObject({
      text: 'Last year at a small shop our stock counts were always wrong.',
      label: 'situation',
    });
    expect(a.sentences[0].why.length).toBeGreaterThan(0);
    expect(a).toMatchObject({
      resultMeasured: true,
      ownership: { iShare: 1, flagged: false },
      checks: { passed: 6, total: 6 },
    });
    expect(typeof a.wordCount).toBe('number');
    expect(a.feedback.every((f: unknown) => typeof f === 'string')).toBe(true);
  });

  it('refuses empty input, a missing file and unknown options with a clear message', async () => {
    await expect(run([file('empty.txt', '  \n\n ')])).rejects.toThrow(
      /the answer is empty .*empty\.txt.*echo "Last year I \.\.\." \| starling star/,
    );
    await expect(run([join(dir, 'nope.txt')])).rejects.toThrow(/cannot read .*nope\.txt: no such file/);
    await expect(run(['--yaml'])).rejects.toThrow(CliError);
    await expect(run(['a.txt', 'b.txt'])).rejects.toThrow(/one file at most/);
  });

  it('reads standard input and exits non-zero on empty input (real process)', () => {
    const bin = join(process.cwd(), 'bin', 'starling.js');
    const ok = spawnSync(process.execPath, [bin, 'star'], { input: ANSWER, encoding: 'utf8', timeout: 20_000 });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Checks: 6 of 6');
    const empty = spawnSync(process.execPath, [bin, 'star'], { input: '', encoding: 'utf8', timeout: 20_000 });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('starling star: the answer is empty');
  });
});
