// How `/prep stories` reads: each story with its competencies and why, its best
// checks and how often it was practised; then the competencies with no story yet,
// each with a question to practise it.
import type { OutboundMessage } from '../chat/types';
import type { GuideLibrary } from '../guides/library';
import { plural, quote } from '../practice/format';
import type { AnswerFlags } from '../star';
import type { Story } from './bank';
import type { Competency, CompetencyMap } from './competencies';
import { firstMatch } from './tag';

/** The best checks as S · T · A · R marks, with the measured result and the count. */
export function checksLine(f: AnswerFlags): string {
  const mark = (ok: boolean, letter: string) => `${letter} ${ok ? '✓' : '✗'}`;
  const star = [mark(f.situation, 'S'), mark(f.task, 'T'), mark(f.action, 'A'), mark(f.result, 'R')].join(' · ');
  return `${star} (${f.checksPassed}/${f.checksTotal} checks${f.resultMeasured ? ', measured result' : ''})`;
}

function label(map: CompetencyMap, id: string): string {
  return map.find((c) => c.id === id)?.label ?? id;
}

/** Where the story was told, when a mock interview was one of the places. */
function mockNote(s: Story): string {
  if (!s.inMocks) return '';
  if (s.inMocks === s.practised) return s.practised === 1 ? ', in a mock interview' : ', all in mock interviews';
  return ` (${s.inMocks} in a mock interview)`;
}

export function storyLines(map: CompetencyMap, s: Story): string[] {
  const tags = s.tags.length
    ? s.tags.map((t) => `${label(map, t.id)} (${t.why})`).join(', ')
    : `_none found: retag it with \`/prep stories retag ${s.number} <competency>\`_`;
  return [
    `**${s.number}. “${s.title}”**`,
    `   Competencies: ${tags}`,
    `   Best checks: ${checksLine(s.best)} · practised ${plural(s.practised, 'time')}${mockNote(s)}`,
  ];
}

/** A question from the guides that asks for this competency, or the map's own prompt. */
function practiseQuestion(guides: GuideLibrary, c: Competency): string {
  const q = guides.questions().find((x) => x.star && firstMatch(x.text, c.words));
  return q ? `“${quote(q.text, 140)}” (${guides.displayName(q.guide)})` : `“${c.prompt}”`;
}

export function bankMessage(
  guides: GuideLibrary,
  map: CompetencyMap,
  stories: Story[],
  missing: CompetencyMap,
): OutboundMessage {
  const lines: string[] = [];
  if (stories.length === 0) {
    lines.push(
      'No stories yet. Every answer that tells one specific time it happened is kept here with the competencies it shows.',
    );
  }
  for (const s of stories) lines.push(...storyLines(map, s), '');
  if (missing.length) {
    lines.push('**Competencies with no story yet**');
    for (const c of missing) lines.push(`- **${c.label}**: practise with ${practiseQuestion(guides, c)}`);
  } else {
    lines.push('Every competency has a story. Practise the weakest again to make it sharper.');
  }
  return {
    kind: 'info',
    title: `Your story bank: ${plural(stories.length, 'story', 'stories')}`,
    text: lines.join('\n').trim(),
    footer:
      "`/prep stories retag <n> <competency...>` changes a story's competencies; `/prep stories merge <n> <m>` makes story m part of story n.",
  };
}
