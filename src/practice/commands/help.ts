// `/prep help [command]`: what Starling does and every command, or one command's examples.
import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { type CommandDef, type CommandRegistry, type CommandReply, defineCommand } from '../../chat/registry';
import type { AppContext } from '../context';

/** The full help, the same for every request in a channel (or in a DM): built once for each. */
const helpPages = new WeakMap<CommandRegistry<AppContext>, Map<string, CommandReply>>();

function helpPage(registry: CommandRegistry<AppContext>, all: CommandDef<AppContext, any>[], direct: boolean) {
  const pages = helpPages.get(registry) ?? new Map<string, CommandReply>();
  helpPages.set(registry, pages);
  // commands registered later make a new page
  const key = `${direct}:${all.length}:${registry.messageActions().length}`;
  const known = pages.get(key);
  if (known) return known;
  const page: CommandReply = {
    kind: 'info',
    title: 'Starling: your interview study group',
    text: [
      'Every day a question from an employer interview guide is posted here. Answer in its thread with one specific story: **S**ituation, **T**ask, **A**ction, **R**esult. You get private feedback on the structure, and your summary shows how you improve.',
      'Questions that ask for an approach (system design, technical) are answered as asked, backed by one real example; they count as answers and keep your streak, but stay out of the STAR figures.',
      '',
      ...all.map((c) => `\`${c.usage}\` - ${c.description}`),
      ...registry
        .messageActions()
        .map((a) => `**${a.label}** in a message's menu (Slack: More actions, Discord: Apps) - ${a.description}`),
    ].join('\n'),
    footer: '`/prep help <command>` for examples',
  };
  pages.set(key, page);
  return page;
}

function commandHelp(def: CommandDef<AppContext, any>): CommandReply {
  return {
    title: `/prep ${def.name}`,
    text: [
      def.description,
      '',
      `Usage: \`${def.usage}\``,
      'Examples:',
      ...def.examples.map((e) => `- \`${e}\``),
      ...(def.notes ?? []).flatMap((n) => ['', n]),
    ].join('\n'),
    kind: 'info',
  };
}

/** The help command reads the registry it is registered in. */
export function helpCommand(registry: CommandRegistry<AppContext>) {
  return defineCommand<AppContext, { command?: string }>({
    name: 'help',
    direct: true,
    description: 'What Starling does and every command',
    usage: '/prep help [command]',
    examples: ['/prep help', '/prep help schedule'],
    options: [{ name: 'command', description: 'A command to explain', type: 'string' }],
    args: z.object({ command: z.string().optional() }),
    async run(_ctx, args, event) {
      // In a direct message, only what works there.
      const all = registry.list().filter((c) => !event.direct || c.direct);
      if (args.command) {
        const name = args.command
          .replace(/^\/?prep\s+/, '')
          .trim()
          .toLowerCase();
        const def = registry.get(name);
        if (!def) {
          throw new UserError(
            `There is no \`/prep ${name}\` command.`,
            `\`/prep help\` lists them all, for example \`/prep help tips\``,
          );
        }
        return commandHelp(def);
      }
      return { ...helpPage(registry, all, Boolean(event.direct)) };
    },
  });
}
