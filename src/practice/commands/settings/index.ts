// `/prep settings`: lists the channel's settings, and lets an admin change one.
import { z } from 'zod';
import { UserError } from '../../../chat/errors';
import { type CommandRegistry, defineCommand } from '../../../chat/registry';
import type { CommandEvent } from '../../../chat/types';
import type { AppContext } from '../../context';
import { requireAdmin } from '../words';
import { CHANNEL_SETTINGS } from './channel';
import { MEMBER_SETTINGS } from './member';
import { type SettingSpec, usageOf } from './spec';

async function listing(ctx: AppContext, event: CommandEvent, specs: readonly SettingSpec[], head: string) {
  const lines = await Promise.all(specs.map((s) => s.line(ctx, event)));
  return { kind: 'info' as const, text: [head, ...lines].join('\n') };
}

function find(specs: readonly SettingSpec[], name: string, where: string): SettingSpec {
  const spec = specs.find((s) => s.name === name);
  if (spec) return spec;
  const names = specs.map((s) => s.name);
  throw new UserError(
    `There is no "${name}" setting${where}. The settings are ${names.slice(0, -1).join(', ')} and ${names.at(-1)}.`,
    `\`${specs[0]?.example}\``,
  );
}

/** `/prep settings me [<setting> <value>]`: the member's own, private, no admin needed. */
async function personal(ctx: AppContext, event: CommandEvent, words: string) {
  const head = 'Your own settings (they follow you in every channel here):';
  const [first, ...rest] = words.split(/\s+/).filter(Boolean);
  const name = first?.toLowerCase();
  if (!name) return listing(ctx, event, MEMBER_SETTINGS, head);
  const spec = find(MEMBER_SETTINGS, name, ' of your own');
  const note = await spec.apply(ctx, event, rest.join(' '));
  const saved = await listing(ctx, event, MEMBER_SETTINGS, `Saved. ${head}`);
  return note ? { ...saved, text: `${saved.text}\n${note}` } : saved;
}

export function registerSettingsCommand(registry: CommandRegistry<AppContext>): void {
  registry.register(
    defineCommand<AppContext, { setting?: string; value?: string }>({
      name: 'settings',
      description: 'Settings: where feedback goes, answer window, who sees summaries, AI coach; `me` for your own',
      usage: `/prep settings [${usageOf(CHANNEL_SETTINGS)}] | /prep settings me [${usageOf(MEMBER_SETTINGS)}]`,
      examples: [
        '/prep settings',
        ...CHANNEL_SETTINGS.map((s) => s.example),
        '/prep settings me',
        ...MEMBER_SETTINGS.map((s) => s.example),
      ],
      options: [
        {
          name: 'setting',
          description: 'What to change',
          type: 'string',
          choices: [...CHANNEL_SETTINGS.map((s) => s.name), 'me'],
        },
        { name: 'value', description: 'The new value', type: 'string', rest: true },
      ],
      args: z.object({ setting: z.string().optional(), value: z.string().optional() }),
      async run(ctx, args, event) {
        const name = args.setting?.trim().toLowerCase();
        if (name === 'me') return personal(ctx, event, args.value?.trim() ?? '');
        if (!name) return listing(ctx, event, CHANNEL_SETTINGS, 'Settings for this channel:');
        requireAdmin(event, 'change channel settings');
        const spec = find(CHANNEL_SETTINGS, name, '');
        const note = await spec.apply(ctx, event, args.value?.trim() ?? '');
        const saved = await listing(ctx, event, CHANNEL_SETTINGS, 'Saved. Settings for this channel:');
        return note ? { ...saved, text: `${saved.text}\n${note}` } : saved;
      },
    }),
  );
}
