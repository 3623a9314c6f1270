// The story bank as a member sees it, built from their story answers and marks.
// Pure: the same rows always give the same numbered stories, so `/prep stories
// retag 2` names the story the last listing called 2.
import type { StoryMark } from '../db/schema';
import type { AnswerFlags } from '../star';
import type { CompetencyMap } from './competencies';
import type { StoryAnswer } from './store';
import { type Tag, tagStory } from './tag';

export interface Story {
  /** 1-based, in the order the stories were first told. */
  number: number;
  /** The story's first answer: marks and merges point here. */
  rootId: string;
  answerIds: string[];
  title: string;
  tags: Tag[];
  /** True when the member chose the competencies. */
  retagged: boolean;
  best: AnswerFlags;
  practised: number;
  /** How many of its tellings were in a mock interview. */
  inMocks: number;
  lastAt: number;
}

const TITLE_CHARS = 70;

/** A short title in the member's own words: the first sentence of the situation, or of the answer. */
function storyTitle(a: Pick<StoryAnswer, 'text' | 'data'>): string {
  let first: string | undefined;
  try {
    const parsed = JSON.parse(a.data) as { parts?: { situation?: { sentences?: string[] } } };
    first = parsed.parts?.situation?.sentences?.[0];
  } catch {
    first = undefined;
  }
  const sentence = (first ?? a.text.split(/(?<=[.!?])\s+/)[0] ?? a.text).replace(/\s+/g, ' ').trim();
  return sentence.length > TITLE_CHARS ? `${sentence.slice(0, TITLE_CHARS - 1).trimEnd()}…` : sentence;
}

/** The answer an answer's story starts at, following merges (a broken chain stops where it breaks). */
function rootOf(id: string, sameAs: Map<string, string>, known: Set<string>): string {
  let at = id;
  for (let hops = 0; hops < 50; hops += 1) {
    const next = sameAs.get(at);
    if (!next || !known.has(next) || next === id) return at;
    at = next;
  }
  return at;
}

function better(a: AnswerFlags, b: AnswerFlags): AnswerFlags {
  return b.checksPassed > a.checksPassed ? b : a;
}

export function buildBank(
  map: CompetencyMap,
  answers: readonly StoryAnswer[],
  marks: readonly StoryMark[],
  focusOf: (questionId: string) => readonly string[],
): Story[] {
  const known = new Set(answers.map((a) => a.answerId));
  const sameAs = new Map(marks.filter((m) => m.same_as).map((m) => [m.answer_id, m.same_as as string]));
  const chosen = new Map(marks.filter((m) => m.competencies).map((m) => [m.answer_id, m.competencies as string]));
  const groups = new Map<string, StoryAnswer[]>();
  for (const a of answers) {
    const root = rootOf(a.answerId, sameAs, known);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  }
  const stories: Story[] = [];
  for (const [rootId, group] of groups) {
    const first = group.find((a) => a.answerId === rootId) ?? (group[0] as StoryAnswer);
    const own = chosen.get(rootId);
    const tags = own ? chosenTags(map, own) : mergedTags(map, group, focusOf);
    stories.push({
      number: 0,
      rootId,
      answerIds: group.map((a) => a.answerId),
      title: storyTitle(first),
      tags,
      retagged: own !== undefined,
      best: group.map((a) => a.flags).reduce(better),
      practised: group.length,
      inMocks: group.filter((a) => a.source === 'mock').length,
      lastAt: Math.max(...group.map((a) => a.at)),
    });
  }
  stories.sort((a, b) => Math.min(...answersAt(answers, a)) - Math.min(...answersAt(answers, b)));
  return stories.map((s, i) => ({ ...s, number: i + 1 }));
}

function answersAt(answers: readonly StoryAnswer[], s: Story): number[] {
  return answers.filter((a) => s.answerIds.includes(a.answerId)).map((a) => a.at);
}

function chosenTags(map: CompetencyMap, json: string): Tag[] {
  let ids: unknown;
  try {
    ids = JSON.parse(json);
  } catch {
    ids = [];
  }
  const list = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  return map.filter((c) => list.includes(c.id)).map((c) => ({ id: c.id, why: 'you chose it' }));
}

function mergedTags(map: CompetencyMap, group: readonly StoryAnswer[], focusOf: (id: string) => readonly string[]) {
  const tags = new Map<string, Tag>();
  for (const a of group) {
    const input = { answer: a.text, question: a.questionText, category: a.category, focusAreas: focusOf(a.questionId) };
    for (const t of tagStory(map, input)) if (!tags.has(t.id)) tags.set(t.id, t);
  }
  return map.filter((c) => tags.has(c.id)).map((c) => tags.get(c.id) as Tag);
}

/** The competencies no story shows yet, in map order. */
export function gaps(map: CompetencyMap, stories: readonly Story[]): CompetencyMap {
  const shown = new Set(stories.flatMap((s) => s.tags.map((t) => t.id)));
  return map.filter((c) => !shown.has(c.id));
}
