// Which competencies a story shows, and why: from the question's category, the
// guide's focus areas and the answer's own words. Pure; the explanation is what
// `/prep stories` prints, so a member can see why a tag is there and retag it.
import type { CompetencyMap } from './competencies';

export interface Tag {
  id: string;
  /** Why: `the question is situational`, `you wrote "disagreed"`. */
  why: string;
}

export interface TagInput {
  answer: string;
  question: string;
  category: string;
  focusAreas: readonly string[];
}

/** The first word in `text` that starts with one of the stems, as written. */
export function firstMatch(text: string, stems: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  let best: { at: number; len: number } | undefined;
  for (const stem of stems) {
    const re = new RegExp(`(^|[^a-z])(${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[a-z'-]*)`, 'g');
    const m = re.exec(lower);
    if (!m) continue;
    const at = m.index + (m[1]?.length ?? 0);
    if (!best || at < best.at) best = { at, len: m[2]?.length ?? 0 };
  }
  return best ? text.slice(best.at, best.at + best.len) : undefined;
}

/** The competencies a story shows, each with its reason, in map order. */
export function tagStory(map: CompetencyMap, input: TagInput): Tag[] {
  const tags: Tag[] = [];
  for (const c of map) {
    const said = firstMatch(input.answer, c.words);
    const asked = firstMatch(input.question, c.words);
    if (said) tags.push({ id: c.id, why: `you wrote “${said}”` });
    else if (asked) tags.push({ id: c.id, why: `the question asks about “${asked}”` });
    else if (asksFor(c, input.category)) {
      tags.push({ id: c.id, why: `the question is ${input.category.replace(/-/g, ' ')}` });
    }
  }
  // The guide's focus areas are weak evidence: they name one more only when the story's own words name few.
  if (tags.length < 2) {
    for (const c of map) {
      if (tags.some((t) => t.id === c.id)) continue;
      const focus = input.focusAreas.find((f) => firstMatch(f, c.words));
      if (focus) {
        tags.push({ id: c.id, why: `the guide's focus area “${focus}”` });
        break;
      }
    }
  }
  return tags;
}

/** Whether questions of `category` show the competency (any string: a guide may bring a new category). */
function asksFor(c: CompetencyMap[number], category: string): boolean {
  const categories: readonly string[] = c.categories;
  return categories.includes(category);
}

/** The competencies a question asks about (for suggesting a fitting story). */
export function questionCompetencies(map: CompetencyMap, question: string, category: string): string[] {
  return map.filter((c) => firstMatch(question, c.words) || asksFor(c, category)).map((c) => c.id);
}
