// The schedule maths and catch-up rules as pure functions, without a database.
import { describe, expect, it } from 'vitest';
import { planCatchup } from '../../src/scheduler/occurrences';
import { formatLocal, nextRunAt, parseDays } from '../../src/scheduler/time';

const HOUR = 3_600_000;
const daily = [1, 2, 3, 4, 5, 6, 7];
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('nextRunAt', () => {
  it('keeps 09:00 local across both transitions in America/New_York', () => {
    const spec = { time: '09:00', timezone: 'America/New_York', days: daily };
    expect(iso(nextRunAt(spec, new Date('2026-03-07T15:00:00Z')))).toBe('2026-03-08T13:00:00.000Z'); // EDT from 8 Mar
    expect(iso(nextRunAt(spec, new Date('2026-03-07T12:00:00Z')))).toBe('2026-03-07T14:00:00.000Z'); // EST before
    expect(iso(nextRunAt(spec, new Date('2026-10-31T14:00:00Z')))).toBe('2026-11-01T14:00:00.000Z'); // EST from 1 Nov
  });

  it('keeps 09:00 local across both transitions in Europe/Berlin', () => {
    const spec = { time: '09:00', timezone: 'Europe/Berlin', days: daily };
    expect(iso(nextRunAt(spec, new Date('2026-03-28T09:00:00Z')))).toBe('2026-03-29T07:00:00.000Z'); // CEST
    expect(iso(nextRunAt(spec, new Date('2026-10-24T08:00:00Z')))).toBe('2026-10-25T08:00:00.000Z'); // CET
  });

  it('runs a time that does not exist on the spring-forward day at the next valid minute', () => {
    const ny = { time: '02:30', timezone: 'America/New_York', days: daily };
    expect(iso(nextRunAt(ny, new Date('2026-03-08T05:00:00Z')))).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    const berlin = { time: '02:15', timezone: 'Europe/Berlin', days: daily };
    expect(iso(nextRunAt(berlin, new Date('2026-03-28T23:00:00Z')))).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
  });

  it('runs the repeated autumn hour once, at its first occurrence', () => {
    const spec = { time: '01:30', timezone: 'America/New_York', days: daily };
    const first = nextRunAt(spec, new Date('2026-11-01T04:00:00Z'));
    expect(iso(first)).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    // After the first 01:30 the next run is the following day, not the second 01:30 EST.
    expect(iso(nextRunAt(spec, first as Date))).toBe('2026-11-02T06:30:00.000Z');
  });

  it('honours days of the week and has no run without days', () => {
    const weekdays = { time: '09:00', timezone: 'UTC', days: parseDays('mon-fri') ?? [] };
    expect(iso(nextRunAt(weekdays, new Date('2026-06-05T10:00:00Z')))).toBe('2026-06-08T09:00:00.000Z'); // Fri -> Mon
    expect(nextRunAt({ ...weekdays, days: [] }, new Date('2026-06-05T10:00:00Z'))).toBeNull();
    expect(parseDays('sat,sun')).toEqual([6, 7]);
    expect(parseDays('fri-mon')).toEqual([1, 5, 6, 7]);
    expect(parseDays('someday')).toBeUndefined();
  });

  it('formats an instant in the channel time', () => {
    expect(formatLocal(new Date('2026-03-29T07:00:00Z'), 'Europe/Berlin')).toBe('Sun 29 Mar 09:00 (Europe/Berlin)');
  });
});

describe('planCatchup', () => {
  const s = { time: '09:00', timezone: 'UTC', days: '1,2,3,4,5,6,7' };
  const due = Date.parse('2026-06-01T09:00:00Z');

  it('posts an on-time run and schedules the next', () => {
    const p = planCatchup(s, due, due + 30_000, 6 * HOUR);
    expect(p).toMatchObject({ post: due, skipped: [], next: due + 24 * HOUR });
  });

  it('posts only the newest missed run when it is inside the window, skipping the older ones', () => {
    const p = planCatchup(s, due, due + 2 * 24 * HOUR + 5 * HOUR, 6 * HOUR);
    expect(p.post).toBe(due + 2 * 24 * HOUR);
    expect(p.skipped.map((x) => x.dueAt)).toEqual([due, due + 24 * HOUR]);
  });

  it('posts nothing when even the newest missed run is outside the window', () => {
    const p = planCatchup(s, due, due + 6 * HOUR, 6 * HOUR);
    expect(p.post).toBeUndefined();
    expect(p.skipped).toEqual([
      { dueAt: due, note: 'missed by more than the catch-up window (360 min); not posted late' },
    ]);
  });

  it('does not record misses one by one beyond a month', () => {
    const p = planCatchup(s, due, due + 100 * 24 * HOUR + HOUR, 6 * HOUR);
    expect(p.unrecorded).toBe(true);
    expect(p.skipped.length).toBeLessThanOrEqual(31);
    expect(p.post).toBe(due + 100 * 24 * HOUR);
  });
});
