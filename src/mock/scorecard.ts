// The scorecard at the end of a mock interview: per question the STAR checks before and
// after the follow-ups, in the notation the feedback uses, what improved, the strongest
// answer, and one next step. Pure.
import type { OutboundMessage } from '../chat/types';
import { type Analysis, markerOf } from '../star';

export interface ScoredItem {
  position: number;
  question: string;
  state: 'waiting' | 'following-up' | 'done' | 'skipped';
  /** False for a question that asks for an approach: no STAR score. */
  story: boolean;
  first?: Analysis;
  last?: Analysis;
}

const PARTS = ['situation', 'task', 'action', 'result'] as const;
const NAME = { situation: 'the Situation', task: 'the Task', action: 'your Actions', result: 'the Result' } as const;

function clip(s: string, max = 90): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** What the follow-ups added: parts now present, a measured result, actions now told as "I". */
function improvements(first: Analysis, last: Analysis): string[] {
  const out = PARTS.filter((p) => !first.parts[p].present && last.parts[p].present).map((p) => `added ${NAME[p]}`);
  if (!first.resultMeasured && last.resultMeasured) out.push('measured the result');
  if (first.ownership.flagged && !last.ownership.flagged) out.push('said what you did yourself');
  if (!first.story && last.story) out.push('told a specific story');
  return out;
}

const score = (a: Analysis) => (a.checks.total ? a.checks.passed / a.checks.total : 0);

/** The gap most answers still have, as one thing to practise next. */
function nextStep(done: ScoredItem[], answered: number): string {
  const finals = done.map((i) => i.last).filter((a): a is Analysis => !!a);
  if (finals.length === 0) {
    return answered
      ? 'Try `/prep mock behavioral`: its questions ask for a story, which the scorecard can score.'
      : 'Answer at least one question next time: a mock interview needs an answer to score.';
  }
  const count = (gap: (a: Analysis) => boolean) => finals.filter(gap).length;
  const gaps: [number, string][] = [
    [count((a) => !a.story), 'Tell one specific time: a day, a place, what happened. General habits do not score.'],
    [count((a) => a.story && !a.parts.result.present), 'End every story with its result, before you are asked.'],
    [
      count((a) => a.story && a.parts.result.present && !a.resultMeasured),
      'Put a number on each result (time saved, errors down, people helped).',
    ],
    [count((a) => a.story && a.ownership.flagged), 'Say "I" for what you did yourself; keep "we" for the team.'],
    [count((a) => a.story && !a.parts.task.present), 'Say early what your goal or responsibility was.'],
  ];
  const [n, step] = gaps.reduce((best, g) => (g[0] > best[0] ? g : best), [0, ''] as [number, string]);
  return n > 0
    ? step
    : 'Your answers hold together: try `/prep mock` with a harder category, or time yourself to two minutes.';
}

export function scorecard(items: ScoredItem[], reason: 'finished' | 'stopped' | 'idle'): OutboundMessage {
  const lines: string[] = [];
  if (reason === 'idle') lines.push('_This mock interview had no reply for a day, so it closed by itself._', '');
  const answered = items.filter((i) => i.first && i.last);
  const scored = answered.filter((i) => i.story);
  for (const item of items) {
    lines.push(`**${item.position + 1}. ${clip(item.question)}**`);
    if (!item.first || !item.last) {
      lines.push(item.state === 'skipped' ? 'Skipped.' : 'Not answered.');
      continue;
    }
    if (!item.story) {
      lines.push('Answered. This question asks for your approach, not a story, so there is no STAR score.');
      continue;
    }
    const before = markerOf(item.first).text;
    const after = markerOf(item.last).text;
    lines.push(before === after ? before : `${before} → ${after}`);
    const better = improvements(item.first, item.last);
    if (better.length) lines.push(`Improved: ${better.join(', ')}.`);
  }
  const best = scored.reduce<ScoredItem | undefined>(
    (b, i) => (!b || score(i.last as Analysis) >= score(b.last as Analysis) ? i : b),
    undefined,
  );
  lines.push('');
  if (best?.last && best.last.checks.passed > 0) {
    lines.push(
      `**Strongest answer:** question ${best.position + 1} (${best.last.checks.passed} of ${best.last.checks.total} checks).`,
    );
  }
  lines.push(`**Next step:** ${nextStep(scored, answered.length)}`);
  return {
    kind: 'feedback',
    title: `Mock interview scorecard: ${answered.length} of ${items.length} answered`,
    text: lines.join('\n'),
    footer: 'Your answers count as practice in `/prep me`. Start another with `/prep mock`.',
  };
}
