// One feedback per answer: quick replies wait for a quiet period and get one feedback
// that reads them all; an edit after it updates that feedback, saying what changed; feedback held when the
// process stops is sent at shutdown, or by the tick after a crash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ada, bob, COMPLETE_1, COMPLETE_2, type Harness, harness, NO_RESULT, questions, RESULT_ADDED } from './helpers';

let h: Harness;
let thread: string;
beforeEach(async () => {
  h = await harness({ quietSeconds: 3 });
  await h.command(ada, 'question', 'acme behavioral');
  thread = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
});
afterEach(() => h.close());

const feedbackFor = (userId: string) => h.adapter.privateFor(userId).filter((s) => s.message.kind === 'feedback');
const REPLY_3 = 'Afterwards I shared the runbook with the whole team.';

describe('quick replies', () => {
  it('three quick replies get one feedback, after the quiet period, that reads all three', async () => {
    await h.say(ada, thread, COMPLETE_1);
    await h.wait(1_000);
    await h.say(ada, thread, COMPLETE_2);
    await h.wait(2_000);
    await h.say(ada, thread, REPLY_3);
    await h.wait(2_900);
    expect(feedbackFor(ada.id)).toHaveLength(0);
    await h.wait(100);
    const sent = feedbackFor(ada.id);
    expect(sent).toHaveLength(1);
    const text = sent[0]?.message.text ?? '';
    expect(text).toContain('STAR check: 6 of 6');
    expect(text).toContain('Last spring at my previous job'); // reply 1's situation
    expect(text).toContain('As a result, checkout errors dropped'); // reply 2's result
    const answer = await h.db.selectFrom('answers').select('text').executeTakeFirstOrThrow();
    expect(answer.text).toBe(`${COMPLETE_1}\n\n${COMPLETE_2}\n\n${REPLY_3}`);
    await h.wait(10_000);
    expect(feedbackFor(ada.id)).toHaveLength(1);
  });

  it('keeps members apart: each gets their own one feedback', async () => {
    await h.say(ada, thread, COMPLETE_1);
    await h.say(bob, thread, NO_RESULT);
    await h.wait(3_000);
    expect(feedbackFor(ada.id)).toHaveLength(1);
    expect(feedbackFor(bob.id)).toHaveLength(1);
  });

  it('an edit after the feedback updates that feedback in place, saying what the edit changed', async () => {
    const ref = await h.say(bob, thread, NO_RESULT);
    await h.wait(3_000);
    const [first] = feedbackFor(bob.id);
    expect(first?.message.text).toContain('STAR check: 4 of 6');
    await h.edit(bob, thread, ref, RESULT_ADDED);
    const after = feedbackFor(bob.id);
    expect(after).toHaveLength(1);
    expect(h.adapter.edits.map((e) => e.ref)).toEqual([first?.ref]);
    const text = after[0]?.message.text ?? '';
    expect(text).toContain('_Updated after your edit._');
    expect(text).toMatch(
      /What your edit changed:_ Better than last time: it now has a Result[^\n]*Checks: 4 of 6 → 6 of 6/,
    );
    expect(text).toContain('STAR check: 6 of 6');
    const row = await h.db.selectFrom('answer_feedback').selectAll().executeTakeFirstOrThrow();
    expect(row.sent_ref).toBe(first?.ref);
  });

  it('a second edit updates the same message again', async () => {
    const ref = await h.say(bob, thread, NO_RESULT);
    await h.wait(3_000);
    await h.edit(bob, thread, ref, RESULT_ADDED);
    await h.edit(bob, thread, ref, NO_RESULT);
    const after = feedbackFor(bob.id);
    expect(after).toHaveLength(1);
    expect(h.adapter.edits).toHaveLength(2);
    expect(after[0]?.message.text).toMatch(/What your edit changed:_[^\n]*Checks: 6 of 6 → 4 of 6/);
  });

  it('when the feedback message is gone, the edit sends a new one that says what changed', async () => {
    const ref = await h.say(bob, thread, NO_RESULT);
    await h.wait(3_000);
    const [first] = feedbackFor(bob.id);
    h.adapter.deleteSent(first?.ref ?? '');
    await h.edit(bob, thread, ref, RESULT_ADDED);
    const after = feedbackFor(bob.id);
    expect(after).toHaveLength(1);
    expect(after[0]?.ref).not.toBe(first?.ref);
    expect(after[0]?.message.text).toMatch(/What your edit changed:_ Better than last time: it now has a Result/);
    const row = await h.db.selectFrom('answer_feedback').selectAll().executeTakeFirstOrThrow();
    expect(row.sent_ref).toBe(after[0]?.ref);
  });

  it('stores the held feedback before any timer: a crash loses nothing, the tick sends it', async () => {
    await h.say(bob, thread, NO_RESULT);
    const held = await h.db.selectFrom('answer_feedback').selectAll().executeTakeFirstOrThrow();
    expect(held.due_at).toBe(h.now().getTime() + 3_000);
    // the process dies: its timer never fires
    h.advance(60_000);
    await h.app.tick(h.now());
    const sent = feedbackFor(bob.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(thread);
    await h.timers.runDue();
    await h.app.tick(h.now());
    expect(feedbackFor(bob.id)).toHaveLength(1);
  });

  it('sends what it holds when the bot stops', async () => {
    await h.say(ada, thread, COMPLETE_1);
    await h.app.stop();
    expect(feedbackFor(ada.id)).toHaveLength(1);
    await h.wait(5_000);
    expect(feedbackFor(ada.id)).toHaveLength(1);
  });

  it('the STAR form is a whole answer: its feedback comes at once', async () => {
    const post = await h.db.selectFrom('posts').select('id').executeTakeFirstOrThrow();
    await h.adapter.emit({
      type: 'form_submitted',
      form: 'star',
      postId: post.id,
      values: { situation: COMPLETE_1, task: '', action: COMPLETE_2, result: '' },
      author: ada,
      thread,
    });
    expect(feedbackFor(ada.id)).toHaveLength(1);
  });
});
