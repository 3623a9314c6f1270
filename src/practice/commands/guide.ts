// `/prep guide add <address>` and `/prep guide remove <employer>`: admins add a guide from a
// page's address, with the importer's checks and a preview to confirm, and remove one added
// this way. Guides added from the chat live in the database beside the guide files.
import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { type CommandRegistry, type CommandReply, defineAction, defineCommand } from '../../chat/registry';
import type { CommandEvent, InboundFile } from '../../chat/types';
import {
  chatGuides,
  confirmDraft,
  discardDraft,
  getDraft,
  mergeChatGuides,
  removeChatGuide,
  saveDraft,
} from '../../guides/chat-store';
import { GuideParseError } from '../../guides/errors';
import { FetchPageError, fetchPage, isAddress } from '../../guides/fetch';
import { GuideLibrary } from '../../guides/library';
import { readGuide } from '../../guides/read';
import type { Guide } from '../../guides/schema';
import { readUpload } from '../../guides/upload';
import type { AppContext } from '../context';
import { categoryLabel, plural } from '../format';
import { requireAdmin } from './words';

const GuideArgs = z.object({
  action: z.enum(['add', 'remove'], { error: 'say `add <address>` or `remove <employer>`' }),
  // a file handed over with `add` stands for the address
  target: z.string().trim().max(2000).optional(),
});
type GuideArgs = z.infer<typeof GuideArgs>;

/** The guide files and the chat's guides, the chat's read again from the database. */
async function withChatGuides(ctx: AppContext, chatBefore: Guide[]): Promise<void> {
  const before = new Set(chatBefore.map((g) => g.slug));
  const files = ctx.guides.all().filter((g) => !before.has(g.slug));
  ctx.guides = new GuideLibrary(mergeChatGuides(files, await chatGuides(ctx.db)).guides);
}

/** The importer's refusal, said for the chat: --employer is a command-line option. */
function forChat(err: FetchPageError | GuideParseError): UserError {
  return new UserError(
    err.message.replace(
      / Say which employer it is: .*$/,
      ' Name the employer in the page, or import it with `starling guide import --employer`.',
    ),
  );
}

async function readFile(file: InboundFile): Promise<Guide> {
  try {
    return await readUpload(file);
  } catch (err) {
    if (err instanceof FetchPageError || err instanceof GuideParseError) throw forChat(err);
    throw err;
  }
}

async function readAddress(address: string): Promise<Guide> {
  if (!isAddress(address)) {
    throw new UserError(
      `"${address.slice(0, 80)}" is not a page address. Give the guide page's http(s) address.`,
      '/prep guide add https://example.com/acme-interview-guide',
    );
  }
  try {
    const page = await fetchPage(address.trim());
    return readGuide(page.text, address.trim(), {}, { html: page.html });
  } catch (err) {
    if (err instanceof FetchPageError || err instanceof GuideParseError) throw forChat(err);
    throw err;
  }
}

function preview(guide: Guide, draftId: string, event: CommandEvent): CommandReply {
  const counts = new Map<string, number>();
  for (const q of guide.questions) counts.set(q.category, (counts.get(q.category) ?? 0) + 1);
  const byCategory = [...counts].map(([c, n]) => `${categoryLabel(c)} ${n}`).join(', ');
  const sample = guide.questions.slice(0, 5).map((q) => `- ${q.text}`);
  return {
    kind: 'info',
    title: `${guide.employer} — ${guide.role}`,
    text: [
      `Read from ${guide.source}: ${plural(guide.questions.length, 'question')} (${byCategory}).`,
      ...sample,
      guide.questions.length > 5 ? `…and ${guide.questions.length - 5} more.` : '',
      'Add it? Daily questions, `/prep tips` and `/prep employers` will use it.',
    ]
      .filter(Boolean)
      .join('\n'),
    buttons: [
      { id: `guide:confirm:${draftId}:${event.author.id}`, label: 'Add this guide', style: 'primary' },
      { id: `guide:cancel:${draftId}:${event.author.id}`, label: 'Cancel' },
    ],
  };
}

async function add(ctx: AppContext, address: string | undefined, event: CommandEvent): Promise<CommandReply> {
  if (!event.file && !address) {
    throw new UserError(
      'Say which page: give its address, or attach the saved page (.txt, .md or .html) to the command.',
      '/prep guide add https://example.com/acme-interview-guide',
    );
  }
  const guide = event.file ? await readFile(event.file) : await readAddress(address ?? '');
  const chat = new Set((await chatGuides(ctx.db)).map((g) => g.slug));
  const same = ctx.guides.all().find((g) => g.slug === guide.slug);
  if (same && !chat.has(same.slug)) {
    throw new UserError(
      `${guide.employer} — ${guide.role} is already a guide file (${same.slug}); it was not replaced. Edit that file, or remove it first.`,
    );
  }
  const id = await saveDraft(ctx.db, guide, { workspace: event.workspace, userId: event.author.id }, ctx.clock());
  return preview(guide, id, event);
}

async function remove(ctx: AppContext, employer: string | undefined): Promise<CommandReply> {
  if (!employer) throw new UserError('Say which guide to remove.', '/prep guide remove acme');
  const guide = ctx.guides.resolve(employer);
  const before = await chatGuides(ctx.db);
  if (!before.some((g) => g.slug === guide.slug)) {
    throw new UserError(
      `${guide.employer} comes from a guide file (${guide.source}), not from the chat, so it stays. Remove the file from content/guides to drop it.`,
    );
  }
  await removeChatGuide(ctx.db, guide.slug);
  await withChatGuides(ctx, before);
  return {
    kind: 'info',
    text: `Removed the guide ${guide.employer} — ${guide.role}. Answers already given to its questions are kept.`,
  };
}

export function registerGuideCommand(registry: CommandRegistry<AppContext>): void {
  registry.register(
    defineCommand<AppContext, GuideArgs>({
      name: 'guide',
      description: 'Add a guide from a page address or a saved page (preview, then confirm), or remove one (admins)',
      usage: '/prep guide add <address or attached file> | /prep guide remove <employer>',
      examples: ['/prep guide add https://example.com/acme-interview-questions', '/prep guide remove acme'],
      notes: [
        'The page is read as `starling guide import` reads it: employer and role from its title, questions from the lists under its question headings. Nothing is added until you press the button under the preview.',
        'A saved page works too (.txt, .md or .html, up to 1 MB): on Discord attach it to the command, on Slack share the file in your direct messages with the bot.',
      ],
      options: [
        { name: 'action', description: 'add or remove', type: 'string', required: true, choices: ['add', 'remove'] },
        {
          name: 'target',
          description: 'the page address (add) or the employer (remove)',
          type: 'string',
          rest: true,
        },
        { name: 'file', description: 'the saved guide page (.txt, .md or .html), instead of an address', type: 'file' },
      ],
      args: GuideArgs,
      guard: 'admin',
      // a file shared in the bot's direct messages (Slack) arrives there
      direct: true,
      slow: true,
      async run(ctx, args, event) {
        requireAdmin(event, 'add or remove guides');
        return args.action === 'add' ? add(ctx, args.target, event) : remove(ctx, args.target);
      },
    }),
  );
  registry.registerAction(
    defineAction<AppContext>({
      prefix: 'guide:',
      async run(ctx, event) {
        const [, what, draftId = '', owner] = event.actionId.split(':');
        if (owner && owner !== event.author.id) {
          throw new UserError(
            "That button belongs to someone else's request.",
            'run `/prep guide add <address>` yourself',
          );
        }
        const draft = await getDraft(ctx.db, draftId);
        if (!draft || draft.confirmed) {
          return {
            kind: 'info',
            text: 'That preview has expired or was already answered. Run `/prep guide add <address>` again.',
          };
        }
        if (what !== 'confirm') {
          await discardDraft(ctx.db, draftId);
          return { kind: 'info', text: 'Nothing was added.' };
        }
        const before = await chatGuides(ctx.db);
        await confirmDraft(ctx.db, draftId, ctx.clock());
        await withChatGuides(ctx, before);
        const g = draft.guide;
        return {
          kind: 'info',
          text: `Added ${g.employer} — ${g.role}: ${plural(g.questions.length, 'question')}. \`/prep employers\` lists it; \`/prep question ${g.slug}\` asks one.`,
        };
      },
    }),
  );
}
