// The day-before brief's three stories come from the story bank as `/prep stories`
// shows it: a retag changes which competencies a story counts for (and so which story
// the brief picks first), and a merged story appears once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ada, type Harness, harness, lastPrivate, questions } from '../practice/helpers';
import { CONFLICT_STORY, CUSTOMER_STORY, STORY_GUIDES } from '../stories/fixtures';

let h: Harness;
beforeEach(async () => {
  h = await harness({ start: '2026-03-02T12:00:00Z', guides: STORY_GUIDES });
  await answer('conflictco', CONFLICT_STORY);
  await answer('customerco', CUSTOMER_STORY);
  await h.command(ada, 'settings', 'me timezone Europe/London');
});
afterEach(() => h.close());

async function answer(employer: string, text: string): Promise<void> {
  await h.command(ada, 'question', employer);
  await h.say(ada, questions(h.adapter, h.channel).at(-1)?.ref ?? '', text);
  h.advance(60_000);
}

/** Sets a ConflictCo interview, moves to 09:00 the day before and returns the brief's story lines. */
async function briefStories(): Promise<string[]> {
  await h.command(ada, 'interview', 'conflictco 2026-03-10');
  h.setNow('2026-03-09T09:00:30Z');
  await h.app.tick(h.now());
  const brief = h.adapter.sent.filter((s) => s.message.title === 'Tomorrow: ConflictCo');
  expect(brief).toHaveLength(1);
  const text = brief[0]?.message.text ?? '';
  return text.slice(text.indexOf('**Your three best-fitting stories**')).split('\n').slice(1);
}

describe('the brief reads the story bank', () => {
  it('puts first the story that shows what the employer asks about', async () => {
    const lines = await briefStories();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^- \*\*Story 1\*\*, “Last year at my previous job I disagreed[^\n]*ConflictCo asks about Conflict/,
    );
    expect(lines[1]).toMatch(/^- \*\*Story 2\*\*, “In 2024 a clinician/);
    expect(lines[1]).not.toContain('ConflictCo asks about');
  });

  it('a retag changes which story the brief picks first', async () => {
    await h.command(ada, 'stories', 'retag 1 learning');
    await h.command(ada, 'stories', 'retag 2 conflict, customer');
    expect(lastPrivate(h.adapter, ada.id)?.text).toMatch(/Conflict/);
    const lines = await briefStories();
    expect(lines[0]).toMatch(
      /^- \*\*Story 2\*\*, “In 2024 a clinician[^\n]*ConflictCo asks about Conflict; it also shows Customer focus/,
    );
    expect(lines[1]).toMatch(/^- \*\*Story 1\*\*[^\n]*: shows Learning\./);
  });

  it('a merged story appears once, practised as often as it was told', async () => {
    await h.command(ada, 'stories', 'merge 1 2');
    const lines = await briefStories();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^- \*\*Story 1\*\*[^\n]*ConflictCo asks about Conflict[^\n]*practised 2 times\./);
  });
});
