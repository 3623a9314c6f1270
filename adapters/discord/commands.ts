// The one `/prep` application command, generated from the core's registry: each
// command a subcommand, each option typed. Registration is a bulk overwrite, done at
// start-up only when the generated definition differs from the last one registered
// in that scope (its hash is kept in the database).
import { createHash } from 'node:crypto';
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type REST,
  type RESTPutAPIApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import type { Kysely } from 'kysely';
import type { CommandDef, CommandOption, MessageActionDef } from '../../src/chat/registry';
import type { Database } from '../../src/db/schema';

const COMMAND_NAME = 'prep';
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

function description(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim() || 'No description';
  return t.length <= 100 ? t : `${t.slice(0, 99)}…`;
}

function option(o: CommandOption, where: string): APIApplicationCommandBasicOption {
  if (!NAME.test(o.name) || o.name !== o.name.toLowerCase()) {
    throw new Error(
      `option "${o.name}" of ${where} is not a valid Discord option name (lower case, 1-32 letters, digits, - or _)`,
    );
  }
  const base = { name: o.name, description: description(o.description), required: Boolean(o.required) };
  switch (o.type) {
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'file':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
    case 'string': {
      if (o.autocomplete) return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
      if (o.choices?.length) {
        if (o.choices.length > 25) throw new Error(`option "${o.name}" of ${where} has more than 25 choices`);
        return {
          ...base,
          type: ApplicationCommandOptionType.String,
          choices: o.choices.map((c) => ({ name: c.slice(0, 100), value: c.slice(0, 100) })),
        };
      }
      return { ...base, type: ApplicationCommandOptionType.String };
    }
  }
}

type CommandBody = RESTPutAPIApplicationCommandsJSONBody[number];

/**
 * Where `/prep` can be installed and used. When any subcommand is marked usable in a
 * direct message, `/prep` is installable to a user too and offered in DMs and group
 * DMs; the subcommands that are not answer there that they belong in a server.
 */
function reachOf(commands: readonly CommandDef<any, any>[]): Pick<CommandBody, 'contexts' | 'integration_types'> {
  if (!commands.some((c) => c.direct)) {
    return { contexts: [InteractionContextType.Guild], integration_types: [ApplicationIntegrationType.GuildInstall] };
  }
  return {
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  };
}

/** A message action as an entry of the message context menu (Apps > STAR check), usable anywhere. */
function buildMessageCommand(action: MessageActionDef<any>): CommandBody {
  if (action.label.length > 32) throw new Error(`message action label "${action.label}" is longer than Discord's 32`);
  return {
    name: action.label,
    type: ApplicationCommandType.Message,
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  };
}

/** Everything registered in one bulk overwrite: `/prep` and the message context menu entries. */
function buildCommands(
  commands: readonly CommandDef<any, any>[],
  messageActions: readonly MessageActionDef<any>[] = [],
): RESTPutAPIApplicationCommandsJSONBody {
  return [buildPrepCommand(commands), ...messageActions.map(buildMessageCommand)];
}

/** The `/prep` command with one subcommand per registered command. */
export function buildPrepCommand(commands: readonly CommandDef<any, any>[]): CommandBody {
  if (commands.length > 25) throw new Error(`Discord allows 25 subcommands; the registry has ${commands.length}`);
  const subcommands: APIApplicationCommandSubcommandOption[] = commands.map((def) => {
    if (!NAME.test(def.name)) throw new Error(`command "${def.name}" is not a valid Discord subcommand name`);
    const options = def.options.map((o) => option(o, `/prep ${def.name}`));
    // Discord requires required options before optional ones.
    options.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
    const note = def.guard === 'admin' ? ' (needs Manage Channels)' : '';
    return {
      type: ApplicationCommandOptionType.Subcommand,
      name: def.name,
      description: description(`${def.description}${note}`),
      ...(options.length ? { options } : {}),
    };
  });
  return {
    name: COMMAND_NAME,
    type: ApplicationCommandType.ChatInput,
    description: 'Interview practice: daily questions, STAR feedback and employer tips',
    ...reachOf(commands),
    options: subcommands,
  };
}

export function definitionHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

type CommandsTable = {
  discord_commands: { scope: string; hash: string; registered_at: number };
};

export interface RegisterResult {
  scope: string;
  registered: boolean;
}

/**
 * Registers `/prep` in one guild (instant, for testing) or globally, unless the same
 * definition was registered there before.
 */
export async function registerIfChanged(options: {
  db: Kysely<Database>;
  rest: REST;
  applicationId: string;
  guildId?: string;
  commands: readonly CommandDef<any, any>[];
  messageActions?: readonly MessageActionDef<any>[];
  now?: number;
}): Promise<RegisterResult> {
  const { rest, applicationId, guildId } = options;
  const db = options.db.withTables<CommandsTable>();
  const body = buildCommands(options.commands, options.messageActions);
  const scope = guildId ? `${applicationId}:guild:${guildId}` : `${applicationId}:global`;
  const hash = definitionHash(body);
  const known = await db.selectFrom('discord_commands').select('hash').where('scope', '=', scope).executeTakeFirst();
  if (known?.hash === hash) return { scope, registered: false };
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  await rest.put(route, { body });
  const now = options.now ?? Date.now();
  await db
    .insertInto('discord_commands')
    .values({ scope, hash, registered_at: now })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ hash, registered_at: now }))
    .execute();
  return { scope, registered: true };
}
