import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/errors';
import { cli, renderScheduleTable, scheduleRows } from '../../src/cli/schedule';
import { openDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { pauseSchedule, setSchedule } from '../../src/scheduler/store';

describe('starling schedule list', () => {
  let dir: string;
  let out: string;
  const saved = process.env.DATABASE_URL;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'starling-cli-'));
    process.env.DATABASE_URL = join(dir, 'bot.db');
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.env.DATABASE_URL = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  async function seed() {
    const o = await openDatabase(process.env.DATABASE_URL);
    await migrateToLatest(o.db);
    const now = new Date('2026-03-27T12:00:00Z');
    const base = { days: [1, 2, 3, 4, 5], createdBy: 'U1' };
    await setSchedule(
      o.db,
      {
        ...base,
        workspace: 'T1',
        channelRef: 'slack:T1:C1',
        time: '09:00',
        timezone: 'Europe/Berlin',
        employer: 'Amazon',
      },
      now,
    );
    await setSchedule(
      o.db,
      { ...base, workspace: 'G1', channelRef: 'discord:G1:42', time: '08:30', timezone: 'America/New_York' },
      now,
    );
    await pauseSchedule(
      o.db,
      'discord:G1:42',
      'Paused: Starling lacks permission to post in this channel (50013).',
      now,
    );
    await o.close();
  }

  it('shows each schedule with its next run in the channel time and UTC, and why a paused one is paused', async () => {
    await seed();
    expect(await cli.run(['list'])).toBe(0);
    // Friday 27 March: the next weekday 09:00 in Berlin is Monday 30 March, after the clocks went forward.
    expect(out).toMatch(
      /slack:T1:C1\s+09:00 weekdays, Europe\/Berlin\s+Amazon\s+active\s+Mon 30 Mar 09:00 \(Europe\/Berlin\)\s+2026-03-30 07:00 UTC/,
    );
    expect(out).toMatch(/discord:G1:42\s+08:30 weekdays, America\/New_York\s+any\s+paused\s+-\s+-/);
    expect(out).toContain('    Paused: Starling lacks permission to post in this channel (50013).');
    expect(out).toContain('2 schedules, 1 paused.');
  });

  it('filters by workspace and prints JSON for scripts', async () => {
    await seed();
    expect(await cli.run(['list', '--workspace', 'T1', '--json'])).toBe(0);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toEqual([
      expect.objectContaining({ channel: 'slack:T1:C1', nextRunUtc: '2026-03-30T07:00:00.000Z', paused: false }),
    ]);
  });

  it('says how to set one up when there are none, and refuses an unknown subcommand', async () => {
    const o = await openDatabase(process.env.DATABASE_URL);
    await migrateToLatest(o.db);
    await o.close();
    expect(await cli.run([])).toBe(0);
    expect(out).toContain('No schedules yet');
    await expect(cli.run(['lsit'])).rejects.toThrow(CliError);
    await expect(cli.run(['lsit'])).rejects.toThrow(/did you mean "starling schedule list"/);
  });

  it('renders rows without a database', async () => {
    const o = await openDatabase(':memory:');
    await migrateToLatest(o.db);
    expect(renderScheduleTable(await scheduleRows(o.db))).toContain('No schedules yet');
    await o.close();
  });
});
