// Summaries across one person's answers for `/prep me`. They work from AnswerFlags, a few
// booleans stored per answer, so a summary never re-reads or re-analyses answer text.
import type { Analysis } from './analyze';
import type { Part } from './label';
import { PARTS } from './text';

export interface AnswerFlags {
  story: boolean;
  situation: boolean;
  task: boolean;
  action: boolean;
  result: boolean;
  resultMeasured: boolean;
  ownershipFlagged: boolean;
  checksPassed: number;
  checksTotal: number;
  wordCount: number;
}

export interface SummaryEntry {
  answerId: string;
  at: Date;
  flags: AnswerFlags;
  employer?: string;
  category?: string;
  questionText?: string;
}

export interface Summary {
  answers: number;
  lastN: number;
  partRates: Record<Part, number>;
  storyRate: number;
  trend: 'improving' | 'steady' | 'slipping' | 'not enough answers';
  weakest?: { part: Part | 'story'; tip: string };
  best?: SummaryEntry;
  employers: string[];
  categories: string[];
}

/** An answer with all four STAR parts: the digest's count and the leaderboard's `complete`. */
export function hasAllParts(f: AnswerFlags): boolean {
  return PARTS.every((p) => f[p]);
}

const WINDOW = 10;
const MIN_FOR_TREND = 4;
const TREND_STEP = 0.1; // a change of 10 points of checks passed, half against half

export function flagsOf(a: Analysis): AnswerFlags {
  return {
    story: a.story,
    situation: a.parts.situation.present,
    task: a.parts.task.present,
    action: a.parts.action.present,
    result: a.parts.result.present,
    resultMeasured: a.resultMeasured,
    ownershipFlagged: a.ownership.flagged,
    checksPassed: a.checks.passed,
    checksTotal: a.checks.total,
    wordCount: a.wordCount,
  };
}

const CHECK_NAMES: [keyof AnswerFlags, string, boolean][] = [
  ['story', 'a specific story', true],
  ['situation', 'the Situation', true],
  ['task', 'the Task', true],
  ['action', 'your Actions', true],
  ['ownershipFlagged', 'actions told as "I"', false],
  ['result', 'a Result', true],
  ['resultMeasured', 'a measured result', true],
];

/** What a retry fixed and what is still missing, for `/prep retry`. */
export function compareAttempts(
  previous: AnswerFlags,
  current: Analysis,
): { improved: string[]; stillMissing: string[]; text: string } {
  const now = flagsOf(current);
  const improved: string[] = [];
  const stillMissing: string[] = [];
  const lost: string[] = [];
  for (const [key, name, good] of CHECK_NAMES) {
    if (key === 'ownershipFlagged' && !now.action) continue;
    const was = previous[key] === good;
    const is = now[key] === good;
    if (is && !was) improved.push(name);
    else if (!is && was) lost.push(name);
    if (!is) stillMissing.push(name);
  }
  // what was missing both times: a part just lost is named once, under "Lost"
  const missingBoth = stillMissing.filter((name) => !lost.includes(name));
  const parts: string[] = [];
  if (improved.length) parts.push(`Better than last time: it now has ${list(improved)}.`);
  else parts.push('No new parts compared with last time.');
  if (lost.length) parts.push(`Lost since last time: ${list(lost)}.`);
  if (missingBoth.length) parts.push(`Still missing: ${list(missingBoth)}.`);
  else if (!stillMissing.length) parts.push('Nothing is missing now: every check passes.');
  parts.push(
    `Checks: ${previous.checksPassed} of ${previous.checksTotal} → ${now.checksPassed} of ${now.checksTotal}.`,
  );
  return { improved, stillMissing, text: parts.join(' ') };
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const TIPS: Record<Part | 'story', string> = {
  story:
    'Answer with one real occasion: start with "Last year at ..." and tell what happened, not what you usually do.',
  situation: 'Open with one sentence of context: when and where it was, and what was at stake.',
  task: 'Say what your goal or responsibility was: "My job was to ..." or "I was asked to ...".',
  action: 'Spend most of the answer on what you did, step by step, in sentences that start with "I".',
  result: 'Finish with what changed because of you, with a number if you can: before and after, time or money saved.',
};

/** Over the last ten answers (entries newest first). */
export function summarize(entries: SummaryEntry[]): Summary {
  const recent = entries.slice(0, WINDOW);
  const n = recent.length;
  const rate = (pick: (f: AnswerFlags) => boolean) =>
    n ? Math.round((recent.filter((e) => pick(e.flags)).length / n) * 100) / 100 : 0;
  const partRates = Object.fromEntries(PARTS.map((p) => [p, rate((f) => f[p])])) as Record<Part, number>;
  const storyRate = rate((f) => f.story);

  let trend: Summary['trend'] = 'not enough answers';
  if (n >= MIN_FOR_TREND) {
    const score = (e: SummaryEntry) => (e.flags.checksTotal ? e.flags.checksPassed / e.flags.checksTotal : 0);
    const half = Math.floor(n / 2);
    const newer = mean(recent.slice(0, half).map(score));
    const older = mean(recent.slice(n - half).map(score));
    trend = newer - older >= TREND_STEP ? 'improving' : older - newer >= TREND_STEP ? 'slipping' : 'steady';
  }

  let weakest: Summary['weakest'];
  if (n > 0) {
    // a missing story outranks any missing part: parts of a non-story hardly matter
    const candidates: [Part | 'story', number][] = [
      ['story', storyRate],
      ...PARTS.map((p) => [p, partRates[p]] as [Part, number]),
    ];
    const [part, r] = candidates.reduce((a, b) => (b[1] < a[1] ? b : a));
    if (r < 1) weakest = { part, tip: TIPS[part] };
  }

  let best: SummaryEntry | undefined;
  for (const e of entries) {
    const ratio = e.flags.checksTotal ? e.flags.checksPassed / e.flags.checksTotal : 0;
    const bestRatio = best?.flags.checksTotal ? best.flags.checksPassed / best.flags.checksTotal : -1;
    if (ratio > bestRatio) best = e;
  }

  const summary: Summary = {
    answers: entries.length,
    lastN: n,
    partRates,
    storyRate,
    trend,
    employers: distinct(entries.map((e) => e.employer)),
    categories: distinct(entries.map((e) => e.category)),
  };
  if (weakest) summary.weakest = weakest;
  if (best) summary.best = best;
  return summary;
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function distinct(xs: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const x of xs) if (x?.trim()) seen.add(x.trim());
  return [...seen];
}

const BAR = 10;

/** A monospace chart in a code block: the same in Slack, Discord and a terminal. */
export function renderSummaryChart(s: Summary): string {
  if (s.lastN === 0) return 'No answers analysed yet: answer a question to see your STAR chart.';
  const rows: [string, number][] = [
    ['Story', s.storyRate],
    ['Situation', s.partRates.situation],
    ['Task', s.partRates.task],
    ['Action', s.partRates.action],
    ['Result', s.partRates.result],
  ];
  const lines = rows.map(([name, r]) => {
    const filled = Math.round(r * BAR);
    return `${name.padEnd(9)} ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${String(Math.round(r * 100)).padStart(3)}%`;
  });
  const footer = `last ${s.lastN} answer${s.lastN === 1 ? '' : 's'} · trend: ${s.trend}`;
  return ['```', ...lines, footer, '```'].join('\n');
}
