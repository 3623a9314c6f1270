// /prep interview through the core with the memory adapter and a clock moved by hand:
// the days left, practice leaning to the employer, the brief the day before in the
// member's own zone, sent once, and its data in export and forget-me.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACME,
  ada,
  bob,
  COMPLETE_1,
  COMPLETE_2,
  GENERIC,
  GLOBEX,
  type Harness,
  harness,
  lastPrivate,
  questions,
} from '../practice/helpers';

let h: Harness;
afterEach(() => h?.close());

const briefs = (userId: string) =>
  h.adapter.sent.filter((s) => s.to === `memory:W1:dm-${userId}` && s.message.title?.startsWith('Tomorrow'));

async function tickAt(at: string) {
  h.setNow(at);
  await h.app.tick(new Date(at));
}

describe('/prep interview', () => {
  it('counts the days, leans practice to the employer and sends the brief once the day before', async () => {
    h = await harness({ start: '2026-03-02T12:00:00Z', guides: [ACME, GLOBEX] });
    // Bob's stories: a full one to an Acme question, a generic statement that is no story
    await h.command(bob, 'question', 'acme behavioral');
    const q1 = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
    await h.say(bob, q1, `${COMPLETE_1} ${COMPLETE_2}`);
    await h.command(bob, 'question', 'globex behavioral');
    const q2 = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
    await h.say(bob, q2, GENERIC);

    await h.command(bob, 'settings', 'me timezone America/New_York');
    await h.command(bob, 'interview', 'acme 2026-03-10');
    const set = lastPrivate(h.adapter, bob.id)?.text ?? '';
    expect(set).toContain('Your **Acme Corp** interview: Tue 10 Mar 2026, in 8 days.');
    expect(set).toContain('Dates are read in America/New_York (set by you)');

    await h.command(bob, 'me');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('**Interview:** Acme Corp, Tue 10 Mar 2026 (8 days left)');
    await h.command(bob, 'question');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('question from Acme Corp');

    // 09:00 the day before in New York (EDT from 8 March) is 13:00 UTC.
    await tickAt('2026-03-09T12:59:00Z');
    expect(briefs(bob.id)).toHaveLength(0);
    await tickAt('2026-03-09T13:00:30Z');
    await tickAt('2026-03-09T13:01:30Z');
    expect(briefs(bob.id)).toHaveLength(1);
    const brief = briefs(bob.id)[0]?.message.text ?? '';
    expect(brief).toContain('**What they evaluate**');
    expect(brief).toContain('Problem solving');
    expect(brief).toContain('1. Recruiter screen');
    expect(brief).toContain('Quantify your results for Acme Corp.');
    expect(brief).toContain('**Your three best-fitting stories**');
    expect(brief).toContain('checkout service was failing');
    expect(brief).not.toContain('I usually try to stay calm');

    await h.command(bob, 'export');
    const file = lastPrivate(h.adapter, bob.id)?.attachments?.[0]?.content ?? '';
    const data = JSON.parse(file);
    expect(data.timesAndInterview.timezone).toBe('America/New_York');
    expect(data.timesAndInterview.interview).toMatchObject({ employer: 'acme-software-engineer', date: '2026-03-10' });
  });

  it('reads dates as people type them, refuses past ones and clears with off', async () => {
    h = await harness({ start: '2026-03-02T12:00:00Z' });
    await h.command(ada, 'interview', 'acme 1 Mar 2026');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('Sun 1 Mar 2026 has passed');
    await h.command(ada, 'interview', 'acme someday');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('"someday" is not a date I can read');
    await h.command(ada, 'interview', 'nosuchco 2026-03-09');
    expect(lastPrivate(h.adapter, ada.id)?.text).toMatch(/nosuchco/i);
    await h.command(ada, 'interview', 'acme tomorrow');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('tomorrow.');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('Your brief comes in a minute');
    await h.command(ada, 'interview', 'off');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('Interview cleared');
    await tickAt('2026-03-02T12:01:00Z');
    expect(briefs(ada.id)).toHaveLength(0);
    await h.command(ada, 'interview', 'globex 12 March');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('Thu 12 Mar 2026, in 10 days');
    await h.command(ada, 'forget-me');
    const confirm = lastPrivate(h.adapter, ada.id)?.buttons?.find((b) => b.id.includes('confirm'));
    await h.press(ada, confirm?.id ?? '');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('your own settings and interview date');
    await h.command(ada, 'interview');
    expect(lastPrivate(h.adapter, ada.id)?.text).toContain('No interview set');
  });
});
