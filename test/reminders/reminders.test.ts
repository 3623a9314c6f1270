// Reminders through the whole core with the memory adapter and a clock moved by hand:
// an admin turns them on, and the nudge reaches only those who answered lately and
// not today, once a day, never in quiet hours, and never again after Stop.
import { afterEach, describe, expect, it } from 'vitest';
import { member } from '../../adapters/memory/index';
import { PlatformError } from '../../src/chat/errors';
import { STOP_REMINDERS_ACTION } from '../../src/reminders/message';
import { ada, bob, COMPLETE_1, cy, type Harness, harness, lastPrivate, questions } from '../practice/helpers';

const dan = member('U-dan', 'Dan');
let h: Harness;
afterEach(() => h?.close());

const dmsTo = (userId: string) =>
  h.adapter.sent.filter(
    (s) => s.to === `memory:W1:dm-${userId}` && s.message.title === "Today's question is still open",
  );

async function postToday(at: string) {
  h.setNow(at);
  await tickAt(at);
  const q = questions(h.adapter, h.channel).at(-1);
  if (!q) throw new Error('no question posted');
  return q.ref;
}

describe('reminders', () => {
  it('nudge once, before the window closes, only members who answered lately and not today', async () => {
    h = await harness({ start: '2026-03-02T08:00:00Z' });
    await h.command(ada, 'schedule', '09:00 Europe/London daily acme');
    await h.command(ada, 'settings', 'window 12');
    await h.command(bob, 'settings', 'reminders on');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('Only channel admins');
    await h.command(ada, 'settings', 'reminders on');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain(
      'reminders: **on, an hour before the answer window closes**',
    );

    // Monday: Bob, Cy and Dan answer.
    h.setNow('2026-03-02T09:01:00Z');
    const monday = await postToday('2026-03-02T09:00:30Z');
    for (const who of [bob, cy, dan]) await h.say(who, monday, COMPLETE_1);
    await h.command(dan, 'settings', 'me quiet 19:30-21:30');
    expect(lastPrivate(h.adapter, dan.id)?.text).toContain('quiet hours: **19:30-21:30**');

    // Tuesday: only Bob answers. The window closes at 21:00, so the nudge is due at 20:00.
    h.setNow('2026-03-03T09:01:00Z');
    const tuesday = await postToday('2026-03-03T09:00:30Z');
    await h.say(bob, tuesday, COMPLETE_1);
    await tickAt('2026-03-03T19:59:00Z');
    expect(dmsTo(cy.id)).toHaveLength(0);
    h.setNow('2026-03-03T20:00:30Z');
    await tickAt('2026-03-03T20:00:30Z');
    await tickAt('2026-03-03T20:05:00Z');
    expect(dmsTo(cy.id)).toHaveLength(1);
    expect(dmsTo(cy.id)[0]?.message.text).toContain('closes in about 60 minutes');
    expect(dmsTo(cy.id)[0]?.message.buttons?.[0]?.label).toBe('Stop reminders');
    expect(dmsTo(bob.id)).toHaveLength(0); // answered today
    expect(dmsTo(ada.id)).toHaveLength(0); // never answered here
    expect(dmsTo(dan.id)).toHaveLength(0); // quiet hours until the window has closed
    await tickAt('2026-03-03T21:31:00Z');
    expect(dmsTo(dan.id)).toHaveLength(0);

    // Cy stops them with one click; Wednesday brings none for Cy, one for Dan out of quiet hours.
    await h.press(cy, STOP_REMINDERS_ACTION, 'memory:W1');
    expect(lastPrivate(h.adapter, cy.id)?.text).toContain('Reminders are off');
    await h.command(dan, 'settings', 'me quiet off');
    await postToday('2026-03-04T09:00:30Z');
    await tickAt('2026-03-04T20:00:30Z');
    expect(dmsTo(cy.id)).toHaveLength(1);
    expect(dmsTo(dan.id)).toHaveLength(1);
  });

  it('a nudge the platform refuses is given back and sent on a later tick; the others are marked sent', async () => {
    h = await harness({ start: '2026-03-02T08:00:00Z' });
    await h.command(ada, 'schedule', '09:00 Europe/London daily acme');
    await h.command(ada, 'settings', 'window 12');
    await h.command(ada, 'settings', 'reminders on');
    h.setNow('2026-03-02T09:01:00Z');
    const monday = await postToday('2026-03-02T09:00:30Z');
    for (const who of [bob, cy, dan]) await h.say(who, monday, COMPLETE_1);
    await h.command(dan, 'snooze', '3'); // a snoozed member gets no nudge either
    await postToday('2026-03-03T09:00:30Z');

    const post = h.adapter.post.bind(h.adapter);
    let refused = 0;
    h.adapter.post = async (to, message) => {
      if (to === `memory:W1:dm-${cy.id}` && refused++ === 0) throw new PlatformError('rate_limited', 'ratelimited');
      return post(to, message);
    };
    h.setNow('2026-03-03T20:00:30Z');
    await tickAt('2026-03-03T20:00:30Z');
    expect(dmsTo(bob.id)).toHaveLength(1);
    expect(dmsTo(cy.id)).toHaveLength(0);
    const rows = await h.db.selectFrom('reminder_sends').select(['user_id', 'sent_at']).execute();
    expect(rows).toEqual([{ user_id: bob.id, sent_at: Date.parse('2026-03-03T20:00:30Z') }]);

    await tickAt('2026-03-03T20:01:30Z');
    expect(dmsTo(cy.id)).toHaveLength(1);
    expect(dmsTo(bob.id)).toHaveLength(1);
    expect(dmsTo(dan.id)).toHaveLength(0);
    const after = await h.db.selectFrom('reminder_sends').select(['user_id', 'sent_at']).orderBy('user_id').execute();
    expect(after.map((r) => [r.user_id, r.sent_at !== null])).toEqual([
      [bob.id, true],
      [cy.id, true],
    ]);
  });

  it('an admin sets the nudge time, read in the schedule zone; off stops it for the channel', async () => {
    h = await harness({ start: '2026-03-02T08:00:00Z' });
    await h.command(ada, 'schedule', '09:00 America/New_York daily acme');
    await h.command(ada, 'settings', 'reminders on 5pm');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('on, at 17:00');
    h.setNow('2026-03-02T14:01:00Z');
    const monday = await postToday('2026-03-02T14:00:30Z');
    await h.say(bob, monday, COMPLETE_1);
    await postToday('2026-03-03T14:00:30Z');
    // 17:00 in New York (EST) is 22:00 UTC
    await tickAt('2026-03-03T21:59:00Z');
    expect(dmsTo(bob.id)).toHaveLength(0);
    await tickAt('2026-03-03T22:00:10Z');
    expect(dmsTo(bob.id)).toHaveLength(1);
    await h.command(ada, 'settings', 'reminders off');
    await postToday('2026-03-04T14:00:30Z');
    await tickAt('2026-03-04T22:00:10Z');
    expect(dmsTo(bob.id)).toHaveLength(1);
  });

  it('refuses a bad zone, bad quiet hours and a bad reminder time, saying what works', async () => {
    h = await harness();
    await h.command(bob, 'settings', 'me timezone Mars/Olympus');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('"Mars/Olympus" is not a time zone I know');
    await h.command(bob, 'settings', 'me quiet late');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('Quiet hours are a start and an end');
    await h.command(ada, 'settings', 'reminders on 25:00');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('Reminders are `on`');
    await h.command(bob, 'settings', 'me timezone europe/berlin');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('time zone: **Europe/Berlin** (set by you)');
  });
});

async function tickAt(at: string) {
  h.setNow(at);
  await h.app.tick(new Date(at));
}
