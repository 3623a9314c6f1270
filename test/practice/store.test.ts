// Store functions on a fresh in-memory SQLite database each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAnswerMessage,
  analysisOf,
  answerOfMessage,
  createAnswer,
  deleteAnswerMessage,
  editAnswerMessage,
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
  claimDigest,
  insertPost,
  latestPost,
  postByThread,
  postsAwaitingDigest,
  questionCounts,
} from '../../src/practice/store/posts';
import { exportMember, forgetMember } from '../../src/practice/store/privacy';
import { answeredPostTimes, leaderboard, memberAnswerCount, memberHistory } from '../../src/practice/store/stats';
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

  async function post(id: string, ws = 'w1', channel = `${ws}:c1`, at = T0, question = 'q1') {
    return insertPost(open.db, {
      id,
      workspace: ws,
      channel_ref: channel,
      message_ref: `${channel}:${id}`,
      thread_ref: `${channel}:${id}`,
      question_id: question,
      employer: 'acme',
      category: 'behavioral',
      question_text: `Question ${id}?`,
      kind: 'daily',
      posted_by: null,
      occurrence_id: null,
      posted_at: at,
      closes_at: at + 86_400_000,
      digest_at: null,
    });
  }

  async function answer(
    postId: string,
    user: string,
    text: string,
    f = flags(),
    ws = 'w1',
    at = T0 + 1000,
    attempt = 1,
  ) {
    const p = await postByThread(open.db, ws, `${ws}:c1:${postId}`);
    const a = await createAnswer(open.db, {
      postId,
      workspace: ws,
      channelRef: p?.channel_ref ?? `${ws}:c1`,
      userId: user,
      userName: user.toUpperCase(),
      attempt,
      late: false,
      at,
    });
    await addAnswerMessage(open.db, a.id, `${postId}:${user}:${attempt}:${at}`, text, at);
    await rebuildAnswer(open.db, a.id, at);
    await saveAnalysis(
      open.db,
      { answerId: a.id, flags: f, iShare: 1, data: JSON.stringify({ checks: { passed: f.checksPassed } }) },
      at,
    );
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

    it('lets exactly one claimant take a digest', async () => {
      await post('p1');
      const due = new Date(T0 + 86_400_000);
      expect((await postsAwaitingDigest(open.db, new Date(T0))).length).toBe(0);
      expect((await postsAwaitingDigest(open.db, due)).map((p) => p.id)).toEqual(['p1']);
      const claims = await Promise.all([claimDigest(open.db, 'p1', due), claimDigest(open.db, 'p1', due)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await postsAwaitingDigest(open.db, due)).toHaveLength(0);
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
      expect(gone).toEqual({ answers: 1, analyses: 1, replies: 1, snoozes: 1, member: true });
      expect((await exportMember(open.db, 'w1', 'ada', new Date(T0))).answers).toEqual([]);
      expect((await exportMember(open.db, 'w2', 'ada', new Date(T0))).answers).toHaveLength(1);
      expect(await memberAnswerCount(open.db, 'w1', 'bob')).toBe(1);
    });
  });
});
