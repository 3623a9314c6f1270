// `/prep tips <employer> [section]`: an employer's guide, in short or one section.
import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { defineCommand, tokenize } from '../../chat/registry';
import type { GuideLibrary } from '../../guides/library';
import type { Guide } from '../../guides/schema';
import type { AppContext } from '../context';
import { shortName } from '../format';
import { readEmployerPhrase, resolveEmployer } from './phrase';
import { renderOverview } from './tips-overview';

const TIP_SECTIONS = ['evaluation', 'process', 'faq', 'tips', 'responsibilities', 'requirements', 'questions'] as const;
type TipSection = (typeof TIP_SECTIONS)[number];

const SECTION_ALIASES: Record<string, TipSection> = {
  evaluation: 'evaluation',
  evaluate: 'evaluation',
  evaluations: 'evaluation',
  areas: 'evaluation',
  process: 'process',
  stages: 'process',
  faq: 'faq',
  faqs: 'faq',
  tips: 'tips',
  tip: 'tips',
  responsibilities: 'responsibilities',
  role: 'responsibilities',
  requirements: 'requirements',
  skills: 'requirements',
  questions: 'questions',
};

function parseSection(word: string): TipSection | undefined {
  return SECTION_ALIASES[word.toLowerCase()];
}

/**
 * `/prep tips` typed as text: the employer is the longest run of leading words naming
 * a guide; the next word is the section, and anything after it is `extra`.
 */
export function readTipsWords(
  guides: GuideLibrary,
  words: readonly string[],
): { employer?: string; section?: string; extra?: string } {
  const phrase = readEmployerPhrase(guides, words, (rest) => rest.length === 1 && !!parseSection(rest[0] ?? ''));
  const [section, ...extra] = phrase.rest;
  return {
    ...(phrase.employer ? { employer: phrase.employer } : {}),
    ...(section ? { section } : {}),
    ...(extra.length ? { extra: extra.join(' ') } : {}),
  };
}

const bullets = (items: readonly string[]) => items.map((i) => `- ${i}`).join('\n');

function renderTips(guide: Guide, section?: TipSection): { title: string; text: string } {
  const title = `${guide.employer} · ${guide.role}`;
  const none = (what: string) => `_The ${guide.employer} guide has no ${what}._`;
  switch (section) {
    case 'evaluation':
      return {
        title: `${title}: what they evaluate`,
        text: guide.evaluationAreas.length
          ? guide.evaluationAreas.map((a) => `**${a.name}**${a.description ? ` – ${a.description}` : ''}`).join('\n')
          : none('evaluation areas'),
      };
    case 'process':
      return {
        title: `${title}: the interview process`,
        text: guide.process.length
          ? guide.process.map((p, i) => `${i + 1}. ${p}`).join('\n')
          : none('process description'),
      };
    case 'faq':
      return {
        title: `${title}: FAQ`,
        text: guide.faqs.length ? guide.faqs.map((f) => `**${f.question}**\n${f.answer}`).join('\n\n') : none('FAQ'),
      };
    case 'tips':
      return { title: `${title}: tips`, text: guide.tips.length ? bullets(guide.tips) : none('tips') };
    case 'responsibilities':
      return {
        title: `${title}: key responsibilities`,
        text: guide.responsibilities.length ? bullets(guide.responsibilities) : none('responsibilities'),
      };
    case 'requirements': {
      const r = guide.requirements;
      const parts = [
        r.mustHave.length ? `**Must have**\n${bullets(r.mustHave)}` : '',
        r.niceToHave.length ? `**Nice to have**\n${bullets(r.niceToHave)}` : '',
      ].filter(Boolean);
      return { title: `${title}: requirements`, text: parts.length ? parts.join('\n\n') : none('requirements') };
    }
    case 'questions':
      return {
        title: `${title}: common questions`,
        text: guide.questions.length
          ? guide.questions.map((q) => `- ${q.text} _(${q.category.replace(/-/g, ' ')})_`).join('\n')
          : none('questions'),
      };
    default:
      return { title: `${title}: in short`, text: renderOverview(guide) };
  }
}

export const tipsCommand = defineCommand<AppContext, { employer?: string; section?: string; words?: string[] }>({
  name: 'tips',
  direct: true,
  description: "An employer's tips: what they evaluate, the process, FAQ, general tips",
  usage: '/prep tips <employer> [evaluation|process|faq|tips|responsibilities|requirements|questions]',
  examples: ['/prep tips chop', '/prep tips chop process', '/prep tips "harvard medical school" faq'],
  options: [
    { name: 'employer', description: 'Employer name', type: 'string', required: true, autocomplete: 'employer' },
    { name: 'section', description: 'Which part of the guide', type: 'string', choices: TIP_SECTIONS },
  ],
  args: z.object({
    employer: z.string().optional(),
    section: z.string().optional(),
    words: z.array(z.string()).optional(),
  }),
  // Typed text is read against the guides when the command runs (see readTipsWords).
  parseText: (text) => {
    const words = tokenize(text);
    return words.length ? { words } : {};
  },
  async run(ctx, args) {
    const typed: { employer?: string; section?: string; extra?: string } = args.words
      ? readTipsWords(ctx.guides, args.words)
      : args;
    if (!typed.employer?.trim()) {
      throw new UserError(
        'Which employer? `/prep tips` needs an employer name.',
        '`/prep tips chop` (`/prep employers` lists them)',
      );
    }
    const sectionWord = typed.section;
    const guide = resolveEmployer(
      ctx.guides,
      typed.employer,
      (name) => `/prep tips ${name}${sectionWord && parseSection(sectionWord) ? ` ${sectionWord}` : ''}`,
    );
    const example = `\`/prep tips ${shortName(ctx.guides, guide)} process\``;
    let section: TipSection | undefined;
    if (sectionWord) {
      section = parseSection(sectionWord);
      if (!section) {
        throw new UserError(
          `"${sectionWord}" is not a section of a guide. The sections are ${TIP_SECTIONS.join(', ')}.`,
          example,
        );
      }
    }
    if (typed.extra) {
      throw new UserError(`"${typed.extra}" is left over: \`/prep tips\` takes an employer and one section.`, example);
    }
    const { title, text } = renderTips(guide, section);
    return {
      kind: 'info',
      title,
      text,
      footer: section
        ? `Source: ${guide.source}`
        : `More: \`/prep tips ${shortName(ctx.guides, guide)} <${TIP_SECTIONS.join('|')}>\` · Source: ${guide.source}`,
    };
  },
});
