// `/prep tips <employer>` with no section: what the guide does have, in short.
import type { Guide } from '../../guides/schema';
import { leadSentences } from '../../text/sentences';

/** About this many characters say what an area is about (a sentence), or a stage of the process. */
const AREA_CHARS = 60;
const STAGE_CHARS = 110;
const MAX_FOCUS = 6;

const bullets = (items: readonly string[]) => items.map((i) => `- ${i}`).join('\n');

function evaluationPart(guide: Guide): string[] {
  if (!guide.evaluationAreas.length) return [];
  const lines = guide.evaluationAreas.map((a) =>
    a.description ? `**${a.name}** – ${leadSentences(a.description, AREA_CHARS)}` : `**${a.name}**`,
  );
  return ['**What they evaluate**', bullets(lines)];
}

function processPart(guide: Guide): string[] {
  if (!guide.process.length) return [];
  return [
    '**The process in short**',
    guide.process.map((p, i) => `${i + 1}. ${leadSentences(p, STAGE_CHARS)}`).join('\n'),
  ];
}

function adviceParts(guide: Guide): string[][] {
  const parts: string[][] = [];
  if (guide.tips.length) parts.push(['**Tips**', bullets(guide.tips)]);
  if (guide.focusAreas.length) parts.push(['**Focus areas**', bullets(guide.focusAreas.slice(0, MAX_FOCUS))]);
  return parts;
}

/** What is left when a guide has none of the above: say what it holds instead of a bare "nothing". */
function fallbackPart(guide: Guide): string[] {
  const held = [
    guide.questions.length ? `${guide.questions.length} practice questions` : '',
    guide.faqs.length ? 'an FAQ' : '',
    guide.responsibilities.length ? 'the key responsibilities' : '',
    guide.requirements.mustHave.length || guide.requirements.niceToHave.length ? 'the requirements' : '',
  ].filter(Boolean);
  return held.length
    ? [`The ${guide.employer} guide holds ${held.join(', ')}; the sections below show them.`]
    : [`The ${guide.employer} guide describes the role only: ${guide.role}.`];
}

export function renderOverview(guide: Guide): string {
  const parts = [evaluationPart(guide), processPart(guide), ...adviceParts(guide)].filter((p) => p.length);
  const shown = parts.length ? parts : [fallbackPart(guide)];
  return shown.map((p) => p.join('\n')).join('\n\n');
}
