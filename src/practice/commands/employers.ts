// `/prep employers`: the guides available, with their aliases and question counts.
import { z } from 'zod';
import { defineCommand } from '../../chat/registry';
import type { AppContext } from '../context';
import { plural } from '../format';

export const employersCommand = defineCommand<AppContext, Record<string, never>>({
  name: 'employers',
  direct: true,
  home: 'Employer tips',
  description: 'The employer guides available',
  usage: '/prep employers',
  examples: ['/prep employers'],
  options: [],
  args: z.object({}),
  async run(ctx) {
    const guides = ctx.guides.all();
    if (guides.length === 0) {
      return {
        kind: 'info',
        text: 'No guides are loaded yet. An organiser can add them with `starling guide import <file>`.',
      };
    }
    return {
      kind: 'info',
      title: `${plural(guides.length, 'guide')}`,
      text: guides
        .map((g) => {
          const aka = g.aliases.length ? ` (also: ${g.aliases.join(', ')})` : '';
          return `- **${g.employer}** – ${g.role} · ${plural(g.questions.length, 'question')} · \`${g.slug}\`${aka}`;
        })
        .join('\n'),
      footer: "`/prep tips <employer>` for an employer's tips · `/prep question <employer>` to practise",
    };
  },
});
