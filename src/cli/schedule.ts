// `starling schedule list`: every channel schedule with its next run, in the
// channel's own time and in UTC, so an operator can answer "when does it post?".
import type { Kysely } from 'kysely';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import type { Database, Schedule } from '../db/schema';
import { listSchedules, scheduleDays } from '../scheduler/store';
import { formatDays, formatLocal } from '../scheduler/time';
import { parseCli } from './args';
import { type Cli, CliError } from './errors';

const usage = `Usage:
  starling schedule list [--workspace <id>] [--json]

Lists every channel schedule: channel, time, days and time zone, whether it is
paused (and why), and its next run in the channel's time and in UTC.
Reads the database named by DATABASE_URL (default ./data/starling.db).

Options:
  --workspace <id>   only this workspace (Slack team or Discord server id)
  --json             one JSON object per schedule, for scripts`;

export interface ScheduleRow {
  channel: string;
  workspace: string;
  time: string;
  days: string;
  timezone: string;
  topic: string | null;
  paused: boolean;
  pausedReason: string | null;
  /** ISO instant of the next run; null when paused or without days. */
  nextRunUtc: string | null;
  /** The next run in the channel's zone, e.g. "Mon 24 Nov 09:00 (Europe/Berlin)". */
  nextRunLocal: string | null;
}

export function describeSchedule(s: Schedule): ScheduleRow {
  const next = !s.paused && s.next_run_at !== null ? new Date(s.next_run_at) : null;
  const topic = [s.employer, s.category].filter(Boolean).join(' / ') || null;
  return {
    channel: s.channel_ref,
    workspace: s.workspace,
    time: s.time,
    days: formatDays(scheduleDays(s)),
    timezone: s.timezone,
    topic,
    paused: Boolean(s.paused),
    pausedReason: s.paused_reason,
    nextRunUtc: next ? next.toISOString() : null,
    nextRunLocal: next ? formatLocal(next, s.timezone) : null,
  };
}

/** The human table: one line per schedule, a paused one with its reason below. */
export function renderScheduleTable(rows: ScheduleRow[]): string {
  if (rows.length === 0) {
    return 'No schedules yet. Set one in a channel with: /prep schedule 09:00 Europe/Berlin weekdays';
  }
  const cells = rows.map((r) => [
    r.channel,
    `${r.time} ${r.days}, ${r.timezone}`,
    r.topic ?? 'any',
    r.paused ? 'paused' : 'active',
    r.nextRunLocal ?? '-',
    r.nextRunUtc ? `${r.nextRunUtc.slice(0, 16).replace('T', ' ')} UTC` : '-',
  ]);
  const header = ['CHANNEL', 'WHEN', 'TOPIC', 'STATE', 'NEXT (CHANNEL TIME)', 'NEXT (UTC)'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header)];
  rows.forEach((r, i) => {
    out.push(line(cells[i] ?? []));
    if (r.paused && r.pausedReason) out.push(`    ${r.pausedReason}`);
  });
  const paused = rows.filter((r) => r.paused).length;
  out.push('', `${rows.length} schedule${rows.length === 1 ? '' : 's'}${paused ? `, ${paused} paused` : ''}.`);
  return out.join('\n');
}

export async function scheduleRows(db: Kysely<Database>, workspace?: string): Promise<ScheduleRow[]> {
  return (await listSchedules(db, workspace)).map(describeSchedule);
}

export const cli: Cli = {
  summary: 'list every channel schedule with its next run',
  usage,
  async run(args) {
    const parsed = parseCli(args, { workspace: { type: 'string' }, json: { type: 'boolean', default: false } }, usage);
    const [sub = 'list', ...extra] = parsed.positionals;
    if (sub !== 'list' || extra.length > 0) {
      throw new CliError(
        `unknown schedule command "${[sub, ...extra].join(' ')}"; did you mean "starling schedule list"?\n\n${usage}`,
        2,
      );
    }
    const config = loadConfig();
    const opened = await openDatabase(config.DATABASE_URL, { mustExist: true });
    try {
      await migrateToLatest(opened.db);
      const rows = await scheduleRows(opened.db, parsed.values.workspace);
      if (parsed.values.json) {
        for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
      } else {
        process.stdout.write(`${renderScheduleTable(rows)}\n`);
      }
      return 0;
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(
        `cannot read the schedules: ${(e as Error).message}. Check DATABASE_URL and that the database is running.`,
      );
    } finally {
      await opened.close();
    }
  },
};
