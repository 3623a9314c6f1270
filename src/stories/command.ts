// `/prep stories`: the member's story bank, privately; `retag` sets a story's
// competencies, `merge` makes two stories one.
import { z } from 'zod';
import { UserError } from '../chat/errors';
import { type CommandRegistry, defineCommand } from '../chat/registry';
import type { CommandEvent, OutboundMessage } from '../chat/types';
import type { AppContext } from '../practice/context';
import { readingWorkspace, withNote } from '../practice/member-workspaces';
import { buildBank, gaps, type Story } from './bank';
import { type CompetencyMap, competencies, competencyNamed } from './competencies';
import { bankMessage, storyLines } from './render';
import { markStory, marksOf, repointStory, storyAnswersOf } from './store';

const Args = z.object({
  action: z
    .enum(['retag', 'merge'], {
      error: (iss) => `"${String(iss.input)}" is not something stories can do: use retag or merge`,
    })
    .optional(),
  story: z.coerce
    .number({ error: 'name the story by its number in `/prep stories`' })
    .int('name the story by its number in `/prep stories`')
    .min(1, 'story numbers start at 1')
    .optional(),
  with: z.string().optional(),
});
type StoriesArgs = z.infer<typeof Args>;

/** The member's stories as `/prep stories` numbers them. */
export async function bankOf(ctx: AppContext, workspace: string, userId: string): Promise<Story[]> {
  const [answers, marks] = await Promise.all([
    storyAnswersOf(ctx.db, workspace, userId),
    marksOf(ctx.db, workspace, userId),
  ]);
  const focusOf = (id: string) => ctx.guides.question(id)?.guide.focusAreas ?? [];
  return buildBank(competencies(), answers, marks, focusOf);
}

function pick(stories: Story[], n: number | undefined, what: string): Story {
  const s = n === undefined ? undefined : stories[n - 1];
  if (s) return s;
  if (stories.length === 0) {
    throw new UserError('You have no stories yet.', 'answer a daily question with one specific time it happened');
  }
  throw new UserError(
    n === undefined ? `Which story ${what}?` : `There is no story ${n}: you have ${stories.length}.`,
    '`/prep stories` lists them with their numbers',
  );
}

/** Competencies as typed: ids or labels, separated by commas or spaces. */
function readCompetencies(map: CompetencyMap, text: string): string[] {
  const whole = competencyNamed(map, text);
  if (whole && text.trim()) return [whole.id];
  const pieces = text
    .split(/[,;]|\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const ids: string[] = [];
  for (const p of pieces) {
    const c = competencyNamed(map, p);
    if (!c) {
      throw new UserError(
        `"${p}" is not a competency the story bank knows.`,
        `use any of: ${map.map((m) => `\`${m.id}\``).join(', ')}`,
      );
    }
    if (!ids.includes(c.id)) ids.push(c.id);
  }
  if (!ids.length) {
    throw new UserError(
      'Retag it as what?',
      `name one or more competencies: ${map.map((m) => `\`${m.id}\``).join(', ')}`,
    );
  }
  return ids;
}

async function retag(ctx: AppContext, event: CommandEvent, args: StoriesArgs): Promise<OutboundMessage> {
  const map = competencies();
  const stories = await bankOf(ctx, event.workspace, event.author.id);
  const story = pick(stories, args.story, 'should I retag');
  const ids = readCompetencies(map, args.with ?? '');
  const now = ctx.clock().getTime();
  await markStory(ctx.db, {
    workspace: event.workspace,
    userId: event.author.id,
    answerId: story.rootId,
    competencies: ids,
    now,
  });
  const after = (await bankOf(ctx, event.workspace, event.author.id))[story.number - 1] ?? story;
  return { kind: 'info', text: ['Retagged:', ...storyLines(map, after)].join('\n') };
}

async function merge(ctx: AppContext, event: CommandEvent, args: StoriesArgs): Promise<OutboundMessage> {
  const stories = await bankOf(ctx, event.workspace, event.author.id);
  const into = pick(stories, args.story, 'should the other join');
  const otherNumber = Number((args.with ?? '').trim());
  if (!Number.isInteger(otherNumber) || otherNumber < 1) {
    throw new UserError('Merge it with which story?', `give both numbers: \`/prep stories merge ${into.number} 2\``);
  }
  const other = pick(stories, otherNumber, 'should join it');
  if (other.rootId === into.rootId) throw new UserError('That is the same story twice.', 'name two different stories');
  const now = ctx.clock().getTime();
  const ws = event.workspace;
  await ctx.db.transaction().execute(async (trx) => {
    for (const answerId of other.answerIds) {
      await markStory(trx, { workspace: ws, userId: event.author.id, answerId, sameAs: into.rootId, now });
    }
    await repointStory(trx, ws, other.rootId, into.rootId, now);
  });
  const after = (await bankOf(ctx, ws, event.author.id)).find((s) => s.rootId === into.rootId) ?? into;
  return {
    kind: 'info',
    text: [`Story ${other.number} is now part of story ${into.number}:`, ...storyLines(competencies(), after)].join(
      '\n',
    ),
    footer: 'Stories after it move up one number.',
  };
}

export function registerStoriesCommand(registry: CommandRegistry<AppContext>): void {
  registry.register(
    defineCommand<AppContext, StoriesArgs>({
      name: 'stories',
      direct: true,
      home: 'Your stories',
      description: 'Your story bank: each story with its competencies, and the competencies with no story yet',
      usage: '/prep stories | retag <n> <competency...> | merge <n> <m>',
      examples: ['/prep stories', '/prep stories retag 1 conflict ownership'],
      notes: [
        'Every answer that tells one specific time it happened (in a question thread or a mock interview) is kept as a story, tagged with the competencies its own words, its question and its guide show. Only you see your bank.',
        `Competencies: ${competencies()
          .map((c) => `\`${c.id}\``)
          .join(
            ', ',
          )}. \`retag\` replaces a story's competencies with yours; \`merge 1 3\` counts story 3 as another telling of story 1.`,
        'When a new question arrives that one of your stories fits, I tell you privately which one.',
        'In a direct message with me (Discord, with Starling installed to your account): the bank of the server you practised in most recently; when you practise in several, the reply says so.',
      ],
      options: [
        {
          name: 'action',
          description: 'retag or merge (leave out to list)',
          type: 'string',
          choices: ['retag', 'merge'],
        },
        { name: 'story', description: 'The story number from /prep stories', type: 'integer' },
        {
          name: 'with',
          description: 'Competencies (retag) or the other story number (merge)',
          type: 'string',
          rest: true,
        },
      ],
      args: Args,
      async run(ctx, args, asked) {
        // in a DM through a user install: the bank of the server practised in most recently
        const { workspace, note } = await readingWorkspace(ctx, asked);
        const event = { ...asked, workspace };
        if (args.action === 'retag') return withNote(await retag(ctx, event, args), note);
        if (args.action === 'merge') return withNote(await merge(ctx, event, args), note);
        const map = competencies();
        const stories = await bankOf(ctx, event.workspace, event.author.id);
        return withNote(bankMessage(ctx.guides, map, stories, gaps(map, stories)), note);
      },
    }),
  );
}
