import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getSchedule,
  listSchedules,
  pauseSchedule,
  removeSchedule,
  resumeSchedule,
  setSchedule,
} from '../../src/scheduler/store';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../db/databases';

describe.each(databaseKinds)('schedule store on %s', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(() => t.close());

  const base = { workspace: 'W1', channelRef: 's:C1', createdBy: 'U1' };

  it('keeps one schedule per channel: setting again replaces it and un-pauses it', async () => {
    const first = await setSchedule(
      t.db,
      { ...base, time: '09:00', timezone: 'Europe/Berlin', days: [5, 1, 3], employer: 'Amazon' },
      new Date('2026-06-01T12:00:00Z'),
    );
    expect(first).toMatchObject({ days: '1,3,5', employer: 'Amazon', paused: 0 });
    expect(first.next_run_at).toBe(Date.parse('2026-06-03T07:00:00Z')); // Wed 09:00 CEST
    await pauseSchedule(t.db, 's:C1', 'Paused: gone', new Date('2026-06-01T13:00:00Z'));
    const again = await setSchedule(
      t.db,
      { ...base, time: '18:30', timezone: 'America/New_York', days: [1, 2, 3, 4, 5] },
      new Date('2026-06-01T14:00:00Z'),
    );
    expect(again).toMatchObject({ id: first.id, time: '18:30', paused: 0, paused_reason: null, employer: null });
    expect(again.next_run_at).toBe(Date.parse('2026-06-01T22:30:00Z'));
    expect(await listSchedules(t.db)).toHaveLength(1);
  });

  it('pauses with a reason, resumes from now (not from the missed runs), lists by workspace and removes', async () => {
    await setSchedule(
      t.db,
      { ...base, time: '09:00', timezone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7] },
      new Date('2026-06-01T00:00:00Z'),
    );
    await setSchedule(
      t.db,
      { ...base, channelRef: 's:C2', workspace: 'W2', time: '10:00', timezone: 'UTC', days: [1] },
      new Date('2026-06-01T00:00:00Z'),
    );
    await pauseSchedule(t.db, 's:C1', 'Paused: no permission', new Date('2026-06-01T01:00:00Z'));
    expect(await getSchedule(t.db, 's:C1')).toMatchObject({ paused: 1, paused_reason: 'Paused: no permission' });
    const resumed = await resumeSchedule(t.db, 's:C1', new Date('2026-06-05T10:00:00Z'));
    expect(resumed).toMatchObject({ paused: 0, paused_reason: null, next_run_at: Date.parse('2026-06-06T09:00:00Z') });
    expect(await resumeSchedule(t.db, 's:NONE', new Date())).toBeUndefined();
    expect((await listSchedules(t.db, 'W2')).map((s) => s.channel_ref)).toEqual(['s:C2']);
    expect(await removeSchedule(t.db, 's:C2')).toBe(true);
    expect(await removeSchedule(t.db, 's:C2')).toBe(false);
    expect((await listSchedules(t.db)).map((s) => s.channel_ref)).toEqual(['s:C1']);
  });
});
