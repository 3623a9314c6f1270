import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'starling-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function starling(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/starling.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the starling command', () => {
  it('lists every command with --help', () => {
    const r = starling(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['start', 'guide', 'star', 'db', 'schedule', 'slack'])
      expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('says what is wrong with an unknown command and exits non-zero', () => {
    const r = starling(['bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "bogus"/);
  });

  it('migrates, reports status and backs up a database', () => {
    const env = { DATABASE_URL: join(dir, 'bot.db') };
    expect(starling(['db', 'status'], env).out).toMatch(/pending\s+001_initial/);
    const migrate = starling(['db', 'migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.out).toMatch(/Applied \d+ migration\(s\)/);
    expect(starling(['db', 'status'], env).out).toMatch(/Up to date/);
    const backup = starling(['db', 'backup', join(dir, 'copy.db')], env);
    expect(backup.code).toBe(0);
    expect(existsSync(join(dir, 'copy.db'))).toBe(true);
    const again = starling(['db', 'backup', join(dir, 'copy.db')], env);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists; choose a new file name/);
  });

  it('stops on bad configuration with one message and no stack trace', () => {
    const r = starling(['db', 'status'], { PORT: 'abc', SLACK_BOT_TOKEN: 'nope' });
    expect(r.code).toBe(78);
    expect(r.err).toMatch(/Starling cannot start: \d settings are wrong/);
    expect(r.err).toMatch(/PORT must be a whole number/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
