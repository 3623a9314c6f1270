// The story bank through the whole core: answers that tell a story are kept with
// their competencies, `/prep stories` lists them and the gaps, a member can retag and
// merge, a new question tells only the members whose bank fits it, and export and
// forget-me cover what the bank stores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../db/databases';
import { ada, bob, cy, type Harness, harness, lastPrivate, questions } from '../practice/helpers';
import { CONFLICT_STORY, CUSTOMER_STORY, STORY_GUIDES } from './fixtures';

describe.each(databaseKinds)('on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ guides: STORY_GUIDES, kind });
  });
  afterEach(() => h.close());

  async function answer(who: typeof ada, employer: string, text: string): Promise<void> {
    await h.command(who, 'question', employer);
    await h.say(who, questions(h.adapter, h.channel).at(-1)?.ref ?? '', text);
    h.advance(60_000);
  }

  const storiesFor = async (who: typeof ada, text = '') => {
    await h.command(who, 'stories', text);
    return lastPrivate(h.adapter, who.id);
  };

  describe('/prep stories', () => {
    it('lists both stories with their competencies and names a competency with no story yet', async () => {
      await answer(ada, 'conflictco', CONFLICT_STORY);
      await answer(ada, 'customerco', CUSTOMER_STORY);
      const shown = await storiesFor(ada);
      expect(shown?.title).toBe('Your story bank: 2 stories');
      const text = shown?.text ?? '';
      expect(text).toContain('**1. “Last year at my previous job I disagreed with a senior engineer about…”**');
      expect(text).toMatch(/1\. [^\n]*\n\s+Competencies: [^\n]*Conflict \(you wrote “disagreed”\)/);
      expect(text).toMatch(
        /2\. “In 2024 a clinician[^\n]*\n\s+Competencies: [^\n]*Ownership \(you wrote “responsible”\)[^\n]*Customer focus/,
      );
      expect(text).toMatch(/Best checks: S ✓ · T ✓ · A ✓ · R ✓ \(\d\/6 checks/);
      expect(text).toContain('practised 1 time');
      // a competency no story shows, with the guide's question that asks for it
      expect(text).toContain('**Competencies with no story yet**');
      expect(text).toContain(
        '- **Prioritisation**: practise with “Tell me about a time you had to prioritise competing deadlines.” (PriorityCo)',
      );
      expect(text).not.toMatch(/no story yet[\s\S]*\*\*Conflict\*\*/);
      // another member sees their own (empty) bank, not Ada's
      const bobs = await storiesFor(bob);
      expect(bobs?.title).toBe('Your story bank: 0 stories');
      expect(bobs?.text).not.toContain('disagreed');
    });

    it('an answer that is no story is not kept as one', async () => {
      await answer(ada, 'conflictco', 'I usually stay calm and I would listen to everyone and find a compromise.');
      expect((await storiesFor(ada))?.title).toBe('Your story bank: 0 stories');
    });

    it('retags a story with the member’s own competencies, and refuses a word it does not know', async () => {
      await answer(ada, 'conflictco', CONFLICT_STORY);
      const retagged = await storiesFor(ada, 'retag 1 prioritisation, ownership');
      expect(retagged?.text).toContain('Competencies: Ownership (you chose it), Prioritisation (you chose it)');
      const after = (await storiesFor(ada))?.text ?? '';
      expect(after).not.toContain('**Prioritisation**: practise');
      expect(after).toContain('**Conflict**: practise');
      const bad = await storiesFor(ada, 'retag 1 bravery');
      expect(bad?.kind).toBe('error');
      expect(bad?.text).toContain('"bravery" is not a competency the story bank knows');
      expect((await storiesFor(ada, 'retag 4 conflict'))?.text).toContain('There is no story 4: you have 1.');
    });

    it('merges two answers as the same story: practised twice, the best checks of both', async () => {
      await answer(ada, 'conflictco', CONFLICT_STORY);
      await answer(ada, 'customerco', CUSTOMER_STORY);
      await answer(ada, 'tensionco', `${CONFLICT_STORY} He later thanked me in the retro.`);
      expect((await storiesFor(ada))?.title).toBe('Your story bank: 3 stories');
      const merged = await storiesFor(ada, 'merge 1 3');
      expect(merged?.text).toContain('Story 3 is now part of story 1');
      const list = await storiesFor(ada);
      expect(list?.title).toBe('Your story bank: 2 stories');
      expect(list?.text).toMatch(/1\. “Last year[\s\S]*?practised 2 times/);
      expect((await storiesFor(ada, 'merge 1 1'))?.text).toContain('That is the same story twice.');
    });
  });

  describe('a fitting story on a new question', () => {
    it('tells the member whose bank fits, privately, and nobody else', async () => {
      await answer(ada, 'conflictco', CONFLICT_STORY);
      await answer(bob, 'customerco', CUSTOMER_STORY);
      h.adapter.clear();
      await h.command(cy, 'question', 'tensionco');
      const told = h.adapter.sent.filter((s) => s.message.title === 'A story from your bank fits this question');
      expect(told).toHaveLength(1);
      expect(told[0]?.privateTo).toBe(ada.id);
      expect(told[0]?.message.text).toContain('Story 1, “Last year at my previous job I disagreed');
      expect(told[0]?.message.text).toContain('shows Conflict');
      // no public message mentions anyone's story
      expect(h.adapter.publicIn().some((s) => s.message.text.includes('disagreed'))).toBe(false);
    });

    it('tells the member at the start of a mock interview when the question fits a story', async () => {
      await answer(ada, 'conflictco', CONFLICT_STORY);
      h.adapter.clear();
      await h.command(ada, 'mock', 'tensionco 1');
      const dm = h.adapter.sent.filter((s) => s.to === 'memory:W1:dm-U-ada');
      expect(dm.map((s) => s.message.title)).toContain('A story from your bank fits this question');
    });
  });

  describe('export and forget-me', () => {
    it('exports the bank’s changes and forgets them with the answers', async () => {
      await answer(ada, 'conflictco', CONFLICT_STORY);
      await storiesFor(ada, 'retag 1 conflict');
      await h.command(ada, 'export');
      const data = JSON.parse(lastPrivate(h.adapter, ada.id)?.attachments?.[0]?.content ?? '{}');
      expect(data.storyMarks).toEqual([expect.objectContaining({ competencies: ['conflict'], sameStoryAs: null })]);
      expect(data.feedback).toHaveLength(1);
      // where the feedback message went is platform plumbing, kept for edits, not member data
      const sent = await h.db.selectFrom('answer_feedback').select('sent_ref').executeTakeFirstOrThrow();
      expect(sent.sent_ref).toMatch(/^memory:/);
      expect(JSON.stringify(data)).not.toContain(sent.sent_ref);
      await h.command(ada, 'forget-me');
      const yes = lastPrivate(h.adapter, ada.id)?.buttons?.[0];
      await h.press(ada, yes?.id ?? '', yes?.value);
      expect(lastPrivate(h.adapter, ada.id)?.text).toContain("your story bank's 1 change");
      expect(await h.db.selectFrom('story_marks').selectAll().execute()).toEqual([]);
      expect(await h.db.selectFrom('answer_feedback').selectAll().execute()).toEqual([]);
      expect((await storiesFor(ada))?.title).toBe('Your story bank: 0 stories');
    });
  });
});
