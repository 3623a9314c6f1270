import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'starling-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BIN = join(process.cwd(), 'bin/starling.js');

function starling(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the starling command', () => {
  it('lists every command with --help', () => {
    const r = starling(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['start', 'guide', 'star', 'db', 'schedule', 'slack', 'discord'])
      expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('says what is wrong with an unknown command and exits non-zero', () => {
    const r = starling(['bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "bogus"/);
  });

  it("prints its version, and one subcommand's help for `<command> <sub> --help`", () => {
    const version = starling(['--version']);
    expect(version.code).toBe(0);
    expect(version.out).toMatch(/^starling \d+\.\d+\.\d+\n$/);
    const sub = starling(['guide', 'import', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.out).toMatch(/^Usage: starling guide import <file or address\.\.\.>/);
    expect(sub.out).not.toMatch(/guide validate/);
    expect(starling(['db', 'backup', '--help']).out).toMatch(/^Usage: starling db backup <file>/);
  });

  it('refuses a wrong flag on any command with a clean line and the usage', () => {
    for (const args of [
      ['db', 'status', '--bogus'],
      ['guide', 'list', '--bogus'],
      ['star', '--bogus'],
      ['schedule', '--bogus'],
    ]) {
      const r = starling(args, { DATABASE_URL: join(dir, 'flags.db') });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^starling \w+: unknown option --bogus\.\n\nUsage/);
      expect(r.err).not.toMatch(/To specify a positional|\n\s+at /);
    }
    expect(starling(['guide', 'import', 'x.txt', '--dir']).err).toMatch(/--dir needs a value after it/);
  });

  it('names a misspelt setting with the one it most likely is: refused in .env, warned of in the environment', () => {
    const folder = join(dir, 'dotenv-typo');
    mkdirSync(folder);
    writeFileSync(join(folder, '.env'), `DATABSE_URL=${join(folder, 's.db')}\nLOG_LEVL=debug\n`);
    const fromFile = starling(['start'], {}, folder);
    expect(fromFile.code).toBe(78);
    expect(fromFile.err).toMatch(/DATABSE_URL in \.env is not a Starling setting: did you mean DATABASE_URL\?/);
    expect(fromFile.err).toMatch(/LOG_LEVL in \.env is not a Starling setting: did you mean LOG_LEVEL\?/);
    expect(existsSync(join(folder, 's.db'))).toBe(false);
    // the environment holds other programs' variables too: said, not refused
    const fromEnv = starling(['db', 'status'], {
      DATABASE_URL: join(dir, 'env-typo.db'),
      DATABSE_URL: 'x',
      PORT0: '8080',
      SLACK_API_TOKEN: 'xoxp-other-tool',
    });
    expect(fromEnv.code).not.toBe(78);
    const started = starling(['start'], { DATABASE_URL: join(dir, 'env-typo.db'), DATABSE_URL: 'x', PORT0: '1' });
    expect(started.code).toBe(0);
    expect(started.err).toMatch(
      /DATABSE_URL is set but is not a Starling setting; if you meant DATABASE_URL, rename it/,
    );
    expect(started.err).not.toMatch(/PORT0/);
    // three processes start here: on a busy machine each takes seconds
  }, 60_000);

  it('explains a Discord token of the wrong shape before connecting', () => {
    const r = starling(['start'], { DATABASE_URL: join(dir, 'discord.db'), DISCORD_TOKEN: 'garbage' });
    expect(r.code).toBe(78);
    expect(r.err).toMatch(/DISCORD_TOKEN does not look like a bot token.*Reset Token/);
    expect(r.err).not.toMatch(/getaddrinfo|\n\s+at /);
  });

  it('refuses to launch Discord shards without a token or with a bad shard count, saying what to set', () => {
    const none = starling(['discord', 'shards'], { DATABASE_URL: join(dir, 'shards.db') });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/set DISCORD_TOKEN \(Developer Portal/);
    const count = starling(['discord', 'shards'], {
      DATABASE_URL: join(dir, 'shards.db'),
      DISCORD_SHARD_COUNT: 'four',
    });
    expect(count.code).toBe(78);
    expect(count.err).toMatch(/DISCORD_SHARD_COUNT must be a whole number of shards such as 4/);
    const sub = starling(['discord', 'shard']);
    expect(sub.code).toBe(2);
    expect(sub.err).toMatch(/unknown subcommand "shard"/);
  });

  it('explains a Discord it cannot reach, and a content folder that is not there', () => {
    const token = 'MTAwMDAwMDAwMDAwMDAwMDAx.GabcdE.abcdefghijklmnopqrstuvwx';
    const r = starling(['start'], {
      DATABASE_URL: join(dir, 'unreachable.db'),
      DISCORD_TOKEN: token,
      DISCORD_API_URL: 'http://127.0.0.1:9/api', // nothing listens on the discard port
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Could not reach Discord to log in \(connect ECONNREFUSED .*\)\. Check the network/);
    expect(r.err).not.toMatch(/\n\s+at /);
    const content = starling(['start'], { DATABASE_URL: join(dir, 'content.db'), CONTENT_DIR: join(dir, 'no-such') });
    expect(content.code).toBe(78);
    expect(content.err).toMatch(/CONTENT_DIR is .*no-such, a folder that does not exist/);
  });

  it('migrates, reports status and backs up a database', () => {
    const env = { DATABASE_URL: join(dir, 'bot.db') };
    new SQLite(env.DATABASE_URL).close(); // an existing database that has never been migrated
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

  it('reads settings from a .env file in the working directory, the environment winning', () => {
    const home = join(dir, 'with-env');
    mkdirSync(home);
    writeFileSync(join(home, '.env'), `DATABASE_URL=${join(home, 'from-dotenv.db')}\n`);
    expect(starling(['db', 'migrate'], {}, home).code).toBe(0);
    expect(existsSync(join(home, 'from-dotenv.db'))).toBe(true);
    expect(existsSync(join(home, 'data'))).toBe(false);
    const other = join(home, 'from-env.db');
    expect(starling(['db', 'migrate'], { DATABASE_URL: other }, home).code).toBe(0);
    expect(existsSync(other)).toBe(true);
  });

  it('does not create an empty database for a mistyped path; says how to create one', () => {
    const missing = join(dir, 'typo', 'starlnig.db');
    const r = starling(['db', 'status'], { DATABASE_URL: missing });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /There is no database at .*starlnig\.db\. Check DATABASE_URL, or create it with `npx starling db migrate`/,
    );
    expect(existsSync(missing)).toBe(false);
    expect(starling(['schedule', 'list'], { DATABASE_URL: missing }).err).toMatch(/There is no database/);
  });

  it('names an unsupported DATABASE_URL among the settings problems', () => {
    const r = starling(['db', 'status'], { DATABASE_URL: 'mysql://db/x' });
    expect(r.code).toBe(78);
    expect(r.err).toMatch(/DATABASE_URL "mysql:\/\/db\/x" uses a database Starling does not support/);
  });

  it('reports a Postgres server that does not answer in terms of DATABASE_URL, without a stack', () => {
    const r = starling(['db', 'status'], { DATABASE_URL: 'postgres://bot:secret@127.0.0.1:1/starling' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /Could not connect to Postgres at 127\.0\.0\.1:1\/starling \(ECONNREFUSED\)\. Check that the server is running/,
    );
    expect(r.err).not.toMatch(/secret/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
