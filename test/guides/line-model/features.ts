// Structural features of each line of a page, for the experiment of a learned line classifier
// ("is this line a question a reader would practise?"): its marks, its form, the heading it sits
// under and how far below it, and whether the lines around it look alike. No feature names a
// site, an employer or a question: what is learned is the shape of a question line.
import { asks, asksOneself } from '../../../src/guides/asking';
import { FAQ_HEADING } from '../../../src/guides/general-faqs';
import type { Line } from '../../../src/guides/page-lines';
import { ADVICE_HEADING, JOB_HEADING, OWN_HEADING } from '../../../src/guides/question-headings';
import { ANSWER_HEADING, announced } from '../../../src/guides/question-sections';
import { cleaned, isName } from '../../../src/guides/question-text';

const INTERROGATIVE =
  /^(?:how|what|why|when|where|which|who|can|could|do|does|did|is|are|would|should|have|tell me)\b/i;
const TASK_VERB =
  /^(?:design|implement|write|build|create|explain|describe|find|given|return|reverse|merge|sort|count|check|determine|compute|construct|convert|print|solve|discuss|walk)\b/i;
const FIRST_PERSON = /^(?:i|we|my|our)\b/i;
const QUESTIONS_WORD = /\b(?:questions?|problems?|asked|prompts?|exercises?|challenges?)\b/i;
const PROCESS_WORD = /\b(?:process|overview|about|timeline|offer|result|verdict|conclusion|summary|compensation)\b/i;

/** The names of the features, in the order `lineFeatures` gives them (the first is the bias). */
export const FEATURE_NAMES = [
  'bias',
  'item',
  'numbered heading',
  'marked heading',
  'heading-like line',
  'indented',
  'table question cell',
  'ends with ?',
  'ends with :',
  'starts interrogative',
  'starts task verb',
  'asks (rules helper)',
  'first person',
  'asks oneself',
  'problem name shape',
  'words 1-2',
  'words 3-6',
  'words 7-20',
  'words 21-60',
  'words > 60',
  'capitalised share',
  'under heading: announces questions',
  'under heading: names a category',
  'under heading: says questions',
  'under heading: tips/advice',
  'under heading: job/own words',
  'under heading: FAQ',
  'under heading: answer',
  'under heading: process/summary',
  'no heading above',
  'heading above asks (ends with ?)',
  'a heading further up says questions',
  'a heading further up: tips/advice/job',
  'lines below heading (log)',
  'after a line ending in :',
  'run of like lines (log)',
  'neighbours ask (share)',
  'page position',
] as const;

interface Context {
  /** the headings above the line, outermost first, each with its level */
  stack: { text: string; level: number }[];
  sinceHeading: number;
}

/** "### Easy" under "## Coding Questions": what the headings further up say. */
function ancestorFeatures(c: Context): number[] {
  const up = c.stack.slice(0, -1).map((h) => h.text);
  const last = c.stack[c.stack.length - 1]?.text ?? '';
  return [
    /\?$/.test(last) ? 1 : 0,
    up.some((h) => QUESTIONS_WORD.test(h)) ? 1 : 0,
    up.some((h) => ADVICE_HEADING.test(h) || JOB_HEADING.test(h) || OWN_HEADING.test(h)) ? 1 : 0,
  ];
}

function enter(c: Context, l: Line): void {
  while (c.stack.length && (c.stack[c.stack.length - 1]?.level ?? 0) >= l.level) c.stack.pop();
  c.stack.push({ text: l.text, level: l.level });
}

function headingFeatures(h: string | undefined): number[] {
  if (h === undefined) return [0, 0, 0, 0, 0, 0, 0, 0, 1];
  const cats = announced(h.replace(/:$/, ''));
  return [
    cats === undefined ? 0 : 1,
    cats && cats.length > 0 ? 1 : 0,
    QUESTIONS_WORD.test(h) ? 1 : 0,
    ADVICE_HEADING.test(h) ? 1 : 0,
    JOB_HEADING.test(h) || OWN_HEADING.test(h) ? 1 : 0,
    FAQ_HEADING.test(h) ? 1 : 0,
    ANSWER_HEADING.test(h) ? 1 : 0,
    PROCESS_WORD.test(h) ? 1 : 0,
    0,
  ];
}

function lengthFeatures(words: number): number[] {
  return [words <= 2, words >= 3 && words <= 6, words >= 7 && words <= 20, words >= 21 && words <= 60, words > 60].map(
    Number,
  );
}

function capitalisedShare(t: string): number {
  const words = t.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return words.length ? words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length : 0;
}

/** How many lines next to this one, without a break, share its marks and indent. */
function runLength(lines: Line[], i: number): number {
  const l = lines[i];
  const alike = (o: Line | undefined) =>
    o && l && o.item === l.item && o.indent === l.indent && o.heading === l.heading;
  let n = 1;
  for (let j = i - 1; j >= 0 && alike(lines[j]); j--) n++;
  for (let j = i + 1; j < lines.length && alike(lines[j]); j++) n++;
  return n;
}

/** The share of the up-to-six nearest lines of the same marks and indent that ask something. */
function neighboursAsk(lines: Line[], i: number): number {
  const l = lines[i];
  const near = [i - 3, i - 2, i - 1, i + 1, i + 2, i + 3]
    .map((j) => lines[j])
    .filter((o): o is Line => o !== undefined && o.item === l?.item && o.indent === l?.indent);
  return near.length ? near.filter((o) => asks(cleaned(o.text))).length / near.length : 0;
}

function formFeatures(l: Line, t: string): number[] {
  return [
    1,
    l.item ? 1 : 0,
    l.numbered ? 1 : 0,
    l.marked ? 1 : 0,
    l.heading && !l.marked ? 1 : 0,
    l.indent > 1 ? 1 : 0,
    l.asked ? 1 : 0,
    /\?$/.test(t) ? 1 : 0,
    /:$/.test(t) ? 1 : 0,
    INTERROGATIVE.test(t) ? 1 : 0,
    TASK_VERB.test(t) ? 1 : 0,
    asks(t) ? 1 : 0,
    FIRST_PERSON.test(t) ? 1 : 0,
    asksOneself(t) ? 1 : 0,
    isName(t) ? 1 : 0,
  ];
}

function lineFeatures(lines: Line[], i: number, c: Context): number[] {
  const l = lines[i] as Line;
  const t = cleaned(l.text);
  const words = t.split(/\s+/).length;
  return [
    ...formFeatures(l, t),
    ...lengthFeatures(words),
    capitalisedShare(t),
    ...headingFeatures(c.stack[c.stack.length - 1]?.text),
    ...ancestorFeatures(c),
    Math.log1p(c.sinceHeading) / 4,
    /:$/.test(lines[i - 1]?.text ?? '') ? 1 : 0,
    Math.log(runLength(lines, i)) / 3,
    neighboursAsk(lines, i),
    i / Math.max(1, lines.length - 1),
  ];
}

/** One feature vector per line of the page, in order. */
export function pageFeatures(lines: Line[]): number[][] {
  const c: Context = { stack: [], sinceHeading: 0 };
  return lines.map((l, i) => {
    const v = lineFeatures(lines, i, c);
    if (l.heading && !l.item) enter(c, l);
    c.sinceHeading = l.heading && !l.item ? 0 : c.sinceHeading + 1;
    return v;
  });
}
