// A mock interview answer that tells a story is in the story bank like a daily answer:
// tagged from the mock question's category and the answer's words, listed by
// `/prep stories` as told in a mock, retagged and merged like any story, behind the
// fitting-story hint, in `/prep export`, and gone after `/prep forget-me`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../db/databases';
import { ada, cy, guide, type Harness, harness, lastPrivate, questions } from '../practice/helpers';
import { CONFLICT_STORY, CUSTOMER_STORY, STORY_GUIDES } from './fixtures';

const TWO_CONFLICTS = guide('clashco-engineer', 'ClashCo', {
  questions: [
    { id: 'cl-b1', text: 'Tell me about a disagreement with your manager.', category: 'behavioral', star: true },
    { id: 'cl-b2', text: 'Describe a conflict inside your team.', category: 'behavioral', star: true },
  ],
});

describe.each(databaseKinds)('on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ guides: STORY_GUIDES, kind });
  });
  afterEach(() => h.close());

  const DM = `memory:W1:dm-${ada.id}`;
  let seq = 0;
  const replyInDm = (text: string) =>
    h.adapter.emit({
      type: 'message',
      ref: `${DM}:r${++seq}`,
      text,
      author: ada,
      at: h.now(),
      channel: DM,
      direct: true,
    });

  /** One mock question from `employer`, answered with `text` (a follow-up skipped), then closed. */
  async function mockAnswer(employer: string, text: string): Promise<void> {
    await h.command(ada, 'mock', `${employer} 1`);
    await replyInDm(text);
    const open = await h.db.selectFrom('mock_sessions').select('status').where('status', '=', 'open').execute();
    if (open.length) await replyInDm('skip');
    h.advance(60_000);
  }

  async function dailyAnswer(employer: string, text: string): Promise<void> {
    await h.command(ada, 'question', employer);
    await h.say(ada, questions(h.adapter, h.channel).at(-1)?.ref ?? '', text);
    h.advance(60_000);
  }

  const storiesFor = async (text = '') => {
    await h.command(ada, 'stories', text);
    return lastPrivate(h.adapter, ada.id);
  };

  it('lists a mock answer as a story, tagged from its words and question, saying it came from a mock', async () => {
    await dailyAnswer('conflictco', CONFLICT_STORY);
    await mockAnswer('customerco', CUSTOMER_STORY);
    const shown = await storiesFor();
    expect(shown?.title).toBe('Your story bank: 2 stories');
    const text = shown?.text ?? '';
    expect(text).toMatch(
      /1\. “Last year at my previous job I disagreed[^\n]*\n[^\n]*Conflict[^\n]*\n[^\n]*practised 1 time\n/,
    );
    expect(text).toMatch(
      /2\. “In 2024 a clinician[^\n]*\n\s+Competencies: [^\n]*Ownership \(you wrote “responsible”\)[^\n]*Customer focus[^\n]*\n[^\n]*practised 1 time, in a mock interview/,
    );
    expect(text).not.toMatch(/no story yet[\s\S]*\*\*Customer focus\*\*/);
  });

  it('a mock answer that is no story is not kept', async () => {
    await mockAnswer('customerco', 'I usually try to stay calm and I always communicate clearly with my team.');
    expect((await storiesFor())?.title).toBe('Your story bank: 0 stories');
  });

  it('retags and merges a mock story like any other', async () => {
    await dailyAnswer('conflictco', CONFLICT_STORY);
    await mockAnswer('tensionco', `${CONFLICT_STORY} He later thanked me in the retro.`);
    const retagged = await storiesFor('retag 2 influence');
    expect(retagged?.text).toContain('Competencies: Influence (you chose it)');
    const merged = await storiesFor('merge 1 2');
    expect(merged?.text).toContain('Story 2 is now part of story 1');
    const list = await storiesFor();
    expect(list?.title).toBe('Your story bank: 1 story');
    expect(list?.text).toMatch(/1\. “Last year[\s\S]*?practised 2 times \(1 in a mock interview\)/);
  });

  it('a new question that fits a story told only in a mock tells its teller', async () => {
    await mockAnswer('customerco', CUSTOMER_STORY);
    h.adapter.clear();
    await h.command(cy, 'question', 'customerco');
    const told = h.adapter.sent.filter((s) => s.message.title === 'A story from your bank fits this question');
    expect(told.map((s) => s.privateTo)).toEqual([ada.id]);
    expect(told[0]?.message.text).toContain('Story 1, “In 2024 a clinician');
  });

  it('a story told in this mock interview is not suggested back for its next question', async () => {
    await h.close();
    h = await harness({ guides: [...STORY_GUIDES, TWO_CONFLICTS], kind });
    await h.command(ada, 'mock', 'clashco 2');
    expect(lastPrivate(h.adapter, ada.id)?.text).toMatch(/2 questions/);
    await replyInDm(CONFLICT_STORY);
    if (!/Question 2 of 2/.test(h.adapter.publicIn(DM).at(-1)?.message.text ?? '')) await replyInDm('skip');
    const hints = () => h.adapter.sent.filter((s) => s.message.title === 'A story from your bank fits this question');
    expect(hints()).toHaveLength(0);
    // the next mock interview may point at it: it was told before
    expect(h.adapter.publicIn(DM).at(-1)?.message.text).toMatch(/Question 2 of 2/);
    await replyInDm('stop');
    await h.command(ada, 'mock', 'clashco 1');
    expect(hints()).toHaveLength(1);
  });

  it('is in /prep export with its mark, and gone after /prep forget-me', async () => {
    await mockAnswer('customerco', CUSTOMER_STORY);
    await storiesFor('retag 1 customer');
    await h.command(ada, 'export');
    const file = lastPrivate(h.adapter, ada.id)?.attachments?.find((a) => a.name.endsWith('.json'));
    const data = JSON.parse(file?.content ?? '{}');
    expect(data.mockInterviews[0].questions[0].answer).toContain('a clinician reported');
    expect(data.storyMarks).toEqual([
      expect.objectContaining({ answerId: expect.stringMatching(/^mock:/), competencies: ['customer'] }),
    ]);
    await h.press(ada, `forget:confirm:${ada.id}`, ada.id);
    expect(await h.db.selectFrom('story_marks').selectAll().execute()).toEqual([]);
    expect((await storiesFor())?.title).toBe('Your story bank: 0 stories');
  });
});
