// Answers in threads: several replies form one answer, edits and deletions rebuild
// it, retries are new attempts compared with the last, the STAR form is an answer,
// and bad input (huge, empty, misplaced) loses nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { member } from '../../adapters/memory/index';
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

let h: Harness;
let thread: string;
beforeEach(async () => {
  h = await harness();
  await h.command(ada, 'question', 'acme behavioral');
  thread = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
});
afterEach(() => h.close());

const answers = () => h.db.selectFrom('answers').selectAll().orderBy('attempt').execute();

describe('replies become answers', () => {
  it('joins one member’s replies into one answer and keeps members apart', async () => {
    await h.say(ada, thread, COMPLETE_1);
    await h.say(ada, thread, COMPLETE_2);
    await h.say(bob, thread, NO_RESULT);
    const rows = await answers();
    expect(rows).toHaveLength(2);
    const adaAnswer = rows.find((r) => r.user_id === ada.id);
    expect(adaAnswer?.text).toBe(`${COMPLETE_1}\n\n${COMPLETE_2}`);
  });

  it('counts a redelivered message once', async () => {
    const ref = await h.say(bob, thread, NO_RESULT);
    await h.say(bob, thread, NO_RESULT, ref);
    expect((await answers())[0]?.text).toBe(NO_RESULT);
    expect(h.adapter.privateFor(bob.id).filter((s) => s.message.kind === 'feedback')).toHaveLength(1);
  });

  it('deleting one reply of several re-analyses the rest', async () => {
    const first = await h.say(ada, thread, COMPLETE_1);
    await h.say(ada, thread, COMPLETE_2);
    await h.remove(ada, thread, first);
    const [row] = await answers();
    expect(row?.text).toBe(COMPLETE_2);
    const analysis = await h.db.selectFrom('analyses').selectAll().executeTakeFirstOrThrow();
    expect(analysis.situation).toBe(0);
  });

  it('moves the marker to the next reply when the first one is deleted', async () => {
    const first = await h.say(ada, thread, COMPLETE_1);
    const second = await h.say(ada, thread, COMPLETE_2);
    expect(h.adapter.reactions.filter((r) => r.ref === second)).toEqual([]);
    await h.remove(ada, thread, first);
    const marks = h.adapter.reactions.filter((r) => r.ref === second).map((r) => r.emoji);
    expect(marks).toContain('regional_indicator_a');
    expect(marks).toContain('regional_indicator_r');
  });

  it('an edit to nothing deletes the reply', async () => {
    const ref = await h.say(bob, thread, NO_RESULT);
    await h.edit(bob, thread, ref, '   ');
    expect(await answers()).toHaveLength(0);
  });

  it('ignores bots, channel chatter and threads that are not questions', async () => {
    await h.say({ ...member('B1', 'Some bot'), isBot: true }, thread, COMPLETE_1);
    await h.adapter.emit({
      type: 'message',
      ref: 'memory:W1:C1:x1',
      text: COMPLETE_1,
      author: bob,
      at: h.now(),
    });
    await h.say(bob, 'memory:W1:C1:999', COMPLETE_1);
    await h.say(bob, thread, '');
    expect(await answers()).toHaveLength(0);
    expect(h.adapter.privateFor(bob.id)).toHaveLength(0);
  });

  it('marks answers after the window as late, and still counts them', async () => {
    h.advance(25 * 3_600_000);
    await h.say(cy, thread, NO_RESULT);
    const [row] = await answers();
    expect(row?.late).toBe(1);
    expect(lastPrivate(h.adapter, cy.id)?.text).toContain('marked late');
  });

  it('reads the first 20,000 characters of a 50 KB answer and says so', async () => {
    const huge = `${COMPLETE_1} ${'I then reviewed another module carefully. '.repeat(1300)}`;
    expect(huge.length).toBeGreaterThan(50_000);
    await h.say(bob, thread, huge);
    const [row] = await answers();
    expect(row?.text.length).toBe(20_000);
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('longer than 20,000 characters');
  });

  it('says so too when many replies together pass 20,000 characters', async () => {
    const part = `${'I then reviewed another module carefully and wrote down what I found. '.repeat(45)}`;
    for (let k = 0; k < 8; k++) await h.say(bob, thread, part);
    expect(part.length * 8).toBeGreaterThan(20_000);
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('longer than 20,000 characters');
  });
});

describe('/prep retry', () => {
  it('refuses when no question has been asked in the channel', async () => {
    await h.command(bob, 'retry', '', { channel: 'memory:W1:C2' });
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(
      /No question has been asked in this channel yet[\s\S]*\/prep question/,
    );
  });

  it('tells someone who has not answered to just reply', async () => {
    await h.command(bob, 'retry');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('You have not answered');
  });

  it('retries the question the member answered when a newer one has been posted since', async () => {
    await h.say(bob, thread, NO_RESULT);
    await h.command(ada, 'question', 'globex');
    await h.command(bob, 'retry');
    expect(lastPrivate(h.adapter, bob.id)?.text).toMatch(/Retrying: “Tell me about a time[\s\S]*attempt 2/);
    await h.say(bob, thread, RESULT_ADDED);
    expect((await answers()).map((r) => r.attempt)).toEqual([1, 2]);
  });

  it('makes the next reply attempt 2 and compares it with attempt 1', async () => {
    const first = await h.say(bob, thread, NO_RESULT);
    await h.command(bob, 'retry');
    const said = lastPrivate(h.adapter, bob.id)?.text ?? '';
    expect(said).toContain('Tell me about a time');
    expect(said).toContain('attempt 2');
    expect(said).toContain('Last time this was missing: Result');
    // The platform redelivers the first reply: it must not use up the retry.
    await h.say(bob, thread, NO_RESULT, first);
    expect(await answers()).toHaveLength(1);
    await h.say(bob, thread, RESULT_ADDED);
    const rows = await answers();
    expect(rows.map((r) => [r.attempt, r.text])).toEqual([
      [1, NO_RESULT],
      [2, RESULT_ADDED],
    ]);
    const fb = lastPrivate(h.adapter, bob.id);
    expect(fb?.title).toContain('attempt 2');
    expect(fb?.text).toContain('Compared with attempt 1');
    expect(fb?.text).toMatch(/Better than last time: it now has a Result/);
    // A further reply joins attempt 2 rather than starting attempt 3.
    await h.say(bob, thread, 'I learned to plan migrations with a rollback.');
    expect(await answers()).toHaveLength(2);
  });
});

describe('the STAR form', () => {
  it('posts the answer attributed to its author and analyses it', async () => {
    const post = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    await h.adapter.emit({
      type: 'form_submitted',
      form: 'star',
      postId: post.id,
      thread,
      values: {
        situation: 'Last spring at my previous job our checkout service was failing during peak sales.',
        task: 'As the on-call lead, my goal was to stop the outages before the holiday launch.',
        action: 'I profiled the service, then I added an index and a cache in front of the slow query.',
        result: 'As a result, checkout errors dropped from 4% to 0.2%.',
      },
      author: bob,
      at: h.now(),
    });
    const shown = h.adapter.publicIn(thread).find((s) => s.message.kind === 'answer');
    expect(shown?.message.text).toMatch(/^\*\*Bob\*\* answered with the STAR form:\n\*\*Situation:\*\* Last spring/);
    const [row] = await answers();
    expect(row?.user_id).toBe(bob.id);
    expect(lastPrivate(h.adapter, bob.id)?.kind).toBe('feedback');
    expect(h.adapter.reactions.filter((r) => r.ref === shown?.ref)).toHaveLength(4);
  });

  it('refuses an empty form and a form for a question from elsewhere', async () => {
    const post = await h.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    const empty = { situation: ' ', task: '', action: '', result: '' };
    await h.adapter.emit({
      type: 'form_submitted',
      form: 'star',
      postId: post.id,
      values: empty,
      author: bob,
      at: h.now(),
    });
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('The STAR form was empty');
    // Fields a platform left out count as empty, not as an error.
    await h.adapter.emit({
      type: 'form_submitted',
      form: 'star',
      postId: post.id,
      // as a platform might deliver it, with three fields left out of the payload
      values: { action: 'I fixed the build.' } as { situation: string; task: string; action: string; result: string },
      author: cy,
      at: h.now(),
    });
    expect(h.adapter.publicIn(thread).at(-1)?.message.text).toContain('**Situation:** _(left empty)_');
    expect(lastPrivate(h.adapter, cy.id)?.kind).toBe('feedback');
    await h.db.deleteFrom('answers').where('user_id', '=', cy.id).execute();
    await h.adapter.emit({
      type: 'form_submitted',
      form: 'star',
      postId: post.id,
      workspace: 'memory:W2',
      channel: 'memory:W2:C1',
      values: { situation: 'x', task: 'y', action: 'z', result: 'w' },
      author: bob,
      at: h.now(),
    });
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('That question is no longer in this workspace');
    expect(await answers()).toHaveLength(0);
  });
});

describe('workspaces stay apart', () => {
  it('never shows one workspace’s answers in another', async () => {
    await h.say(bob, thread, GENERIC);
    const w2 = { workspace: 'memory:W2', channel: 'memory:W2:C1' };
    // The same user id in another workspace, even replying with W1's thread ref, is not counted there.
    await h.adapter.emit({
      type: 'message',
      ref: `${thread}:w2`,
      thread,
      text: NO_RESULT,
      author: bob,
      at: h.now(),
      ...w2,
    });
    expect(await answers()).toHaveLength(1);
    await h.command(bob, 'me', '', w2);
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('not answered a question in this workspace yet');
    await h.command(bob, 'leaderboard', '', w2);
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('Nobody has answered');
    await h.command(bob, 'export', '', w2);
    expect(JSON.parse(lastPrivate(h.adapter, bob.id)?.attachments?.[0]?.content ?? '{}').answers).toEqual([]);
    await h.command(bob, 'forget-me', '', w2);
    const yes = lastPrivate(h.adapter, bob.id)?.buttons?.[0];
    await h.adapter.emit({
      type: 'button',
      actionId: yes?.id ?? '',
      value: yes?.value,
      author: bob,
      at: h.now(),
      ...w2,
    });
    expect(await answers()).toHaveLength(1);
  });
});

describe('questions that ask for an approach, not a story', () => {
  const DESIGN =
    'I would put stateless ingest workers behind a load balancer and write every event to a partitioned log keyed by customer id. Consumers batch the log into columnar files every minute, and a dead-letter queue keeps malformed events for replay. Autoscaling follows consumer lag, and idempotent writes make retries safe.';
  let design: string;
  beforeEach(async () => {
    await h.command(ada, 'question', 'globex system design');
    design = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
  });

  it('invites an answer that fits the question, backed by an example', async () => {
    const posts = questions(h.adapter, h.channel);
    const designPost = posts.at(-1)?.message.text ?? '';
    expect(designPost).toContain('Answer in this thread. Back it with one real example from your work');
    expect(designPost).toContain('interviewers trust a story over a claim');
    expect(designPost).not.toContain('one specific time it happened');
    // A story question still asks for one specific time.
    expect(posts[0]?.message.text).toContain('Answer in this thread with one specific time it happened');
  });

  it('frames the feedback on a sound design answer without judging it a failed story', async () => {
    const ref = await h.say(bob, design, DESIGN);
    const fb = lastPrivate(h.adapter, bob.id);
    expect(fb?.kind).toBe('feedback');
    expect(fb?.text?.startsWith('This question asks for your approach, not a story, so there is no STAR score.')).toBe(
      true,
    );
    expect(fb?.text).toContain('back it with one real example from your work');
    expect(fb?.text).not.toMatch(/STAR check: \d of \d|not a story yet/);
    // No S ✗ T ✗ A ✗ R ✗ marker under it for the channel to see.
    expect(h.adapter.reactions.filter((r) => r.ref === ref)).toEqual([]);
    // The analysis is still kept.
    expect(await h.db.selectFrom('analyses').select('answer_id').execute()).toHaveLength(1);
  });

  it('says what the example covers when the answer tells one', async () => {
    const ref = await h.say(cy, design, `${DESIGN} ${COMPLETE_1} ${COMPLETE_2}`);
    const fb = lastPrivate(h.adapter, cy.id)?.text ?? '';
    expect(fb).toContain('**You back it with a real example**');
    expect(fb).toMatch(/The example: S ✓/);
    expect(h.adapter.reactions.filter((r) => r.ref === ref).length).toBeGreaterThan(0);
  });

  it('counts the answer as taking part, but not in the STAR figures of /prep me and the leaderboard', async () => {
    await h.say(bob, design, DESIGN);
    await h.command(bob, 'me');
    let me = lastPrivate(h.adapter, bob.id)?.text ?? '';
    expect(me).toContain('**Answers given:** 1');
    expect(me).toContain('No answers to story questions yet, so there is no STAR chart');
    expect(me).toContain('1 answer to questions that ask for an approach (design, technical) counts above');
    await h.command(bob, 'leaderboard');
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('**Bob** – 1 question answered · no story questions yet');

    // A story answer: the STAR figures are that answer's alone.
    await h.say(bob, thread, `${COMPLETE_1} ${COMPLETE_2}`);
    const story = await h.db
      .selectFrom('answers')
      .innerJoin('analyses', 'analyses.answer_id', 'answers.id')
      .innerJoin('posts', 'posts.id', 'answers.post_id')
      .select(['analyses.checks_passed', 'analyses.checks_total'])
      .where('posts.category', '=', 'behavioral')
      .executeTakeFirstOrThrow();
    await h.command(bob, 'leaderboard');
    const pct = Math.round((100 * story.checks_passed) / story.checks_total);
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain(
      `**Bob** – 2 questions answered · STAR checks ${pct}% · 1 complete`,
    );
    await h.command(bob, 'me');
    me = lastPrivate(h.adapter, bob.id)?.text ?? '';
    expect(me).toContain('**Answers given:** 2');
    expect(me).toMatch(/Story\s+█+ 100%/);
    expect(me).toContain('1 answer to questions that ask for an approach');
  });

  it('frames a retry of an approach question around its example', async () => {
    await h.say(bob, design, DESIGN);
    await h.command(bob, 'retry', '', { thread: design });
    const text = lastPrivate(h.adapter, bob.id)?.text ?? '';
    expect(text).toContain('back it with one real example from your work');
    expect(text).not.toContain('Last time this was missing');
    await h.say(bob, design, `${DESIGN} ${COMPLETE_1} ${COMPLETE_2}`);
    expect(lastPrivate(h.adapter, bob.id)?.text).toContain('**The example, compared with attempt 1:**');
  });
});
