// The end-to-end scenario through the router and the memory adapter, with
// a fixed clock: a schedule fires, three members answer, edits and a deletion
// happen, the digest is posted, and the privacy commands leave nothing behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../db/databases';
import {
  ada,
  bob,
  COMPLETE_1,
  COMPLETE_2,
  cy,
  GENERIC,
  type Harness,
  harness,
  lastPrivate,
  NO_RESULT,
  questions,
  RESULT_ADDED,
} from './helpers';

const HOUR = 3_600_000;

describe.each(databaseKinds)('a day in the study group on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ kind });
  });
  afterEach(() => h.close());

  it('posts on schedule, reads answers, gives feedback, digests, and forgets on request', async () => {
    const { adapter, channel } = h;
    // An admin sets the daily question (Monday 2 March 2026, London is on GMT).
    await h.command(ada, 'schedule', '09:00 Europe/London weekdays acme behavioral');
    const confirm = adapter.publicIn(channel).at(-1)?.message.text ?? '';
    expect(confirm).toContain('09:00');
    expect(confirm).toContain('Europe/London');
    expect(confirm).toContain('Acme Corp');

    // Nothing is due before nine; at 09:00:30 the question is posted once, even if ticked twice.
    await h.app.tick(new Date('2026-03-02T08:59:00Z'));
    expect(questions(adapter, channel)).toHaveLength(0);
    h.setNow('2026-03-02T09:00:30Z');
    await h.app.tick();
    await h.app.tick();
    const posted = questions(adapter, channel);
    expect(posted).toHaveLength(1);
    const q = posted[0];
    if (!q) throw new Error('no question posted');
    expect(q.message.title).toContain('Acme Corp');
    expect(q.message.title).toContain('behavioral');
    expect(q.message.text).toMatch(/Answer in this thread/);
    expect(q.message.starForm?.postId).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(q.message.idempotencyKey).toEqual(expect.any(String));
    const thread = q.ref;

    // Ada answers in two replies (one answer), Bob leaves out the result, Cy is generic.
    h.advance(10 * 60_000);
    const ada1 = await h.say(ada, thread, COMPLETE_1);
    await h.say(ada, thread, COMPLETE_2);
    const bob1 = await h.say(bob, thread, NO_RESULT);
    const cy1 = await h.say(cy, thread, GENERIC);

    // Feedback is private to each author; nobody sees another's.
    const adaFeedback = adapter.privateFor(ada.id).filter((s) => s.message.kind === 'feedback');
    expect(adaFeedback).toHaveLength(2); // once per reply: the second covers the whole answer
    expect(adaFeedback[1]?.message.text).toContain('6 of 6');
    expect(lastPrivate(adapter, bob.id)?.text).toMatch(/result/i);
    expect(lastPrivate(adapter, cy.id)?.text).toMatch(/would|usually|specific/i);
    expect(adapter.publicIn().some((s) => s.message.kind === 'feedback')).toBe(false);

    // Markers: reactions on each answer's first message, showing the parts present.
    const marks = (ref: string) =>
      adapter.reactions
        .filter((r) => r.ref === ref)
        .map((r) => r.emoji)
        .sort();
    expect(marks(ada1)).toEqual([
      'regional_indicator_a',
      'regional_indicator_r',
      'regional_indicator_s',
      'regional_indicator_t',
    ]);
    expect(marks(bob1)).not.toContain('regional_indicator_r');
    expect(marks(bob1)).toContain('regional_indicator_a');
    expect(marks(cy1)).toEqual([]);

    // Bob edits in a result: re-analysed, the marker gains R, feedback says it was updated.
    await h.edit(bob, thread, bob1, RESULT_ADDED);
    expect(marks(bob1)).toContain('regional_indicator_r');
    expect(lastPrivate(adapter, bob.id)?.text).toContain('Updated after your edit');

    // Cy deletes the only reply: the answer and its analysis are gone.
    await h.remove(cy, thread, cy1);
    const cyRows = await h.db.selectFrom('answers').selectAll().where('user_id', '=', cy.id).execute();
    expect(cyRows).toHaveLength(0);
    expect(await h.db.selectFrom('analyses').selectAll().execute()).toHaveLength(2);

    // The window closes 24 hours after posting: one digest in the thread, however many ticks.
    h.setNow(new Date(new Date('2026-03-02T09:00:30Z').getTime() + 24 * HOUR + 60_000));
    await h.app.tick();
    await h.app.tick();
    const digests = adapter.publicIn(thread).filter((s) => s.message.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.message.text).toContain('2 members');
    expect(digests[0]?.message.text).toContain('Quantify your results for Acme Corp.');
    // Tuesday's question was posted by the same tick.
    expect(questions(adapter, channel)).toHaveLength(2);

    // /prep me: Ada's own figures, privately.
    await h.command(ada, 'me');
    const me = lastPrivate(adapter, ada.id);
    expect(me?.text).toContain('**Answers given:** 1');
    expect(me?.text).toMatch(/\*\*Streak:\*\* 1 day/);
    expect(me?.text).toContain('Situation █'); // the chart

    // /prep leaderboard: Ada and Bob, one question each, Ada's checks all passed.
    await h.command(cy, 'leaderboard');
    const board = lastPrivate(adapter, cy.id)?.text ?? '';
    expect(board).toMatch(/Ada.*1 question answered · STAR checks 100% · 1 complete/);
    expect(board).toMatch(/Bob.*1 question answered/);
    expect(board).not.toContain('Cy');

    // export: everything Ada gave, as JSON and Markdown.
    await h.command(ada, 'export');
    const exp = lastPrivate(adapter, ada.id);
    const json = exp?.attachments?.find((a) => a.mime === 'application/json');
    const md = exp?.attachments?.find((a) => a.mime === 'text/markdown');
    const data = JSON.parse(json?.content ?? '{}');
    expect(data.answers).toHaveLength(1);
    expect(data.answers[0].parts).toHaveLength(2);
    expect(data.answers[0].text).toContain('checkout errors dropped');
    expect(data.answers[0].analysis.checks.passed).toBe(6);
    expect(data.member.name).toBe('Ada');
    // The schedule Ada set, with its channel, time, zone, days and filters.
    expect(data.schedules).toEqual([
      expect.objectContaining({
        channel: h.channel,
        time: '09:00',
        timezone: 'Europe/London',
        days: [1, 2, 3, 4, 5],
        employer: 'acme-software-engineer',
        category: 'behavioral',
        paused: false,
      }),
    ]);
    expect(md?.content).toContain(
      `## Daily questions you set\n\n- ${h.channel}: 09:00 (Europe/London), weekdays, from acme-software-engineer, behavioral; next 2026-`,
    );
    expect(exp?.text).toContain('1 daily question schedule you set');
    expect(md?.content).toContain('Tell me about a time');
    expect(md?.content).toContain('> Last spring');

    // forget-me asks first; confirming deletes everything of Ada's and says what.
    await h.command(ada, 'forget-me');
    const ask = lastPrivate(adapter, ada.id);
    const yes = ask?.buttons?.find((b) => b.style === 'danger');
    expect(yes?.label).toMatch(/delete|forget|yes/i);
    expect(await h.db.selectFrom('answers').selectAll().where('user_id', '=', ada.id).execute()).toHaveLength(1);
    await h.press(ada, yes?.id ?? '', yes?.value);
    expect(lastPrivate(adapter, ada.id)?.text).toMatch(/Deleted 1 answer \(2 replies\), 1 analysis/);
    for (const table of ['answers', 'members'] as const) {
      expect(await h.db.selectFrom(table).selectAll().where('user_id', '=', ada.id).execute()).toHaveLength(0);
    }
    expect(
      await h.db.selectFrom('answer_messages').selectAll().where('ref', 'like', `${thread}:%`).execute(),
    ).toHaveLength(1); // Bob's
    expect(await h.db.selectFrom('analyses').selectAll().execute()).toHaveLength(1);
    await h.command(ada, 'export');
    expect(JSON.parse(lastPrivate(adapter, ada.id)?.attachments?.[0]?.content ?? '{}').answers).toEqual([]);
  });
});
