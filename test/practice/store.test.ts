// Store functions on a fresh in-memory SQLite database each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAnswerMessage,
  analysisOf,
  answerMessages,
  answerOfMessage,
  attemptOf,
  createAnswer,
  deleteAnswerMessage,
  editAnswerMessage,
  getAnswer,
  latestAttempt,
  rebuildAnswer,
  saveAnalysis,
} from '../../src/practice/store/answers';
import { ensureChannel, settingsOf, updateChannelSettings } from '../../src/practice/store/channels';
import {
  clearRetry,
  findMember,
  getMember,
  getRetry,
  setRetry,
  snooze,
  snoozesOf,
  upsertMember,
} from '../../src/practice/store/members';
import {
  answersPerCategory,
  claimDigest,
  getPost,
  insertPost,
  latestAnsweredPost,
  latestPost,
  postByOccurrence,
  postByThread,
  postsAwaitingDigest,
  postTimes,
  questionCounts,
} from '../../src/practice/store/posts';
import { exportMember, forgetMember } from '../../src/practice/store/privacy';
import {
  answeredPostTimes,
  answersToPost,
  leaderboard,
  memberAnswerCount,
  memberHistory,
} from '../../src/practice/store/stats';
import { setSchedule } from '../../src/scheduler/store';
import type { AnswerFlags } from '../../src/star';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../db/databases';

describe.each(databaseKinds)('store on %s', (kind) => {
  let open: TestDatabase;
  beforeEach(async () => {
    open = await createTestDatabase(kind);
  });
  afterEach(() => open.close());

  const T0 = Date.UTC(2026, 2, 2, 9);
  const flags = (over: Partial<AnswerFlags> = {}): AnswerFlags => ({
    story: true,
    situation: true,
    task: true,
    action: true,
    result: true,
    resultMeasured: false,
    ownershipFlagged: false,
    checksPassed: 5,
    checksTotal: 6,
    wordCount: 100,
    ...over,
  });

  async function post(
    id: string,
    ws = 'w1',
    channel = `${ws}:c1`,
    at = T0,
    question = 'q1',
    extra: { category?: string; occurrence?: string } = {},
  ) {
    return insertPost(open.db, {
      id,
      workspace: ws,
      channel_ref: channel,
      message_ref: `${channel}:${id}`,
      thread_ref: `${channel}:${id}`,
      question_id: question,
      employer: 'acme',
      category: extra.category ?? 'behavioral',
      question_text: `Question ${id}?`,
      kind: 'daily',
      posted_by: null,
      occurrence_id: extra.occurrence ?? null,
      posted_at: at,
      closes_at: at + 86_400_000,
      digest_at: null,
    });
  }

  async function answer(
    postId: string,
    user: string,
    text: string,
    f: AnswerFlags | null = flags(),
    ws = 'w1',
    at = T0 + 1000,
    attempt = 1,
    options: { late?: boolean; scored?: boolean } = {},
  ) {
    const p = await getPost(open.db, ws, postId);
    const a = await createAnswer(open.db, {
      postId,
      workspace: ws,
      channelRef: p?.channel_ref ?? `${ws}:c1`,
      userId: user,
      userName: user.toUpperCase(),
      attempt,
      late: options.late ?? false,
      at,
    });
    await addAnswerMessage(open.db, a.id, `${postId}:${user}:${attempt}:${at}`, text, at);
    await rebuildAnswer(open.db, a.id, at);
    // null: an answer not analysed yet.
    if (f) {
      await saveAnalysis(
        open.db,
        {
          answerId: a.id,
          flags: f,
          iShare: 1,
          data: JSON.stringify({ checks: { passed: f.checksPassed } }),
          scored: options.scored ?? true,
        },
        at,
      );
    }
    return a;
  }

  describe('channels', () => {
    it('creates defaults once and updates settings within the workspace', async () => {
      const c = await ensureChannel(open.db, 'w1', 'w1:c1', new Date(T0));
      expect(settingsOf(c)).toEqual({ feedbackMode: 'private', answerWindowMinutes: 1440, summariesPublic: false });
      const s = await updateChannelSettings(
        open.db,
        'w1',
        'w1:c1',
        { feedbackMode: 'public', answerWindowMinutes: 60 },
        new Date(T0),
      );
      expect(s).toEqual({ feedbackMode: 'public', answerWindowMinutes: 60, summariesPublic: false });
      await expect(ensureChannel(open.db, 'w2', 'w1:c1', new Date(T0))).rejects.toThrow(/another workspace/);
    });
  });

  describe('posts', () => {
    it('finds posts by thread and channel within a workspace, and counts questions asked', async () => {
      await post('p1', 'w1', 'w1:c1', T0, 'q1');
      await post('p2', 'w1', 'w1:c1', T0 + 1000, 'q1');
      await post('p3', 'w1', 'w1:c1', T0 + 2000, 'q2');
      expect((await postByThread(open.db, 'w1', 'w1:c1:p2'))?.id).toBe('p2');
      expect(await postByThread(open.db, 'w2', 'w1:c1:p2')).toBeUndefined();
      expect((await latestPost(open.db, 'w1', 'w1:c1'))?.id).toBe('p3');
      expect(await questionCounts(open.db, 'w1', 'w1:c1')).toEqual(
        new Map([
          ['q1', 2],
          ['q2', 1],
        ]),
      );
    });

    it('gets a post by id only in its own workspace', async () => {
      await post('p1', 'w1');
      await post('p2', 'w2');
      expect((await getPost(open.db, 'w1', 'p1'))?.question_text).toBe('Question p1?');
      expect(await getPost(open.db, 'w2', 'p1')).toBeUndefined();
      expect(await getPost(open.db, 'w1', 'p2')).toBeUndefined();
      expect(await getPost(open.db, 'w1', 'nope')).toBeUndefined();
    });

    it('finds the post a schedule occurrence made, and none for an occurrence never posted', async () => {
      await post('p1', 'w1', 'w1:c1', T0, 'q1', { occurrence: 'occ-1' });
      await post('p2', 'w2', 'w2:c1', T0, 'q1', { occurrence: 'occ-2' });
      await post('p3', 'w1', 'w1:c1', T0 + 1);
      expect((await postByOccurrence(open.db, 'occ-1'))?.id).toBe('p1');
      expect((await postByOccurrence(open.db, 'occ-2'))?.id).toBe('p2');
      expect(await postByOccurrence(open.db, 'occ-3')).toBeUndefined();
      expect(await postByOccurrence(open.db, '')).toBeUndefined();
    });

    it('lists when questions were posted in one channel, newest first, from a time on', async () => {
      const day = 86_400_000;
      await post('p1', 'w1', 'w1:c1', T0);
      await post('p3', 'w1', 'w1:c1', T0 + 2 * day);
      await post('p2', 'w1', 'w1:c1', T0 + day);
      await post('o1', 'w1', 'w1:c2', T0 + day);
      // The same channel ref in another workspace is another channel.
      await post('x1', 'w2', 'w1:c1', T0 + day);
      expect(await postTimes(open.db, 'w1', 'w1:c1', 0)).toEqual([T0 + 2 * day, T0 + day, T0]);
      expect(await postTimes(open.db, 'w1', 'w1:c1', T0 + day)).toEqual([T0 + 2 * day, T0 + day]);
      expect(await postTimes(open.db, 'w1', 'w1:c1', T0 + 3 * day)).toEqual([]);
      expect(await postTimes(open.db, 'w1', 'w1:c9', 0)).toEqual([]);
    });

    it('finds the question a member answered most recently in a channel', async () => {
      const day = 86_400_000;
      await post('p1', 'w1', 'w1:c1', T0);
      await post('p2', 'w1', 'w1:c1', T0 + day);
      await post('q1', 'w1', 'w1:c2', T0 + 3 * day);
      expect(await latestAnsweredPost(open.db, 'w1', 'w1:c1', 'ada')).toBeUndefined();
      await answer('p1', 'ada', 'first', flags(), 'w1', T0 + 1000);
      await answer('p2', 'ada', 'second', flags(), 'w1', T0 + day + 1000);
      expect((await latestAnsweredPost(open.db, 'w1', 'w1:c1', 'ada'))?.id).toBe('p2');
      // A retry of the older question makes it the latest answered; other channels and members do not count.
      await answer('p1', 'ada', 'again', flags(), 'w1', T0 + 2 * day, 2);
      await answer('q1', 'ada', 'elsewhere', flags(), 'w1', T0 + 4 * day);
      await answer('p2', 'bob', 'bob', flags(), 'w1', T0 + 5 * day);
      expect((await latestAnsweredPost(open.db, 'w1', 'w1:c1', 'ada'))?.id).toBe('p1');
      expect(await latestAnsweredPost(open.db, 'w2', 'w1:c1', 'ada')).toBeUndefined();
    });

    it('counts answers per category in one channel, every attempt, analysed or not', async () => {
      await post('b1', 'w1', 'w1:c1', T0, 'qb', { category: 'behavioral' });
      await post('t1', 'w1', 'w1:c1', T0, 'qt', { category: 'technical' });
      await post('b2', 'w1', 'w1:c2', T0, 'qb', { category: 'behavioral' });
      await post('xb', 'w2', 'w2:c1', T0, 'qb', { category: 'behavioral' });
      expect(await answersPerCategory(open.db, 'w1', 'w1:c1')).toEqual(new Map());
      await answer('b1', 'ada', 'a');
      await answer('b1', 'ada', 'a2', flags(), 'w1', T0 + 2000, 2);
      await answer('b1', 'bob', 'b', null);
      await answer('t1', 'ada', 't');
      await answer('b2', 'ada', 'other channel');
      await answer('xb', 'ada', 'other workspace', flags(), 'w2');
      expect(await answersPerCategory(open.db, 'w1', 'w1:c1')).toEqual(
        new Map([
          ['behavioral', 3],
          ['technical', 1],
        ]),
      );
      expect(await answersPerCategory(open.db, 'w2', 'w2:c1')).toEqual(new Map([['behavioral', 1]]));
    });

    it('lets exactly one claimant take a digest', async () => {
      await post('p1');
      const due = new Date(T0 + 86_400_000);
      expect((await postsAwaitingDigest(open.db, new Date(T0), ['w1'])).length).toBe(0);
      expect((await postsAwaitingDigest(open.db, due, ['w1'])).map((p) => p.id)).toEqual(['p1']);
      const claims = await Promise.all([claimDigest(open.db, 'p1', due), claimDigest(open.db, 'p1', due)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await postsAwaitingDigest(open.db, due, ['w1'])).toHaveLength(0);
    });

    it('offers only the digests of the platforms asked for', async () => {
      await post('p1');
      const due = new Date(T0 + 86_400_000);
      expect(await postsAwaitingDigest(open.db, due, ['w2', 'slack'])).toHaveLength(0);
      expect(await postsAwaitingDigest(open.db, due, [])).toHaveLength(0);
      expect((await postsAwaitingDigest(open.db, due, ['slack', 'w1'])).map((p) => p.id)).toEqual(['p1']);
    });
  });

  describe('answers', () => {
    it('builds an answer from its messages, edits and deletes parts, and removes it with the last', async () => {
      await post('p1');
      const a = await createAnswer(open.db, {
        postId: 'p1',
        workspace: 'w1',
        channelRef: 'w1:c1',
        userId: 'u',
        userName: 'U',
        attempt: 1,
        late: false,
        at: T0,
      });
      expect(await addAnswerMessage(open.db, a.id, 'm1', 'First part.', T0)).toBe(true);
      expect(await addAnswerMessage(open.db, a.id, 'm1', 'First part.', T0)).toBe(false);
      await addAnswerMessage(open.db, a.id, 'm2', 'Second part.', T0 + 1);
      expect(await rebuildAnswer(open.db, a.id, T0 + 2)).toBe('First part.\n\nSecond part.');
      await editAnswerMessage(open.db, 'm1', 'Changed.');
      expect(await rebuildAnswer(open.db, a.id, T0 + 3)).toBe('Changed.\n\nSecond part.');
      expect((await answerOfMessage(open.db, 'w1', 'm2'))?.answer.id).toBe(a.id);
      expect(await answerOfMessage(open.db, 'w2', 'm2')).toBeUndefined();
      await saveAnalysis(
        open.db,
        { answerId: a.id, flags: flags({ ownershipFlagged: true }), iShare: 0, data: '{}' },
        T0,
      );
      expect((await analysisOf(open.db, a.id))?.flags.ownershipFlagged).toBe(true);
      await deleteAnswerMessage(open.db, 'm1');
      await deleteAnswerMessage(open.db, 'm2');
      expect(await rebuildAnswer(open.db, a.id, T0 + 4)).toBeUndefined();
      expect(await latestAttempt(open.db, 'w1', 'p1', 'u')).toBeUndefined();
      expect(await analysisOf(open.db, a.id)).toBeUndefined();
    });
  });

  describe('answers and attempts', () => {
    it('reads an answer’s replies in the order written, ties by reference, and no other answer’s', async () => {
      await post('p1');
      const a = await answer('p1', 'ada', 'seed', flags(), 'w1', T0);
      const b = await answer('p1', 'bob', 'bob', flags(), 'w1', T0);
      await addAnswerMessage(open.db, a.id, 'ref-b', 'Later, b.', T0 + 10);
      await addAnswerMessage(open.db, a.id, 'ref-a', 'Later, a.', T0 + 10);
      await addAnswerMessage(open.db, a.id, 'ref-0', 'Before.', T0 - 5);
      expect((await answerMessages(open.db, a.id)).map((m) => m.ref)).toEqual([
        'ref-0',
        `p1:ada:1:${T0}`,
        'ref-a',
        'ref-b',
      ]);
      expect((await answerMessages(open.db, b.id)).map((m) => m.text)).toEqual(['bob']);
      expect(await answerMessages(open.db, 'no-such-answer')).toEqual([]);
    });

    it('finds one attempt of one member at one question, and an answer only in its workspace', async () => {
      await post('p1');
      await post('p2');
      const first = await answer('p1', 'ada', 'one', flags(), 'w1', T0, 1);
      const second = await answer('p1', 'ada', 'two', flags(), 'w1', T0 + 5, 2);
      await answer('p2', 'ada', 'other question', flags(), 'w1', T0 + 6, 3);
      expect((await attemptOf(open.db, 'w1', 'p1', 'ada', 1))?.id).toBe(first.id);
      expect((await attemptOf(open.db, 'w1', 'p1', 'ada', 2))?.text).toBe('two');
      expect(await attemptOf(open.db, 'w1', 'p1', 'ada', 3)).toBeUndefined();
      expect(await attemptOf(open.db, 'w1', 'p1', 'bob', 1)).toBeUndefined();
      expect(await attemptOf(open.db, 'w2', 'p1', 'ada', 1)).toBeUndefined();
      expect((await getAnswer(open.db, 'w1', second.id))?.attempt).toBe(2);
      expect(await getAnswer(open.db, 'w2', second.id)).toBeUndefined();
      expect(await getAnswer(open.db, 'w1', 'nope')).toBeUndefined();
    });

    it('keeps an answer to an approach question out of the STAR figures but in participation', async () => {
      await post('p1');
      await post('p2', 'w1', 'w1:c1', T0 + 1, 'q2');
      await answer('p1', 'ada', 'a story', flags({ checksPassed: 4 }));
      await answer('p2', 'ada', 'a design', flags({ checksPassed: 1, story: false }), 'w1', T0 + 2000, 1, {
        scored: false,
      });
      const [row] = await leaderboard(open.db, 'w1', 'w1:c1', 0);
      expect(row).toMatchObject({ questions: 2, answers: 2, checksPassed: 4, checksTotal: 6, complete: 1 });
      const history = await memberHistory(open.db, 'w1', 'ada');
      expect(history.map((e) => [e.questionText, e.scored])).toEqual([
        ['Question p2?', false],
        ['Question p1?', true],
      ]);
      // The analysis itself is kept whole.
      expect(history[0]?.flags.checksPassed).toBe(1);
    });
  });

  describe('members', () => {
    it('upserts names, keeps snooze history, and holds one pending retry', async () => {
      await upsertMember(open.db, 'w1', 'u', 'Ada', T0);
      await upsertMember(open.db, 'w1', 'u', 'Ada L.', T0 + 1);
      expect((await getMember(open.db, 'w1', 'u'))?.name).toBe('Ada L.');
      expect((await findMember(open.db, 'w1', 'ada l.')).member?.user_id).toBe('u');
      await snooze(open.db, 'w1', 'u', T0, T0 + 7 * 86_400_000);
      await snooze(open.db, 'w1', 'u', T0 + 86_400_000, T0 + 86_400_000); // back early
      const s = await snoozesOf(open.db, 'w1', 'u');
      expect(s.map((x) => [x.from_at, x.until_at])).toEqual([[T0, T0 + 86_400_000]]);
      expect((await getMember(open.db, 'w1', 'u'))?.snoozed_until).toBeNull();
      await post('p1');
      await post('p2');
      await setRetry(open.db, 'w1', 'u', 'p1', T0);
      await setRetry(open.db, 'w1', 'u', 'p2', T0);
      expect((await getRetry(open.db, 'w1', 'u'))?.post_id).toBe('p2');
      await clearRetry(open.db, 'w1', 'u');
      expect(await getRetry(open.db, 'w1', 'u')).toBeUndefined();
    });
  });

  describe('stats', () => {
    it('ranks the channel by questions answered, then by checks passed, within the window', async () => {
      await post('p1', 'w1', 'w1:c1', T0);
      await post('p2', 'w1', 'w1:c1', T0 + 86_400_000);
      await answer('p1', 'ada', 'a', flags({ checksPassed: 6 }));
      await answer('p2', 'ada', 'b', flags({ checksPassed: 6 }), 'w1', T0 + 86_400_000 + 1);
      await answer('p1', 'bob', 'c', flags({ checksPassed: 2, result: false }));
      await answer('p1', 'cy', 'd', flags({ checksPassed: 4 }));
      await answer('p1', 'old', 'e', flags(), 'w1', T0 - 40 * 86_400_000);
      const rows = await leaderboard(open.db, 'w1', 'w1:c1', T0 - 30 * 86_400_000);
      expect(rows.map((r) => [r.name, r.questions, r.checksPassed, r.complete])).toEqual([
        ['ADA', 2, 12, 2],
        ['CY', 1, 4, 1],
        ['BOB', 1, 2, 0],
      ]);
      expect(await leaderboard(open.db, 'w2', 'w1:c1', 0)).toEqual([]);
    });

    it('returns a member’s history newest first and the days they answered', async () => {
      await post('p1', 'w1', 'w1:c1', T0);
      await post('p2', 'w1', 'w1:c1', T0 + 86_400_000);
      await answer('p1', 'ada', 'a');
      await answer('p2', 'ada', 'b', flags({ result: false }), 'w1', T0 + 86_400_000 + 5);
      const h = await memberHistory(open.db, 'w1', 'ada');
      expect(h.map((e) => [e.questionText, e.flags.result])).toEqual([
        ['Question p2?', false],
        ['Question p1?', true],
      ]);
      expect(await memberAnswerCount(open.db, 'w1', 'ada')).toBe(2);
      expect((await answeredPostTimes(open.db, 'w1', 'w1:c1', 'ada', 0)).sort()).toEqual([T0, T0 + 86_400_000]);
    });
  });

  describe('answers to one question', () => {
    it('lists analysed answers to a post by attempt with their flags, late ones marked', async () => {
      await post('p1');
      await post('p2');
      await answer('p1', 'ada', 'second try', flags({ result: true }), 'w1', T0 + 50, 2);
      await answer('p1', 'ada', 'first try', flags({ result: false, checksPassed: 3 }), 'w1', T0 + 10, 1);
      await answer('p1', 'bob', 'late', flags({ story: false }), 'w1', T0 + 90_000_000, 1, { late: true });
      await answer('p1', 'cy', 'not analysed yet', null);
      await answer('p2', 'ada', 'another question');
      const rows = await answersToPost(open.db, 'w1', 'p1');
      expect(rows.map((r) => [r.userId, r.attempt, r.late, r.flags.result, r.flags.story])).toEqual(
        expect.arrayContaining([
          ['ada', 1, false, false, true],
          ['ada', 2, false, true, true],
          ['bob', 1, true, true, false],
        ]),
      );
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r.attempt)).toEqual([1, 1, 2]);
      expect(rows.find((r) => r.attempt === 1 && r.userId === 'ada')?.flags.checksPassed).toBe(3);
      expect(await answersToPost(open.db, 'w2', 'p1')).toEqual([]);
      expect(await answersToPost(open.db, 'w1', 'none')).toEqual([]);
    });
  });

  describe('privacy', () => {
    it('exports the schedules the member set in that workspace, and no one else’s', async () => {
      const base = { time: '09:00', timezone: 'Europe/Berlin', days: [1, 3, 5], employer: null, category: null };
      await setSchedule(open.db, { ...base, workspace: 'w1', channelRef: 'w1:c2', createdBy: 'ada' }, new Date(T0));
      await setSchedule(
        open.db,
        { ...base, workspace: 'w1', channelRef: 'w1:c1', createdBy: 'ada', employer: 'acme', category: 'behavioral' },
        new Date(T0),
      );
      await setSchedule(open.db, { ...base, workspace: 'w1', channelRef: 'w1:c3', createdBy: 'bob' }, new Date(T0));
      await setSchedule(open.db, { ...base, workspace: 'w2', channelRef: 'w2:c1', createdBy: 'ada' }, new Date(T0));
      const data = await exportMember(open.db, 'w1', 'ada', new Date(T0));
      expect(data.schedules.map((s) => [s.channel, s.time, s.timezone, s.days, s.employer, s.category])).toEqual([
        ['w1:c1', '09:00', 'Europe/Berlin', [1, 3, 5], 'acme', 'behavioral'],
        ['w1:c2', '09:00', 'Europe/Berlin', [1, 3, 5], null, null],
      ]);
      expect(data.schedules[0]?.paused).toBe(false);
      expect(data.schedules[0]?.nextRunAt).toBe('2026-03-04T08:00:00.000Z');
    });

    it('exports and forgets one member in one workspace only', async () => {
      await post('p1', 'w1');
      await post('p9', 'w2');
      await upsertMember(open.db, 'w1', 'ada', 'Ada', T0);
      await upsertMember(open.db, 'w2', 'ada', 'Ada', T0);
      await answer('p1', 'ada', 'My answer in w1.');
      await answer('p9', 'ada', 'My answer in w2.', flags(), 'w2');
      await answer('p1', 'bob', 'Bob in w1.');
      await snooze(open.db, 'w1', 'ada', T0, T0 + 86_400_000);
      const data = await exportMember(open.db, 'w1', 'ada', new Date(T0));
      expect(data.answers.map((a) => a.text)).toEqual(['My answer in w1.']);
      expect(data.answers[0]?.analysis).toEqual({ checks: { passed: 5 } });
      expect(data.snoozes).toHaveLength(1);
      expect(data.schedules).toEqual([]);
      const gone = await forgetMember(open.db, 'w1', 'ada');
      expect(gone).toEqual({
        answers: 1,
        mockInterviews: 0,
        analyses: 1,
        replies: 1,
        snoozes: 1,
        member: true,
        storyMarks: 0,
        settings: 0,
      });
      expect((await exportMember(open.db, 'w1', 'ada', new Date(T0))).answers).toEqual([]);
      expect((await exportMember(open.db, 'w2', 'ada', new Date(T0))).answers).toHaveLength(1);
      expect(await memberAnswerCount(open.db, 'w1', 'bob')).toBe(1);
    });
  });
});
