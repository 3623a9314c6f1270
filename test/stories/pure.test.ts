// The competency map and the tagger on their own: the shipped map is valid, a broken
// one says what to fix, tags come with their reasons, and the fitting story is the one
// that shares most with the question.
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../src/guides/schema';
import { rankStories } from '../../src/interview/stories';
import type { Story } from '../../src/stories/bank';
import { competencies, parseCompetencyMap } from '../../src/stories/competencies';
import { fittingStory } from '../../src/stories/suggest';
import { tagStory } from '../../src/stories/tag';

const map = competencies();

describe('the competency map', () => {
  it('ships the ten competencies of the issue', () => {
    expect(map.map((c) => c.id)).toEqual([
      'leadership',
      'conflict',
      'failure',
      'ambiguity',
      'ownership',
      'teamwork',
      'influence',
      'customer',
      'prioritisation',
      'learning',
    ]);
  });

  it('refuses a broken map with every problem named', () => {
    const bad = { competencies: [{ id: 'Bad Id', label: '', words: [], categories: ['cooking'], prompt: 'x' }] };
    expect(() => parseCompetencyMap(bad)).toThrow(
      /competencies\.0\.id: must be lowercase[\s\S]*label: must not be empty[\s\S]*categories\.0/,
    );
    const twice = { competencies: [map[0], map[0]] };
    expect(() => parseCompetencyMap(twice)).toThrow('two competencies share the id "leadership"');
  });
});

describe('tagging a story', () => {
  it('explains each tag: the answer’s own word, the question, the category', () => {
    const tags = tagStory(map, {
      answer: 'Our requirements were vague, so I mentored a new hire while we argued about scope.',
      question: 'Tell me about a time you learned something.',
      category: 'situational',
      focusAreas: [],
    });
    expect(tags).toEqual(
      expect.arrayContaining([
        { id: 'leadership', why: 'you wrote “mentored”' },
        { id: 'conflict', why: 'you wrote “argued”' },
        { id: 'ambiguity', why: 'you wrote “vague”' },
        { id: 'prioritisation', why: 'you wrote “scope”' },
        { id: 'learning', why: 'the question asks about “learned”' },
      ]),
    );
    expect(tags.map((t) => t.id)).not.toContain('customer');
  });

  it('reads a word only at its start: "down" is not "own"', () => {
    const tags = tagStory(map, {
      answer: 'The site went down.',
      question: 'What happened?',
      category: 'behavioral',
      focusAreas: [],
    });
    expect(tags.map((t) => t.id)).not.toContain('ownership');
  });
});

describe('the fitting story', () => {
  const story = (n: number, ids: string[], passed: number): Story => ({
    number: n,
    rootId: `a${n}`,
    answerIds: [`a${n}`],
    title: `story ${n}`,
    tags: ids.map((id) => ({ id, why: 'test' })),
    retagged: false,
    best: {
      story: true,
      situation: true,
      task: true,
      action: true,
      result: true,
      resultMeasured: false,
      ownershipFlagged: false,
      checksPassed: passed,
      checksTotal: 6,
      wordCount: 100,
    },
    practised: 1,
    inMocks: 0,
    lastAt: 0,
  });

  it('is the one sharing most with the question, the better told on a tie, none when nothing fits', () => {
    const stories = [story(1, ['conflict'], 4), story(2, ['conflict', 'teamwork'], 3), story(3, ['conflict'], 6)];
    const q = 'Tell me about a conflict in your team.';
    expect(fittingStory(map, stories, q, 'behavioral')?.story.number).toBe(2);
    expect(fittingStory(map, stories.slice(0, 1).concat(stories[2] as Story), q, 'behavioral')?.story.number).toBe(3);
    expect(fittingStory(map, stories, 'Design a URL shortener.', 'system-design')).toBeUndefined();
  });

  it('for an interview brief, ranks what the employer asks about above better checks', () => {
    const guide = {
      slug: 'clashco',
      employer: 'ClashCo',
      questions: [
        { id: 'q1', text: 'Tell me about a disagreement.', category: 'behavioral', star: true },
        { id: 'q2', text: 'Tell me about a time you worked with your team.', category: 'behavioral', star: true },
      ],
    } as unknown as Guide;
    const stories = [story(1, ['learning'], 6), story(2, ['conflict'], 3), story(3, ['conflict', 'teamwork'], 2)];
    const ranked = rankStories(map, stories, guide, 2);
    expect(ranked.map((s) => s.number)).toEqual([3, 2]);
    expect(ranked[0]).toMatchObject({ asked: ['Conflict', 'Teamwork'], others: [] });
    expect(rankStories(map, [story(1, ['learning'], 6)], guide)[0]).toMatchObject({ asked: [], others: ['Learning'] });
  });
});
