// The sections of a page in no known layout that hold questions: which heading opens one, with
// what categories, which keeps the one it is under ("#### Easy" under "### Coding Questions", a
// sub-heading of a round) and which closes it ("## Answer").

import type { QuestionCategory } from './schema';

export interface Section {
  cats: QuestionCategory[];
  /** the heading says questions or problems, not topics: problem names count */
  explicit: boolean;
  /** the level of the heading that opened it: a deeper heading naming nothing keeps its categories */
  level: number;
  /** the section a deeper heading opened this one in ("### Puzzle" in "## Round 2 – Technical") */
  parent?: Section | undefined;
  /** a line said questions were asked ("asked questions from core CS subjects:"): sub-headings keep it explicit */
  asked?: boolean;
}

/** The innermost open section whose heading is above `level`. */
function enclosing(current: Section | undefined, level: number): Section | undefined {
  let s = current;
  while (s && s.level >= level) s = s.parent;
  return s;
}

/** The categories a heading announces; undefined when it announces no questions. */
export function announced(heading: string): QuestionCategory[] | undefined {
  const h = heading.toLowerCase();
  const cats: QuestionCategory[] = [];
  if (/system design|architecture|design round/.test(h)) cats.push('system-design');
  if (/behaviou?ral|leadership|culture|values|fit\b/.test(h)) cats.push('behavioral');
  if (
    /coding|algorithm|technical|data structure|programming|sql|machine learning|statistics|dsa|leetcode|puzzle|quiz/.test(
      h,
    )
  )
    cats.push('technical');
  if (/situational|hypothetical|case/.test(h)) cats.push('situational');
  if (/project|experience|resume|past work/.test(h)) cats.push('project-deep-dive');
  // "Overall Experience" sums a write-up up; it asks nothing
  if (/^overall\b/.test(h)) return undefined;
  // "Common Problem Patterns", "Core Concepts": what to study, not what is asked
  if (/\b(?:patterns|topics|concepts|focus areas|fundamentals|technologies|breakdown)\b/.test(h) && !/question/.test(h))
    return undefined;
  // "Technical Interview Process": the steps of answering or of the loop, not what is asked
  if (/\bprocess\b/.test(h) && !/question|asked/.test(h)) return undefined;
  // "## Problems List": the coding problems the page lists ("### Jane Street Problems" may only describe them)
  if (/\bproblems? list\b|\blist of (?:coding )?problems\b/.test(h)) cats.push('technical');
  if (cats.length) return cats;
  // "Round 3 – Managerial": what a round lists is what it asked
  // "Phone Screen round", "Onsite rounds": what a round lists is what it asked
  return /question|prompts|sample|examples?\b|common|top \d+|asked|\brounds?\b|\bscreen\b|challenges|exercises/.test(h)
    ? []
    : undefined;
}

const EXPLICIT = /question|problem|asked|prompt|exercise|challenge|quiz|puzzle|\bround\b|interview \d/i;

const DIFFICULTY = /^(?:easy|medium|hard|beginner|intermediate|advanced)(?: (?:level|questions|problems))?:?$/i;

// "Answer", "Solution", "Approach": what follows answers the question above it
export const ANSWER_HEADING = /^(?:(?:sample |suggested |my |the )?(?:answers?|solutions?|approach)\b|answer\s*\/)/i;

/** The section a heading-like line opens, keeps (a sub-heading naming nothing) or closes. */
export function sectionAfter(text: string, current: Section | undefined, level: number): Section | 'none' {
  if (ANSWER_HEADING.test(text)) return 'none';
  // "Facebook Problems:", "General Problems:" label a list of problems asked ("### Jane Street Problems" may describe them)
  const next = announced(text.replace(/:$/, '')) ?? (/\bproblems:$/i.test(text) ? [] : undefined);
  const up = enclosing(current, level);
  // "### Storage" under "## Round 2 – Technical": the round's questions go on, named problems no longer count
  // (not under the page's own title: "# Acme Interview Questions" then "## Interview process")
  // "#### Easy" under "### Coding Questions": a difficulty groups the questions, named problems and all
  if (next === undefined && up && DIFFICULTY.test(text)) return { ...up };
  // ("**Thread Safety**:" under "### Concurrency Fundamentals" groups the questions of the section it is in)
  if (next === undefined)
    return up && up.level > 1 && level <= 7
      ? { ...up, explicit: up.explicit && (up.asked === true || EXPLICIT.test(text)) }
      : 'none';
  const explicit = EXPLICIT.test(text);
  if (next.length === 0 && up) return { ...up, explicit: up.explicit || explicit };
  return { cats: next, explicit, level, parent: up };
}
