// The parts an author names themselves in an answer: "Situation:", "**Task** -", "[R]".
import type { Part } from './feature-set';

// "Situation:", "**Task** -", "### Result", "__Action:__", "Situation (S):", "Action (what I did):",
// "[R]": markdown emphasis and heading marks around the word, a short aside in brackets after it,
// and brackets around it are part of the heading
const PART_WORD =
  'situation|context|background|task|goal|objective|challenge|action|actions|what i did|result|results|outcome|impact|[star]';
const HEADING = new RegExp(
  String.raw`^\s*(?:#{1,6}\s*)?(?:\*\*|__|\*|_)?(${PART_WORD})(?:\s*\([^()\n]{1,30}\))?(?:\*\*|__|\*|_)?\s*(?:[:\-–—]|(?:\*\*|__)?(?=\s*$))\s*(?:\*\*|__)?\s*`,
  'i',
);
/** "[S] ..." or "(Result) ...": the part's letter or name in brackets, with or without a colon after it. */
const BRACKETED = new RegExp(String.raw`^\s*[\[(](${PART_WORD})[\])]\s*(?:[:\-–—]\s*)?`, 'i');
/** What may follow a heading word on a heading's own line: a short subtitle ending in a colon ("- My approach:"). */
const SUBTITLE = /^[^.!?]{0,40}:\s*$/;
const HEADING_PART: Record<string, Part> = {
  situation: 'situation',
  context: 'situation',
  background: 'situation',
  s: 'situation',
  task: 'task',
  goal: 'task',
  objective: 'task',
  challenge: 'task',
  t: 'task',
  action: 'action',
  actions: 'action',
  'what i did': 'action',
  a: 'action',
  result: 'result',
  results: 'result',
  outcome: 'result',
  impact: 'result',
  r: 'result',
};

/** The heading a line opens with, if any: its match, whose first group is the part's word or letter. */
export function matchHeading(line: string): RegExpExecArray | null {
  return HEADING.exec(line) ?? BRACKETED.exec(line);
}

/** The part a heading names; one-letter headings only count in capitals ("S: ...") so "a - b" is not one. */
export function headingPart(h: RegExpExecArray): Part | undefined {
  const word = h[1] as string;
  return word.length > 1 || /^[STAR]$/.test(word) ? HEADING_PART[word.toLowerCase()] : undefined;
}

/** What follows a heading word is only its subtitle ("- My approach:"), so the heading stands alone. */
export function isSubtitle(rest: string): boolean {
  return SUBTITLE.test(rest);
}
