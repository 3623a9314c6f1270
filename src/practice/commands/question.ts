// `/prep question [employer] [category]`: a practice question posted now.
import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { defineCommand, tokenize } from '../../chat/registry';
import { parseCategory, QUESTION_CATEGORIES } from '../../guides/schema';
import { getTarget } from '../../interview/store';
import type { AppContext } from '../context';
import { categoryLabel, employerName, shortName } from '../format';
import { postQuestion } from '../posting';
import { resolveEmployer } from './phrase';
import { readEmployerCategory, requireCategory } from './words';

export const questionCommand = defineCommand<AppContext, { employer?: string; category?: string; words?: string[] }>({
  name: 'question',
  description: 'Post a practice question now',
  usage: '/prep question [employer] [category]',
  examples: ['/prep question', '/prep question chop', '/prep question chop behavioral', '/prep question system design'],
  options: [
    { name: 'employer', description: 'Employer name', type: 'string', autocomplete: 'employer' },
    {
      name: 'category',
      description: 'Question category',
      type: 'string',
      autocomplete: 'category',
      choices: QUESTION_CATEGORIES,
    },
  ],
  args: z.object({
    employer: z.string().optional(),
    category: z.string().optional(),
    words: z.array(z.string()).optional(),
  }),
  // Typed text is read against the guides when the command runs (readEmployerCategory).
  parseText: (text) => {
    const words = tokenize(text);
    return words.length ? { words } : {};
  },
  async run(ctx, args, event) {
    const typed: { employer?: string; category?: string; extra?: string } = args.words
      ? readEmployerCategory(ctx.guides, args.words)
      : args;
    const categoryOk = typed.category ? parseCategory(typed.category) : undefined;
    const guide = typed.employer?.trim()
      ? resolveEmployer(
          ctx.guides,
          typed.employer,
          (name) => `/prep question ${name}${categoryOk ? ` ${typed.category}` : ''}`,
        )
      : undefined;
    // a member preparing for an interview practises that employer unless they name another
    const target = guide ? undefined : await getTarget(ctx.db, event.workspace, event.author.id);
    const employer = guide?.slug ?? (target && ctx.guides.lookup(target.employer).guide?.slug);
    const named = guide ? `${shortName(ctx.guides, guide)} ` : '';
    const category = typed.category?.trim()
      ? requireCategory(typed.category, `\`/prep question ${named}behavioral\``)
      : undefined;
    if (typed.extra) {
      throw new UserError(
        `"${typed.extra}" is left over: \`/prep question\` takes an employer and one category.`,
        `\`/prep question ${named}${typed.category}\``,
      );
    }
    const post = await postQuestion(ctx, {
      workspace: event.workspace,
      channel: event.channel,
      employer,
      category,
      kind: 'adhoc',
      postedBy: event.author.id,
    });
    return {
      kind: 'info',
      text: `Posted a ${categoryLabel(post.category)} question from ${employerName(ctx.guides, post.employer)}. Answer in its thread.`,
    };
  },
});
