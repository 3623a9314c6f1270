// The brief a member gets the day before a real interview: what the employer
// evaluates, the process, the tips, and the member's three best-fitting stories.
import type { OutboundMessage } from '../chat/types';
import type { Guide } from '../guides/schema';
import type { FittingStory } from './stories';

const MAX_TIPS = 5;

function storyLine(s: FittingStory, employer: string): string {
  const shows = s.asked.length
    ? `${employer} asks about ${s.asked.join(', ')}${s.others.length ? `; it also shows ${s.others.join(', ')}` : ''}`
    : s.others.length
      ? `shows ${s.others.join(', ')}`
      : 'no competency tagged yet';
  const times = `practised ${s.practised} time${s.practised === 1 ? '' : 's'}`;
  return `- **Story ${s.number}**, “${s.title}”: ${shows}. Best ${s.checksPassed} of ${s.checksTotal} checks, ${times}.`;
}

function storyLines(stories: readonly FittingStory[], employer: string): string[] {
  if (stories.length === 0) {
    return [
      'No story answers yet. Tonight, answer one "Tell me about a time…" question with one real episode: `/prep question`.',
    ];
  }
  return stories.map((s) => storyLine(s, employer));
}

export function composeBrief(guide: Guide, when: string, stories: readonly FittingStory[]): OutboundMessage {
  const lines: string[] = [`Your **${guide.employer}** interview is tomorrow, ${when}. Here is what to have in mind.`];
  if (guide.evaluationAreas.length) {
    lines.push('', '**What they evaluate**');
    for (const e of guide.evaluationAreas) lines.push(`- **${e.name}**${e.description ? `: ${e.description}` : ''}`);
  }
  if (guide.process.length) {
    lines.push('', '**The process**');
    for (const [i, step] of guide.process.entries()) lines.push(`${i + 1}. ${step}`);
  }
  const tips = guide.tips.length ? guide.tips : guide.focusAreas;
  if (tips.length) {
    lines.push('', '**Tips**');
    for (const t of tips.slice(0, MAX_TIPS)) lines.push(`- ${t}`);
  }
  lines.push('', '**Your three best-fitting stories**', ...storyLines(stories, guide.employer));
  return {
    kind: 'info',
    title: `Tomorrow: ${guide.employer}`,
    text: lines.join('\n'),
    footer: `Good luck. \`/prep tips ${guide.slug}\` has the whole guide; \`/prep interview off\` when it is done.`,
  };
}
